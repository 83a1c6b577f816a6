"""Search in the window: brands, the pair check, full-text results and where they lead."""

from __future__ import annotations

import pytest

from tests.ui.drawn import showing
from viewer.core.search.search_engine import MISSING_PAIR, Results
from viewer.paths import bundled_dir
from viewer.ui.entry_list import Role


@pytest.fixture
def bundled(make_controller, qtbot):
    controller = make_controller(bundled_dir("content"), open_urls=False)
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=10000)
    return controller


def text_searched(controller, qtbot):
    """Full text is searched off the window's thread: wait for its answer."""
    qtbot.waitUntil(lambda: not controller.window.list_panel.proxy.text_pending(), timeout=5000)


def shown(controller):
    proxy = controller.window.list_panel.proxy
    return [(proxy.index(r, 0).data(), proxy.index(r, 0).data(Role.KIND)) for r in range(proxy.rowCount())]


def test_brand_names_in_the_search_box(bundled, qtbot):
    qtbot.keyClicks(bundled.window.list_panel.search, "zoloft klonopin")
    assert shown(bundled)[0] == ("Sertraline + Clonazepam", "combination")


def test_three_drugs_open_the_pair_check(bundled, qtbot):
    window = bundled.window
    qtbot.keyClicks(window.list_panel.search, "metformin, sertraline, lithium, ibuprofen")
    text_searched(bundled, qtbot)  # "metformin" is unknown once no page's text holds it either
    assert showing(window) == "check"
    rows = window.check.rows()
    assert window.check.notes.accessibleName() == "Not in this reference: metformin. The check below leaves it out."
    assert not any("Metformin" in row for row in rows)  # an unknown name makes no pair sentence
    assert rows[0].startswith("MAJOR: Lithium + Ibuprofen.")  # its severity first, as the page states it
    assert window.list_panel.count.text().startswith(f"3 of {len(bundled.library.entries)}")  # the entries the check names
    from PySide6.QtWidgets import QPushButton

    buttons = [b for row in window.check._rows for b in row.findChildren(QPushButton)]
    next(b for b in buttons if "Lithium + Ibuprofen" in b.text()).click()
    assert bundled.current.title == "Lithium + Ibuprofen"


def test_full_text_results_are_marked_and_open_on_their_tab_with_the_words_marked(bundled, qtbot):
    window = bundled.window
    qtbot.keyClicks(window.list_panel.search, "naloxone")
    text_searched(bundled, qtbot)
    rows = shown(bundled)
    assert rows and all(kind == "fulltext" for _, kind in rows)
    index = window.list_panel.proxy.index(0, 0)
    from PySide6.QtCore import Qt

    assert "found in the text" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "naloxone" in index.data(Role.SNIPPET).lower()
    window.list_panel.view.activated.emit(index)
    assert window.entry_view.current_tab() == "precautions"  # the tab that holds the words
    marked = window.entry_view.views["precautions"].extraSelections()
    assert marked and all(s.cursor.selectedText().lower().startswith("naloxone") for s in marked)


def test_title_search_works_before_the_index_is_ready(make_controller, content, qtbot):
    controller = make_controller(content, open_urls=False)
    controller.fulltext.stop()
    controller.session.set_fulltext(None)  # as at start, while the index is being built
    qtbot.keyClicks(controller.window.list_panel.search, "sert")
    assert shown(controller) == [("Sertraline + Clonazepam", "combination")]


def test_slow_indexing_shows_progress_in_the_status_bar(make_controller, content, qtbot, monkeypatch):
    import viewer.ui.indexing as indexing_module

    monkeypatch.setattr(indexing_module, "INDEX_QUIET_SECONDS", -1.0)
    controller = make_controller(content, open_urls=False)
    messages = []
    controller.window.statusBar().messageChanged.connect(messages.append)
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=10000)
    assert "Indexing page text for full-text search: 3 of 3" in messages
    assert "Full-text search is ready." in messages


