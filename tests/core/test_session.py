"""The session without a window: every search state, opening, history and reloads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.helpers import FULL_BODY, page, seed_folder
from viewer.core.catalog.library import load_catalog
from viewer.core.search.search_engine import SearchEngine
from viewer.core.session.session import Listed, NoResult, PairCheck, Reloaded, Session
from viewer.paths import bundled_dir


@pytest.fixture
def bundled():
    library = load_catalog(bundled_dir("content"))
    return Session(bundled_dir("content"), library), SearchEngine(library.entries, dict(library.drugs))


def state(bundled, query):
    session, engine = bundled
    return session.state_for(query, engine.search(query))


def test_an_empty_query_lists_everything(bundled):
    found = state(bundled, "  ")
    assert isinstance(found, Listed) and len(found.results) == len(bundled[0].library.entries)


def test_matches_are_listed(bundled):
    found = state(bundled, "sertraline clonazepam")
    assert isinstance(found, Listed)
    assert found.results.title_hit(0).title == "Sertraline + Clonazepam"


def test_nothing_found_gives_the_nearest_titles(bundled):
    found = state(bundled, "setralnn zolpidemm")  # no medicine named: neither word is close enough to one
    assert isinstance(found, NoResult) and found.query == "setralnn zolpidemm"
    assert any("Sertraline" in item.title for item in found.nearest)


def test_three_medicines_give_a_pair_check_with_its_heading(bundled):
    found = state(bundled, "sertraline, lithium, ibuprofen")
    assert isinstance(found, PairCheck)
    assert found.heading == "Checking 3 medicines in pairs: Sertraline, Lithium, Ibuprofen"
    assert [row.title for row in found.rows] == ["Lithium + Ibuprofen", "Lithium + Sertraline", "Sertraline + Ibuprofen"]
    # the list beside the check names its entries: never "0 of 33"
    listed = [found.results.title_hit(i).title for i in range(len(found.results.positions))]
    assert listed == ["Lithium + Ibuprofen", "Lithium + Sertraline", "Sertraline + Ibuprofen"]


def test_two_medicines_have_a_pair_entry_only_when_a_page_is_of_exactly_those_two(bundled, tmp_path):
    session, _ = bundled
    assert session.pair_path(state(bundled, "Sertraline, Tramadol"), ["Sertraline", "Tramadol"]) == "sertraline-tramadol.md"
    assert session.pair_path(state(bundled, "Warfarin, Digoxin"), ["Warfarin", "Digoxin"]) is None  # the check says so
    (tmp_path / "zetarol-quintavex-lumbrina.md").write_text(page("Zetarol + Quintavex + Lumbrina", FULL_BODY))
    three = Session(tmp_path, load_catalog(tmp_path))
    asked = three.state_for("Zetarol, Quintavex", three.engine.search("Zetarol, Quintavex"))
    assert len(asked.results) == 1  # listed: it holds both
    assert three.pair_path(asked, ["Zetarol", "Quintavex"]) is None  # but it is not their answer


def test_opening_records_history_and_back_and_forward_walk_it(tmp_path):
    folder = seed_folder(tmp_path)
    session = Session(folder, load_catalog(folder))
    assert session.open("paroxetine-clonazepam.md").entry.title == "Paroxetine + Clonazepam"
    assert session.open("sertraline-clonazepam.md").warning == ""
    assert session.back() == "paroxetine-clonazepam.md" and session.back() is None
    assert session.forward() == "sertraline-clonazepam.md"
    session.close()
    assert session.current is None and session.back() is None


def test_a_page_that_breaks_shows_its_last_good_version_with_a_warning(tmp_path):
    folder = seed_folder(tmp_path)
    session = Session(folder, load_catalog(folder))
    session.open("paroxetine-clonazepam.md")
    (folder / "paroxetine-clonazepam.md").write_bytes(b"\x00\x01")
    opened = session.open("paroxetine-clonazepam.md", record=False)
    assert opened.entry.title == "Paroxetine + Clonazepam"
    assert opened.warning.startswith("This page could not be read just now (paroxetine-clonazepam.md:1: error: binary file")


def test_a_page_never_read_gives_the_reason_and_no_entry(tmp_path):
    folder = seed_folder(tmp_path)
    (folder / "bad.md").write_bytes(b"\x00")
    session = Session(folder, load_catalog(folder))
    opened = session.open("bad.md")
    assert opened.entry is None and opened.error.startswith("Could not open bad.md: bad.md:1: error: binary file")
    assert session.current is None and session.back() is None


def test_namesakes_open_told_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for name in ("a/x.md", "b/x.md"):
        (tmp_path / name).write_text(page("Alpha + Beta", FULL_BODY))
    session = Session(tmp_path, load_catalog(tmp_path))
    assert session.open("b/x.md").entry.display_title == "Alpha + Beta (b)"


def test_reloads_say_what_becomes_of_the_open_entry(tmp_path):
    folder = seed_folder(tmp_path)
    library = load_catalog(folder)
    session = Session(folder, library)
    assert session.reload(library, set()).kind is Reloaded.NOTHING_OPEN
    session.open("sertraline-clonazepam.md")
    assert session.reload(library, set()).kind is Reloaded.KEPT
    assert session.reload(library, {"sertraline-clonazepam.md"}).kind is Reloaded.CHANGED
    moved = replace(library, entries=tuple(replace(e, path="moved.md") if e.path.startswith("sertraline") else e
                                           for e in library.entries))
    outcome = session.reload(moved, {"sertraline-clonazepam.md", "moved.md"})
    assert (outcome.kind, outcome.path) == (Reloaded.RENAMED, "moved.md")
    session.open("moved.md")
    gone = replace(library, entries=tuple(e for e in library.entries if not e.path.startswith("sertraline")))
    assert session.reload(gone, {"moved.md"}).kind is Reloaded.REMOVED


def test_a_reload_that_finds_nothing_new_keeps_the_search_engine(tmp_path):
    """Rebuilding the engine costs a tenth of a second at 10,000 pages: the watcher's reloads
    that change nothing must not make the next keystroke pay it."""
    (tmp_path / "a.md").write_text(page("Aspirin + Caffeine", FULL_BODY))
    session = Session(tmp_path, load_catalog(tmp_path))
    engine = session.engine
    session.reload(load_catalog(tmp_path), set())
    assert session.engine is engine
    (tmp_path / "b.md").write_text(page("Ibuprofen + Caffeine", FULL_BODY))
    session.reload(load_catalog(tmp_path), {"b.md"})
    assert session.engine is not engine
    assert [h.title for h in session.engine.search("ibuprofen").hits] == ["Ibuprofen + Caffeine"]
