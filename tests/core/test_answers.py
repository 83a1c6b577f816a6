"""The questions people ask, answered as asked: a list pasted from a letter, a brand, a name the
reference does not know, two products that share an ingredient, a title typed exactly."""

from __future__ import annotations

import pytest

from tests.helpers import DISCHARGE_LIST, FULL_BODY, REAL_SITE, SUCCESSOR_SITE, needs_real_site, page
from viewer.core.catalog.library import load_catalog
from viewer.core.pages.text import fold
from viewer.core.search.answers import not_known_line
from viewer.core.search.index import FullTextIndex
from viewer.core.search.query import products
from viewer.core.search.search_engine import MISSING_PAIR, SearchEngine
from viewer.core.session.session import NoResult, PairCheck, Session, place_query
from viewer.paths import bundled_dir


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    engine = SearchEngine.for_library(load_catalog(bundled_dir("content")))
    engine.fulltext = FullTextIndex(bundled_dir("content"), tmp_path_factory.mktemp("cache"))
    engine.fulltext.update()
    return engine


@pytest.fixture(scope="module")
def successor(tmp_path_factory):
    library = load_catalog(SUCCESSOR_SITE)
    engine = SearchEngine.for_library(library)
    return library, engine


def folder_of(tmp_path, titles: dict[str, str]):
    for name, title in titles.items():
        (tmp_path / name).write_text(page(title, FULL_BODY), encoding="utf-8")
    return load_catalog(tmp_path)


def test_a_list_pasted_from_a_discharge_letter_is_checked_with_its_major_pair_first(bundled):
    results = bundled.search(DISCHARGE_LIST)
    assert results.drugs == ("atorvastatin", "warfarin", "omeprazole", "sertraline", "ibuprofen")
    assert (results.check[0].title, results.check[0].severity) == ("Warfarin + Ibuprofen", "major")
    assert results.unknown == () and results.text_only == ()  # "once daily", "INR target" are no names


@pytest.mark.parametrize("line, names", [
    ("Tab. Sertraline 50 mg OD after food x 5 days", [("tab", "sertraline", "od", "after", "food")]),
    ("1. Warfarin 5mg (INR 2-3) 1-0-1", [("warfarin",)]),
    ("• Paracetamol 500 mg/5 ml syrup PRN", [("paracetamol", "syrup", "prn")]),
    ("Codeine & Paracetamol", [("codeine",), ("paracetamol",)]),
])
def test_a_line_of_a_prescription_loses_its_strengths_brackets_schedules_and_durations(line, names):
    (product,) = products(line)  # the words left that name nothing are set aside once a medicine is named
    assert [list(name) for name in product.names] == [list(name) for name in names]


def test_prescription_words_beside_a_medicine_are_never_taken_for_names(bundled):
    results = bundled.search("Inj. Tramadol 50 mg IV SOS; Cap. Sertraline 100mg HS for 2 weeks")
    assert results.drugs == ("tramadol", "sertraline") and results.unknown == ()
    assert bundled.search("-\n\n;,").positions == bundled.search("").positions  # no names: everything listed


def test_an_unknown_name_is_said_and_never_makes_a_pair_sentence(tmp_path):
    library = folder_of(tmp_path, {"a.md": "Sertraline + Tramadol", "b.md": "Tramadol + Gabapentin"})
    engine = SearchEngine(library.entries, {})
    results = engine.search("daxid tramadol")
    assert results.unknown == ("daxid",)
    assert results.notes == (not_known_line(("daxid",), "list"),) == ("Not in this reference: daxid. The results below leave it out.",)
    assert {results.title_hit(i).title for i in range(len(results.positions))} == {"Sertraline + Tramadol", "Tramadol + Gabapentin"}
    results = engine.search("daxid, sertraline, gabapentin")
    check = results.check
    assert results.notes == ("Not in this reference: daxid. The check below leaves it out.",)
    assert not any("daxid" in hit.title.lower() or "daxid" in hit.snippet.lower() for hit in check)


def test_with_the_indian_brand_in_drugs_yaml_daxid_finds_sertraline_and_tramadol(bundled):
    results = bundled.search("daxid tramadol")
    assert results.unknown == () and results.title_hit(0).title == "Sertraline + Tramadol"


