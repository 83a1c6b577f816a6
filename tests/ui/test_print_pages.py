"""Paper a pharmacist hands over: no heading (a section's title, a FAQ question) is the last
thing on a page without the start of its text, read back from the PDF's pages as pdftotext
reads them, on the bundled library's FAQ pages and on 200 pages of the user's real site."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REAL_SITE, REPO, needs_real_site, page
from viewer.core.catalog.library import load_catalog, read_page
from viewer.core.pages.model import Entry
from viewer.core.pages.safety import DISCLAIMER
from viewer.core.present.document import print_html
from viewer.core.present.render import Renderer
from viewer.ui.printing import PrintContext, export_pdf

FOOTER_START = " ".join(DISCLAIMER.split()[:5])


def flat(text: str) -> str:
    return " ".join(text.split())


def headings(entry: Entry) -> list[str]:
    """Every heading the print-out draws, as plain text."""
    found = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", print_html(entry, Renderer()), flags=re.DOTALL)
    return [flat(html.unescape(re.sub(r"<[^>]+>", "", text))) for _, text in found]


def page_texts(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: 'make test' installs poppler-utils")
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [text for text in out.split("\f") if text.strip()]


def stranded(entry: Entry, pdf: Path) -> list[str]:
    """Pages (all but the last) whose body ends on a heading's last line."""
    titles = [h for h in headings(entry) if h]
    pages = page_texts(pdf)
    found = []
    for number, text in enumerate(pages[:-1], start=1):
        body = text.split(FOOTER_START.split()[0] + " " + FOOTER_START.split()[1])[0]
        lines = [flat(line) for line in body.splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        if any(last == h or (len(last) >= 12 and h.endswith(last)) for h in titles):
            found.append(f"{entry.path} page {number} of {len(pages)} ends with the heading '{last}'")
    return found


def printed(entry: Entry, folder: Path, context: PrintContext) -> Path:
    pdf = folder / (Path(entry.path).stem + ".pdf")
    export_pdf(entry, pdf, context)
    return pdf


def test_the_check_would_see_a_heading_ending_a_page(tmp_path, qapp, monkeypatch):
    """Without keeping headings with their text, some page of questions ends on one: the
    reading of the PDF finds it (so the tests below can fail)."""
    import viewer.ui.printing as printing

    monkeypatch.setattr(printing, "keep_headings_with_text", lambda document, height: 0)
    faqs = "\n\n".join(f"**Q: Is question {n} answered on the same page?**\nA: {'An answer. ' * (n % 5 + 1)}"
                       for n in range(1, 90))
    found = []
    for shift in range(6):
        folder = tmp_path / f"c{shift}"
        folder.mkdir()
        opening = "\n\n".join(["Opening line."] * shift)
        (folder / "faq.md").write_text(page("Alpha + Beta", f"## Usage\n\nUsed.\n\n{opening}\n\n## FAQs\n\n{faqs}\n"))
        entry = read_page(folder, "faq.md").entry
        found += stranded(entry, printed(entry, tmp_path, PrintContext.for_folder(folder)))
    assert found


def test_no_page_of_a_bundled_faq_page_ends_on_a_heading(tmp_path, qapp):
    content = REPO / "content"
    library = load_catalog(content)
    context = PrintContext.for_library(library)
    found, faq_pages = [], 0
    for listing in library.entries:
        entry = read_page(content, listing.path).entry
        if entry.faqs:
            faq_pages += 1
            found += stranded(entry, printed(entry, tmp_path, context))
    assert faq_pages >= 20 and found == []


@pytest.mark.slow
@needs_real_site
def test_no_page_of_200_real_site_pages_ends_on_a_heading(tmp_path, qapp):
    paths = sorted(str(p.relative_to(REAL_SITE)) for p in REAL_SITE.rglob("*.md") if "/_" not in f"/{p.relative_to(REAL_SITE)}")
    context = PrintContext(name="rxhive", newest_page=None, printed=dt.date.today())
    found, tried = [], 0
    for path in paths[:: max(1, len(paths) // 400)]:
        entry = read_page(REAL_SITE, path).entry
        if entry is None or not entry.faqs:
            continue
        found += stranded(entry, printed(entry, tmp_path, context))
        tried += 1
        if tried == 200:
            break
    assert tried == 200 and found == []
