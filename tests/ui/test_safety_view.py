"""Safety first on screen: the badge, warning and Banned flag lead and stay in view; serious text
is drawn as a callout in every theme; a serious entry opens on its warning; the list marks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from viewer.core.session.looks import ZOOM_MAX
from viewer.ui.theme import load_theme

FORM = Path(__file__).resolve().parent.parent / "fixtures" / "forms" / "safety-front-matter.md"


@pytest.fixture
def safety(make_controller, content):
    shutil.copy(FORM, content / "zetarol-quintavex.md")
    banned = FORM.read_text().replace("title: Zetarol + Quintavex", "title: Banamine + Quintavex\nis_banned: true")
    (content / "banamine-quintavex.md").write_text(banned.replace("severity: Major\n", ""))
    controller = make_controller(content, open_urls=False)
    controller.set_theme("light")
    return controller


def inside(widget, ancestor) -> bool:
    """Whether all of ``widget`` is visible within ``ancestor`` (not clipped, not squeezed)."""
    top_left = widget.mapTo(ancestor, QPoint(0, 0))
    needed = widget.heightForWidth(widget.width()) if widget.wordWrap() else widget.sizeHint().height()
    return (widget.isVisible() and top_left.y() >= 0 and top_left.y() + widget.height() <= ancestor.height()
            and widget.height() >= needed)


def test_the_header_leads_with_the_severity_word_and_warning_then_the_title(safety):
    safety.open_entry("zetarol-quintavex.md")
    view = safety.window.entry_view
    assert view.safety.isVisible()
    strip = view.safety.text()
    assert "MAJOR" in strip and "slow breathing to a dangerous degree" in strip
    assert view.safety.y() < view.title.y()
    assert "Reviewed 30 Sep 2025" in view.header.toPlainText() and "Made-up Formulary" in view.header.toPlainText()


def test_the_banned_flag_leads_and_no_severity_is_invented(safety):
    safety.open_entry("banamine-quintavex.md")
    strip = safety.window.entry_view.safety.text()
    assert "BANNED" in strip
    assert "MAJOR" not in strip and "Severity" not in strip  # this page states none


def test_an_entry_without_safety_fields_has_no_strip(safety):
    safety.open_entry("paroxetine-clonazepam.md")
    assert not safety.window.entry_view.safety.isVisible()


def opened_at(safety, qtbot, size, zoom):
    """The major entry opened in a window of ``size`` with the text ``zoom`` steps larger."""
    safety.window.resize(*size)
    safety.zoom(zoom)
    safety.open_entry("zetarol-quintavex.md")
    qtbot.wait(50)
    return safety.window, safety.window.entry_view


@pytest.mark.parametrize(("size", "zoom"), [((1024, 600), 0), ((1280, 820), ZOOM_MAX)])
def test_the_severity_and_warning_stay_on_screen_in_a_small_window_and_at_the_largest_text(safety, qtbot, size, zoom):
    window, view = opened_at(safety, qtbot, size, zoom)
    assert inside(view.safety, window), "the safety strip is clipped or squeezed"
    if size == (1024, 600) and zoom == 0:
        assert inside(view.title, window)


@pytest.mark.parametrize(("size", "zoom"), [((1280, 820), 0), ((1024, 600), ZOOM_MAX), ((1366, 768), 4)])
def test_the_header_is_never_a_scroll_box_of_its_own_the_entry_scrolls_as_one_page(safety, qtbot, size, zoom):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    _, view = opened_at(safety, qtbot, size, zoom)
    header = view.header
    assert header.verticalScrollBar().maximum() == 0  # the whole introduction, never a box that scrolls
    assert header.height() >= header.document().size().height()
    page = view.page.verticalScrollBar()
    safety_top = view.safety.mapTo(view.page.viewport(), QPoint(0, 0)).y()
    assert page.value() == 0 and 0 <= safety_top < view.fontMetrics().lineSpacing() * 2  # the severity leads the page
    assert view.safety.height() >= view.safety.heightForWidth(view.safety.width())  # whole, never squeezed
    if page.maximum() == 0:  # everything fits: the tabs fill the rest of the view
        assert view.tabs.height() >= view.page.viewport().height() // 2
        return
    # Large text: reading down a tab first scrolls the header away, then the tab's text.
    text = view.views[view.current_tab()]
    before = text.verticalScrollBar().value()
    for _ in range(60):
        wheel = QWheelEvent(QPointF(20, 20), text.viewport().mapToGlobal(QPointF(20, 20)), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(text.viewport(), wheel)
        if page.value() == page.maximum():
            break
    assert page.value() == page.maximum() and text.verticalScrollBar().value() == before
    assert view.tabs.visibleRegion().boundingRect().height() == view.tabs.height() >= view.page.viewport().height() - 2


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_a_serious_sub_label_is_drawn_as_a_callout_in_each_theme(safety, qtbot, theme):
    safety.set_theme(theme)
    safety.open_entry("zetarol-quintavex.md")
    view = safety.window.entry_view.views["side_effects"]
    assert "⚠ Warning" in view.toPlainText()
    qtbot.wait(20)
    image = view.viewport().grab().toImage()
    border = QColor(load_theme(theme).colours["callout_border"])
    hits = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if abs(image.pixelColor(x, y).red() - border.red()) < 12
               and abs(image.pixelColor(x, y).green() - border.green()) < 12
               and abs(image.pixelColor(x, y).blue() - border.blue()) < 12)
    assert hits > 50, f"no callout border drawn in {theme}"


def test_a_major_entry_opens_on_its_warning_and_others_on_the_last_tab(safety):
    view = safety.window.entry_view
    safety.open_entry("paroxetine-clonazepam.md")
    view.select_tab("mechanism")
    safety.open_entry("zetarol-quintavex.md")
    assert view.current_tab() == "side_effects"
    safety.open_entry("sertraline-clonazepam.md")
    assert view.current_tab() == "mechanism"  # the user's choice is kept for everything else


def test_the_list_marks_rated_rows_and_says_the_severity_to_a_screen_reader(safety):
    model = safety.window.list_panel.model
    row = model.row_of("zetarol-quintavex.md")
    index = model.index(row)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Zetarol + Quintavex, major severity"
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Severity: Major" in index.data(Qt.ItemDataRole.ToolTipRole)
    other = model.index(model.row_of("paroxetine-clonazepam.md"))
    assert other.data(Qt.ItemDataRole.AccessibleTextRole) == "Paroxetine + Clonazepam"


def test_screen_readers_hear_the_header_as_shown(safety):
    safety.open_entry("zetarol-quintavex.md")
    view = safety.window.entry_view
    assert view.title.accessibleName().startswith("Severity Major. Together they can slow breathing")
    assert view.title.accessibleName().endswith("Zetarol + Quintavex")
    assert "MAJOR" in view.safety.accessibleName()


def test_a_major_entry_opens_with_its_warning_box_in_view_even_below_a_long_opening(make_controller, content, qtbot):
    text = FORM.read_text().replace("**Common side effects:**", "\n\n".join(["An opening paragraph of the tab."] * 40)
                                    + "\n\n**Common side effects:**")
    (content / "long-warning.md").write_text(text.replace("title: Zetarol + Quintavex", "title: Longa + Quintavex"))
    controller = make_controller(content, open_urls=False)
    controller.window.resize(1024, 600)
    controller.open_entry("long-warning.md")
    view = controller.window.entry_view.views["side_effects"]
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0, timeout=2000)
    box = view.cursorRect(view.document().find("⚠ Warning"))
    assert 0 <= box.top() and box.bottom() <= view.viewport().height()