def test_a_name_a_letter_away_from_a_known_one_is_offered_with_its_entrys_severity(tmp_path):
    (tmp_path / "a.md").write_text(page(front="title: Sertraline + Tramadol\nseverity: major\n", body=FULL_BODY))
    engine = SearchEngine(load_catalog(tmp_path).entries, {})
    results = engine.search("tramadol sertrx")  # too far for a typo, near enough to offer
    assert results.unknown == ("sertrx",)
    assert [(h.title, h.severity) for h in results.suggestions] == [("Sertraline + Tramadol", "major")]


def test_a_word_in_the_text_beside_a_medicine_is_said_to_be_no_medicine(bundled):
    results = bundled.search("tramadol seizures")
    assert results.text_only == ("seizures",) and results.unknown == ()
    assert results.text_hits and all("Tramadol" in h.title for h in results.text_hits)


def test_two_products_with_one_ingredient_are_named_first(bundled, successor):
    assert bundled.search("combiflam crocin").notes[0] == "Both contain paracetamol: Combiflam and Crocin."
    _, engine = successor
    results = engine.search("Crocin 650, Aceclofenac + Paracetamol")
    assert results.notes[0] == "Both contain paracetamol: Crocin 650 and Aceclofenac + Paracetamol."


def test_two_medicines_of_one_class_are_named(bundled):
    results = bundled.search("ibuprofen naproxen")
    assert [d.line for d in results.duplicates] == ["duplicate: NSAID: Ibuprofen; Naproxen"]
    assert results.notes == ("Two NSAIDs: ibuprofen and naproxen.",)


def test_two_medicines_without_an_entry_of_both_get_the_no_entry_sentence_first(bundled):
    results = bundled.search("atorvastatin omeprazole")
    assert [(h.title, h.snippet) for h in results.check] == [("Atorvastatin + Omeprazole", MISSING_PAIR)]


def test_a_name_of_several_words_is_one_medicine_and_its_title_chooses_its_entry(successor):
    _, engine = successor
    for query in ("Ethinyl Estradiol + Etonogestrel", "ethinyl estradiol etonogestrel"):
        results = engine.search(query)
        assert results.drugs == ("ethinyl estradiol", "etonogestrel") and results.check == ()
        assert results.title_hit(0).title == "Ethinyl Estradiol + Etonogestrel"
    assert engine.choose("Ethinyl Estradiol + Etonogestrel")[0].title == "Ethinyl Estradiol + Etonogestrel"


def test_an_exact_title_chooses_its_entry_and_its_strengths_follow(tmp_path):
    library = folder_of(tmp_path, {"a.md": "Acarbose + Metformin", "b.md": "Acarbose 25mg + Metformin 500mg",
                                   "c.md": "Acarbose 50mg + Metformin 500mg"})
    engine = SearchEngine(library.entries, {})
    for query in ("Acarbose + Metformin", "metformin acarbose"):
        chosen, candidates = engine.choose(query)
        assert chosen is not None and chosen.title == "Acarbose + Metformin" and len(candidates) == 3
    assert engine.choose("Acarbose 50mg + Metformin 500mg")[0].title == "Acarbose 50mg + Metformin 500mg"


def test_a_sites_brand_page_leads_to_its_composition_and_is_no_entry(successor):
    library, engine = successor
    assert "src/content/medicines/crocin-650.md" not in {e.path for e in library.entries}
    crocin = next(b for b in library.brands if b.name == "Crocin 650")
    assert crocin.target == "src/content/compositions/paracetamol.md" and crocin.details == "Crocin 650 (650 mg, GSK)"
    assert engine.search("crocin 650").title_hit(0).path == crocin.target
    assert engine.search("zerodol").title_hit(0).title == "Aceclofenac + Paracetamol"
    assert any("a-page-this-site-lacks" in p.message for p in library.problems)  # a brand that leads nowhere is said
    entry = Session(SUCCESSOR_SITE, library).open(crocin.target).entry
    assert entry.brands == ("Crocin 650 (650 mg, GSK)",)


def test_the_bundled_drugs_yaml_is_every_folders_fallback(tmp_path):
    library = folder_of(tmp_path, {"a.md": "Ibuprofen", "b.md": "Fluoxetine + Tramadol"})
    engine = SearchEngine.for_library(library)
    assert engine.search("nurofen").title_hit(0).title == "Ibuprofen"
    assert engine.search("ssri").title_hit(0).title == "Fluoxetine + Tramadol"


