"""One ranking for window and command line: drug-aware, forgiving, brands and classes,
the pair check for three or more drugs, and full-text results after title matches."""

from __future__ import annotations

import pytest

from tests.helpers import FULL_BODY, page, seed_folder
from viewer.core.catalog.library import load_catalog
from viewer.core.pages.model import DrugInfo
from viewer.core.search.index import MARK_START, FullTextIndex
from viewer.core.search.search_engine import MISSING_PAIR, NOT_IN_REFERENCE, SearchEngine
from viewer.paths import bundled_dir


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    library = load_catalog(bundled_dir("content"))
    engine = SearchEngine(library.entries, dict(library.drugs))
    engine.fulltext = FullTextIndex(bundled_dir("content"), tmp_path_factory.mktemp("cache"))
    engine.fulltext.update()
    return engine


def titles(engine, query, kind="combination"):
    return [h.title for h in engine.search(query).hits if h.kind == kind]


@pytest.mark.parametrize(
    "query",
    ["clonazepam sertraline", "Clonazepam + Sertraline", "sertraline/clonazepam", "sertraline and clonazepam",
     "SERTRALINE, clonazepam", "sértraline clonazépam"],
)
def test_two_drugs_in_any_form_put_their_combination_first(bundled, query):
    assert titles(bundled, query)[0] == "Sertraline + Clonazepam"


def test_one_drug_lists_every_combination_that_contains_it(bundled):
    found = titles(bundled, "tramadol")
    expected = sorted(e.title for e in bundled.listings if "Tramadol" in e.drugs)
    assert sorted(found) == expected and len(found) >= 5


def test_exact_combinations_rank_above_combinations_that_contain_the_drugs(bundled):
    found = titles(bundled, "sertraline clonazepam")
    assert found.index("Sertraline + Clonazepam") < found.index("Sertraline + Clonazepam + Tramadol")
    scores = {h.title: h.score for h in bundled.search("sertraline clonazepam").hits}
    assert scores["Sertraline + Clonazepam"] == 1.0 > scores["Sertraline + Clonazepam + Tramadol"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("sert", "Sertraline"),
        ("sertralin", "Sertraline"),
        ("klonazepam", "Clonazepam"),
        ("parox", "Paroxetine"),
        ("lorazepan", "Lorazepam"),
        ("ESCITALOPRAM", "Escitalopram"),
    ],
)
def test_prefixes_typos_and_case_are_forgiven(bundled, query, expected):
    found = bundled.search(query).hits
    assert found and all(expected in bundled.listings[h.position].drugs for h in found if h.kind == "combination")


def test_brand_names_find_their_generics(bundled):
    assert titles(bundled, "zoloft klonopin")[0] == "Sertraline + Clonazepam"
    assert titles(bundled, "Xanax OxyContin")[0] == "Oxycodone + Alprazolam"
    assert titles(bundled, "lustral rivotril")[0] == "Sertraline + Clonazepam"  # UK brands


def test_a_drug_class_lists_its_combinations(bundled):
    found = set(titles(bundled, "ssri"))
    ssris = {"Sertraline", "Paroxetine", "Fluoxetine", "Citalopram", "Escitalopram"}
    expected = {e.title for e in bundled.listings if ssris & set(e.drugs)}
    assert found == expected
    assert set(titles(bundled, "nsaid")) == {e.title for e in bundled.listings if {"Ibuprofen", "Naproxen", "Aspirin"} & set(e.drugs)}


def test_without_a_drug_dictionary_generic_names_still_work(tmp_path):
    library = load_catalog(seed_folder(tmp_path))
    engine = SearchEngine(library.entries, dict(library.drugs))
    assert next(h.title for h in engine.search("clonazepam paroxetine").hits) == "Paroxetine + Clonazepam"
    assert engine.search("zoloft").hits == ()


def test_three_drugs_check_every_pair(bundled):
    results = bundled.search("sertraline, clonazepam, tramadol")
    assert results.drugs == ("sertraline", "clonazepam", "tramadol")
    assert [(h.title, h.path, h.severity) for h in results.check] == [
        ("Sertraline + Clonazepam + Tramadol", "sertraline-clonazepam-tramadol.md", "major"),
        ("Sertraline + Tramadol", "sertraline-tramadol.md", "major"),  # the major pairs first
        ("Tramadol + Clonazepam", "tramadol-clonazepam.md", "major"),
        ("Sertraline + Clonazepam", "sertraline-clonazepam.md", "moderate"),
    ]
    assert results.hits[0].title == "Sertraline + Clonazepam + Tramadol"
    assert results.check[0].snippet == "All 3 together"


