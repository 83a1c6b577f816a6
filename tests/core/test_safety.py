"""The page's own safety fields (severity, warning, reviewed, sources) and serious-text callouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import page
from viewer.core.catalog.library import load_catalog, load_library
from viewer.core.pages.model import Severity
from viewer.core.pages.page import parse_page
from viewer.core.present.callouts import CALLOUT_WORD, mark_callouts
from viewer.core.present.document import DocumentBuilder, print_html
from viewer.core.present.render import Renderer

FORM = Path(__file__).resolve().parent.parent / "fixtures" / "forms" / "safety-front-matter.md"
BODY = "## Usage\n\nUsed.\n\n## Side effects\n\nSome.\n\n## Mechanism\n\nActs.\n\n## FAQs\n\n**Q: Why?**\nA: Because.\n"


def entry_of(front: str, body: str = BODY):
    result = parse_page("p.md", page(front=f"title: Alpha + Beta\n{front}", body=body).encode())
    return result.entry, [p for p in result.problems if "missing section" not in p.message]


def test_the_safety_fields_are_read_as_the_page_states_them():
    result = parse_page("safety.md", FORM.read_bytes())
    entry = result.entry
    assert entry.severity == "major" and entry.warning.startswith("Together they can slow breathing")
    assert entry.reviewed == "2025-09-30" and entry.updated == "2025-10-02"
    assert [str(s) for s in entry.sources] == [
        "Made-up Formulary, 3rd edition", "Imaginary Medicines Agency leaflet (https://example.org/leaflet)"]
    assert result.problems == ()


def test_no_severity_is_shown_when_the_page_states_none():
    entry, problems = entry_of("")
    document = DocumentBuilder().build(entry)
    assert entry.severity == "" and document.safety == "" and problems == []


@pytest.mark.parametrize(("front", "line", "words"), [
    ("severity: high\n", 4, "'high' is not one of contraindicated, major, moderate or minor"),
    ("reviewed: last spring\n", 4, "'reviewed' 'last spring' is not a date"),
    ("reviewed: 2024-02-30\n", 4, "is not a date"),
    ("sources: [Good book, 12, {url: 3}]\n", 4, "items 2, 3 should be text or {title, url}"),
    ("warning:\n  - a\n  - b\n", 4, "'warning' should be one line of text"),
])
def test_an_unreadable_field_is_reported_with_its_line_and_the_page_still_shown(front, line, words):
    entry, problems = entry_of(f"layout: medicine\n{front}")
    assert entry is not None and entry.usage == "Used."
    assert [(p.severity, p.line) for p in problems] == [(Severity.WARNING, line)]
    assert words in problems[0].message
    assert entry.severity == ""  # never guessed from a word we do not know


def test_the_good_sources_are_kept_when_one_is_malformed():
    entry, _ = entry_of("sources:\n  - A real book\n  - [nested, list]\n")
    assert [s.title for s in entry.sources] == ["A real book"]


def test_check_reports_a_bad_severity_and_still_lists_the_page(tmp_path):
    (tmp_path / "a.md").write_text(page(front="title: Alpha + Beta\nseverity: catastrophic\n", body=BODY))
    library = load_library(tmp_path)
    assert [e.title for e in library.entries] == ["Alpha + Beta"]
    assert any(p.path == "a.md" and p.line == 3 and "catastrophic" in p.message for p in library.problems)


def test_the_list_knows_each_pages_severity_from_the_quick_read_and_the_full_one(tmp_path):
    (tmp_path / "a.md").write_text(page(front="title: Alpha + Beta\nseverity: Contraindicated\n", body=BODY))
    (tmp_path / "b.md").write_text(page(front="title: Gamma + Delta\n", body=BODY))
    assert {e.title: e.severity for e in load_catalog(tmp_path).entries} == {
        "Alpha + Beta": "contraindicated", "Gamma + Delta": ""}


def test_the_header_leads_with_the_badge_and_warning_then_reviewed_and_sources():
    document = DocumentBuilder().build(parse_page("safety.md", FORM.read_bytes()).entry)
    assert "MAJOR" in document.safety and "slow breathing" in document.safety
    assert "Reviewed 30 Sep 2025 · Updated 2 Oct 2025" in document.header
    assert "Sources:" in document.header and "leaflet (example.org)" in document.header
    assert document.spoken_title.startswith("Severity Major. Together they can slow breathing")


def test_a_serious_sub_label_and_its_list_are_one_callout_and_no_word_moves():
    source = "**Common:**\n\n* Dry mouth\n\n**Serious side effects:**\n\n* Fainting\n\nMost people are fine.\n"
    rendered = Renderer().render(source)
    assert rendered.callouts == 1
    words = rendered.html.split(CALLOUT_WORD)
    assert "Dry mouth" in words[0] and "Fainting" in words[1] and "Most people are fine" in words[1].split("</table>")[1]
    order = [rendered.html.index(w) for w in ("Dry mouth", "Serious side effects", "Fainting", "Most people")]
    assert order == sorted(order)


@pytest.mark.parametrize("text", ["Serious: call for help.", "Warning: no alcohol.", "Boxed warning: risk.",
                                  "Important safety information: read this.", "Do not drive.", "Seek medical help if faint.",
                                  "Seek emergency care.", "Emergency signs: blue lips."])
def test_every_warning_word_makes_a_callout(text):
    assert Renderer().render(text).callouts == 1


@pytest.mark.parametrize("text", ["Seriously, it is fine.", "The warning signs are rare.", "Not important.",
                                  "Important Note: this page is AI-generated and may not be accurate.",
                                  "Important: consult your doctor before taking any medicine."])
def test_ordinary_text_is_no_callout(text):
    assert Renderer().render(text).callouts == 0


def test_a_serious_entry_opens_on_the_tab_with_its_warning():
    document = DocumentBuilder().build(parse_page("safety.md", FORM.read_bytes()).entry)
    assert document.open_tab == "side_effects"
    assert "side_effects" in document.callout_tabs and "faqs" in document.callout_tabs
    entry, _ = entry_of("severity: moderate\n", BODY.replace("Some.", "Serious: fainting."))
    assert DocumentBuilder().build(entry).open_tab == ""  # only major and contraindicated jump


def test_paper_starts_with_the_severity_and_draws_the_callouts():
    paper = print_html(parse_page("safety.md", FORM.read_bytes()).entry, Renderer())
    assert paper.index("MAJOR") < paper.index("slow breathing") < paper.index("<h1>")
    assert CALLOUT_WORD in paper and "Sources:" in paper


def test_malformed_html_is_left_alone():
    assert mark_callouts("<p>Serious</p></div>") == ("<p>Serious</p></div>", 0)
