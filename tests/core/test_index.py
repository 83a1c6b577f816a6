"""The full-text index: cached per content folder, updated page by page, never fatal."""

from __future__ import annotations

import os
import sqlite3

from tests.helpers import FULL_BODY, another_writer_making, page, seed_folder
from viewer.core.search.index import MARK_END, MARK_START, FullTextIndex, make_snippet


def folder_with_pages(tmp_path):
    folder = seed_folder(tmp_path / "content")
    (folder / "alpha.md").write_text(page("Alpha + Beta", FULL_BODY.replace("Drowsiness.", "Unusual drowsiness while driving.")))
    return folder


def test_sections_and_faq_answers_are_searchable_with_their_tab(tmp_path):
    index = FullTextIndex(folder_with_pages(tmp_path), tmp_path / "cache")
    assert index.update() == 3
    assert [(p, s) for p, s, _, _ in index.search(["driving"])] == [("alpha.md", "side_effects")]
    faq = index.search(["taper"])
    assert ("paroxetine-clonazepam.md", "faqs") in [(p, s) for p, s, _, _ in faq]
    ((_, _, snippet, _),) = index.search(["tapering"])[:1]
    assert f"{MARK_START}tapering{MARK_END}" in snippet


def test_the_cache_lives_outside_the_content_folder_keyed_by_folder(tmp_path):
    folder = folder_with_pages(tmp_path)
    before = sorted(os.listdir(folder))
    one = FullTextIndex(folder, tmp_path / "cache")
    one.update()
    other = FullTextIndex(seed_folder(tmp_path / "other"), tmp_path / "cache")
    assert one.path != other.path and one.path.parent == tmp_path / "cache"
    assert sorted(os.listdir(folder)) == before  # a read-only content folder is fine


def test_a_warm_start_reuses_the_index_and_a_changed_page_is_indexed_alone(tmp_path):
    folder = folder_with_pages(tmp_path)
    FullTextIndex(folder, tmp_path / "cache").update()
    warm = FullTextIndex(folder, tmp_path / "cache")
    assert warm.update() == 0 and warm.page_count() == 3
    (folder / "alpha.md").write_text(page("Alpha + Beta", FULL_BODY.replace("Drowsiness.", "Hiccups.")))
    assert warm.update() == 1
    assert warm.search(["hiccups"]) and not warm.search(["driving"])
    (folder / "alpha.md").unlink()
    assert warm.update() == 0 and warm.page_count() == 2 and not warm.search(["hiccups"])


def test_a_corrupt_cache_file_is_rebuilt(tmp_path):
    folder = folder_with_pages(tmp_path)
    index = FullTextIndex(folder, tmp_path / "cache")
    index.update()
    index.close()
    index.path.write_bytes(b"this is not a database" * 100)
    rebuilt = FullTextIndex(folder, tmp_path / "cache")
    assert rebuilt.update() == 3 and rebuilt.search(["driving"])


def test_a_foreign_cache_file_is_rebuilt(tmp_path):
    folder = folder_with_pages(tmp_path)
    path = FullTextIndex(folder, tmp_path / "cache").path
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE something(x)")
    assert FullTextIndex(folder, tmp_path / "cache").update() == 3


def test_the_index_keeps_a_catalog_the_list_is_still_making(tmp_path):
    """The list makes the new catalog and holds it while writing its rows; the index, opening it
    that moment, must wait for its turn, never throw the file away (the list's rows would go, and
    the next start would read every page again)."""
    from viewer.core.catalog.cache import catalog_file

    folder = folder_with_pages(tmp_path)
    path = catalog_file(folder.resolve(), tmp_path / "cache")
    with another_writer_making(path, ("written by", "the list"), seconds=0.8):
        index = FullTextIndex(folder, tmp_path / "cache")
    assert index.update() == 3 and index.search(["driving"])
    with sqlite3.connect(path) as connection:
        assert ("written by", "the list") in connection.execute("SELECT key, value FROM meta").fetchall()


def test_no_writable_cache_keeps_the_index_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    index = FullTextIndex(folder_with_pages(tmp_path), blocker / "cache")
    assert index.path is None
    assert index.update() == 3 and index.search(["driving"])


def test_odd_queries_are_harmless(tmp_path):
    index = FullTextIndex(folder_with_pages(tmp_path), tmp_path / "cache")
    index.update()
    for terms in (["\"", "*"], ["AND"], ["NEAR"], [""], []):
        assert isinstance(index.search(terms), list)


def test_snippets_mark_matches_and_cut_at_word_edges():
    text = "Some words before. " * 8 + "Watch for serotonin syndrome signs. " + "More after. " * 8
    snippet = make_snippet(text, ["serotonin"], 60)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert f"{MARK_START}serotonin{MARK_END}" in snippet
    assert make_snippet("Café crème", ["creme"]) == f"Café {MARK_START}crème{MARK_END}"


