"""The listings kept as one signed file (catalog/snapshot.py) and the search command's kept
ranking (search/kept.py): used only while true of the folder, never when altered by another."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from tests.helpers import FULL_BODY, page
from viewer.core.catalog import catalog as catalog_module
from viewer.core.catalog import snapshot
from viewer.core.catalog.catalog import CatalogLoader, load_kept_catalog
from viewer.core.catalog.library import load_catalog
from viewer.core.search import kept as kept_module
from viewer.core.search.kept import kept_search

AN_HOUR_NS = 3600 * 10**9


def settled(folder: Path) -> Path:
    """Every file and folder under ``folder`` dated an hour ago: a folder left alone (a load of
    it can be stamped; a snapshot is never kept of pages written in the last moments)."""
    then = time.time_ns() - AN_HOUR_NS
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True) + [folder]:
        os.utime(path, ns=(then, then))
    return folder


def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "composition").mkdir(parents=True)
    for title in ("Alpha + Beta", "Gamma + Delta", "Sertraline + Tramadol"):
        name = title.lower().replace(" + ", "-") + ".md"
        (folder / "composition" / name).write_text(page(title, FULL_BODY.replace("Alpha + Beta", title)), encoding="utf-8")
    return settled(folder)


def no_page_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        pytest.fail("a page was read: the snapshot should have answered")

    monkeypatch.setattr(catalog_module, "load_folder", fail)


def titles(library) -> list[str]:  # noqa: ANN001
    return sorted(e.title for e in library.entries)


def test_a_second_run_reads_one_file_and_no_page(tmp_path, monkeypatch):
    folder = library_folder(tmp_path)
    first = load_kept_catalog(folder)
    no_page_read(monkeypatch)
    again = load_kept_catalog(folder)
    assert titles(again) == titles(first) == ["Alpha + Beta", "Gamma + Delta", "Sertraline + Tramadol"]
    assert again.pages == first.pages and again.problems == first.problems
    info = os.stat(snapshot.snapshot_file(folder, "list"))
    assert stat.S_IMODE(info.st_mode) == 0o600  # this user's alone, as every cache


@pytest.mark.parametrize("change", ["edit in place", "added", "removed", "drugs.yaml"])
def test_a_change_since_the_snapshot_is_seen(tmp_path, change):
    folder = library_folder(tmp_path)
    load_kept_catalog(folder)
    target = folder / "composition" / "alpha-beta.md"
    if change == "edit in place":  # the folder's time stays: only the page's own time tells
        with open(target, "r+b") as handle:
            handle.write(page("Alpha + Betb", FULL_BODY).encode()[: len(target.read_bytes())])
    elif change == "added":
        (folder / "composition" / "new-old.md").write_text(page("New + Old", FULL_BODY), encoding="utf-8")
    elif change == "removed":
        target.unlink()
    else:
        (folder / "drugs.yaml").write_text("name: Clinic list\nalpha: {brands: [Alphex]}\n", encoding="utf-8")
    library = load_kept_catalog(folder)
    expected = {"edit in place": "Alpha + Betb" in titles(library), "added": "New + Old" in titles(library),
                "removed": "Alpha + Beta" not in titles(library), "drugs.yaml": library.name == "Clinic list"}
    assert expected[change]


def test_an_altered_snapshot_is_never_loaded(tmp_path, monkeypatch):
    folder = library_folder(tmp_path)
    load_kept_catalog(folder)
    kept = snapshot.snapshot_file(folder, "list")
    data = bytearray(kept.read_bytes())
    data[-40] ^= 0xFF  # one byte of the pickled listings changed by someone else
    kept.write_bytes(bytes(data))
    loads = []
    monkeypatch.setattr(snapshot.pickle, "loads", lambda *a, **k: loads.append(a) or pytest.fail("unpickled"))
    assert snapshot.read_kept(folder, "list") is None and loads == []
    monkeypatch.undo()
    assert titles(load_kept_catalog(folder)) == ["Alpha + Beta", "Gamma + Delta", "Sertraline + Tramadol"]


def test_a_snapshot_signed_with_another_key_is_not_ours(tmp_path, monkeypatch):
    folder = library_folder(tmp_path)
    load_kept_catalog(folder)
    monkeypatch.setattr(snapshot, "signing_key", lambda: b"k" * 32)
    assert snapshot.read_kept(folder, "list") is None


def test_pages_written_just_before_a_load_are_not_stamped(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.md").write_text(page("Alpha + Beta", FULL_BODY), encoding="utf-8")
    began = snapshot.started()
    library = load_catalog(folder)
    assert snapshot.stamp_of(library, began) is None  # a second edit in the same clock tick could hide
    settled(folder)
    assert snapshot.stamp_of(load_catalog(folder), snapshot.started()) is not None


def test_a_window_starts_from_the_snapshot_and_the_load_after_finds_the_change(tmp_path):
    folder = library_folder(tmp_path)
    load_kept_catalog(folder)
    target = folder / "composition" / "gamma-delta.md"
    target.write_text(page("Gamma + Epsilon", FULL_BODY), encoding="utf-8")
    loader = CatalogLoader(folder, catalog_module.catalog_file(folder))
    shown = loader.first_load()
    assert "Gamma + Delta" in titles(shown)  # drawn at once from the one file
    after = loader.load()  # after the first frame, off the window's thread
    assert "Gamma + Epsilon" in titles(after) and "Gamma + Delta" not in titles(after)
    unchanged = loader.load()
    assert all(a is b for a, b in zip(after.entries, unchanged.entries, strict=True))


def test_the_search_command_keeps_its_ranking_while_the_folder_and_index_stay(tmp_path, monkeypatch):
    folder = library_folder(tmp_path)
    first = kept_search(folder)
    assert not first.kept and not first.problem
    second = kept_search(folder)
    assert second.kept  # one file read: nothing parsed, ranked or indexed again
    hits = second.engine.search("sertraline tramadol")
    assert [second.engine.listings[p].title for p in hits.positions][:1] == ["Sertraline + Tramadol"]
    text = second.engine.search("drowsiness")  # a word of the pages' text, from the index kept unchecked
    assert len(text.text_hits) == 3 and not text.text_failed
    (folder / "composition" / "alpha-beta.md").write_text(page("Alpha + Zeta", FULL_BODY), encoding="utf-8")
    third = kept_search(folder)
    assert not third.kept and "Alpha + Zeta" in [e.title for e in third.engine.listings]


def test_the_kept_ranking_sees_a_page_edited_in_place(tmp_path):
    """An editor that writes over a page leaves its folder's time alone: only the page's own
    signature tells, and the kept ranking must not answer with the old title."""
    folder = library_folder(tmp_path)
    kept_search(folder)
    assert kept_search(folder).kept
    composition = folder / "composition"
    before = composition.stat().st_mtime_ns
    (composition / "alpha-beta.md").write_text(page("Alpha + Zeta", FULL_BODY), encoding="utf-8")
    assert composition.stat().st_mtime_ns == before  # in place: the folder says nothing
    again = kept_search(folder)
    assert not again.kept and "Alpha + Zeta" in [e.title for e in again.engine.listings]


def test_the_kept_ranking_is_not_used_once_the_index_file_changed(tmp_path):
    folder = library_folder(tmp_path)
    kept_search(folder)
    index_file = catalog_module.catalog_file(folder)
    time.sleep(0.01)
    with open(index_file, "ab") as handle:  # another writer (the window's indexer) changed it
        handle.write(b"")
    os.utime(index_file)
    again = kept_search(folder)
    assert not again.kept and again.engine.fulltext is not None
    assert kept_module.kept_search(folder).kept


def test_a_snapshot_that_cannot_be_read_or_written_costs_only_reading_the_pages(tmp_path):
    folder = library_folder(tmp_path)
    kept = snapshot.snapshot_file(folder, "list")
    kept.mkdir(parents=True)  # something else stands where the snapshot goes
    assert titles(load_kept_catalog(folder)) == ["Alpha + Beta", "Gamma + Delta", "Sertraline + Tramadol"]
    assert titles(load_kept_catalog(folder)) == ["Alpha + Beta", "Gamma + Delta", "Sertraline + Tramadol"]
    assert kept.is_dir() and not snapshot.write_snapshot(kept, ["anything"])
    kept.rmdir()
    kept.write_bytes(b"combo-viewer snapshot 1\n" + b"\0" * 10)  # cut short
    assert snapshot.read_kept(folder, "list") is None and kept_search(folder).engine.listings


def test_a_snapshot_of_another_build_is_never_unpickled(tmp_path, monkeypatch):
    folder = library_folder(tmp_path)
    load_kept_catalog(folder)
    kept_search(folder)
    monkeypatch.setattr(snapshot, "_code", "another build")  # the program was upgraded since
    made: list[type] = []
    real = snapshot.pickle.loads

    def loads(data: bytes, *args: object, **kwargs: object) -> object:
        made.append(type(found := real(data, *args, **kwargs)))
        return found

    monkeypatch.setattr(snapshot.pickle, "loads", loads)
    assert snapshot.read_list(folder) is None and not kept_search(folder).kept
    assert set(made) == {list, snapshot.Stamp}  # each file's list of parts and its stamp: never a listing


KEPT_QUERIES = ["sertraline tramadol", "warfarin", "warfarn aspirin", "apixaban, aspirin, ibuprofen", "clarithro",
                "sertraline clonazepam tramadol", "combiflam crocin", "zzqqx", "statin", "alcohol codeine diazepam"]


def test_the_kept_ranking_answers_as_the_ranking_it_was_kept_from(tmp_path):
    """Packed for keeping (listings and drug sets made only when asked for), the ranking gives
    every query the same answers, in the same order, as one built from the pages."""
    from viewer.core.search.search_engine import SearchEngine
    from viewer.paths import bundled_dir

    folder = tmp_path / "content"
    shutil.copytree(bundled_dir("content"), folder)
    settled(folder)
    kept_search(folder)
    kept = kept_search(folder)
    assert kept.kept and isinstance(kept.engine.listings, kept_module.PackedListings)
    built = SearchEngine.for_library(load_catalog(folder))
    built.fulltext = kept.engine.fulltext  # the same text index for both

    def answer(engine: SearchEngine, query: str) -> tuple:
        found = engine.search(query)
        return (found.positions, found.scores, [(h.title, h.path, h.kind, h.score, h.snippet) for h in found.check],
                [(h.title, h.snippet) for h in found.suggestions], found.unknown, [h.title for h in found.hits][:30])

    for query in KEPT_QUERIES:
        assert answer(kept.engine, query) == answer(built, query), query


def test_a_kept_search_loads_no_page_reader_and_no_fuzzy_matcher_it_does_not_need(tmp_path):
    """A later `search` answers from the kept file alone: the page parser is never loaded (no page
    is read), nor rapidfuzz until a word needs a typo's match; both are there when needed."""
    import subprocess
    import sys

    folder = library_folder(tmp_path)
    probe = ("import sys; from pathlib import Path; from viewer.core.search.kept import kept_search; "
             "found = kept_search(Path(sys.argv[1])); found.engine.search(sys.argv[2]); "
             "print(found.kept, 'viewer.core.pages.page' in sys.modules, 'rapidfuzz' in sys.modules)")

    def loaded(query: str) -> str:
        return subprocess.run([sys.executable, "-c", probe, str(folder), query], capture_output=True, text=True,
                              check=True, env={**os.environ, "COMBO_VIEWER_CACHE": str(tmp_path / "cache")},
                              cwd=Path(__file__).resolve().parents[2]).stdout.split()

    loaded("sertraline tramadol")  # the first run keeps the ranking (signed with the key such a run finds)
    assert loaded("sertraline tramadol") == ["True", "False", "False"]
    assert loaded("setraline tramadol") == ["True", "False", "True"]  # a typo: matched, rapidfuzz loaded for it


