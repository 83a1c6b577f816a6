"""A first start reads the pages in child processes while the window loads: the list it gives
must be the one the window would have read itself, and nothing may be left running."""

from __future__ import annotations

import os
import shutil
import sys
import time

import pytest

from tests.core.test_real_site import SITE
from tests.helpers import REPO, needs_real_site, page, seed_folder
from viewer.core.catalog.catalog import CatalogLoader
from viewer.core.catalog.prefetch import CatalogPrefetch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the readers are forked on Linux only")


def _listed(library):
    return [(e.path, e.title, e.drugs, e.severity, e.warning, e.distinguisher) for e in library.entries]


def _gone(group: int) -> bool:
    """Whether every process of the readers' group has ended (they are killed, then reaped)."""
    for _ in range(200):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


def _mixed_folder(folder):
    seed_folder(folder / "seeds")
    (folder / "one.md").write_text(page("Alpha + Beta", "**Usage:** Pain.\n\n**Side effects:** Nausea.\n"))
    (folder / "about.md").write_text(page(front="title: About\nlayout: about\n", body="# About\n\nWe list pages.\n"))
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n\n**Usage:** x\n")
    (folder / "same-a.md").write_text(page("Gamma + Delta", "**Usage:** a\n\n**Side effects:** b\n"))
    (folder / "sub").mkdir()
    (folder / "sub" / "same-a.md").write_text(page("Gamma + Delta", "**Usage:** c\n\n**Side effects:** d\n"))
    (folder / "notes.txt").write_text("not a page")
    (folder / "_config.yml").write_text("title: Test site\nexclude: [drafts]\n")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "wip.md").write_text(page("Draft + Page", "**Usage:** x\n\n**Side effects:** y\n"))
    return folder


@pytest.mark.parametrize("shares", [2, 3])
def test_the_first_start_lists_what_the_window_would_read_itself(tmp_path, shares):
    folder = _mixed_folder(tmp_path / "site")
    prefetch = CatalogPrefetch.start(folder, shares)
    assert prefetch is not None
    prefetched = prefetch.result()
    assert prefetched is not None, "the readers' result did not arrive"
    first = CatalogLoader(folder, None, prefetched).load(quick=True)
    alone = CatalogLoader(folder).load(quick=True)
    assert _listed(first) == _listed(alone)
    assert sorted(first.problems, key=str) == sorted(alone.problems, key=str)
    assert [i.path for i in first.ignored] == [i.path for i in alone.ignored]
    assert "drafts/" in {i.path for i in first.ignored} and "about.md" not in {e.path for e in first.entries}
    assert _gone(prefetch._pid)


def test_an_empty_folder_gives_an_empty_list_through_the_readers(tmp_path):
    prefetch = CatalogPrefetch.start(tmp_path)
    prefetched = prefetch.result()
    assert prefetched is not None and prefetched.walk.pages == []
    assert CatalogLoader(tmp_path, None, prefetched).load(quick=True).entries == ()
    assert _gone(prefetch._pid)


@needs_real_site
def test_the_real_sites_first_start_through_the_readers_lists_every_page():
    prefetch = CatalogPrefetch.start(SITE)
    assert prefetch is not None
    first = CatalogLoader(SITE, None, prefetch.result()).load(quick=True)
    assert _listed(first) == _listed(CatalogLoader(SITE).load(quick=True))
    assert len(first.entries) == 4218


def test_a_page_edited_while_the_window_loads_is_shown_as_it_is_now_by_the_reload_after_the_first_frame(tmp_path):
    folder = _mixed_folder(tmp_path / "site")
    prefetch = CatalogPrefetch.start(folder)
    prefetched = prefetch.result()
    edited = folder / "one.md"
    edited.write_text(page("Alpha + Beta + Gamma", "**Usage:** Pain, longer.\n\n**Side effects:** Nausea.\n"))
    os.utime(edited, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    loader = CatalogLoader(folder, None, prefetched)
    loader.load(quick=True)  # the list as the readers found it
    titles = {e.path: e.title for e in loader.load(quick=True).entries}  # the watcher's first look
    assert titles["one.md"] == "Alpha + Beta + Gamma"


def test_readers_too_slow_are_stopped_and_the_window_reads_the_pages_itself(tmp_path):
    folder = _mixed_folder(tmp_path / "site")
    prefetch = CatalogPrefetch.start(folder)
    assert prefetch.result(wait_s=0) is None
    assert _gone(prefetch._pid)
    assert len(CatalogLoader(folder, None, None).load(quick=True).entries) == len(CatalogLoader(folder).load(quick=True).entries)


def test_a_reader_that_dies_costs_nothing_but_time(tmp_path):
    folder = _mixed_folder(tmp_path / "site")
    prefetch = CatalogPrefetch.start(folder)
    os.killpg(prefetch._pid, 9)
    assert prefetch.result() is None
    assert _gone(prefetch._pid)


def test_a_reader_failing_on_a_chunk_makes_the_window_read_the_pages_itself(tmp_path, monkeypatch):
    from viewer.core.catalog import catalog

    folder = _mixed_folder(tmp_path / "site")
    real = catalog.rows_of_pages

    def failing(root, pages):  # the readers are forked: they run this too
        if any(page.path == "one.md" for page in pages):
            raise RuntimeError("a reader's bug")
        return real(root, pages)

    monkeypatch.setattr(catalog, "rows_of_pages", failing)
    prefetch = CatalogPrefetch.start(folder)
    assert prefetch.result() is None
    assert _gone(prefetch._pid)


def test_cancelled_readers_leave_nothing_running(tmp_path):
    folder = tmp_path / "big"
    for number in range(300):
        (folder / f"{number // 50}").mkdir(parents=True, exist_ok=True)
        (folder / f"{number // 50}" / f"p{number}.md").write_text(page(f"Drug{number} + Other", "**Usage:** a\n\n**Side effects:** b\n"))
    prefetch = CatalogPrefetch.start(folder)
    prefetch.cancel()
    assert _gone(prefetch._pid)


def test_the_window_skips_the_readers_when_the_catalog_cache_exists(tmp_path, monkeypatch):
    from viewer.cli import start_prefetch
    from viewer.core.catalog.cache import CACHE_ENV, catalog_file

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    folder = shutil.copytree(REPO / "tests" / "fixtures" / "forms", tmp_path / "forms")
    first = start_prefetch(folder)
    assert first is not None
    first.cancel()
    cache = catalog_file(folder)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"")
    assert start_prefetch(folder) is None