def test_a_zeroed_page_of_the_index_file_is_found_at_open_and_rebuilt(tmp_path):
    folder = seed_folder(tmp_path / "content")
    index = FullTextIndex(folder, tmp_path / "cache")
    index.update()
    assert index.search(["serotonin"])
    index.close()
    with open(index.path, "r+b") as handle:  # one 4 KiB page of the database, zeroed
        handle.seek(2 * 4096)
        handle.write(b"\0" * 4096)
    again = FullTextIndex(folder, tmp_path / "cache")
    assert again.update() == 2  # thrown away and built anew
    assert again.search(["serotonin"])


def test_an_error_during_a_query_is_told_and_the_index_rebuilt(tmp_path, monkeypatch):
    import sqlite3

    from viewer.core.catalog.library import load_catalog
    from viewer.core.search.search_engine import SearchEngine

    folder = seed_folder(tmp_path / "content")
    index = FullTextIndex(folder, tmp_path / "cache")
    index.update()
    engine = SearchEngine(load_catalog(folder).entries)
    engine.fulltext = index

    class Broken:
        def execute(self, *args):
            raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(index, "_connection", lambda: Broken())
    results = engine.search("serotonin")
    assert results.text_failed and index.damaged
    monkeypatch.undo()
    assert index.update() == 2 and not index.damaged
    assert engine.search("serotonin").text_hits


def test_a_tampered_catalog_never_changes_what_a_page_says(tmp_path, monkeypatch):
    import sqlite3

    import viewer.core.catalog.catalog as catalog_module
    from viewer.core.catalog.cache import catalog_file

    folder = seed_folder(tmp_path / "content")
    cache = catalog_file(folder, tmp_path / "cache")
    first = catalog_module.CatalogLoader(folder, cache)
    first.load()
    assert first.save()
    with sqlite3.connect(cache) as connection:  # relabel one page, hide the other
        connection.execute("UPDATE pages SET title = 'Relabelled + Page' WHERE path LIKE 'paroxetine%'")
        connection.execute("UPDATE pages SET title = NULL WHERE path LIKE 'sertraline%'")
    reads: list[str] = []
    real = catalog_module.read_listing
    monkeypatch.setattr(catalog_module, "read_listing", lambda root, page, keep: reads.append(page.path) or real(root, page, keep))
    titles = [e.title for e in catalog_module.CatalogLoader(folder, cache).load().entries]
    assert titles == ["Paroxetine + Clonazepam", "Sertraline + Clonazepam"]
    assert sorted(reads) == ["paroxetine-clonazepam.md", "sertraline-clonazepam.md"]  # only the altered rows


def test_the_list_and_the_index_keep_one_signature_per_page_in_one_catalog(tmp_path):
    import sqlite3

    from viewer.core.catalog.cache import catalog_file
    from viewer.core.catalog.catalog import CatalogLoader

    folder = seed_folder(tmp_path / "content")
    cache_dir = tmp_path / "cache"
    loader = CatalogLoader(folder, catalog_file(folder, cache_dir))
    library = loader.load()
    assert loader.save()
    index = FullTextIndex(folder, cache_dir)
    assert index.path == catalog_file(folder, cache_dir) and index.update(library.pages) == 2
    with sqlite3.connect(index.path) as connection:
        rows = connection.execute("SELECT path, mac IS NOT NULL, indexed FROM pages ORDER BY path").fetchall()
    assert rows == [("paroxetine-clonazepam.md", 1, 1), ("sertraline-clonazepam.md", 1, 1)]
    assert sorted(p.name for p in cache_dir.iterdir() if p.suffix in (".sqlite3", ".json")) == [index.path.name]
    edited = folder / "sertraline-clonazepam.md"
    edited.write_bytes(edited.read_bytes().replace(b"title: Sertraline + Clonazepam", b"title: Sertraline + Klonopin"))
    library = loader.load()
    assert loader.save()
    with sqlite3.connect(index.path) as connection:  # the list saw the new version: the index's text is stale
        assert connection.execute("SELECT indexed FROM pages WHERE path = 'sertraline-clonazepam.md'").fetchone() == (0,)
    assert index.update(library.pages) == 1  # that page only, and now its new text is found
    assert [path for path, *_ in index.search(["klonopin"])] == ["sertraline-clonazepam.md"]
    edited.unlink()
    library = loader.load()
    assert loader.save() and index.update(library.pages) == 0
    with sqlite3.connect(index.path) as connection:
        assert [p for (p,) in connection.execute("SELECT path FROM pages")] == ["paroxetine-clonazepam.md"]
        assert {p for (p,) in connection.execute("SELECT DISTINCT path FROM docs")} == {"paroxetine-clonazepam.md"}