def test_enter_opens_only_the_querys_own_entry(bundled):
    session = Session(bundled_dir("content"), load_catalog(bundled_dir("content")))
    no_pair = session.search("atorvastatin omeprazole")
    assert isinstance(no_pair, PairCheck) and session.enter_path(no_pair) is None
    assert session.enter_path(session.search(DISCHARGE_LIST)) is None  # never the first pair of a check
    assert session.enter_path(session.search("zoloft tramadol")) == "sertraline-tramadol.md"
    assert isinstance(session.search("qqqzz"), NoResult) and session.enter_path(session.search("qqqzz")) is None


def test_an_entry_opened_from_a_check_goes_back_to_the_check(bundled):
    session = Session(bundled_dir("content"), load_catalog(bundled_dir("content")))
    session.open("sertraline-clonazepam.md")
    session.open("warfarin-ibuprofen.md", from_check=DISCHARGE_LIST)
    assert place_query(session.back()) == DISCHARGE_LIST
    assert session.back() == "sertraline-clonazepam.md"
    assert place_query(session.forward()) == DISCHARGE_LIST and session.forward() == "warfarin-ibuprofen.md"


def test_a_word_only_in_a_dosage_section_is_found(tmp_path):
    body = FULL_BODY + "\n**Dosage:**\n\nSwallow with a glass of buttermilk.\n\n**Pregnancy:**\n\nAsk about quinceberries.\n"
    (tmp_path / "a.md").write_text(page("Alpha + Beta", body), encoding="utf-8")
    index = FullTextIndex(tmp_path, tmp_path / "cache")
    index.update()
    assert [(path, section) for path, section, _, _ in index.search(["buttermilk"])] == [("a.md", "dosage")]
    assert [(path, section) for path, section, _, _ in index.search(["quinceberries"])] == [("a.md", "pregnancy")]


@needs_real_site
def test_a_word_in_titles_gives_its_title_matches_then_its_text_matches_on_the_real_site(tmp_path):
    engine = SearchEngine.for_library(load_catalog(REAL_SITE))
    engine.fulltext = FullTextIndex(REAL_SITE, tmp_path)
    engine.fulltext.update()
    results = engine.search("liver")
    titles = [h.title for h in results.hits if h.kind == "combination"]
    assert "Lidocaine + Liver Fraction" in titles and any(t.startswith("Liver Extract") for t in titles)
    assert len([h for h in results.hits if h.kind == "fulltext"]) >= 10
    chosen, _ = engine.choose("Acarbose + Metformin")
    assert chosen is not None and chosen.path == "composition/a/acarbose-metformin.md"


def rows_read_alike(entries) -> list[str]:
    """Titles two different entries would show alike in the list (the same letters, whatever
    their case or spacing)."""
    seen: dict[str, str] = {}
    alike = []
    for entry in entries:
        shown = " ".join(fold(entry.display_title).split())
        if shown in seen:
            alike.append(f"{seen[shown]} and {entry.path}: '{entry.display_title}'")
        seen.setdefault(shown, entry.path)
    return alike


def test_no_two_entries_read_alike_in_the_list(tmp_path):
    """Namesakes in the same and in different folders, in the same collection or not, and a
    title that differs only in case, each listed with what tells them apart."""
    for name, title in [("a/para.md", "Paracetamol"), ("b/para.md", "Paracetamol"), ("b/other/para.md", "PARACETAMOL"),
                        ("composition/x.md", "Aspirin + Caffeine"), ("generic/x.md", "Aspirin  +  caffeine")]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(page(title, FULL_BODY.replace("# Alpha + Beta", f"# {title}")))
    for folder in (tmp_path, bundled_dir("content"), SUCCESSOR_SITE):
        library = load_catalog(folder)
        assert rows_read_alike(library.entries) == [], folder


@needs_real_site
def test_no_namesake_of_the_real_site_shows_a_file_path():
    from viewer.core.present.document import DocumentBuilder

    library = load_catalog(REAL_SITE)
    assert rows_read_alike(library.entries) == []  # no two rows read the same
    namesakes = [e for e in library.entries if e.distinguisher]
    assert len(namesakes) >= 40
    session, builder = Session(REAL_SITE, library), DocumentBuilder()
    for item in namesakes:
        assert item.distinguisher.split(" ")[0] in ("Composition", "Generic"), item.display_title  # "Composition 2" too
        document = builder.build(session.open(item.path).entry)
        assert ".md" not in document.title + document.header, item.path
