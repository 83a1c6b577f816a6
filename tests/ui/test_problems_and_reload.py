"""Unreadable pages are counted and listed; the list follows the folder as pages change."""

from __future__ import annotations

import os

from tests.helpers import FULL_BODY, page

RELOAD_MS = 2000  # the promise: changes show within 2 seconds


def test_the_status_bar_counts_unreadable_pages_and_lists_them(make_controller, content):
    (content / "broken.md").write_text("---\ntitle: [\n---\n\ntext\n")
    (content / "bad.md").write_bytes(b"\x00\x01")
    controller = make_controller(content)
    button = controller.window.problems_button
    assert button.isVisible() and button.text().startswith("2 pages could not be read")
    dialog = controller.show_problems_dialog()
    lines = dialog.model.stringList()
    assert "broken.md:3: error: invalid YAML: did not find expected node content" in lines
    assert any(line.startswith("bad.md:1: error: binary file") for line in lines)
    dialog.close()


def test_the_window_counts_warnings_exactly_as_check_does(make_controller, content, qtbot):
    from viewer.core.catalog.library import load_library
    from viewer.core.pages.model import Severity

    (content / "thin.md").write_text(page("Alpha + Beta", "**Usage:** x\n\n**Side effects:** y\n\n**FAQs:**\n\nNo pairs.\n"))
    (content / "copy.md").write_text(page("Alpha + Beta", FULL_BODY))
    expected = load_library(content).count(Severity.WARNING)
    assert expected >= 4  # missing sections, FAQs without pairs, and the shared title twice
    controller = make_controller(content)  # a first start reads heads; the full read follows at once
    counted = f"Problems for &authors ({expected:,})…"  # behind the View menu: the status bar shows a reader's losses only
    qtbot.waitUntil(lambda: controller.window.problems_action.text() == counted, timeout=RELOAD_MS)
    assert controller.loader.complete() and not controller.window.problems_button.isVisible()
    again = make_controller(content)  # the next start has it all from the cache, at once
    assert again.window.problems_action.text() == counted


def test_no_problems_no_status_button(controller):
    assert not controller.window.problems_button.isVisible()


def wait_for_titles(qtbot, controller, predicate):
    qtbot.waitUntil(lambda: predicate([e.title for e in controller.library.entries]), timeout=RELOAD_MS)


def test_added_edited_and_deleted_pages_show_within_two_seconds(controller, content, qtbot):
    controller.open_entry("sertraline-clonazepam.md")
    (content / "new.md").write_text(page("Lithium + Ibuprofen", FULL_BODY))
    wait_for_titles(qtbot, controller, lambda t: "Lithium + Ibuprofen" in t)
    assert "Lithium + Ibuprofen" in [controller.window.list_panel.proxy.index(r, 0).data()
                                     for r in range(controller.window.list_panel.proxy.rowCount())]
    (content / "new.md").write_text(page("Lithium + Naproxen", FULL_BODY))
    wait_for_titles(qtbot, controller, lambda t: "Lithium + Naproxen" in t and "Lithium + Ibuprofen" not in t)
    (content / "new.md").unlink()
    wait_for_titles(qtbot, controller, lambda t: "Lithium + Naproxen" not in t)
    assert controller.current.path == "sertraline-clonazepam.md"
    assert controller.window.windowTitle().endswith("Sertraline + Clonazepam")


def test_an_atomic_save_through_a_temporary_file_is_seen_and_keeps_the_entry_open(controller, content, qtbot):
    controller.open_entry("extra/alpha-beta.md")
    target = content / "extra" / "alpha-beta.md"
    for round_ in range(2):  # the second save shows the watch survived the first rename
        tmp = content / "extra" / f".alpha-beta.md.tmp{round_}"
        tmp.write_text(page("Alpha + Beta", FULL_BODY.replace("Used for testing.", f"Edited {round_}.")))
        os.replace(tmp, target)
        qtbot.waitUntil(
            lambda r=round_: f"Edited {r}." in controller.window.entry_view.views["usage"].toPlainText(),
            timeout=RELOAD_MS,
        )
    assert controller.current.path == "extra/alpha-beta.md"


def test_a_renamed_page_stays_open_under_its_new_name(controller, content, qtbot):
    controller.open_entry("paroxetine-clonazepam.md")
    os.rename(content / "paroxetine-clonazepam.md", content / "paroxetine-and-clonazepam.md")
    qtbot.waitUntil(lambda: controller.current.path == "paroxetine-and-clonazepam.md", timeout=RELOAD_MS)
    assert controller.window.windowTitle().endswith("Paroxetine + Clonazepam")
    assert controller.window.list_panel.view.currentIndex().data() == "Paroxetine + Clonazepam"