SHARED_CHECK = """
import os, sys
from pathlib import Path
from viewer.core.catalog import snapshot
from viewer.core.catalog.library import load_catalog
snapshot.FORK_FROM = 2  # every folder counts as large: the check is shared with a forked child
os.sched_getaffinity = lambda pid: {0, 1}  # and the machine has two cores
folder = Path(sys.argv[1])
checks = snapshot.PageChecks.of(load_catalog(folder))
prefix = str(folder.resolve()) + os.sep
paths = checks.paths.split(chr(0))
answers = [checks.unchanged(prefix)]
for path in (paths[0], paths[-1]):  # one in this process's half, one in the child's
    page = folder / path
    before = page.stat()
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))  # written again, same size
    answers.append(checks.unchanged(prefix))
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
answers.append(checks.unchanged(prefix))
print(snapshot._may_fork(), *answers)
"""


def test_a_large_librarys_check_shared_with_a_forked_child_still_sees_every_edit(tmp_path):
    """The search command checks a large library's pages in two processes at once; an edit in
    either half is seen. (In a process of its own: this one has threads, and never forks.)"""
    import subprocess
    import sys

    folder = library_folder(tmp_path)
    found = subprocess.run([sys.executable, "-c", SHARED_CHECK, str(folder)], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parents[2], env={**os.environ, "COMBO_VIEWER_CACHE": str(tmp_path / "cache")})
    assert found.stdout.split() == ["True", "True", "False", "False", "True"]
