"""Kiosk mode: one full-screen window that nothing escapes, reset when idle, left only with the PIN."""

from __future__ import annotations

import gc
import hashlib

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QScroller, QToolBar

from tests.helpers import FULL_BODY, REAL_SITE, needs_real_site, page
from tests.ui.drawn import showing
from viewer.core.kiosk_config import KioskConfig
from viewer.ui.kiosk import Kiosk

PIN = "2468"


def fail(*_args, **_kwargs):
    raise AssertionError("the kiosk must never open this")


@pytest.fixture
def kiosk_for(qtbot, settings, content):
    from viewer.ui.settings import Preferences

    made = []
    (content / "links.md").write_text(page("Links + Page", FULL_BODY.replace(
        "Used for testing.", "See [the web](https://example.org), [a file](file:///etc/passwd) and "
        "[sertraline](sertraline-clonazepam.md).")))

    def make(**overrides):
        config = KioskConfig(**{"exit_pin_sha256": hashlib.sha256(PIN.encode()).hexdigest(), **overrides})
        kiosk = Kiosk.build(content, Preferences(settings), config)
        controller = kiosk.controller
        kiosk.show()  # not qtbot.addWidget: pytest-qt would try to close it before kiosk.stop()
        qtbot.waitExposed(controller.window)
        made.append((kiosk, controller))
        return kiosk

    yield make
    for kiosk, controller in made:
        kiosk.stop()
        controller.shutdown()
        controller.window.close()
        controller.window.deleteLater()


@pytest.fixture
def kiosk(kiosk_for):
    return kiosk_for()


