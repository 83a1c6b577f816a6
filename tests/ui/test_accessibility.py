"""Every control has an accessible name and takes focus from the keyboard, visibly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QScrollBar, QTabBar, QTextBrowser, QWidget


def controls(window):
    kinds = (QAbstractButton, QAbstractItemView, QLineEdit, QTextBrowser, QScrollBar)
    return [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]


def test_every_visible_control_has_an_accessible_name(controller):
    controller.open_entry("sertraline-clonazepam.md")
    window = controller.window
    window.list_panel.set_query("zzz")  # no-result panel with its buttons
    window.list_panel.set_query("sertralene")
    for state in ("entry", "no-result", "a tab made for one page"):
        if state == "entry":
            window.list_panel.set_query("")
        if state == "a tab made for one page":
            controller.open_entry("extra/alpha-beta.md")  # its Storage section has a tab of its own
            window.entry_view.tabs.setCurrentIndex(window.entry_view.tabs.count() - 1)
        nameless = [f"{type(w).__name__}:{w.objectName()}" for w in controls(window) if not w.accessibleName()]
        assert nameless == [], state
    bars = [f"{b.parent().parent().objectName()}" for b in window.findChildren(QScrollBar) if not b.accessibleName()]
    assert bars == [], "scroll bars a screen reader hears as nothing, shown when a page is long"


def test_tab_moves_focus_through_search_list_tabs_and_text(controller, qtbot):
    controller.open_entry("sertraline-clonazepam.md")
    window = controller.window
    window.activateWindow()
    window.focus_search()
    seen = []
    for _ in range(8):
        widget = window.focusWidget()
        seen.append(type(widget))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert QLineEdit in seen and QTabBar in seen
    assert any(issubclass(kind, QAbstractItemView) for kind in seen)
    assert any(issubclass(kind, QTextBrowser) for kind in seen)


def test_tab_reaches_every_enabled_control_of_the_window(controller, qtbot):
    """Back and the text size buttons too: nothing is reached by the mouse alone."""
    from PySide6.QtWidgets import QToolButton

    controller.open_entry("sertraline-clonazepam.md")
    controller.open_entry("extra/alpha-beta.md")
    window = controller.window
    window.activateWindow()
    window.focus_search()
    seen = set()
    for _ in range(40):
        widget = window.focusWidget()
        seen.add(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    buttons = [b for b in window.findChildren(QToolButton) if b.isVisible() and b.isEnabled() and b.accessibleName()]
    assert {b.accessibleName() for b in buttons} >= {"Back", "Smaller text", "Larger text"}
    missed = [b.accessibleName() for b in buttons if b not in seen]
    assert missed == [], f"Tab never reaches: {missed}"


def test_a_screen_reader_hears_what_the_count_and_the_panels_say(controller, qtbot):
    from PySide6.QtGui import QAccessible

    def heard(widget) -> str:
        return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)

    window = controller.window
    assert "Type one or two drug names" in heard(window.welcome.help)
    window.list_panel.set_query("sertraline")
    count = window.list_panel.count
    assert heard(count) == count.text() and count.text().split()[0].isdigit()
    window.list_panel.set_query("zzqqx")
    assert "No entry" in heard(window.no_result.message) or "no entry" in heard(window.no_result.message).lower()


def test_a_screen_reader_is_told_the_outcome_once_the_typing_pauses_and_an_entry_at_once(controller, qtbot, monkeypatch):
    from viewer.ui import announcer

    told: list[str] = []
    monkeypatch.setattr(announcer.QAccessible, "updateAccessibility", staticmethod(lambda event: told.append(event.message())))
    window = controller.window
    window.focus_search()
    qtbot.keyClicks(window.list_panel.search, "sertraline")
    assert told == []  # nothing said over the typing, key by key
    qtbot.waitUntil(lambda: bool(told), timeout=3000)
    assert len(told) == 1 and told[0].endswith("listed.") and told[0].split()[0].isdigit()
    window.list_panel.set_query("zzqqx")
    qtbot.waitUntil(lambda: len(told) == 2, timeout=3000)
    assert told[1] == "No entry for 'zzqqx' in this reference. A missing entry does not mean the combination is safe."
    controller.open_entry("sertraline-clonazepam.md")
    assert told[-1].startswith(controller.current.title) and "everity" in told[-1]


def test_focus_is_drawn(controller):
    style = controller.window.styleSheet()
    for selector in ("QLineEdit#SearchBox:focus", "QListView#EntryList:focus", "QTabBar::tab:focus", "QTextBrowser:focus"):
        assert selector in style


def test_typing_a_name_the_reference_lacks_does_not_flip_the_view_on_every_key(controller, qtbot):
    """Each key used to put the welcome back while the text was searched, then "No entry" again:
    a flicker to the eye and a new view for a screen reader on every key."""
    from viewer.core.session.states import View

    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=10_000)
    views: list[str] = []
    controller.session.events.view.connect(lambda view: views.append(view.name))
    window = controller.window
    window.focus_search()
    for key in "zzqqx":
        qtbot.keyClicks(window.list_panel.search, key)
        qtbot.wait(40)  # the text search answers between keys
    qtbot.waitUntil(lambda: "'zzqqx'" in window.no_result.message.text(), timeout=3000)
    assert views == ["NO_RESULT"] and controller.session.view == View.NO_RESULT
