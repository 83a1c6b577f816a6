"""Every form the site's pages take (tests/fixtures/forms/): each section in its tab, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import lost_words
from viewer.core.catalog.library import load_library
from viewer.core.pages.frontmatter import split
from viewer.core.pages.model import PageKind
from viewer.core.pages.page import parse_page
from viewer.core.pages.site import Site, link_targets
from viewer.core.pages.source import decode
from viewer.core.present.document import DocumentBuilder, print_html
from viewer.core.present.render import Renderer

FORMS = Path(__file__).resolve().parent.parent / "fixtures" / "forms"


def read(name: str):
    result = parse_page(name, (FORMS / name).read_bytes())
    assert result.kind is PageKind.COMBINATION
    return result.entry, result.problems


@pytest.mark.parametrize("name", sorted(p.name for p in FORMS.glob("*.md")))
def test_no_word_of_any_form_is_lost(name):
    data = (FORMS / name).read_bytes()
    entry = parse_page(name, data).entry
    body = split(decode(data).text).body
    labels = "Generic Name Usage Side Effects How it Works FAQs Disclaimer Note Dosage Precautions " \
             "Contraindications Drug Interactions Pregnancy and Breastfeeding Alternate Names Important Q Q A A " \
             "Hypothetical based on individual components Combined Use link composition alpha beta md site baseurl " \
             "include note html no_toc text red"
    assert lost_words(body, entry, labels) == {}


def test_labels_with_qualifiers_fill_their_sections_not_the_header():
    entry, _ = read("qualified-bold-labels.md")
    assert entry.generic_name == "Alphamol + Betazine + Gammadine"
    assert entry.usage == "*(Hypothetical, based on individual components)*\n\nRelief of invented aches in test pages."
    assert entry.mechanism.endswith("Each part blocks a pretend receptor.")
    assert entry.note == "Written for the test suite."


def test_serious_sub_labels_stay_in_side_effects():
    entry, _ = read("qualified-bold-labels.md")
    assert "General tiredness" in entry.side_effects
    assert "**Serious Side Effects:**\n\n* Fainting spells need urgent help." in entry.side_effects
    assert "**Less common but serious side effects include:**\n\n* Yellow skin." in entry.side_effects
    assert entry.other == ()


def test_q_and_a_markers_are_dropped():
    entry, _ = read("qualified-bold-labels.md")
    assert [(f.question, f.answer.split("\n")[0]) for f in entry.faqs] == [
        ("Is this trio real?", "No, it exists only for tests."),
        ("Can I drive?", "Ask first."),
    ]


def test_heading_labels_and_extra_sections_each_have_their_own_place():
    entry, problems = read("heading-labels.md")
    assert problems == ()
    assert entry.usage == "Used in tests of heading labels."
    assert entry.side_effects == "Mild yawning."
    assert entry.mechanism == "It pretends to act on nerves."
    assert entry.dosage == "One pretend tablet a day."
    assert "Not for people who dislike tests." in entry.precautions
    assert "Never with real medicines." in entry.precautions
    assert entry.interactions == "Raises the level of another made-up drug."
    assert entry.pregnancy == "No data at all."
    assert entry.alternate_names == "Delta-E, DE tablets."
    assert [f.question for f in entry.faqs] == ["Is it a real medicine?"]
    assert entry.other == ()


def test_the_sites_own_front_matter_is_read_and_shown():
    entry, _ = read("heading-labels.md")
    assert entry.description == "A short summary written for a test page."
    assert entry.updated == "2025-03-14"
    assert entry.banned is True
    document = DocumentBuilder().build(entry)
    assert "BANNED" in document.safety and "A short summary" in document.header and "Updated 14 Mar 2025" in document.header
    assert [key for key, _, _ in document.tabs] == [
        "usage", "side_effects", "mechanism", "faqs", "dosage", "precautions", "interactions", "pregnancy",
    ]
    paper = print_html(entry, Renderer())
    assert "BANNED" in paper and "Updated 14 Mar 2025" in paper and "<h2>Interactions</h2>" in paper


def test_bold_headings_keep_their_sub_headings_inside():
    entry, _ = read("bold-headings-with-sub-headings.md")
    assert entry.usage == "Used to show bold headings."
    assert "### **Common Side Effects**" in entry.side_effects
    assert "Sudden swelling of the face needs emergency care." in entry.side_effects
    assert entry.mechanism == "Invented mechanism text."
    assert entry.updated == "2026-01-02"


def test_front_matter_faqs_are_read_when_the_body_has_none():
    entry, problems = read("bold-headings-with-sub-headings.md")
    assert [(f.question, f.answer) for f in entry.faqs] == [
        ("Does the front matter list count?", "Only when the page has no FAQs of its own."),
        ("Is the marker dropped?", "Yes."),
    ]
    assert not any("FAQs" in p.message for p in problems)


def test_the_body_wins_over_front_matter_faqs_and_check_says_so(tmp_path):
    text = (FORMS / "bold-headings-with-sub-headings.md").read_text(encoding="utf-8")
    text = text.replace("## **Disclaimer**", "## FAQs\n\n* **In the body?** Yes.\n\n## **Disclaimer**")
    result = parse_page("both.md", text.encode())
    assert [f.question for f in result.entry.faqs] == ["In the body?"]
    assert any("both in the front matter and in the page" in p.message for p in result.problems)


def test_a_tab_never_denies_what_the_page_gives_under_each_ingredient():
    entry, _ = read("per-ingredient-blocks.md")
    assert [label for label, _ in entry.other] == ["Thetacillin", "Iotazole"]
    document = DocumentBuilder().build(entry)
    usage = dict((key, html) for key, _, html in document.tabs)["usage"]
    assert "no Usage section of its own" in usage and "Thetacillin, Iotazole" in usage


def test_liquid_and_kramdown_markup_is_never_shown_raw():
    entry, _ = read("liquid-and-kramdown.md")
    shown = entry.usage + entry.side_effects + entry.intro
    for raw in ("{%", "{{", "{:", "%}", "}}"):
        assert raw not in shown
    assert "(/composition/a/alpha-beta.md)" in entry.usage
    assert "(/composition/a/alpha-beta/)" in entry.usage
    assert entry.side_effects == "None known"


def test_site_links_open_the_page_they_name():
    site = Site(permalinks=(("composition", "/composition/:path/"),))
    assert link_targets("x/page.md", "/composition/a/alpha-beta.md", site)[0] == "composition/a/alpha-beta.md"
    assert "composition/a/alpha-beta.md" in link_targets("x/page.md", "/composition/a/alpha-beta/", site)
    assert link_targets("composition/b/page.md", "../a/alpha-beta.md", site)[0] == "composition/a/alpha-beta.md"
    assert "generic/abacavir.md" in link_targets("x.md", "/generic/abacavir.html", Site())
    assert link_targets("x.md", "https://example.org/", site) == []
    assert link_targets("x.md", "/../../etc/passwd", site) == [] or all(
        not t.startswith("..") for t in link_targets("x.md", "/../../etc/passwd", site)
    )


def test_a_site_lists_only_what_it_publishes(tmp_path):
    (tmp_path / "_config.yml").write_text("title: Test site\nexclude:\n  - notes/\n", encoding="utf-8")
    page = (FORMS / "heading-labels.md").read_text(encoding="utf-8")
    for relative in ("a/real.md", "notes/private.md", "_site/a/real.md", "node_modules/x/README.md", "_drafts/d.md"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(page, encoding="utf-8")
    (tmp_path / "about.md").write_text("---\nlayout: about\ntitle: About\n---\n\n## Who\n\nUs.\n\n## How it works\n\nWe write.\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("---\nlayout: home\ntitle: Home\n---\n", encoding="utf-8")
    (tmp_path / "a/hidden.md").write_text(page.replace("title:", "published: false\ntitle:"), encoding="utf-8")
    library = load_library(tmp_path)
    assert [e.path for e in library.entries] == ["a/real.md"]
    reasons = {i.path: i.reason for i in library.ignored}
    assert set(reasons) == {"notes/", "_site/", "node_modules/", "_drafts/", "about.md", "index.md", "a/hidden.md"}
    assert reasons["notes/"] == "excluded by _config.yml"
    assert library.site_title == "Test site"


def test_one_line_questions_give_question_and_answer_and_a_note_is_no_warning():
    entry, _ = read("one-line-faqs.md")
    assert [(f.question, f.answer) for f in entry.faqs] == [
        ("Can it be taken with food?", "Yes, with or without food."),
        ("Does it cause drowsiness?", "Sometimes; take care driving."),
    ]
    document = DocumentBuilder().build(entry)
    assert "callout" not in "".join(html for _, _, html in document.tabs)  # "Important Note:" is a note, not a warning


def test_a_description_in_markdown_and_a_timestamp_show_as_a_reader_reads_them():
    entry, _ = read("one-line-faqs.md")
    header = DocumentBuilder().build(entry).header
    assert "<li><strong>Pharmacological Classification:</strong> a test class</li>" in header and "- **" not in header
    assert "Updated 22 Sep 2025" in header and "T17:22" not in header
    printed = print_html(entry, Renderer())
    assert "<strong>Form:</strong> tablets" in printed and "Updated 22 Sep 2025" in printed


def test_a_page_of_a_thousand_questions_prints_every_answer_past_the_formatted_ones():
    faqs = "".join(f"* **Question number {n}?** Answer word{n} **here**.\n" for n in range(1000))
    entry = parse_page("many.md", f"---\ntitle: Alpha + Beta\n---\n\n## FAQs\n\n{faqs}".encode()).entry
    paper = print_html(entry, Renderer())
    assert all(f"word{n}" in paper for n in range(1000))
    assert paper.count("<h3>") == 1000
    assert "<b>here</b>" in paper or "<strong>here</strong>" in paper  # the first ones are still formatted