@pytest.fixture
def no_escape_hatches(monkeypatch):
    """Every way out of the program fails loudly if the kiosk ever reaches it."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fail))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fail))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fail))
    monkeypatch.setattr(QPrintDialog, "exec", fail)
    monkeypatch.setattr(QPrintDialog, "open", fail)
    monkeypatch.setattr(QPrintPreviewDialog, "open", fail)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", fail)


def one_full_screen_window(kiosk) -> bool:
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    return shown == [kiosk.window] and kiosk.window.isFullScreen()


def test_one_frameless_full_screen_window_without_menus(kiosk):
    window = kiosk.window
    assert one_full_screen_window(kiosk)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.menuBar().isVisible()
    assert not any(a.isVisible() for a in (window.quit_action, window.print_action, window.export_action))


KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_M, Qt.KeyboardModifier.MetaModifier),
    (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier),
]


def test_no_shortcut_leaves_the_window(kiosk, qtbot, no_escape_hatches):
    window = kiosk.window
    targets = [window, window.list_panel.search, window.list_panel.view, window.entry_view.views["usage"]]
    kiosk.controller.open_entry("sertraline-clonazepam.md")
    for target in targets:
        for key, modifiers in KEYS:
            qtbot.keyClick(target, key, modifiers)
            assert one_full_screen_window(kiosk), (key, modifiers)
    assert window.text_point_size() == pytest.approx(kiosk.window._base_point_size, rel=0.01)  # zoom keys dropped


def test_close_requests_are_refused(kiosk, qtbot):
    window = kiosk.window
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert not window.close()
    assert one_full_screen_window(kiosk)


def test_leaving_full_screen_comes_straight_back(kiosk, qtbot):
    for leave in (kiosk.window.showNormal, kiosk.window.showMinimized, kiosk.window.showMaximized):
        leave()
        qtbot.waitUntil(lambda: kiosk.window.isFullScreen(), timeout=2000)


def test_no_context_menu_anywhere(kiosk, qtbot):
    window = kiosk.window
    kiosk.controller.open_entry("sertraline-clonazepam.md")
    for widget in (window.list_panel.search, window.list_panel.view.viewport(), window.entry_view.views["usage"].viewport(),
                   window.entry_view.tabs.tabBar(), window.banner):
        for reason in (QContextMenuEvent.Reason.Mouse, QContextMenuEvent.Reason.Keyboard):
            QApplication.sendEvent(widget, QContextMenuEvent(reason, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5))))
        qtbot.mouseClick(widget, Qt.MouseButton.RightButton, pos=QPoint(5, 5))
        assert QApplication.activePopupWidget() is None
        assert one_full_screen_window(kiosk)


def test_searching_reading_links_and_printing_open_nothing_outside(kiosk_for, qtbot, no_escape_hatches):
    kiosk = kiosk_for(allow_print=True, printer="No Such Printer")
    window = kiosk.window
    qtbot.keyClicks(window.list_panel.search, "links")
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Return)
    assert kiosk.controller.current.title == "Links + Page"
    for url in ("https://example.org", "file:///etc/passwd", "mailto:a@example.org"):
        window.entry_view.views["usage"].link_activated.emit(QUrl(url))
        assert kiosk.controller.current.title == "Links + Page"
    window.entry_view.views["usage"].link_activated.emit(QUrl("sertraline-clonazepam.md"))
    assert kiosk.controller.current.title == "Sertraline + Clonazepam"
    assert kiosk.print_button.isVisible()
    kiosk.print_button.click()
    assert kiosk.notice.text().startswith("Could not print: the printer 'No Such Printer' is not available")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert one_full_screen_window(kiosk)


def test_print_button_only_when_allowed(kiosk):
    kiosk.controller.open_entry("sertraline-clonazepam.md")
    assert not kiosk.print_button.isVisible() and not kiosk.print_current()


def test_idle_reset_returns_everything_to_the_start(kiosk_for, qtbot):
    kiosk = kiosk_for(idle_seconds=0.3)
    window, controller = kiosk.window, kiosk.controller
    qtbot.keyClicks(window.list_panel.search, "clon")
    controller.open_entry("paroxetine-clonazepam.md")
    controller.open_entry("sertraline-clonazepam.md")
    window.entry_view.select_tab("faqs")
    bar = window.entry_view.views["faqs"].verticalScrollBar()
    bar.setValue(bar.maximum())
    kiosk.ask_pin()
    assert kiosk.pinpad.isVisible()
    qtbot.waitUntil(lambda: kiosk.attract.isVisible(), timeout=3000)
    assert window.list_panel.search.text() == ""
    assert controller.current is None and showing(window) == "welcome"
    assert not window.list_panel.view.currentIndex().isValid()
    assert window.entry_view.current_tab() == "usage"
    assert all(v.verticalScrollBar().value() == 0 for v in window.entry_view.views.values())
    assert not window.back_action.isEnabled() and not controller.session.history.can_go_back()
    assert not kiosk.pinpad.isVisible()
    assert window.banner.isVisible() and not kiosk.attract.geometry().intersects(window.banner.geometry())
    assert kiosk.attract.label.text() == "Touch to look up a combination"
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert not kiosk.attract.isVisible()


def test_activity_postpones_the_idle_reset(kiosk_for, qtbot):
    kiosk = kiosk_for(idle_seconds=0.6)
    for _ in range(4):
        qtbot.wait(250)
        qtbot.keyClick(kiosk.window.list_panel.search, Qt.Key.Key_A)
    assert not kiosk.attract.isVisible()


def test_the_exit_gesture_with_a_wrong_pin_stays_and_the_right_pin_exits(kiosk, qtbot):
    exits = []
    kiosk.exit_requested.connect(lambda: exits.append(True))
    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(kiosk.window, Qt.Key.Key_X, chord)
    assert kiosk.pinpad.isVisible()
    for digit in "1111":
        kiosk.pinpad.buttons[digit].click()
    kiosk.pinpad.buttons["OK"].click()
    assert one_full_screen_window(kiosk) and exits == []
    assert kiosk.pinpad.prompt.text() == "Wrong PIN, try again"
    for digit in PIN:
        kiosk.pinpad.buttons[digit].click()
    kiosk.pinpad.buttons["OK"].click()
    assert exits == [True] and not kiosk.window.isVisible()


def test_five_taps_in_the_top_right_corner_ask_for_the_pin_and_taps_on_back_do_not(kiosk, qtbot):
    window = kiosk.window
    back = window.findChild(QToolBar).widgetForAction(window.back_action)
    for _ in range(6):
        qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert not kiosk.pinpad.isVisible()
    for _ in range(5):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(window.width() - 10, 10))
    assert kiosk.pinpad.isVisible()


def test_without_a_pin_the_kiosk_cannot_be_left(kiosk_for, qtbot):
    kiosk = kiosk_for(exit_pin_sha256=None)
    kiosk.ask_pin()
    assert not kiosk.pinpad.isVisible() and "disabled" in kiosk.notice.text()


def test_touch_targets_are_at_least_44_pixels(kiosk, qtbot):
    window = kiosk.window
    assert all(key.height() >= 60 and key.width() >= 44 for key in kiosk.finder.keyboard.keys.values())
    assert kiosk.finder.field.height() >= 44 and not window.list_panel.search.isVisible()  # one search field
    kiosk.medicines.choose("Sertraline")
    kiosk.controller.open_entry("sertraline-clonazepam.md")
    qtbot.wait(20)
    bar = window.entry_view.tabs.tabBar()
    assert all(bar.tabRect(i).height() >= 44 and bar.tabRect(i).width() >= 44 for i in range(bar.count()))
    view = window.list_panel.view
    assert view.visualRect(view.model().index(0, 0)).height() >= 44
    toolbar = window.findChild(type(window.addToolBar("x")), "NavigationToolbar")
    for action in (window.back_action, window.forward_action):
        widget = toolbar.widgetForAction(action)
        assert widget.height() >= 44 and widget.width() >= 44


def test_lists_and_text_scroll_kinetically(kiosk):
    window = kiosk.window
    for view in (window.list_panel.view, window.entry_view.page, window.entry_view.views["usage"], kiosk.finder.view):
        assert QScroller.hasScroller(view.viewport())


def test_nothing_a_finger_can_drag_off_float_or_collapse(kiosk):
    """No toolbar moves, floats or offers a menu to hide it; the list and the page keep their shares."""
    window = kiosk.window
    toolbars = window.findChildren(QToolBar)
    assert len(toolbars) >= 2  # Back and Forward; Start again
    for toolbar in toolbars:
        assert not toolbar.isMovable() and not toolbar.isFloatable(), toolbar.windowTitle()
        assert toolbar.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, toolbar.windowTitle()
    splitter = window.splitter
    assert not splitter.childrenCollapsible()
    assert all(not splitter.handle(i).isEnabled() for i in range(1, splitter.count()))


def test_a_combination_can_be_found_without_a_keyboard(kiosk, qtbot):
    """Three taps on the screen's own keys, one on the name, one on a row: an entry."""
    window = kiosk.window
    assert tap_keys(qtbot, kiosk, "SER") == 3
    assert kiosk.finder.field.text() == "ser"
    tap_name(qtbot, kiosk, "Sertraline")
    assert kiosk.medicines.chosen == ["Sertraline"] and list(kiosk.chips.chips) == ["Sertraline"]
    assert kiosk.finder.field.text() == ""  # the next medicine is typed afresh
    assert all("Sertraline" in title for title in listed_titles(window))
    view = window.list_panel.view
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert kiosk.controller.current.title == "Sertraline + Clonazepam"


