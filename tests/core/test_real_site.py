"""The user's real site (../shared/sites/rxhive-2024), with a working copy's clutter added:
every content page listed, nothing else, and each labelled section's text in its section.

The expectations are computed from each page's source with rules of this file's own, not the
parser's: a label is a line opening a paragraph that is all bold or a heading, with a name from
the small table below once any bracketed qualifier is set aside."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, SHARED_MISSING
from viewer.core.catalog.library import load_library
from viewer.core.pages.model import Entry

SITE = REPO.parent / "shared" / "sites" / "rxhive-2024"
CONTENT_LAYOUT = re.compile(r"^layout:\s*minimal-medicine\s*$", re.MULTILINE)
# Label name (lower case, qualifier aside) -> the Entry field that must hold its text.
NAMES = {
    "generic name": "generic_name", "usage": "usage", "side effects": "side_effects",
    "how it works": "mechanism", "mechanism of action": "mechanism", "faqs": "faqs",
    "disclaimer": "disclaimer", "note": "note", "dosage": "dosage", "precautions": "precautions",
    "contraindications": "precautions", "drug interactions": "interactions", "interactions": "interactions",
    "pregnancy and breastfeeding": "pregnancy",
}
LABEL_LINE = re.compile(r"^(?:#{1,6}\s+)?\*\*([^*]+?)\*\*\s*(.*)$|^#{1,6}\s+([^*#].*?)\s*$")
WORD = re.compile(r"\w+")


def _labelled_sections(source: str) -> list[tuple[str, list[str]]]:
    """(field, first words of its text) for every labelled section of a page's source."""
    body = source.split("\n---\n", 1)[-1]
    lines = body.split("\n")
    found = []
    for index, line in enumerate(lines):
        if index and lines[index - 1].strip() and not lines[index - 1].startswith("#"):
            continue  # not at the start of a paragraph
        match = LABEL_LINE.match(line.strip())
        if not match:
            continue
        label = match.group(1) or match.group(3) or ""
        name = re.sub(r"\(.*?\)", "", label).strip().rstrip(":").strip().lower()
        if name not in NAMES:
            continue
        rest = (match.group(2) or "").lstrip(":").strip()
        if not rest:
            rest = next((later for later in lines[index + 1 :] if later.strip()), "")
            if LABEL_LINE.match(rest.strip()) and re.sub(r"\(.*?\)", "", rest).strip("*#: ").lower() in NAMES:
                continue  # an empty section
        rest = re.sub(r"^[*\s]*(?:[-*+]\s+)?\**\s*[QA]\s*:\s*\**", "", rest)  # FAQ markers are dropped by design
        if NAMES[name] == "faqs":
            rest = rest.split("?", 1)[0]  # the first question, without its answer's marker
        words = [w.lower() for w in WORD.findall(rest)][:5]
        if words:
            found.append((NAMES[name], words))
    return found


def _field_words(entry: Entry, field: str) -> str:
    if field == "faqs":
        text = entry.faq_intro + " " + " ".join(f"{f.question} {f.answer}" for f in entry.faqs)
    else:
        text = entry.section(field)
    return " " + " ".join(w.lower() for w in WORD.findall(text)) + " "


def _plausible(drug: str) -> bool:
    if drug.count("(") != drug.count(")") or drug.count("[") != drug.count("]"):
        return False
    if re.fullmatch(r"[\d.,/ ]*(mg|mcg|ml|g|gm|iu|%|w/w|w/v)?[\d.,/ ]*(ml)?", drug, re.IGNORECASE):
        return False
    return bool(re.search(r"[A-Za-z]{3,}", drug)) and drug.lower() not in {"w", "v", "c"}


@pytest.fixture(scope="module")
def working_copy(tmp_path_factory) -> Path:
    if not SITE.is_dir():
        pytest.skip(f"{SHARED_MISSING}: {SITE} is missing")
    root = tmp_path_factory.mktemp("site") / "rxhive"
    shutil.copytree(SITE, root)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    page = (SITE / "composition/a/abacavir-lamivudine.md").read_text(encoding="utf-8")
    clutter = {
        "composition/node_modules/google-auth/README.md": "# google-auth\n\n## Usage\n\nCall it.\n\n## License\n\nMIT\n",
        "composition/node_modules/gaxios/CHANGELOG.md": "# Changelog\n\n## 1.0.0\n\n- License updated\n",
        "composition/node_modules/deep/node_modules/x/README.md": "---\ntitle: x\n---\n\n**Usage:** y\n\n**FAQs:**\n",
        "_site/composition/a/abacavir-lamivudine.md": page,
        "_drafts/new-page.md": page.replace("Abacavir + Lamivudine", "Draft + Page"),
        "composition/z/unpublished.md": page.replace("nav_exclude: true", "published: false"),
        ".jekyll-cache/x.md": page,
    }
    for relative, text in clutter.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def library(working_copy):
    return load_library(working_copy)


