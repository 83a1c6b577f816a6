"""The bundled starter library is complete, clean and consistent with its drug dictionary."""

from __future__ import annotations

import pytest

from viewer.core.catalog.library import load_library
from viewer.core.pages.frontmatter import parse, split
from viewer.core.pages.text import fold
from viewer.paths import bundled_dir

SEVEN = ("generic_name", "usage", "side_effects", "mechanism", "faqs", "disclaimer", "note")


@pytest.fixture(scope="module")
def library():
    return load_library(bundled_dir("content"))


def test_at_least_fifty_five_entries_with_no_errors_or_warnings(library):
    assert len(library.entries) >= 55
    assert [str(p) for p in library.problems] == []
    assert library.ignored == () and library.failed == ()


def test_every_page_has_all_seven_sections_and_three_to_five_faqs(library):
    for entry in library.entries:
        missing = [key for key in SEVEN if not entry.section(key)]
        assert missing == [], entry.path
        assert 3 <= len(entry.faqs) <= 5, entry.path
        assert all(f.answer for f in entry.faqs), entry.path


def test_every_drug_in_a_title_is_in_the_dictionary(library):
    known = dict(library.drugs)
    for entry in library.entries:
        for drug in entry.drugs:
            assert fold(drug) in known, (entry.path, drug)
            assert known[fold(drug)].drug_class, (entry.path, drug)  # brands where it has any (codeine, grapefruit: none)


def test_file_names_and_front_matter_follow_the_convention(library):
    root = bundled_dir("content")
    for entry in library.entries:
        assert entry.path == "-".join(fold(d).replace(" ", "-") for d in entry.drugs) + ".md"
        meta = parse(split((root / entry.path).read_text(encoding="utf-8")).front_matter)
        assert meta["title"] == entry.title
        assert meta["layout"] == "minimal-medicine" and meta["nav_exclude"] is True


def test_both_labelling_styles_and_a_three_drug_page_are_present(library):
    root = bundled_dir("content")
    texts = [(root / e.path).read_text(encoding="utf-8") for e in library.entries]
    assert any("\n## Usage\n" in t for t in texts) and any("\n**Usage:**\n" in t for t in texts)
    assert any(len(e.drugs) == 3 for e in library.entries)


@pytest.mark.parametrize(
    "drugs, warning",
    [
        ({"oxycodone", "alprazolam"}, "breathing"),
        ({"tramadol", "clonazepam"}, "breathing"),
        ({"sertraline", "tramadol"}, "serotonin syndrome"),
        ({"lithium", "ibuprofen"}, "lithium"),
    ],
)
def test_serious_warnings_are_stated_in_side_effects_and_faqs(library, drugs, warning):
    (entry,) = [e for e in library.entries if {fold(d) for d in e.drugs} == drugs]
    assert "**Serious warning:**" in entry.side_effects and warning in entry.side_effects.lower()
    assert any(warning in (f.question + f.answer).lower() or "dangerous" in f.answer.lower() for f in entry.faqs)


def test_the_seed_combinations_are_covered_in_our_own_words(library):
    from tests.helpers import SEED_PAROXETINE, SEED_SERTRALINE, seed_bytes

    titles = {e.title for e in library.entries}
    assert {"Paroxetine + Clonazepam", "Sertraline + Clonazepam"} <= titles
    seeds = seed_bytes(SEED_PAROXETINE).decode() + seed_bytes(SEED_SERTRALINE).decode()
    seed_sentences = {s.strip() for s in seeds.replace("\n", " ").split(". ") if len(s.strip()) > 40}
    ours = " ".join((bundled_dir("content") / e.path).read_text(encoding="utf-8") for e in library.entries)
    assert [s for s in seed_sentences if s in ours] == []


# --- fit for a patient (issue 15): each risk said the same way wherever it applies -------------