def test_a_page_that_breaks_keeps_its_last_good_version_with_a_warning(controller, content, qtbot):
    controller.open_entry("sertraline-clonazepam.md")
    (content / "sertraline-clonazepam.md").write_bytes(b"---\ntitle: [\n---\n\n\x00 garbage")
    view = controller.window.entry_view
    qtbot.waitUntil(lambda: view.warning.isVisible(), timeout=RELOAD_MS)
    assert "could not be read just now" in view.warning.text()
    assert "Is this a standard combination pill?" in view.views["faqs"].toPlainText()
    assert controller.window.problems_button.isVisible()


def test_a_content_folder_deleted_and_made_again_is_followed(controller, content, qtbot):
    import shutil

    from viewer.ui.watcher import POLL_MS, SLOW_POLL_MS

    shutil.rmtree(content)
    qtbot.waitUntil(lambda: "cannot be read" in controller.window.statusBar().currentMessage(), timeout=SLOW_POLL_MS + 2000)
    content.mkdir()
    (content / "new.md").write_text(page("Gamma + Delta", FULL_BODY))
    qtbot.waitUntil(lambda: [e.title for e in controller.library.entries] == ["Gamma + Delta"], timeout=POLL_MS + 3000)
    assert "back" in controller.window.statusBar().currentMessage()
    (content / "later.md").write_text(page("Later + Page", FULL_BODY))  # the new folder is watched, not the old one
    qtbot.waitUntil(lambda: "Later + Page" in [e.title for e in controller.library.entries], timeout=RELOAD_MS)


def test_pages_added_where_the_watcher_never_fires_still_show(controller, content, qtbot):
    from viewer.ui.watcher import SLOW_POLL_MS

    controller.watcher._watcher.blockSignals(True)  # as on NFS, SMB or 9p: no change notices at all
    (content / "new.md").write_text(page("Gamma + Delta", FULL_BODY))
    qtbot.waitUntil(lambda: "Gamma + Delta" in [e.title for e in controller.library.entries], timeout=SLOW_POLL_MS + 2000)


def test_a_page_yaml_cannot_build_added_while_running_never_stops_live_reload(controller, content, qtbot):
    (content / "typo.md").write_text(page(front="title: Typo + Page\nreviewed: !!int abc\n", body=FULL_BODY))
    qtbot.waitUntil(lambda: any(p.path == "typo.md" for p in controller.library.problems), timeout=RELOAD_MS)
    (content / "later.md").write_text(page("Later + Page", FULL_BODY))
    qtbot.waitUntil(lambda: "Later + Page" in [e.title for e in controller.library.entries], timeout=RELOAD_MS)


def test_full_text_results_at_their_limit_are_not_counted_as_all(make_controller, content, qtbot):
    from viewer.core.search.search_engine import MAX_TEXT_HITS

    for number in range(MAX_TEXT_HITS + 5):
        (content / f"p{number}.md").write_text(page(f"Drug{number} + Other{number}", FULL_BODY.replace(
            "Drowsiness.", "Watch for a quokkarash.")))
    controller = make_controller(content)
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=20_000)
    controller.window.list_panel.set_query("quokkarash")
    assert controller.window.list_panel.count.text() == "Searching the text…"  # off the window's thread
    qtbot.waitUntil(lambda: not controller.window.list_panel.proxy.text_pending(), timeout=5000)
    count = controller.window.list_panel.count.text()
    assert count == f"First {MAX_TEXT_HITS} matches (more pages hold these words)"


def test_a_first_start_on_a_site_soon_lists_only_its_medicine_pages(make_controller, content, qtbot):
    (content / "about.md").write_text("---\nlayout: about\ntitle: About us\n---\n\n## Who\n\nUs.\n\n## How it works\n\nWe write.\n")
    (content / "draft.md").write_text(page(front="title: Draft + Page\npublished: false\n", body=FULL_BODY))
    controller = make_controller(content)
    assert "Draft + Page" not in [e.title for e in controller.library.entries]  # known from the head at once
    qtbot.waitUntil(lambda: "About us" not in [e.title for e in controller.library.entries], timeout=RELOAD_MS)
    assert [i.path for i in controller.library.ignored if i.path.endswith(".md")] == ["about.md", "draft.md"]