def test_two_medicines_only_a_page_of_three_holds_are_said_to_have_no_entry_of_their_own(kiosk_for, content, qtbot):
    (content / "zetarol-quintavex-lumbrina.md").write_text(page("Zetarol + Quintavex + Lumbrina", FULL_BODY))
    kiosk = kiosk_for()
    kiosk.medicines.choose("Zetarol")
    kiosk.medicines.choose("Quintavex")
    window = kiosk.window
    assert showing(window) == "welcome" and kiosk.controller.current is None  # the page of three is not their answer
    assert kiosk.finder.heading.text().startswith(
        "No entry for 'Zetarol + Quintavex' in this reference. A missing entry does not mean the combination is safe.")
    assert listed_titles(window) == ["Zetarol + Quintavex + Lumbrina"]


def test_the_kiosk_banner_text_comes_from_the_config(kiosk_for):
    kiosk = kiosk_for(banner_text="Ask our pharmacist before changing any medicine.")
    assert "Ask our pharmacist" in kiosk.window.banner.label_text()


def test_a_bad_config_file_stops_start_up_with_its_message(tmp_path, capsys):
    from viewer.cli import main

    path = tmp_path / "kiosk.toml"
    path.write_text("font_scale = 'big'\n")
    assert main(["--kiosk", "--config", str(path)]) == 2
    assert f"{path}: key 'font_scale': must be a number" in capsys.readouterr().err