def test_the_no_result_state_still_offers_nearest_matches_with_full_text_ready(bundled, qtbot):
    qtbot.keyClicks(bundled.window.list_panel.search, "zzqx")
    assert showing(bundled.window) != "no-result"  # not before the text has been searched
    text_searched(bundled, qtbot)
    assert showing(bundled.window) == "no-result"


def test_after_shutdown_no_background_work_starts_again(make_controller, content, qtbot):
    """A queued "update again" must not restart indexing once the window is going away
    (it used to, and the orphaned thread crashed the next test)."""
    from PySide6.QtCore import QThreadPool

    controller = make_controller(content, open_urls=False)
    controller.fulltext.update()  # one running...
    controller.fulltext.update()  # ...and one queued behind it
    controller.watcher.reload_now()
    controller.shutdown()
    for _ in range(20):
        qtbot.wait(10)
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    assert not controller.fulltext.running()
    controller.fulltext.update()
    controller.watcher.reload_now()
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_an_index_update_can_be_cancelled_between_pages(tmp_path):
    from tests.helpers import seed_folder
    from viewer.core.search.index import FullTextIndex

    index = FullTextIndex(seed_folder(tmp_path / "content"), tmp_path / "cache")
    assert index.update(cancelled=lambda: True) == 0 and index.page_count() == 0
    assert index.update() == 2


def test_typing_never_waits_for_the_text_search_and_only_the_last_query_is_shown(bundled, qtbot, monkeypatch):
    import threading

    from viewer.core.search import index as index_module

    gate = threading.Event()
    real = index_module.FullTextIndex.search

    def slow_search(self, terms, limit=50):
        gate.wait(5)  # the text search is slow: typing goes on meanwhile
        return real(self, terms, limit)

    monkeypatch.setattr(index_module.FullTextIndex, "search", slow_search)
    search = bundled.window.list_panel.search
    qtbot.keyClicks(search, "withdr")  # each keystroke returns at once, the search still running
    assert bundled.window.list_panel.count.text() == "Searching the text…"
    search.setText("naloxone")
    gate.set()
    text_searched(bundled, qtbot)
    rows = shown(bundled)
    assert rows and all(kind == "fulltext" for _, kind in rows)
    assert all("naloxone" in bundled.window.list_panel.proxy.index(r, 0).data(Role.SNIPPET).lower() for r in range(len(rows)))


def test_the_tab_marks_the_same_words_as_the_snippet_accents_and_all(make_controller, content, qtbot):
    from tests.helpers import FULL_BODY, page
    from viewer.core.search.index import MARK_START, make_snippet

    (content / "accents.md").write_text(page("Alpha + Beta", FULL_BODY.replace("Drowsiness.", "Risk of sérotonin syndrome.")))
    controller = make_controller(content, open_urls=False)
    controller.open_entry("accents.md")
    marked = controller.window.entry_view.highlight("side_effects", ["serotonin"])
    selections = controller.window.entry_view.views["side_effects"].extraSelections()
    assert marked == 1 and selections[0].cursor.selectedText() == "sérotonin"
    assert f"{MARK_START}sérotonin" in make_snippet("Risk of sérotonin syndrome.", ["serotonin"])


def test_a_list_pasted_into_the_search_box_opens_its_check_with_the_major_pair_first(bundled, qtbot):
    from PySide6.QtWidgets import QApplication

    from tests.helpers import DISCHARGE_LIST

    window = bundled.window
    QApplication.clipboard().setText(DISCHARGE_LIST)
    window.list_panel.search.setFocus()
    window.list_panel.search.paste()
    text_searched(bundled, qtbot)
    assert showing(window) == "check"
    assert window.check.heading.text() == "Checking 5 medicines in pairs: Atorvastatin, Warfarin, Omeprazole, Sertraline, Ibuprofen"
    assert window.check.rows()[0].startswith("MAJOR: Warfarin + Ibuprofen.")


def test_enter_on_a_pair_with_no_entry_opens_no_other_page(bundled, qtbot):
    from PySide6.QtCore import Qt

    window = bundled.window
    qtbot.keyClicks(window.list_panel.search, "atorvastatin omeprazole")
    text_searched(bundled, qtbot)
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Return)
    assert showing(window) == "check" and bundled.current is None
    assert window.check.rows() == [f"Atorvastatin + Omeprazole: {MISSING_PAIR}"]