SSRI = {"citalopram", "escitalopram", "fluoxetine", "paroxetine", "sertraline"}
SNRI = {"duloxetine", "venlafaxine"}
BENZODIAZEPINES = {"alprazolam", "clonazepam", "diazepam", "lorazepam"}
OPIOIDS = {"oxycodone", "tramadol", "codeine", "morphine"}
ANTIDEPRESSANTS = SSRI | SNRI | {"mirtazapine", "trazodone", "amitriptyline", "moclobemide"}
SEDATING = BENZODIAZEPINES | OPIOIDS | {"mirtazapine", "trazodone", "pregabalin", "gabapentin", "zopiclone", "zolpidem",
                                         "amitriptyline", "alcohol"}
LOW_SODIUM = SSRI | SNRI | {"mirtazapine", "trazodone", "tramadol"}
QT = {"citalopram", "escitalopram", "trazodone"}


def drugs_of(entry) -> set[str]:
    return {fold(d) for d in entry.drugs}


def page_text(entry) -> str:
    """Everything the page says, as one lower-case string (sections, FAQs, front matter)."""
    return (bundled_dir("content") / entry.path).read_text(encoding="utf-8").lower()


def test_every_page_states_its_severity_warning_review_date_and_sources(library):
    for page in library.entries:
        assert page.severity in ("contraindicated", "major", "moderate", "minor"), page.path
        assert 20 <= len(page.warning) <= 160, page.path
        assert page.reviewed and page.sources, page.path


def test_no_page_gives_permission_to_drink_and_opioid_pages_say_do_not(library):
    for entry in library.entries:
        text = page_text(entry)
        assert "if you do drink" not in text, entry.path
        if drugs_of(entry) & OPIOIDS:
            assert "**do not drink alcohol**" in text, entry.path
            assert "fatal overdose" in text, entry.path


def test_opioid_with_benzodiazepine_pages_say_who_is_at_risk_no_extra_doses_and_naloxone(library):
    pairs = [e for e in library.entries if drugs_of(e) & OPIOIDS and drugs_of(e) & BENZODIAZEPINES]
    assert len(pairs) >= 3
    for entry in pairs:
        text = page_text(entry)
        for words in ("copd", "sleep apnoea", "older people", "do not take extra doses", "naloxone"):
            assert words in text, (entry.path, words)


def test_every_sedating_pair_gives_driving_and_falls_advice(library):
    for entry in library.entries:
        if drugs_of(entry) & SEDATING:
            text = page_text(entry)
            assert "**driving and machines:**" in text and "**falls:**" in text, entry.path


def test_every_antidepressant_page_warns_of_suicidal_thoughts_and_maois(library):
    for entry in library.entries:
        if drugs_of(entry) & ANTIDEPRESSANTS:
            text = page_text(entry)
            assert "suicide" in text and "under 25" in text, entry.path
            assert "**do not take with an maoi**" in text and "linezolid" in text, entry.path


def test_low_sodium_is_named_wherever_it_applies(library):
    for entry in library.entries:
        if drugs_of(entry) & LOW_SODIUM:
            assert "hyponatraemia" in page_text(entry), entry.path


def test_qt_advice_on_every_citalopram_escitalopram_and_trazodone_page(library):
    pages = [e for e in library.entries if drugs_of(e) & QT]
    assert len(pages) >= 5
    for entry in pages:
        text = page_text(entry)
        assert "qt interval" in text, entry.path
        if drugs_of(entry) & {"citalopram", "escitalopram"}:
            assert "over 65" in text and "liver" in text, entry.path


def test_nsaid_pages_put_paracetamol_first_and_bleeding_as_an_emergency(library):
    for entry in library.entries:
        if drugs_of(entry) & {"ibuprofen", "naproxen"}:
            text = page_text(entry)
            assert "may still be used" not in text, entry.path
            assert "paracetamol" in text and "**seek emergency help**" in text and "alcohol" in text, entry.path


def test_lithium_pages_name_the_signs_of_toxicity_and_what_else_raises_lithium(library):
    for entry in library.entries:
        if "lithium" in drugs_of(entry):
            text = page_text(entry)
            assert "stop and seek medical advice urgently" not in text, entry.path
            for words in ("ace inhibitors", "thiazide", "dehydration" if "dehydration" in text else "losing fluid",
                          "call emergency services"):
                assert words in text, (entry.path, words)