def resident_kib() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 // 1024


@pytest.mark.slow
def test_soak_two_thousand_cycles_keep_widgets_and_memory_steady(kiosk, qtbot):
    """Search, open, switch tabs, reset, 2,000 times: no widget piles up, memory stays flat."""
    window, controller = kiosk.window, kiosk.controller
    queries = ["sert", "clon paro", "zzq", "alpha", "links"]
    paths = [e.path for e in controller.library.entries]

    def cycle(n: int) -> None:
        window.list_panel.set_query(queries[n % len(queries)])
        controller.open_entry(paths[n % len(paths)])
        for key in window.entry_view.tab_keys():
            window.entry_view.select_tab(key)
        kiosk.reset()
        kiosk.attract.hide()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    def settled_widgets() -> int:
        """Top-level widgets once everything already scheduled for deletion is gone."""
        for _ in range(3):
            gc.collect()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
        return len(QApplication.topLevelWidgets())

    for n in range(100):  # warm up caches and Qt's own pools
        cycle(n)
    widgets, memory = settled_widgets(), resident_kib()
    for n in range(2000):
        cycle(n)
    assert settled_widgets() == widgets
    assert resident_kib() < memory * 1.10, (memory, resident_kib())


# --- a patient alone, with taps only (issue 16) ------------------------------------------------

@pytest.fixture
def bundled_kiosk(qtbot, settings):
    """The kiosk on the bundled library (dozens of medicines), as clinics run it."""
    from viewer.paths import content_dir
    from viewer.ui.settings import Preferences

    config = KioskConfig(exit_pin_sha256=hashlib.sha256(PIN.encode()).hexdigest())
    kiosk = Kiosk.build(content_dir(), Preferences(settings), config)
    controller = kiosk.controller
    kiosk.show()
    qtbot.waitExposed(controller.window)
    yield kiosk
    kiosk.stop()
    controller.shutdown()
    controller.window.close()
    controller.window.deleteLater()


def tap_keys(qtbot, kiosk, letters: str) -> int:
    """Letters typed as a finger would: a click on each of the screen's keys; the taps it took."""
    for letter in letters:
        qtbot.mouseClick(kiosk.finder.keyboard.keys[letter.upper()], Qt.MouseButton.LeftButton)
    return len(letters)


def tap_name(qtbot, kiosk, name: str) -> None:
    """A tap on a suggested name, which must be on the first screen of suggestions."""
    finder = kiosk.finder
    qtbot.wait(30)  # a person's taps are never in the same millisecond: the screen has settled
    assert name in finder.shown_names(), f"{name} is not on the screen after typing {finder.field.text()!r}"
    index = finder.model.index(finder.model.stringList().index(name))
    qtbot.mouseClick(finder.view.viewport(), Qt.MouseButton.LeftButton, pos=finder.view.visualRect(index).center())