def test_a_reload_walks_the_folder_once_for_the_list_the_watches_and_the_index(controller, content, qtbot, monkeypatch):
    import viewer.core.catalog.folder as folder_module
    import viewer.core.catalog.library as library_module

    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=10_000)
    walks: list[str] = []
    real = library_module.scan
    monkeypatch.setattr(library_module, "scan", lambda *args: walks.append("catalog") or real(*args))
    monkeypatch.setattr(folder_module, "scan", lambda *args: walks.append("index") or real(*args))  # as the index finds it
    monkeypatch.setattr(os, "walk", lambda *args, **kwargs: walks.append("os.walk") or iter(()))
    (content / "new.md").write_text(page("Gamma + Delta", FULL_BODY.replace("Drowsiness.", "Quokkaberry rash.")))
    qtbot.waitUntil(lambda: "Gamma + Delta" in [e.title for e in controller.library.entries], timeout=RELOAD_MS)
    qtbot.waitUntil(lambda: not controller.fulltext.running(), timeout=10_000)
    assert walks == ["catalog"]
    controller.window.list_panel.set_query("quokkaberry")  # the new page is in the index all the same
    qtbot.waitUntil(lambda: not controller.window.list_panel.proxy.text_pending(), timeout=5000)
    assert "new.md" in controller.window.list_panel.shown_paths()


def test_a_large_librarys_poll_looks_at_folders_first_and_at_every_page_now_and_then(make_controller, content, qtbot, monkeypatch):
    """Past MAX_WATCHED_FILES a poll that finds no folder changed reads nothing; a page added is
    seen at once (its folder's time changes), an edit in place at the next full look."""
    import os
    import time

    from tests.helpers import FULL_BODY, page
    from viewer.core.catalog import library as library_module
    from viewer.ui import watcher as watcher_module

    monkeypatch.setattr(watcher_module, "MAX_WATCHED_FILES", 1)  # every folder counts as large
    monkeypatch.setattr(watcher_module, "FULL_SCAN_EVERY", 3)
    controller = make_controller(content, open_urls=False)
    watcher = controller.watcher
    qtbot.waitUntil(lambda: bool(watcher._large and watcher._folder_times), timeout=5000)
    scans = []
    real = library_module.scan
    monkeypatch.setattr(library_module, "scan", lambda *args: scans.append(1) or real(*args))
    watcher._polls = 0
    watcher._poll_tick()  # poll 1: folders only, none changed
    qtbot.waitUntil(lambda: not watcher._worker.running(), timeout=5000)
    assert scans == []
    (content / "new.md").write_text(page("Gamma + Delta", FULL_BODY))
    watcher._poll_tick()  # poll 2: the folder's time changed: every page looked at
    qtbot.waitUntil(lambda: "Gamma + Delta" in [e.title for e in controller.library.entries], timeout=5000)
    assert len(scans) == 1
    time.sleep(0.01)
    edited = content / "new.md"
    stat = edited.stat()
    edited.write_text(page("Gamma + Epsilon", FULL_BODY))
    os.utime(content, ns=(stat.st_atime_ns, watcher._folder_times[0][1]))  # an edit in place leaves the folder's time
    watcher._poll_tick()  # poll 3: a full look (every third): the edit is seen
    qtbot.waitUntil(lambda: "Gamma + Epsilon" in [e.title for e in controller.library.entries], timeout=5000)


def test_a_first_start_through_the_readers_lists_every_page_and_then_follows_edits(make_controller, content, qtbot):
    import sys

    from viewer.core.catalog.prefetch import CatalogPrefetch

    if not sys.platform.startswith("linux"):
        return  # forked readers are Linux's; elsewhere the window reads the pages itself
    (content / "broken.md").write_text("---\ntitle: [\n---\n\ntext\n")
    prefetch = CatalogPrefetch.start(content)
    edited = content / "extra" / "alpha-beta.md"
    controller = make_controller(content, prefetch=prefetch)
    titles = [controller.model.index(row).data() for row in range(controller.model.rowCount())]
    assert len(titles) == 3 and controller.window.problems_button.text().startswith("1 page could not be read")
    edited.write_text(page("Alpha + Gamma", FULL_BODY))
    os.utime(edited, ns=(os.stat(edited).st_mtime_ns + 5_000_000_000,) * 2)
    qtbot.waitUntil(lambda: "Alpha + Gamma" in [controller.model.index(r).data() for r in range(controller.model.rowCount())],
                    timeout=RELOAD_MS)