def test_clonazepam_pages_keep_the_short_course_to_anxiety_not_epilepsy(library):
    for entry in library.entries:
        if "clonazepam" in drugs_of(entry):
            text = page_text(entry)
            assert "why is clonazepam usually prescribed for a short time only" not in text, entry.path


def test_brand_facts_that_were_wrong_stay_fixed(library):
    texts = {e.path: page_text(e) for e in library.entries}
    assert not any("valium (us and uk)" in t for t in texts.values())
    assert not any("moderately severe pain" in t for t in texts.values())
    for path, text in texts.items():
        if "tramadol" in path:
            assert "controlled" in text, path
        if "trazodone" in path and "sleep" in text:
            assert "unlicensed" in text or "off-label" in text, path


def test_drugs_yaml_gives_each_brand_its_country_and_antidepressants_a_shared_class(library):
    known = dict(library.drugs)
    for info in known.values():
        assert len(info.countries) == len(info.brands)
        assert all(country for country in info.countries), info.generic
    antidepressants = {g for g, info in known.items() if "antidepressant" in info.classes}
    assert {"trazodone", "mirtazapine", "sertraline", "venlafaxine"} <= antidepressants
    valium = known["diazepam"].brands.index("Valium")
    assert known["diazepam"].countries[valium] == "US"  # not sold in the UK
    assert all(brand not in known["warfarin"].brands for brand in ("Coumadin",))  # no longer sold (US, 2020)
    assert "antacid" not in known["omeprazole"].classes and "MAOI" not in known["linezolid"].classes
    combined = {name: info.ingredients for name, info in known.items() if info.ingredients}
    assert combined["combiflam"] == ("ibuprofen", "paracetamol") and "paracetamol" in combined["percocet"]
    indian = {brand for info in known.values() for brand, country in zip(info.brands, info.countries, strict=True)
              if "IN" in country}
    assert {"Crocin", "Dolo", "Calpol", "Combiflam", "Daxid", "Serta", "Omez", "Pan"} <= indian


@pytest.mark.parametrize(("query", "rated"), [
    ("warfarin, ibuprofen, omeprazole", [("Warfarin + Ibuprofen", "major")]),
    ("sertraline, tramadol, sumatriptan", [("Sertraline + Tramadol", "major"), ("Sertraline + Sumatriptan", "moderate"),
                                          ("Tramadol + Sumatriptan", "moderate")]),
])
def test_the_daily_dangers_are_checked_with_their_severities(library, query, rated):
    from viewer.core.search.search_engine import SearchEngine

    check = SearchEngine(library.entries, dict(library.drugs)).search(query).check
    assert [(h.title, h.severity) for h in check if h.path] == rated


def test_the_daily_dangers_a_pharmacy_meets_are_covered(library):
    titles = {e.title for e in library.entries}
    for wanted in ("Warfarin + Ibuprofen", "Warfarin + Aspirin", "Apixaban + Ibuprofen", "Oxycodone + Pregabalin",
                   "Ramipril + Furosemide + Ibuprofen", "Ramipril + Spironolactone", "Methotrexate + Trimethoprim",
                   "Simvastatin + Clarithromycin", "Sildenafil + Glyceryl Trinitrate", "Phenelzine + Sertraline",
                   "Sertraline + Sumatriptan", "Oxycodone + Zopiclone", "Lithium + Ramipril", "Clopidogrel + Omeprazole",
                   "Digoxin + Amiodarone", "Carbamazepine + Ethinylestradiol"):
        assert wanted in titles


def test_pde5_pages_forbid_any_nitrate_and_never_suggest_a_gap_or_a_pause(library):
    pages = [e for e in library.entries if {"Sildenafil", "Tadalafil", "Vardenafil"} & set(e.drugs)]
    assert len(pages) >= 2
    for entry in pages:
        text = " ".join([entry.warning, entry.side_effects, entry.precautions, *(f.answer for f in entry.faqs)])
        assert "if you use any nitrate" in text and "Never skip or stop a nitrate" in text, entry.path
        assert "hours of a nitrate" not in text and "pause" not in text.lower().replace("pause my", ""), entry.path


