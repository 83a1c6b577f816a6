"""Section labels in both forms, their synonyms, unknown sections, and what is not a label."""

from __future__ import annotations

import pytest

from tests.helpers import FULL_BODY, lost_words, page
from viewer.core.pages.ingredients import drugs_from_title
from viewer.core.pages.page import parse_page
from viewer.core.pages.sections import normalise_title


def parse(body: str, title: str | None = "Alpha + Beta"):
    result = parse_page("p.md", page(title, body).encode())
    return result.entry, result.problems


def test_a_complete_bold_labelled_page_has_no_problems():
    entry, problems = parse(FULL_BODY)
    assert problems == ()
    assert entry.generic_name == "alpha and beta"
    assert entry.usage == "Used for testing."
    assert entry.side_effects == "Drowsiness."
    assert entry.mechanism == "Both work."
    assert [(f.question, f.answer) for f in entry.faqs] == [("Is it safe?", "Ask a doctor.")]
    assert entry.disclaimer == "General information only."
    assert entry.note == "A note."


def test_heading_labels_work_like_bold_labels():
    body = FULL_BODY.replace("**Usage:**", "## Usage").replace("**Side Effects:**", "## Side Effects")
    body = body.replace("**How it Works:**", "### How it works").replace("**FAQs:**", "## FAQs")
    entry, problems = parse(body)
    assert problems == ()
    assert (entry.usage, entry.side_effects, entry.mechanism) == ("Used for testing.", "Drowsiness.", "Both work.")
    assert len(entry.faqs) == 1


@pytest.mark.parametrize(
    "label, key",
    [
        ("**Uses:**", "usage"),
        ("**INDICATIONS**", "usage"),
        ("**usage**:", "usage"),
        ("## Common Side Effects", "side_effects"),
        ("**Possible side effects:**", "side_effects"),
        ("### Adverse Effects", "side_effects"),
        ("**How They Work:**", "mechanism"),
        ("## Mechanism of Action", "mechanism"),
        ("**Mechanism**", "mechanism"),
        ("## Frequently Asked Questions", "faqs"),
        ("**FAQ:**", "faqs"),
        ("**Generic Names:**", "generic_name"),
    ],
)
def test_label_synonyms_in_any_case_and_colon_style(label, key):
    if key == "faqs":
        entry, _ = parse(f"{label}\n\n* **Why?** Because.\n")
        assert entry.faqs[0].answer == "Because."
    else:
        entry, _ = parse(f"{label}\n\nSome text here.\n")
        assert getattr(entry, key) == "Some text here."


def test_inline_label_text_starts_the_section():
    entry, _ = parse("**generic name** alpha, beta\n\n**Usage:** For pain.\nMore lines.\n")
    assert entry.generic_name == "alpha, beta"
    assert entry.usage == "For pain.\nMore lines."


def test_unknown_sections_are_kept_under_their_own_label():
    entry, _ = parse("## Usage\n\nx\n\n## Storage\n\nKeep cool.\n\n**Interactions:**\n\nMany.\n")
    assert entry.other == (("Storage", "Keep cool."),)
    assert entry.interactions == "Many."


def test_bold_sentences_and_bullets_are_not_labels():
    body = (
        "**Usage:**\n\n* **Alpha (X):** used for a.\n\n**Beta:** used for b.\n\n"
        "**This is a long bold sentence that is not a label.**\n\nAfter.\n"
    )
    entry, _ = parse(body)
    assert entry.other == ()
    assert "* **Alpha (X):** used for a." in entry.usage
    assert "**Beta:** used for b." in entry.usage
    assert "**This is a long bold sentence that is not a label.**" in entry.usage


def test_sub_headings_stay_inside_their_section():
    entry, _ = parse("## Side effects\n\n### Alpha\n\nNausea.\n\n### Beta\n\nHeadache.\n\n## Mechanism\n\nx\n")
    assert "### Alpha" in entry.side_effects and "Headache." in entry.side_effects
    assert entry.other == ()