def test_every_content_page_is_listed_and_nothing_else(working_copy, library):
    content = {
        path.relative_to(working_copy).as_posix()
        for path in working_copy.rglob("*.md")
        if CONTENT_LAYOUT.search(path.read_text(encoding="utf-8", errors="replace")[:400])
    }
    content -= {p for p in content if p.startswith(("_site/", "_drafts/", ".", "composition/node_modules/"))}
    content.discard("composition/z/unpublished.md")
    listed = {entry.path for entry in library.entries}
    print(f"\n{len(content)} content pages, {len(listed)} listed, {len(library.ignored)} ignored")
    assert len(content) == 4218
    assert listed == content
    ignored = {item.path: item.reason for item in library.ignored}
    for left_out in ("README.md", "about.md", "index.md", "_site/", "_drafts/", "composition/node_modules/",
                     "composition/z/unpublished.md"):
        assert left_out in ignored, left_out
    assert "published: false" in ignored["composition/z/unpublished.md"]


def test_labelled_sections_land_in_the_section_of_their_name(working_copy, library):
    entries = {entry.path: entry for entry in library.entries}
    pages = sections = misplaced_pages = 0
    examples = []
    for path, entry in entries.items():
        source = (working_copy / path).read_text(encoding="utf-8", errors="replace")
        labelled = _labelled_sections(source)
        pages += 1
        sections += len(labelled)
        wrong = [(field, words) for field, words in labelled if f" {' '.join(words)} " not in _field_words(entry, field)]
        if wrong:
            misplaced_pages += 1
            examples.append((path, wrong[0]))
    share = 1 - misplaced_pages / pages
    print(f"\n{pages} pages, {sections} labelled sections, {misplaced_pages} pages with one misplaced: {share:.2%} right")
    for path, (field, words) in examples[:10]:
        print(f"  {path}: {field} should hold {' '.join(words)!r}")
    assert share >= 0.995


def test_faq_questions_and_answers_carry_no_markers(library):
    faqs = [faq for entry in library.entries if isinstance(entry, Entry) for faq in entry.faqs]
    marked = [f.question for f in faqs if re.match(r"(?i)\s*\**\s*(q|question)\s*\d*\s*[:.]", f.question)]
    answered = [f.answer for f in faqs if re.match(r"(?i)\s*\**\s*(a|answer)\s*[:.]", f.answer)]
    print(f"\n{len(faqs)} FAQs, {len(marked)} questions with Q:, {len(answered)} answers with A:")
    assert len(faqs) > 10_000
    assert marked == [] and answered == []


def test_every_drug_token_is_a_plausible_name(library):
    drugs = [(entry.title, drug) for entry in library.entries for drug in entry.drugs]
    bad = [(title, drug) for title, drug in drugs if not _plausible(drug)]
    print(f"\n{len(drugs)} drug names, {len(bad)} implausible: {bad[:5]}")
    assert bad == []
    by_title = {entry.title: entry.drugs for entry in library.entries}
    assert by_title["Albendazole 400mg/5ml"] == ("Albendazole",)
    assert by_title["Paracetamol/Acetaminophen + Tramadol"] == ("Paracetamol", "Tramadol")


def test_the_five_ingredient_page_fills_its_tabs(library):
    entry = next(e for e in library.entries if e.path.endswith("aceclofenac-paracetamol-cetirizine-phenylephrine-caffeine.md"))
    assert entry.generic_name.startswith("Aceclofenac + Paracetamol")
    assert "Usage" not in entry.generic_name and "hypothetically" not in entry.generic_name
    assert "*hypothetically* aimed at treating" in entry.usage
    assert entry.usage.startswith("*(Hypothetical, based on individual components)*")
    assert "Liver damage" in entry.side_effects
    assert "synergistic action" in entry.mechanism
    assert next(f.question for f in entry.faqs) == "Is this combination safe?"
    assert entry.other == ()


def test_the_real_sites_refusals_and_placeholders_are_flagged_and_every_page_said_unrated(library):
    flagged = {kind: {e.path for e in library.entries if any(f.kind == kind for f in e.quality)}
               for kind in ("refusal", "placeholder", "no-severity")}
    assert "composition/t/thiaminevitamin-b-vitamin-b-vitamin-b.md" in flagged["placeholder"]
    assert "generic/aflapin-50mg.md" in flagged["placeholder"]
    refusing = {e.path for e in library.entries if "I am an AI" in e.intro + e.usage + e.side_effects}
    assert refusing and refusing <= flagged["refusal"]
    assert 100 <= len(flagged["refusal"]) < 400  # a few percent of the site, never most of it
    assert flagged["no-severity"] == {e.path for e in library.entries}  # the site states no severity anywhere