def find(qtbot, kiosk, name: str) -> int:
    """The fewest letters that bring ``name`` on screen typed on the keys, then the name tapped:
    the taps it took."""
    typed = kiosk.medicines.finder.typing_to_find(name)
    assert typed is not None, f"no typing finds {name}"
    taps = tap_keys(qtbot, kiosk, typed)
    tap_name(qtbot, kiosk, name)
    return taps + 1


def listed_titles(window) -> list[str]:
    panel = window.list_panel
    return [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920), (1920, 1080)])
def test_keys_and_the_first_screen_of_suggestions_fit_every_screen(bundled_kiosk, qtbot, size):
    from viewer.core.search.typeahead import FIRST_SCREEN

    window, finder = bundled_kiosk.window, bundled_kiosk.finder
    window.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    qtbot.wait(50)
    for key, button in finder.keyboard.keys.items():
        rect = button.rect().translated(button.mapTo(window, QPoint(0, 0)))
        assert window.rect().contains(rect), f"key {key!r} is cut at {size}"
        assert rect.height() >= 60 and rect.width() >= 60, f"key {key!r} is {rect.width()}x{rect.height()} at {size}"
    assert len(finder.shown_names()) >= FIRST_SCREEN, f"fewer than {FIRST_SCREEN} suggestions in view at {size}"
    chips = bundled_kiosk.chips
    assert window.rect().contains(chips.rect().translated(chips.mapTo(window, QPoint(0, 0))))


def test_chips_build_the_answer_and_nothing_on_screen_is_another_pair(bundled_kiosk, qtbot):
    window, kiosk = bundled_kiosk.window, bundled_kiosk
    find(qtbot, kiosk, "Sertraline")
    assert showing(window) == "welcome" and "Sertraline is in your list" in kiosk.finder.heading.text()
    assert listed_titles(window) and all("Sertraline" in title for title in listed_titles(window))
    find(qtbot, kiosk, "Tramadol")
    assert kiosk.controller.current.title == "Sertraline + Tramadol"
    assert listed_titles(window)[0] == "Sertraline + Tramadol"
    assert all({"Sertraline", "Tramadol"} <= set(title.split(" + ")) for title in listed_titles(window))  # no other pair
    assert window.back_action.isEnabled()
    kiosk.start_again.trigger()
    assert kiosk.medicines.chosen == [] and not kiosk.chips.chips and showing(window) == "welcome"
    find(qtbot, kiosk, "Warfarin")
    find(qtbot, kiosk, "Digoxin")  # no entry for this pair: the sentence, never silence
    assert showing(window) == "check"
    assert any("A missing entry does not mean the combination is safe" in row for row in window.check.rows())
    assert "Three or more" not in window.check.note.text()  # the sentence for a pair
    assert all({"Warfarin", "Digoxin"} >= set(title.split(" + ")) for title in listed_titles(window))
    find(qtbot, kiosk, "Ibuprofen")
    assert showing(window) == "check" and window.check.heading.text().startswith("Checking 3 medicines")
    qtbot.mouseClick(kiosk.chips.chips["Warfarin"], Qt.MouseButton.LeftButton)  # the x on its chip
    assert kiosk.medicines.chosen == ["Digoxin", "Ibuprofen"]
    assert showing(window) in ("check", "entry") and "Warfarin" not in " ".join(listed_titles(window))
    qtbot.mouseClick(kiosk.chips.chips["Ibuprofen"], Qt.MouseButton.LeftButton)
    assert showing(window) == "welcome" and all("Digoxin" in title for title in listed_titles(window))
    qtbot.mouseClick(kiosk.chips.chips["Digoxin"], Qt.MouseButton.LeftButton)
    assert showing(window) == "welcome" and not kiosk.chips.chips and kiosk.chips.empty.isVisible()