# The pairs a pharmacy counter sees most (issue 23), each findable by its pair of names, each rated.
COUNTER_PAIRS = [  # (the names a patient gives, the page, its severity)
    ("sildenafil isosorbide", "Sildenafil + Isosorbide Mononitrate", "contraindicated"),
    ("tadalafil gtn", "Tadalafil + Glyceryl Trinitrate", "contraindicated"),
    ("vardenafil glyceryl trinitrate", "Vardenafil + Glyceryl Trinitrate", "contraindicated"),
    ("warfarin miconazole", "Warfarin + Miconazole", "contraindicated"), ("codeine diazepam", "Codeine + Diazepam", "major"),
    ("morphine gabapentin", "Morphine + Gabapentin", "major"), ("codeine alcohol", "Codeine + Alcohol", "major"),
    ("diazepam alcohol", "Diazepam + Alcohol", "major"), ("rivaroxaban ibuprofen", "Rivaroxaban + Ibuprofen", "major"),
    ("warfarin naproxen", "Warfarin + Naproxen", "major"), ("warfarin clopidogrel", "Warfarin + Clopidogrel", "major"),
    ("apixaban aspirin", "Apixaban + Aspirin", "major"), ("warfarin clarithromycin", "Warfarin + Clarithromycin", "major"),
    ("warfarin fluconazole", "Warfarin + Fluconazole", "major"),
    ("citalopram clarithromycin", "Citalopram + Clarithromycin", "contraindicated"),
    ("domperidone clarithromycin", "Domperidone + Clarithromycin", "contraindicated"),
    ("simvastatin itraconazole", "Simvastatin + Itraconazole", "contraindicated"),
    ("simvastatin amlodipine", "Simvastatin + Amlodipine", "major"), ("colchicine clarithromycin", "Colchicine + Clarithromycin", "major"),
    ("amlodipine clarithromycin", "Amlodipine + Clarithromycin", "major"),
    ("spironolactone trimethoprim", "Spironolactone + Trimethoprim", "major"), ("ramipril losartan", "Ramipril + Losartan", "major"),
    ("ramipril potassium", "Ramipril + Potassium Chloride", "major"), ("losartan ibuprofen", "Losartan + Ibuprofen", "major"),
    ("lithium bendroflumethiazide", "Lithium + Bendroflumethiazide", "major"),
    ("methotrexate ibuprofen", "Methotrexate + Ibuprofen", "moderate"), ("tramadol amitriptyline", "Tramadol + Amitriptyline", "major"),
    ("sertraline moclobemide", "Sertraline + Moclobemide", "contraindicated"),
    ("sertraline st john's wort", "Sertraline + St John's Wort", "major"), ("warfarin st john's wort", "Warfarin + St John's Wort", "major"),
    ("azathioprine allopurinol", "Azathioprine + Allopurinol", "major"), ("theophylline ciprofloxacin", "Theophylline + Ciprofloxacin", "major"),
    ("digoxin clarithromycin", "Digoxin + Clarithromycin", "major"), ("simvastatin grapefruit", "Simvastatin + Grapefruit", "major"),
    ("levothyroxine calcium", "Levothyroxine + Calcium Carbonate", "moderate"), ("doxycycline ferrous", "Doxycycline + Ferrous Sulfate", "moderate"),
]


@pytest.mark.parametrize(("query", "title", "severity"), COUNTER_PAIRS, ids=[q for q, _, _ in COUNTER_PAIRS])
def test_the_pairs_a_counter_sees_most_are_found_by_their_names_with_their_severity(library, query, title, severity):
    from viewer.core.search.search_engine import SearchEngine

    first = SearchEngine.for_library(library).search(query).title_hit(0)
    assert (first.title, first.severity) == (title, severity)
    page = next(e for e in library.entries if e.path == first.path)
    assert page.reviewed and all(any(ch.isdigit() for ch in s.title) or "BNF" in s.title for s in page.sources), page.path