def test_a_pair_with_no_entry_of_its_own_points_to_an_entry_that_has_both(tmp_path):
    for name, title in (("abc.md", "Alphamol + Betazine + Gammadine"), ("ab.md", "Alphamol + Betazine")):
        (tmp_path / name).write_text(f"---\ntitle: {title}\n---\n\n**Usage:** u\n\n**Side effects:** s\n", encoding="utf-8")
    library = load_catalog(tmp_path)
    engine = SearchEngine(library.entries, {})
    check = engine.search("alphamol, betazine, gammadine").check
    assert [(h.title, h.path) for h in check] == [
        ("Alphamol + Betazine + Gammadine", "abc.md"),
        ("Alphamol + Betazine", "ab.md"),
        ("Alphamol + Betazine + Gammadine", "abc.md"),
        ("Alphamol + Betazine + Gammadine", "abc.md"),
    ]
    assert check[2].snippet.startswith("Alphamol + Gammadine: no entry for this pair alone")
    assert all(h.snippet != MISSING_PAIR for h in check)


def test_a_medicine_in_no_entry_is_named_in_one_sentence_after_the_pairs_that_have_entries(bundled):
    library = load_catalog(bundled_dir("content"))
    known = {**dict(library.drugs), "metformin": DrugInfo("metformin")}  # a medicine drugs.yaml knows, in no entry
    engine = SearchEngine(library.entries, known)
    check = engine.search("metformin, lithium, ibuprofen").check
    assert [(h.title, h.path, h.snippet) for h in check] == [
        ("Lithium + Ibuprofen", "lithium-ibuprofen.md", ""),
        ("Metformin", None, NOT_IN_REFERENCE.format(name="Metformin")),
    ]
    assert "A missing entry does not mean the combination is safe" in check[1].snippet


def test_pairs_come_most_serious_first_after_the_entry_for_all_of_them(tmp_path):
    severities = {"Alphazine + Betamol": "minor", "Alphazine + Gammadol": "", "Betamol + Gammadol": "contraindicated",
                  "Alphazine + Deltafen": "major", "Alphazine + Betamol + Gammadol + Deltafen": "moderate"}
    for number, (title, severity) in enumerate(severities.items()):
        front = f"title: {title}\n" + (f"severity: {severity}\nwarning: Watch {number}.\n" if severity else "")
        (tmp_path / f"{number}.md").write_text(page(front=front, body=FULL_BODY))
    engine = SearchEngine(load_catalog(tmp_path).entries)
    check = engine.search("alphazine, betamol, gammadol, deltafen").check
    assert [(h.title, h.severity) for h in check[:5]] == [
        ("Alphazine + Betamol + Gammadol + Deltafen", "moderate"),  # the exact entry, whatever its severity
        ("Betamol + Gammadol", "contraindicated"), ("Alphazine + Deltafen", "major"),
        ("Alphazine + Betamol", "minor"), ("Alphazine + Gammadol", ""),
    ]
    assert check[1].warning == "Watch 2."
    # pairs with no entry of their own come after every pair that has one
    assert [h.snippet for h in check[5:]] == [
        "Betamol + Deltafen: no entry for this pair alone; both are in",
        "Gammadol + Deltafen: no entry for this pair alone; both are in",
    ]


def test_words_that_are_not_a_list_of_drugs_are_no_pair_check(bundled):
    assert bundled.search("sertraline clonazepam driving").check == ()
    assert bundled.search("serotonin syndrome risk").check == ()


def test_a_missing_pair_among_known_drugs(tmp_path):
    folder = seed_folder(tmp_path)
    (folder / "a.md").write_text(page("Tramadol + Sertraline", FULL_BODY))
    library = load_catalog(folder)
    check = SearchEngine(library.entries, {}).search("paroxetine sertraline tramadol").check
    assert [(h.title, h.path, h.snippet) for h in check] == [
        ("Tramadol + Sertraline", "a.md", ""),
        ("Paroxetine + Sertraline", None, MISSING_PAIR),
        ("Paroxetine + Tramadol", None, MISSING_PAIR),
    ]


@pytest.mark.parametrize("query, word", [("serotonin syndrome", "serotonin"), ("withdrawal", "withdrawal"),
                                         ("driving", "driving")])
def test_words_that_are_not_drugs_search_the_text_with_a_snippet(bundled, query, word):
    hits = [h for h in bundled.search(query).hits if h.kind == "fulltext"]
    assert hits
    for hit in hits:
        assert f"{MARK_START}{word}" in hit.snippet.lower().replace(MARK_START.lower(), MARK_START)
        assert hit.section in ("usage", "side_effects", "mechanism", "faqs", "dosage", "precautions", "interactions",
                               "pregnancy", "more")


def test_full_text_names_the_tab_that_holds_the_words(bundled):
    hits = [h for h in bundled.search("naloxone").hits if h.kind == "fulltext"]
    assert {h.section for h in hits} == {"precautions"}  # its own section, before the FAQ that names it too
    assert "Oxycodone + Alprazolam" in [h.title for h in hits]


def test_full_text_results_come_after_title_matches_and_are_marked(bundled):
    hits = bundled.search("tramadol seizures").hits
    kinds = [h.kind for h in hits]
    assert "fulltext" in kinds
    assert kinds == sorted(kinds, key=lambda k: k != "combination")
    assert len({h.path for h in hits}) == len(hits)  # a page is listed once


def test_nothing_found_is_an_empty_result(bundled):
    assert bundled.search("zzqx").hits == ()