def test_back_from_an_entry_opened_from_a_check_returns_to_the_check(bundled, qtbot):
    from PySide6.QtWidgets import QPushButton

    window = bundled.window
    bundled.open_entry("sertraline-clonazepam.md")
    query = "warfarin, ibuprofen, sertraline"
    qtbot.keyClicks(window.list_panel.search, query)
    text_searched(bundled, qtbot)
    buttons = [b for row in window.check._rows for b in row.findChildren(QPushButton)]
    next(b for b in buttons if "Warfarin + Ibuprofen" in b.text()).click()
    assert bundled.current.title == "Warfarin + Ibuprofen" and showing(window) == "entry"
    window.back_action.trigger()
    assert showing(window) == "check" and window.list_panel.search.text() == query
    assert window.check.rows()[0].startswith("MAJOR: Warfarin + Ibuprofen.")
    window.forward_action.trigger()
    assert showing(window) == "entry" and bundled.current.title == "Warfarin + Ibuprofen"


def test_an_unknown_name_is_said_above_the_list(bundled, qtbot):
    window = bundled.window
    qtbot.keyClicks(window.list_panel.search, "zzqqx tramadol")
    text_searched(bundled, qtbot)
    assert window.list_panel.notes.isVisible()
    assert window.list_panel.notes.accessibleName() == "Not in this reference: zzqqx. The results below leave it out."
    assert window.list_panel.shown_count() >= 5  # tramadol's combinations, the unknown word left out


def test_the_indexing_message_ends_when_indexing_ends(make_controller, content, qtbot, monkeypatch):
    import viewer.ui.indexing as indexing_module

    controller = make_controller(content, open_urls=False)
    monkeypatch.setattr(indexing_module, "INDEX_QUIET_SECONDS", 60.0)
    status = controller.index_status
    status._shown = True  # a progress message was shown, however quick the end
    controller.window.statusBar().showMessage("Indexing page text for full-text search: 2 of 3")
    status._ready(None, 0)
    assert controller.window.statusBar().currentMessage() == "Full-text search is ready."


def test_a_cache_that_cannot_be_written_is_said_once_and_never_turns_into_no_entry(make_controller, content, qtbot,
                                                                                     monkeypatch):
    monkeypatch.setenv("COMBO_VIEWER_CACHE", "/proc/self/combo-viewer-cache")
    controller = make_controller(content, open_urls=False)
    messages = []
    controller.window.statusBar().messageChanged.connect(messages.append)
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=10000)
    assert sum("could not keep the full-text index" in m for m in messages) == 1
    qtbot.keyClicks(controller.window.list_panel.search, "drowsiness")
    text_searched(controller, qtbot)
    assert showing(controller.window) != "no-result" and any(kind == "fulltext" for _, kind in shown(controller))


def test_the_count_line_is_never_cut_and_grows_to_a_second_line_when_its_words_need_it(controller, qtbot):
    """The count sits outside the panel's layout (its text changes on every key); it still
    shows every word: a line the list's width cannot hold takes two, and one again after."""
    from PySide6.QtGui import QFontMetrics

    panel = controller.window.list_panel
    count = panel.count

    def whole() -> bool:
        return count.geometry() == panel.count_line.rect() and count.height() >= count.heightForWidth(count.width())

    line = QFontMetrics(count.font()).lineSpacing()
    words = "Choose a medicine from the keyboard: its combinations with others are listed here."
    panel.follow_mode(True, words)  # as the kiosk starts: nothing listed until asked, this said instead
    panel.show_results(Results(asked=False))
    qtbot.waitUntil(whole, timeout=2000)
    assert count.height() >= 2 * line and count.text().startswith("Choose a medicine")
    panel.follow_mode(True, None)
    panel.show_results(Results.everything(panel.model.listings_view()))
    qtbot.waitUntil(lambda: whole() and count.height() < 2 * line, timeout=2000)
    assert count.text().endswith("combinations")