def test_labels_inside_code_blocks_are_text():
    entry, _ = parse("## Usage\n\n```\n**Note:** not a label\n## Nor this\n```\n")
    assert "**Note:** not a label" in entry.usage and entry.note == ""


def test_text_before_the_first_label_is_the_intro_and_the_title_heading_is_dropped():
    entry, _ = parse("# Alpha + Beta .\n\nAn opening paragraph.\n\n**Usage:**\n\nx\n")
    assert entry.intro == "An opening paragraph."


def test_a_heading_that_differs_from_the_title_is_kept():
    entry, _ = parse("# Something else\n\nText.\n")
    assert "Something else" in (entry.intro + str(entry.other))


def test_repeated_sections_are_joined_not_overwritten():
    entry, _ = parse("**Usage:**\n\nfirst\n\n**Usage:**\n\nsecond\n")
    assert entry.usage == "first\n\nsecond"


FAQ_FORMS = {
    "bullets": "* **Is it safe?** Ask.\n* **Can I drive?**\n  Not at first.\n",
    "numbered": "1. **Is it safe?** Ask.\n2. **Can I drive?** Not at first.\n",
    "headings": "### Is it safe?\n\nAsk.\n\n### Can I drive?\n\nNot at first.\n",
    "q_and_a": "Q: Is it safe?\nA: Ask.\n\nQ: Can I drive?\nA: Not at first.\n",
    "bold_paragraphs": "**Is it safe?**\n\nAsk.\n\n**Can I drive?**\n\nNot at first.\n",
    "bold_q_and_a": "**Q:** Is it safe?\n**A:** Ask.\n\n**Q:** Can I drive?\n**A:** Not at first.\n",
}


@pytest.mark.parametrize("form", sorted(FAQ_FORMS))
def test_faq_forms(form):
    for label in ("**FAQs:**", "## FAQs"):
        entry, _problems = parse(f"{label}\n\n{FAQ_FORMS[form]}\n**Disclaimer:** d\n")
        assert [(f.question, f.answer) for f in entry.faqs] == [
            ("Is it safe?", "Ask."),
            ("Can I drive?", "Not at first."),
        ], label
        assert entry.disclaimer == "d"


def test_faq_text_that_is_no_pair_is_kept_and_warned_about():
    entry, problems = parse("## FAQs\n\nAsk your pharmacist anything.\n")
    assert entry.faqs == () and entry.faq_intro == "Ask your pharmacist anything."
    assert any("no question and answer pairs" in p.message for p in problems)


def test_a_messy_page_loses_no_word():
    body = (
        "# Alpha + Beta\n\nIntro **bold** words.\n\n## Uses\n\n- one\n- two\n\n**Storage**\n\nCool place.\n\n"
        "**Side effects:** tiredness\n\n### Alpha\n\nmore\n\n## FAQ\n\nPreamble line.\n\n### Why?\n\nBecause.\n"
    )
    entry, _ = parse(body)
    assert lost_words(body, entry, "Uses Side effects FAQ") == {}


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Paroxetine + Clonazepam .", "Paroxetine + Clonazepam"),
        ("  **Alpha**   +  Beta  ", "Alpha + Beta"),
        ("Alpha + Beta.", "Alpha + Beta"),
    ],
)
def test_titles_are_normalised(title, expected):
    assert normalise_title(title) == expected


@pytest.mark.parametrize(
    "title, drugs",
    [
        ("Sertraline + Clonazepam", ("Sertraline", "Clonazepam")),
        ("Codeine & Paracetamol", ("Codeine", "Paracetamol")),
        ("Lisinopril and Ibuprofen", ("Lisinopril", "Ibuprofen")),
        ("Oxycodone/Naloxone", ("Oxycodone", "Naloxone")),
        ("Sertraline, Clonazepam, Tramadol", ("Sertraline", "Clonazepam", "Tramadol")),
        ("Sertraline (Zoloft) + Alprazolam (Xanax) + Tramadol", ("Sertraline", "Alprazolam", "Tramadol")),
    ],
)
def test_drugs_come_from_the_title(title, drugs):
    assert drugs_from_title(title) == drugs
