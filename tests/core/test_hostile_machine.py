"""The world around the pages: output channels, locales, a huge drugs.yaml, thousands of
exclude patterns, a page given from a shared folder, paths that lead out of the content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FULL_BODY, REPO, page
from viewer.cli import parse_args
from viewer.core.catalog.library import load_catalog, read_page
from viewer.core.pages.site import Site
from viewer.core.session.session import Session

ESCAPES = '"\\e[2J\\e]0;owned\\a Sertraline + Tramadol"'


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "viewer", *args], cwd=REPO, capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def escaping(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    front = f'title: {ESCAPES}\nseverity: major\nwarning: "\\e[31mWatch\\e[0m for fits\\x9b"\n'
    (folder / "a.md").write_text(page(front=front, body=FULL_BODY), encoding="utf-8")
    return folder


def test_no_control_character_of_a_page_reaches_the_terminal(escaping):
    for args in (["search", "owned"], ["search", "tramadol"], ["search", "owned", "--json"]):
        done = run(*args, "--content", str(escaping))
        assert done.returncode == 0 and b"owned" in done.stdout
        assert not any(byte < 0x20 and byte not in (0x0A,) for byte in done.stdout), args
        assert "\x9b" not in done.stdout.decode()
    listing = load_catalog(escaping).entries[0]
    assert listing.title == "[2J ]0;owned Sertraline + Tramadol" and listing.warning == "[31mWatch [0m for fits"


def test_the_pdf_title_holds_no_control_character(escaping, tmp_path):
    done = run("print", "owned", "--content", str(escaping), "--pdf", str(tmp_path / "out.pdf"))
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    title = PdfReader(tmp_path / "out.pdf").metadata.title
    assert "owned" in title and title.isprintable()


def test_any_locale_gives_results_never_a_crash():
    done = run("search", "serotonin", env={"LC_ALL": "C", "PYTHONIOENCODING": "iso-8859-1"})
    assert done.returncode == 0 and b"text: " in done.stdout and b"Traceback" not in done.stderr


def test_a_huge_drugs_yaml_is_refused_by_its_size_not_read(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.md").write_text(page("Alpha + Beta", FULL_BODY), encoding="utf-8")
    with open(folder / "drugs.yaml", "wb") as huge:
        huge.truncate(1 << 30)  # 1 GiB, sparse
    library = load_catalog(folder)
    problem = next(p for p in library.problems if p.path == "drugs.yaml")
    assert "over 1,048,576 bytes" in problem.message and len(library.entries) == 1


def test_thousands_of_exclude_patterns_are_matched_at_once(monkeypatch):
    import fnmatch

    patterns = tuple(f"folder{n}" for n in range(3800)) + ("notes/*.md", "drafts")
    site = Site(excluded=patterns)
    monkeypatch.setattr(fnmatch, "fnmatchcase", lambda *_: pytest.fail("one pattern at a time"))
    assert site.exclusion("folder3799/a.md") and site.exclusion("notes/x.md") and site.exclusion("drafts")
    assert site.exclusion("composition/a/a.md") is None and site.exclusion("folder38000/a.md") is None


def test_a_page_given_from_a_shared_folder_opens_alone(tmp_path):
    lone = Path("/tmp") / f"combo-viewer-test-{os.getpid()}.md"
    lone.write_text(page("Alpha + Beta", FULL_BODY), encoding="utf-8")
    try:
        options = parse_args([str(lone)])
        assert options.content != Path("/tmp") and sorted(os.listdir(options.content)) == [lone.name]
        assert oct(os.stat(options.content).st_mode & 0o777) == "0o700"
        ended = subprocess.run([sys.executable, "-c", "import sys; from viewer.cli import parse_args; "
                                "print(parse_args([sys.argv[1]]).content)", str(lone)],
                               capture_output=True, text=True, check=True, cwd=REPO)
        assert not Path(ended.stdout.strip()).exists()  # a program that ended leaves no copy in /tmp
    finally:
        lone.unlink()
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "drugs.yaml").write_text("aspirin: {brands: [Disprin], class: NSAID}\n")
    (site / "a" / "b" / "x.md").write_text(page("Alpha + Beta", FULL_BODY))
    options = parse_args([str(site / "a" / "b" / "x.md")])
    assert options.content == site.resolve() and options.page == "a/b/x.md"  # its site, found by its drugs.yaml


def test_nothing_outside_the_content_folder_is_ever_read(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "a.md").write_text(page("Alpha + Beta", FULL_BODY), encoding="utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text(page("Secret + Page", "**Usage:** private words\n\n**Side effects:** s\n"), encoding="utf-8")
    session = Session(folder, load_catalog(folder))
    for path in ("../secret.md", str(secret), "../../../../etc/passwd"):
        opened = session.open(path)
        assert opened.entry is None and "not a page of the content folder" in opened.error
    session.open("a.md")
    (folder / "a.md").unlink()
    (folder / "a.md").symlink_to(secret)  # a listed page swapped for a link to a file outside
    assert read_page(folder, "a.md").entry is None
    opened = session.open("a.md")
    assert opened.entry is not None and opened.entry.title == "Alpha + Beta"  # the last version read, never the secret
    assert "could not be read just now" in opened.warning
