"""Both real seed pages are read completely, label by label, with nothing dropped."""

from __future__ import annotations

import pytest

from tests.helpers import SEED_PAROXETINE, SEED_SERTRALINE, lost_words, seed_bytes
from viewer.core.pages.frontmatter import split
from viewer.core.pages.page import parse_page
from viewer.core.pages.source import decode

LABELS = "Generic Name Usage Side Effects How it Works FAQs Disclaimer Note"


@pytest.fixture(scope="module")
def paroxetine():
    page = parse_page("paroxetine-clonazepam.md", seed_bytes(SEED_PAROXETINE))
    assert page.problems == ()
    return page.entry


@pytest.fixture(scope="module")
def sertraline():
    page = parse_page("sertraline-clonazepam.md", seed_bytes(SEED_SERTRALINE))
    assert page.problems == ()
    return page.entry


def test_the_stray_full_stop_goes_from_the_title(paroxetine):
    assert paroxetine.title == "Paroxetine + Clonazepam"
    assert paroxetine.drugs == ("Paroxetine", "Clonazepam")


def test_every_section_of_the_paroxetine_page_is_filled(paroxetine):
    assert paroxetine.intro.startswith("It's crucial to understand")
    assert paroxetine.generic_name.startswith("The generic names are Paroxetine and Clonazepam.")
    assert paroxetine.usage.startswith("* **Paroxetine (SSRI):**")
    assert "rapid, short-term relief of a benzodiazepine" in paroxetine.usage
    assert paroxetine.side_effects.startswith("The side effects of this combination")
    assert "* **Clonazepam:** Drowsiness" in paroxetine.side_effects
    assert paroxetine.mechanism.startswith("* **Paroxetine:**")
    assert paroxetine.disclaimer.startswith("This information is for general knowledge only")
    assert paroxetine.note.startswith("This information is AI-generated")
    assert paroxetine.other == ()


def test_the_title_heading_is_not_content(paroxetine, sertraline):
    for entry in (paroxetine, sertraline):
        assert "# " not in entry.intro
        assert entry.title not in entry.intro


def test_paroxetine_has_four_faqs_with_answers(paroxetine):
    questions = [f.question for f in paroxetine.faqs]
    assert questions == [
        "Is this combination safe?",
        "How long can I take this combination?",
        "Can I stop taking these medications suddenly?",
        "What are the potential drug interactions?",
    ]
    assert paroxetine.faqs[2].answer.startswith("No, abruptly stopping either medication")
    assert all(f.answer for f in paroxetine.faqs)


def test_sertraline_has_five_faqs_with_answers(sertraline):
    assert len(sertraline.faqs) == 5
    assert sertraline.faqs[0].question == "Is this a standard combination pill?"
    assert sertraline.faqs[0].answer.startswith("No.")
    assert sertraline.faqs[4].question.startswith("Who should I talk to")
    assert all(f.answer for f in sertraline.faqs)


def test_bold_text_that_is_not_a_label_stays_in_its_section(sertraline):
    assert sertraline.intro == ""
    assert "**It is crucial to understand that sertraline and clonazepam" in sertraline.usage
    assert "**Sertraline:** Common side effects include nausea" in sertraline.side_effects
    assert "**Clonazepam:** It's a benzodiazepine." in sertraline.mechanism
    assert sertraline.generic_name.startswith("Sertraline + Clonazepam (This is not a standard")


@pytest.mark.parametrize("seed", [SEED_PAROXETINE, SEED_SERTRALINE])
def test_no_word_of_a_seed_is_lost(seed):
    data = seed_bytes(seed)
    entry = parse_page("seed.md", data).entry
    body = split(decode(data).text).body
    assert lost_words(body, entry, LABELS) == {}
