"""A folder of pages becomes a Library in which every file seen is accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import FULL_BODY, another_writer_making, page, seed_folder
from viewer.core.catalog.library import load_catalog, load_library
from viewer.core.pages.model import Severity


def write(folder: Path, name: str, data: str | bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def test_the_seed_folder_loads_two_clean_entries(tmp_path):
    library = load_library(seed_folder(tmp_path))
    assert [e.title for e in library.entries] == ["Paroxetine + Clonazepam", "Sertraline + Clonazepam"]
    assert library.problems == () and library.ignored == ()


def test_folders_are_read_recursively_and_hidden_things_skipped(tmp_path):
    write(tmp_path, "a.md", page("Alpha + Beta", FULL_BODY))
    write(tmp_path, "sub/deeper/b.markdown", page("Gamma + Delta", FULL_BODY))
    write(tmp_path, "UPPER.MD", page("Upper + Case", FULL_BODY))
    write(tmp_path, ".hidden.md", page("Hidden", FULL_BODY))
    write(tmp_path, ".git/c.md", page("In git", FULL_BODY))
    write(tmp_path, "notes.txt", "not a page")
    write(tmp_path, "sub/picture.png", b"\x89PNG")
    library = load_library(tmp_path)
    assert sorted(e.title for e in library.entries) == ["Alpha + Beta", "Gamma + Delta", "Upper + Case"]
    assert sorted(i.path for i in library.ignored) == ["notes.txt", "sub/picture.png"]
    assert {e.path for e in library.entries} >= {"sub/deeper/b.markdown"}


def test_one_broken_page_hides_no_other_and_every_file_is_counted(tmp_path):
    seed_folder(tmp_path)
    write(tmp_path, "nul.md", b"---\ntitle: x\n---\n\x00\x01")
    write(tmp_path, "list.md", "---\n- a\n---\n\nno heading\n")
    write(tmp_path, "empty.md", "")
    write(tmp_path, "bad-yaml-with-heading.md", "---\ntitle: [\n---\n\n# Rescued + Page\n\n**Usage:** x\n")
    write(tmp_path, "readme.txt", "x")
    library = load_library(tmp_path)
    titles = [e.title for e in library.entries]
    assert titles == ["Paroxetine + Clonazepam", "Rescued + Page", "Sertraline + Clonazepam"]
    assert sorted(library.failed) == ["empty.md", "list.md", "nul.md"]
    assert library.files_seen == 7 == len(library.entries) + len(library.failed) + len(library.ignored)
    assert library.count(Severity.ERROR) == 3
    assert {p.path for p in library.problems if p.severity is Severity.ERROR} == {
        "nul.md", "list.md", "bad-yaml-with-heading.md"
    }


def test_duplicate_titles_are_both_kept_and_told_apart(tmp_path):
    write(tmp_path, "a/x.md", page("Alpha + Beta", FULL_BODY))
    write(tmp_path, "b/x.md", page("alpha + beta", FULL_BODY))
    library = load_library(tmp_path)
    assert [e.display_title for e in library.entries] == ["Alpha + Beta (a)", "alpha + beta (b)"]  # never a file path
    assert [p.message for p in library.problems] == [
        "title 'Alpha + Beta' is also used by b/x.md; both are listed",
        "title 'alpha + beta' is also used by a/x.md; both are listed",
    ]


def test_drug_dictionary_is_read_when_present(tmp_path):
    write(tmp_path, "drugs.yaml", "sertraline: {brands: [Zoloft, Lustral], class: SSRI}\nclonazepam:\n  brands: Klonopin\n")
    seed_folder(tmp_path)
    library = load_library(tmp_path)
    drugs = dict(library.drugs)
    assert drugs["sertraline"].brands == ("Zoloft", "Lustral") and drugs["sertraline"].drug_class == "SSRI"
    assert drugs["clonazepam"].brands == ("Klonopin",)
    assert library.ignored == () and library.files_seen == 2


def test_a_broken_drug_dictionary_is_an_error_not_a_crash(tmp_path):
    write(tmp_path, "drugs.yaml", "a: [\n")
    seed_folder(tmp_path)
    library = load_library(tmp_path)
    assert len(library.entries) == 2
    assert [(p.path, p.severity) for p in library.problems] == [("drugs.yaml", Severity.ERROR)]


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(NotADirectoryError):
        load_library(tmp_path / "nope")


def test_the_fast_catalog_lists_exactly_what_the_full_read_finds(tmp_path):
    seed_folder(tmp_path)
    write(tmp_path, "no-title.md", "# Heading + Title\n\n**Usage:** x\n")
    write(tmp_path, "file-name-only.md", "**Usage:** Just text.\n")
    write(tmp_path, "different-h1.md", page("Front + Matter", "# Other heading\n\n## Usage\n\ntext\n"))
    write(tmp_path, "about.md", page("About us", "## Who we are\n\nA team.\n\n## How it works\n\nWe write.\n"))
    write(tmp_path, "broken.md", "---\ntitle: [\n---\n\n# Rescued\n")
    write(tmp_path, "dup/a.md", page("Alpha + Beta", FULL_BODY))
    write(tmp_path, "dup/b.md", page("Alpha + Beta", FULL_BODY))
    write(tmp_path, "empty.md", "")
    full = load_library(tmp_path)
    fast = load_catalog(tmp_path)
    listed = [(e.path, e.display_title, e.drugs) for e in fast.entries]
    assert listed == [(e.path, e.display_title, e.drugs) for e in full.entries]
    assert fast.failed == full.failed and fast.ignored == full.ignored
    assert {p for p in fast.problems if p.severity is Severity.ERROR} == {
        p for p in full.problems if p.severity is Severity.ERROR
    }
    assert "Front + Matter" in [e.title for e in fast.entries]
    assert [i.path for i in fast.ignored] == ["about.md"]


def test_the_catalog_loader_rereads_only_changed_files(tmp_path, monkeypatch):
    import viewer.core.catalog.catalog as catalog_module

    seed_folder(tmp_path)
    loader = catalog_module.CatalogLoader(tmp_path)
    first = loader.load()
    reads: list[str] = []
    real = catalog_module.read_listing
    monkeypatch.setattr(catalog_module, "read_listing", lambda root, page, keep: reads.append(page.path) or real(root, page, keep))
    assert loader.load().entries == first.entries and reads == []
    write(tmp_path, "new.md", page("Gamma + Delta", FULL_BODY))
    path = tmp_path / "sertraline-clonazepam.md"
    path.write_bytes(path.read_bytes().replace(b"title: Sertraline + Clonazepam", b"title: Sertraline + Klonopin"))
    third = loader.load()
    assert sorted(reads) == ["new.md", "sertraline-clonazepam.md"]
    assert [e.title for e in third.entries] == ["Gamma + Delta", "Paroxetine + Clonazepam", "Sertraline + Klonopin"]
    assert loader.changed_since(first, third) == {"new.md", "sertraline-clonazepam.md"}


def test_the_catalog_cache_lets_a_later_start_skip_unchanged_pages(tmp_path, monkeypatch):
    import viewer.core.catalog.catalog as catalog_module

    folder = seed_folder(tmp_path / "content")
    write(folder, "broken.md", "---\ntitle: [\n---\n\ntext\n")
    cache = tmp_path / "cache" / "catalog.sqlite3"
    first = catalog_module.CatalogLoader(folder, cache)
    before = first.load()
    assert first.save() and cache.is_file()
    reads: list[str] = []
    real = catalog_module.read_listing
    monkeypatch.setattr(catalog_module, "read_listing", lambda root, page, keep: reads.append(page.path) or real(root, page, keep))
    second = catalog_module.CatalogLoader(folder, cache).load()
    assert reads == []
    assert second.entries == before.entries and second.problems == before.problems and second.failed == before.failed
    write(folder, "sertraline-clonazepam.md", page("Sertraline + Klonopin", FULL_BODY))
    third = catalog_module.CatalogLoader(folder, cache).load()
    assert reads == ["sertraline-clonazepam.md"] and "Sertraline + Klonopin" in [e.title for e in third.entries]


@pytest.mark.parametrize("junk", ["not a database", "another folder's", "another version's", "odd rows"])
def test_a_corrupt_or_foreign_catalog_is_ignored(tmp_path, junk):
    import sqlite3

    from viewer.core.catalog import store
    from viewer.core.catalog.catalog import CatalogLoader

    folder = seed_folder(tmp_path / "content")
    cache = tmp_path / "catalog.sqlite3"
    if junk == "not a database":
        cache.write_bytes(b"SQLite format 3\x00" + b"\xff" * 500)
    else:
        with sqlite3.connect(cache) as connection:
            store.create(connection, tmp_path / "elsewhere" if junk == "another folder's" else folder.resolve())
            if junk == "another version's":
                connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
            if junk == "odd rows":
                connection.execute("INSERT INTO pages(path, mtime_ns, size, kind, mac) VALUES ('x.md', 1, 1, 'odd', 'x')")
    assert len(CatalogLoader(folder, cache).load().entries) == 2


def test_the_catalog_is_saved_while_the_index_is_making_the_same_file(tmp_path, monkeypatch):
    """The list and the index open the new catalog at the same moment: SQLite refuses, without
    waiting, to turn a file another connection is writing to write-ahead mode. The list's save
    must wait its turn, or the next start reads every page again (and, on a first start, shows the
    quick read's problems)."""
    import viewer.core.catalog.catalog as catalog_module

    folder = seed_folder(tmp_path / "content")
    write(folder, "thin.md", page("Alpha + Beta", "**Usage:** x\n"))
    cache = tmp_path / "cache" / "catalog.sqlite3"
    first = catalog_module.CatalogLoader(folder, cache)
    before = first.load()
    with another_writer_making(cache, ("written by", "the index"), seconds=0.3):
        assert first.save()
    reads: list[str] = []
    real = catalog_module.read_listing
    monkeypatch.setattr(catalog_module, "read_listing", lambda root, page, keep: reads.append(page.path) or real(root, page, keep))
    again = catalog_module.CatalogLoader(folder, cache).load()
    assert reads == [] and again.problems == before.problems and again.entries == before.entries
