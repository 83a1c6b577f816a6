"""The first start lists pages by a quick path for the plain form most pages take. Whatever
form a page has, the list must show what the general reader would: the same title, medicines,
severity and warning, and a page the general reader would not list (or would report a problem
for) is left to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_real_site import SITE
from tests.helpers import REPO, SEEDS, SHARED_MISSING, needs_real_site, page
from viewer.core.catalog.catalog import CatalogLoader
from viewer.core.catalog.library import load_catalog
from viewer.core.pages.page import quick_listing, read_head

BODY = "**Usage:** Pain relief.\n\n**Side effects:** Nausea.\n"
# Pages near the plain form, each differing in one way the quick path must notice.
NEAR_MISSES = {
    "plain": page("Alpha + Beta", BODY),
    "crlf": page("Alpha + Beta", BODY).replace("\n", "\r\n"),
    "boundary of four dashes": "---\ntitle: Alpha + Beta\n----\n\n" + BODY,
    "boundary with a trailing space": "---\ntitle: Alpha + Beta\n--- \n\n" + BODY,
    "earlier dashes line": "---\ntitle: Alpha + Beta\n---x\nseverity: major\n---\n\n" + BODY,
    "list in front matter": page(front="title: Alpha + Beta\nfaqs:\n- q: Why?\n", body=BODY),
    "unpublished": page(front="title: Alpha + Beta\npublished: false\n", body=BODY),
    "published spelt False": page(front="title: Alpha + Beta\npublished: False\n", body=BODY),
    "published no": page(front="title: Alpha + Beta\npublished: no\n", body=BODY),
    "title a boolean": page(front="title: true\n", body=BODY),
    "title a number": page(front="title: 12\n", body=BODY),
    "title emphasised": page("**Alpha** + Beta", BODY),
    "title empty": page(front="title:\n", body="# Gamma + Delta\n\n" + BODY),
    "no title": page(front="layout: minimal-medicine\n", body="# Gamma + Delta\n\n" + BODY),
    "title key twice": page(front="title: Alpha + Beta\ntitle: Gamma\n", body=BODY),
    "tab in front matter": page(front="title:\tAlpha + Beta\n", body=BODY),
    "quoted title": page(front='title: "Alpha + Beta: the pair"\n', body=BODY),
    "colon in title": page(front="title: Alpha + Beta: the pair\n", body=BODY),
    "comment": page(front="title: Alpha + Beta # old\n", body=BODY),
    "severity and warning": page(front="title: Alpha + Beta\nseverity: Major\nwarning: Do  not mix.\n", body=BODY),
    "unknown severity": page(front="title: Alpha + Beta\nseverity: fatal\n", body=BODY),
    "empty body": page("Alpha + Beta", "\n\n"),
    "body only liquid": page("Alpha + Beta", "{% include note.html %}\n"),
    "only the title heading": page("Alpha + Beta", "# Alpha + Beta\n"),
    "control character": page("Alpha + Beta", "Text\x07 here.\n"),
    "NUL byte": page("Alpha + Beta", "Text\x00 here.\n"),
    "never closed": "---\ntitle: Alpha + Beta\n\n" + BODY,
    "closed at the very end": "---\ntitle: Alpha + Beta\n---",
    "byte-order mark": "\ufeff" + page("Alpha + Beta", BODY),
    "accented title": page("Café + Crème", BODY),
    "indented key": page(front="  title: Alpha + Beta\n", body=BODY),
    "key yes": page(front="title: Alpha + Beta\nyes: 1\n", body=BODY),
    "one medicine label": page("Alpha + Beta", "**Usage:** Pain relief.\n"),
    "labels as headings": page("Alpha + Beta", "## Usage\n\nPain relief.\n\n## **How it works**\n\nIt blocks.\n"),
    "labels with qualifiers": page("Alpha + Beta", "**Usage (adults):** Pain.\n\n**Side effects (common):** Nausea.\n"),
    "about page": page(front="title: About us\nlayout: about\n", body="# About us\n\n## Key features\n\nWe list medicines.\n"),
    "empty labels": page("Alpha + Beta", "**Usage:**\n\n**Side effects:**\n"),
}


def _agrees(path: str, data: bytes) -> None:
    quick = quick_listing(path, data)
    if quick is None:
        return
    head = read_head(path, data)
    assert head.title is not None and not head.unpublished, path
    assert head.problems == (), path
    assert quick == head.listing, path


@pytest.mark.parametrize("name", sorted(NEAR_MISSES))
def test_a_page_near_the_plain_form_is_listed_as_the_general_reader_lists_it(name):
    _agrees(f"{name}.md", NEAR_MISSES[name].encode("utf-8"))


def test_a_page_not_in_utf8_is_left_to_the_general_reader_which_warns():
    data = page("Caf\u00e9 + Beta", BODY).encode("cp1252")
    assert quick_listing("x.md", data) is None
    assert read_head("x.md", data).problems


def test_the_quick_path_reads_the_plain_pages_and_leaves_the_rest():
    assert quick_listing("x.md", NEAR_MISSES["plain"].encode()) is not None
    assert quick_listing("x.md", NEAR_MISSES["labels as headings"].encode()) is not None
    for name in ("crlf", "one medicine label", "about page", "unpublished", "list in front matter", "empty body", "control character", "title empty"):
        assert quick_listing("x.md", NEAR_MISSES[name].encode()) is None, name


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown", ".txt") and p.is_file())


@pytest.mark.parametrize("folder", [SITE, REPO / "content", REPO / "tests" / "fixtures", SEEDS], ids=lambda f: f.name)
def test_every_real_and_fixture_page_gets_the_same_listing_either_way(folder):
    if not folder.is_dir():
        pytest.skip(f"{SHARED_MISSING}: {folder} is missing")
    pages = _pages(folder)
    quick = 0
    for path in pages:
        data = path.read_bytes()
        _agrees(str(path.relative_to(folder)), data)
        quick += quick_listing(path.name, data) is not None
    if folder == SITE:  # the site's own pages are plain: its first start takes the quick path
        assert quick > len(pages) * 0.9


def test_the_first_start_lists_what_the_full_read_lists(tmp_path):
    for name, text in NEAR_MISSES.items():
        (tmp_path / f"{name}.md").write_bytes(text.encode("utf-8"))
    first = CatalogLoader(tmp_path).load(quick=True)
    full = load_catalog(tmp_path)
    assert [(e.path, e.title, e.drugs, e.severity, e.warning) for e in first.entries] == [
        (e.path, e.title, e.drugs, e.severity, e.warning) for e in full.entries
    ]
    assert {i.path for i in first.ignored} == {i.path for i in full.ignored}
    assert "about page.md" not in {e.path for e in first.entries}


@needs_real_site
def test_the_real_sites_first_start_lists_exactly_its_medicine_pages():
    first = CatalogLoader(SITE).load(quick=True)
    assert [e.path for e in first.entries] == [e.path for e in load_catalog(SITE).entries]
    assert "about.md" not in {e.path for e in first.entries}