def test_back_from_the_pairs_entry_keeps_my_medicines_and_start_again_clears_them(bundled_kiosk, qtbot):
    kiosk, window = bundled_kiosk, bundled_kiosk.window
    find(qtbot, kiosk, "Sertraline")
    find(qtbot, kiosk, "Tramadol")
    assert showing(window) == "entry"
    window.back_action.trigger()
    assert showing(window) == "welcome" and kiosk.medicines.chosen == ["Sertraline", "Tramadol"]
    assert listed_titles(window)[0] == "Sertraline + Tramadol"  # what the chips ask, still beside the keyboard
    kiosk.start_again.trigger()
    assert kiosk.medicines.chosen == [] and not listed_titles(window) and showing(window) == "welcome"


def test_add_another_brings_the_keyboard_back_and_keeps_the_chips(bundled_kiosk, qtbot):
    kiosk = bundled_kiosk
    find(qtbot, kiosk, "Sertraline")
    find(qtbot, kiosk, "Tramadol")
    assert showing(kiosk.window) == "entry"
    qtbot.mouseClick(kiosk.chips.add, Qt.MouseButton.LeftButton)
    assert showing(kiosk.window) == "welcome" and kiosk.medicines.chosen == ["Sertraline", "Tramadol"]
    assert "Sertraline" not in kiosk.medicines.suggestions()  # a chosen one is not offered again
    find(qtbot, kiosk, "Ibuprofen")
    assert showing(kiosk.window) == "check" and kiosk.window.check.heading.text().startswith("Checking 3 medicines")


@pytest.mark.parametrize("where", ["entry", "one medicine", "a pair without an entry", "typing"])
def test_start_again_and_back_always_lead_home(bundled_kiosk, qtbot, where):
    window, controller, kiosk = bundled_kiosk.window, bundled_kiosk.controller, bundled_kiosk
    if where == "entry":
        controller.open_entry("sertraline-tramadol.md")
    elif where == "one medicine":
        find(qtbot, kiosk, "Sertraline")
    elif where == "a pair without an entry":
        find(qtbot, kiosk, "Warfarin")
        find(qtbot, kiosk, "Digoxin")
        assert showing(window) == "check"
    else:
        tap_keys(qtbot, kiosk, "ZZQ")
        assert kiosk.finder.model.rowCount() == 0
    bundled_kiosk.start_again.trigger()
    assert showing(window) == "welcome" and window.list_panel.search.text() == "" and controller.current is None
    assert kiosk.medicines.chosen == [] and kiosk.finder.field.text() == "" and not kiosk.chips.chips
    controller.open_entry("sertraline-tramadol.md")
    assert window.back_action.isEnabled()
    window.back_action.trigger()  # the first entry: Back goes home
    assert showing(window) == "welcome"


def test_the_pin_pad_covers_the_screen_and_wrong_pins_wait_longer_each_time(kiosk, qtbot, monkeypatch):
    from viewer.ui import kiosk_pin

    now = [1000.0]
    monkeypatch.setattr(kiosk_pin.time, "monotonic", lambda: now[0])
    window, pad = kiosk.window, kiosk.pinpad
    kiosk.ask_pin()
    assert pad.geometry() == window.rect()
    for point in (QPoint(20, 20), QPoint(window.width() // 2, window.height() - 5)):
        hit = window.childAt(point)
        assert hit is pad or pad.isAncestorOf(hit), "something behind the PIN pad can be tapped"

    def wrong():
        for digit in "9999":
            pad.press(digit)
        pad.press("OK")

    wrong(), wrong()
    assert not kiosk.lockout.waiting()
    waits = []
    for _ in range(4):
        wrong()
        waits.append(kiosk.lockout.remaining())
        assert not pad.buttons["OK"].isEnabled() and pad.buttons["Cancel"].isEnabled()
        wrong()  # ignored while waiting: no try is counted
        now[0] += waits[-1]
        kiosk.lockout.show_wait()
    assert waits == [1, 2, 4, 8]
    for digit in PIN:
        pad.press(digit)
    exits = []
    kiosk.exit_requested.connect(lambda: exits.append(True))
    pad.press("OK")
    assert exits == [True]


def test_the_kiosk_comes_back_after_being_minimised(kiosk, qtbot):
    window = kiosk.window
    window.showMinimized()
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized() and window.isVisible(), timeout=2000)
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isFullScreen(), timeout=2000)
    window.hide()
    qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen(), timeout=2000)


