"""Window states: welcome, entry, no result; the banner in all of them; title; history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.drawn import showing
from viewer.core.pages.safety import DISCLAIMER
from viewer.core.search.search_engine import NO_RESULT


def banner_fully_visible(window) -> bool:
    banner = window.banner
    label = banner._label
    top_left = banner.mapTo(window, banner.rect().topLeft())
    return (
        banner.isVisible()
        and label.height() >= label.heightForWidth(label.width())  # no wrapped line cut off
        and window.rect().contains(top_left)
        and banner.visibleRegion().boundingRect().size() == banner.size()
    )


def test_the_welcome_panel_says_how_many_entries_and_how_to_search(controller):
    window = controller.window
    assert showing(window) == "welcome"
    assert window.welcome.summary.text() == "3 combination entries loaded from content."
    assert "Ctrl+L" in window.welcome.help.text()
    assert window.windowTitle() == "Drug Combination Reference"


def test_the_title_names_the_open_entry(controller):
    controller.open_entry("paroxetine-clonazepam.md")
    assert controller.window.windowTitle() == "Drug Combination Reference — Paroxetine + Clonazepam"


def test_no_result_says_a_missing_entry_is_not_safety_and_offers_the_nearest(controller, qtbot):
    window = controller.window
    qtbot.keyClicks(window.list_panel.search, "setralnn qqqq")  # no medicine named: neither word is close enough to one
    assert showing(window) == "no-result"
    assert window.no_result.message.text() == NO_RESULT.format(query="setralnn qqqq")
    assert "A missing entry does not mean the combination is safe." in window.no_result.message.text()
    assert window.no_result.suggestions()[0] == "Sertraline + Clonazepam"
    window.no_result._buttons[0].click()
    assert controller.current.title == "Sertraline + Clonazepam"


def test_clearing_a_failed_search_returns_to_the_open_entry(controller, qtbot):
    window = controller.window
    controller.open_entry("paroxetine-clonazepam.md")
    window.list_panel.set_query("zzz")
    assert showing(window) == "no-result"
    window.list_panel.set_query("")
    assert showing(window) == "entry" and window.windowTitle().endswith("Paroxetine + Clonazepam")


@pytest.mark.parametrize("size", [(640, 440), (1100, 760), (1920, 1080)])
def test_the_banner_is_always_visible(controller, qtbot, size):
    window = controller.window
    window.resize(*size)
    states = [
        lambda: None,
        lambda: controller.open_entry("sertraline-clonazepam.md"),
        lambda: window.list_panel.set_query("no such drug"),
        lambda: controller.show_problems_dialog().close(),
    ]
    for state in states:
        state()
        qtbot.wait(10)
        assert banner_fully_visible(window)
        assert DISCLAIMER in window.banner.label_text()


def test_the_banner_cannot_be_hidden_or_closed(controller):
    banner = controller.window.banner
    banner.hide()
    banner.setVisible(False)
    banner.close()
    assert banner.isVisible()


def test_back_and_forward_through_opened_entries(controller, qtbot):
    window = controller.window
    assert not window.back_action.isEnabled()
    for path in ("paroxetine-clonazepam.md", "sertraline-clonazepam.md", "extra/alpha-beta.md"):
        controller.open_entry(path)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert controller.current.path == "sertraline-clonazepam.md"
    window.back_action.trigger()
    assert controller.current.path == "paroxetine-clonazepam.md" and not window.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert controller.current.path == "sertraline-clonazepam.md" and window.forward_action.isEnabled()
    controller.open_entry("paroxetine-clonazepam.md")
    assert not window.forward_action.isEnabled()


@pytest.mark.parametrize("name", ["clonazepam + sertraline", "SERTRALINE clonazepam", "Clonazepam/Sertraline"])
def test_a_name_from_the_command_line_opens_its_entry(controller, name):
    assert controller.open_by_name(name)
    assert controller.window.windowTitle() == "Drug Combination Reference — Sertraline + Clonazepam"


def test_a_pair_with_no_entry_opens_its_check_with_the_sentence(controller):
    assert not controller.open_by_name("warfarin + aspirin")
    assert showing(controller.window) == "check"
    assert controller.window.list_panel.search.text() == "warfarin + aspirin"
    assert all("does not mean the combination is safe" in row for row in controller.window.check.rows())


def test_a_name_on_the_command_line_is_matched_like_the_search_box(make_controller, qtbot):
    from viewer.paths import bundled_dir

    controller = make_controller(bundled_dir("content"), open_urls=False)
    assert controller.open_by_name("zoloft klonopin")  # brands, as print and search accept them
    assert controller.current.title == "Sertraline + Clonazepam"


def test_leaving_a_failed_search_shows_the_same_entry_without_rendering_it_again(controller, monkeypatch):
    controller.open_entry("sertraline-clonazepam.md")
    controller.window.list_panel.set_query("zzq")
    monkeypatch.setattr(controller.builder, "build", lambda *_: (_ for _ in ()).throw(AssertionError("rendered again")))
    controller.window.list_panel.set_query("")
    assert showing(controller.window) == "entry"
    assert controller.window.windowTitle() == "Drug Combination Reference — Sertraline + Clonazepam"


def test_a_new_window_fits_the_screens_available_area_1366x768_included(qapp, settings, content):
    from PySide6.QtCore import QRect

    from viewer.ui.controller import Controller
    from viewer.ui.main_window import fitted
    from viewer.ui.settings import Preferences

    class Laptop:  # a 1366x768 screen with a 32-pixel panel
        def availableGeometry(self) -> QRect:
            return QRect(0, 0, 1366, 736)

    assert fitted((1180, 780), Laptop()) == (1180, 688)  # the status bar stays on screen
    controller = Controller(content, Preferences(settings), open_urls=False)
    area = controller.window.screen().availableGeometry()
    assert controller.window.height() <= area.height() and controller.window.width() <= area.width()
    controller.shutdown()
    controller.window.close()
