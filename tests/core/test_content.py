"""The bundled starter library is complete, clean and consistent with its drug dictionary."""

from __future__ import annotations

import pytest

from viewer.core.frontmatter import parse, split
from viewer.core.library import load_library
from viewer.core.title_index import fold
from viewer.paths import bundled_dir

SEVEN = ("generic_name", "usage", "side_effects", "mechanism", "faqs", "disclaimer", "note")


@pytest.fixture(scope="module")
def library():
    return load_library(bundled_dir("content"))


def test_at_least_thirty_entries_with_no_errors_or_warnings(library):
    assert len(library.entries) >= 30
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
            assert known[fold(drug)].brands and known[fold(drug)].drug_class


def test_file_names_and_front_matter_follow_the_convention(library):
    root = bundled_dir("content")
    for entry in library.entries:
        assert entry.path == "-".join(fold(d) for d in entry.drugs) + ".md"
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