def test_web_links_are_drawn_as_text_with_their_address(kiosk):
    kiosk.controller.open_entry("links.md")
    text = kiosk.window.entry_view.views["usage"].toPlainText()
    assert "the web (https://example.org)" in text
    html = kiosk.window.entry_view.views["usage"].toHtml()
    assert 'href="https://example.org"' not in html and 'href="sertraline-clonazepam.md"' in html


def test_the_banner_is_fully_readable_on_a_480_by_320_screen(kiosk, qtbot):
    window, banner = kiosk.window, kiosk.window.banner
    window.setGeometry(0, 0, 480, 320)
    qtbot.waitUntil(lambda: window.width() == 480, timeout=2000)
    qtbot.wait(30)
    label = banner.findChild(QLabel, "BannerText")
    assert label.height() >= label.heightForWidth(label.width()), "the disclaimer is cut"
    top_left = banner.mapTo(window, QPoint(0, 0))
    assert top_left.y() + banner.height() <= window.height() and banner.width() <= window.width()


def names_cut(kiosk) -> tuple[set[str], list[str]]:
    """Every name suggested for each letter, measured as its button draws it: (seen, those cut)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QStyleOptionViewItem

    from viewer.ui.list_rows import text_room

    view, delegate = kiosk.finder.view, kiosk.finder.view.itemDelegate()
    seen, cut = set(), []
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        kiosk.medicines.set_typed(letter)
        for row in range(view.model().rowCount()):
            index = view.model().index(row, 0)
            option = QStyleOptionViewItem()
            option.rect, option.font = view.visualRect(index), view.font()  # as the view hands it to the delegate
            delegate.initStyleOption(option, index)
            metrics, (width, height) = QFontMetricsF(option.font), text_room(view, option)
            widest = max(metrics.horizontalAdvance(word) for word in index.data().split())
            tall = metrics.boundingRect(QRectF(0, 0, width, 0), int(Qt.TextFlag.TextWordWrap), index.data()).height()
            if widest > width + 0.5 or tall > height + 0.5:
                cut.append(f"{index.data()} ({widest:.0f}x{tall:.0f} in {width}x{height})")
            seen.add(index.data())
    return seen, cut


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)])
def test_every_medicine_name_is_drawn_whole_in_its_button(bundled_kiosk, qtbot, size):
    """A word longer than its button ("Bendroflumethiazide") or more lines than it holds are
    drawn smaller until they fit, never cut; every name suggested is measured as it is drawn."""
    bundled_kiosk.window.resize(*size)
    qtbot.wait(50)
    seen, cut = names_cut(bundled_kiosk)
    assert not cut
    assert "Bendroflumethiazide" in seen and len(seen) == len(bundled_kiosk.medicines.finder.names)


@needs_real_site
def test_every_medicine_of_the_real_site_is_drawn_whole_in_its_button(qtbot, settings):
    from viewer.ui.settings import Preferences

    kiosk = Kiosk.build(REAL_SITE, Preferences(settings), KioskConfig(exit_pin_sha256="0" * 64))
    kiosk.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.window.resize(1280, 800)
    qtbot.wait(50)
    try:
        seen, cut = names_cut(kiosk)
        assert len(seen) == len(kiosk.medicines.finder.names) > 1500
        assert not cut, f"{len(cut)} names cut, such as {cut[:5]}"
    finally:
        kiosk.stop()
        kiosk.controller.shutdown()
        kiosk.window.close()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)])
def test_chips_wrap_onto_more_lines_and_none_is_cut(bundled_kiosk, qtbot, size):
    from PySide6.QtGui import QFontMetrics

    window, kiosk = bundled_kiosk.window, bundled_kiosk
    window.setGeometry(0, 0, *size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    for name in ("Bendroflumethiazide", "Calcium Carbonate", "Clarithromycin", "Carbamazepine", "Amitriptyline"):
        kiosk.medicines.choose(name)
    qtbot.wait(50)
    for name, chip in kiosk.chips.chips.items():
        rect = chip.rect().translated(chip.mapTo(window, QPoint(0, 0)))
        assert window.rect().contains(rect), f"the chip of {name} runs off the screen at {size}"
        assert QFontMetrics(chip.font()).horizontalAdvance(chip.text()) <= chip.width(), f"{name}'s chip is cut"
    assert showing(window) == "check"  # the chips moved the page down, never off: it is still in view
    assert window.stack.geometry().height() > 200


def test_the_administrators_exit_shows_the_contents_problems_and_the_public_never_does(kiosk_for, content, qtbot):
    (content / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nNo heading.\n")
    kiosk = kiosk_for()
    assert not kiosk.window.problems_button.isVisible()
    exits = []
    kiosk.exit_requested.connect(lambda: exits.append(True))
    kiosk.ask_pin()
    for digit in PIN:
        kiosk.pinpad.buttons[digit].click()
    kiosk.pinpad.buttons["OK"].click()
    assert exits == [] and kiosk.pinpad.admin.isVisible()
    assert "broken.md" in kiosk.pinpad.problems.toPlainText()
    next(b for b in kiosk.pinpad.admin.findChildren(QPushButton) if b.text() == "Leave the kiosk").click()
    assert exits == [True]


def test_a_very_long_warning_is_shown_whole_and_the_entry_scrolls_on_to_the_title_and_tabs(kiosk_for, content, qtbot):
    warning = "Watch for this. " * 640  # 10 KB
    (content / "long.md").write_text(page(front=f"title: Long + Warning\nseverity: major\nwarning: \"{warning}\"\n", body=FULL_BODY))
    kiosk = kiosk_for()
    kiosk.controller.open_entry("long.md")
    qtbot.wait(50)
    view = kiosk.window.entry_view
    assert view.safety.height() >= view.safety.heightForWidth(view.safety.width()) > view.page.viewport().height()
    assert view.page.verticalScrollBar().value() == 0  # opened at its top: the severity first
    view.page.ensureWidgetVisible(view.title)
    assert view.title.visibleRegion().boundingRect().height() == view.title.height()
    view.page.verticalScrollBar().setValue(view.page.verticalScrollBar().maximum())
    assert view.tabs.visibleRegion().boundingRect().height() == view.tabs.height() >= view.page.viewport().height() - 2


def test_the_kiosk_is_a_mode_the_window_is_built_in_never_a_desk_window_rewritten(qtbot, settings, content):
    from viewer.ui.controller import Controller
    from viewer.ui.modes import kiosk_mode
    from viewer.ui.settings import Preferences

    desk = Controller(content, Preferences(settings), open_urls=False)
    qtbot.addWidget(desk.window)
    with pytest.raises(ValueError, match="kiosk mode"):
        Kiosk(desk, KioskConfig())
    config = KioskConfig(font_scale=2.0)
    made = Controller(content, Preferences(settings), mode=kiosk_mode(config))
    window = made.window
    assert window.menuBar().isHidden() and not window.print_action.isEnabled() and not made.open_urls
    assert window.text_point_size() >= 2 * desk.window.text_point_size() - 0.1
    made.open_entry("sertraline-clonazepam.md")
    assert window.back_action.isEnabled()  # the mode's rule: Back leads to the start
    window.back_action.trigger()
    assert made.session.view == "welcome" and made.current is None
    made.shutdown()
    window.allow_close()
    window.close()
