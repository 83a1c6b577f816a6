"""Find in page: Ctrl+F finds a word in the open entry across its tabs, with a count, Next and
Previous, as a browser does."""

from __future__ import annotations

from PySide6.QtCore import Qt


def occurrences(window, word: str) -> dict[str, int]:
    views = {"header": window.entry_view.header, **window.entry_view.views}
    return {key: views[key].document().toPlainText().lower().count(word) for key in ["header", *window.entry_view.tab_keys()]}


def test_ctrl_f_finds_a_word_in_every_tab_and_steps_through_them(controller, qtbot):
    window = controller.window
    window.show()
    controller.open_entry("sertraline-clonazepam.md")
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.entry_view.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "Clonazepam")
    counts = occurrences(window, "clonazepam")
    total = sum(counts.values())
    assert len([k for k, n in counts.items() if n]) >= 2  # the word stands in more than one tab
    assert bar.count.text() == f"1 of {total}"
    visited = set()
    for step in range(2, total + 2):
        visited.add(window.entry_view.current_tab())
        assert len(window.entry_view.views[window.entry_view.current_tab()].extraSelections()) == counts[
            window.entry_view.current_tab()]
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        assert bar.count.text() == f"{(step - 1) % total + 1} of {total}"
    assert visited == {k for k, n in counts.items() if n} - {"header"}  # Next went through every tab that holds it
    assert counts["header"] and len(window.entry_view.header.extraSelections()) == counts["header"]  # and the header
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{total} of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert all(not view.extraSelections() for view in window.entry_view.views.values())


def test_a_word_not_in_the_entry_says_not_found(controller, qtbot):
    window = controller.window
    window.show()
    controller.open_entry("sertraline-clonazepam.md")
    window.find_action.trigger()
    qtbot.keyClicks(window.entry_view.find_bar.field, "zzqx")
    assert window.entry_view.find_bar.count.text() == "Not found"


def test_find_is_offered_only_while_an_entry_is_in_front(controller, qtbot):
    window = controller.window
    window.show()
    assert not window.find_action.isEnabled()  # the welcome page
    controller.open_entry("sertraline-clonazepam.md")
    window.find_action.trigger()
    assert window.find_action.isEnabled() and window.entry_view.find_bar.isVisible()
    window.list_panel.set_query("no such medicine zzqx")
    qtbot.waitUntil(lambda: not window.find_action.isEnabled(), timeout=3000)
    assert not window.entry_view.find_bar.isVisible()
