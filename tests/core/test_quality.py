"""Pages shown for what they are: unrated and unfinished pages say so in one neutral line, on
screen and on paper, and `check` names the file and line; the page's words stay as they are."""

from __future__ import annotations

import json

from tests.helpers import REPO
from viewer.core.catalog.library import load_library
from viewer.core.pages.model import Library, Problem, Severity
from viewer.core.pages.page import parse_page
from viewer.core.present.document import DocumentBuilder, print_html
from viewer.core.present.render import Renderer
from viewer.core.report import library_json, library_text

UNFINISHED = REPO / "tests" / "fixtures" / "forms" / "unfinished.md"


def unfinished():
    return parse_page("g/unfinished.md", UNFINISHED.read_bytes())


def test_an_unfinished_unrated_page_is_flagged_by_section_with_its_lines():
    page = unfinished()
    flags = {(f.kind, f.where) for f in page.entry.quality}
    assert flags == {("no-severity", ""), ("refusal", "Usage"), ("placeholder", "Side effects")}
    lines = UNFINISHED.read_text().splitlines()
    flagged = {p.line: p.message for p in page.problems if "unfinished" in p.message}
    assert set(flagged) == {lines.index(next(x for x in lines if "I am an AI" in x)) + 1,
                            lines.index(next(x for x in lines if "[Specify the other" in x)) + 1}
    assert "[Specify the other ingredient]" in " ".join(flagged.values())


def test_the_header_and_page_one_say_what_the_page_lacks_and_keep_its_words():
    entry = unfinished().entry
    header = DocumentBuilder(Renderer()).build(entry).header
    said = ("This page states no severity, warning, sources or review date. Parts of this page are unfinished: "
            "a language model&#x27;s refusal or remark about itself at Usage; placeholder text at Side effects.")
    assert said in header
    paper = print_html(entry, Renderer())
    assert said in paper
    assert paper.index(said) < paper.index("Disclaimer (from this page)") < paper.index("<h2>Usage</h2>")
    assert "I am an AI and cannot provide medical advice" in paper and "[Specify the other ingredient]" in paper
    assert 'class="warning' not in header  # a note, never a warning box


def test_a_rated_page_with_links_and_asides_has_no_flags():
    text = UNFINISHED.read_text().replace("layout: minimal-medicine", "layout: minimal-medicine\nseverity: minor")
    text = text.replace("I am an AI and cannot provide", "a pharmacist can explain").replace("[Specify the other ingredient]", "it")
    entry = parse_page("g/rated.md", text.encode()).entry
    assert entry.quality == ()
    assert "class=\"quality\"" not in DocumentBuilder(Renderer()).build(entry).header


def test_check_json_lists_quality_and_text_counts_a_warning_most_pages_share(tmp_path):
    (tmp_path / "unfinished.md").write_bytes(UNFINISHED.read_bytes())
    library = load_library(tmp_path)
    [entry] = json.loads(library_json(library))["entries"]
    assert entry["quality"] == ["no-severity", "placeholder", "refusal"]
    common = tuple(Problem(f"p{n}.md", None, Severity.WARNING, "missing section: Disclaimer") for n in range(12))
    many = Library(str(tmp_path), library.entries * 20, (*library.problems, *common), ())
    text = library_text(many)
    assert "12 of 20 pages: warning: missing section: Disclaimer" in text
    assert "p1.md" not in text
    assert "unfinished.md:8: warning: unfinished: a language model's refusal" in text  # one page's: each with its line


def test_the_bundled_library_has_no_unrated_or_unfinished_page():
    library = load_library(REPO / "content")
    assert [(e.path, e.quality) for e in library.entries if e.quality] == []

