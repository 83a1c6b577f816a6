"""`combo-viewer export --zim`: the library as one ZIM file, read back with libzim's own reader
and checked with zimcheck, as a Kiwix reader would find it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from tests.helpers import FULL_BODY, REAL_SITE, REPO, SUCCESSOR_SITE, needs_real_site, page
from viewer.cli import main
from viewer.core.catalog.library import load_library
from viewer.core.pages.safety import DISCLAIMER, NOT_SAFE, SEVERITY_WORDS
from viewer.core.present.web import HOME_LISTS_ALL, entry_path

libzim = pytest.importorskip("libzim")
from libzim.reader import Archive  # noqa: E402
from libzim.search import Query, Searcher  # noqa: E402
from libzim.suggestion import SuggestionSearcher  # noqa: E402

BUNDLED = REPO / "content"


def export(capsys, content: Path, zim: Path) -> tuple[int, str, str]:
    status = main(["export", "--zim", str(zim), "--content", str(content)])
    out, err = capsys.readouterr()
    return status, out, err


def html_of(archive: Archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


def words(fragment: str) -> str:
    body = fragment.split("<body>", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def bundled_zim(tmp_path_factory) -> Path:
    zim = tmp_path_factory.mktemp("zim") / "library.zim"
    assert main(["export", "--zim", str(zim), "--content", str(BUNDLED)]) == 0
    return zim


def test_every_entry_is_in_the_file_with_its_severity_and_the_disclaimer(bundled_zim):
    archive = Archive(bundled_zim)
    library = load_library(BUNDLED)
    assert archive.main_entry.get_item().path == "index"
    for entry in library.entries:
        item = archive.get_entry_by_path(entry_path(entry.path))
        assert item.title == entry.display_title
        text = words(html_of(archive, entry_path(entry.path)))
        assert DISCLAIMER in text, entry.path
        if entry.severity:  # the page's own severity and warning lead, before the title
            lead = f"Severity: ⚠ {SEVERITY_WORDS[entry.severity].upper()}" if entry.severity in ("major", "contraindicated") \
                else f"Severity: {SEVERITY_WORDS[entry.severity].upper()}"
            assert text.index(lead) < text.index(entry.display_title), entry.path
        if entry.warning:
            assert " ".join(entry.warning.split()) in text, entry.path


def test_the_home_page_lists_every_entry_by_letter_and_says_a_missing_entry_is_not_safe(bundled_zim):
    archive = Archive(bundled_zim)
    home = html_of(archive, "index")
    library = load_library(BUNDLED)
    assert len(library.entries) <= HOME_LISTS_ALL  # small enough to be listed on the home page itself
    assert NOT_SAFE in words(home)
    for entry in library.entries:
        assert f'href="{quote(entry_path(entry.path))}"' in home, entry.path
    letters = re.findall(r'<h2 id="[^"]+">(.)</h2>', home)
    assert letters == sorted(letters) and len(letters) == len({e.display_title[0].upper() for e in library.entries})


def test_pages_are_for_a_phone_and_fetch_nothing_from_outside(bundled_zim):
    archive = Archive(bundled_zim)
    for number in range(archive.all_entry_count):
        entry = archive._get_entry_by_id(number)
        item = entry.get_item()
        if not item.mimetype.startswith("text/html"):
            continue
        text = bytes(item.content).decode("utf-8")
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text, entry.path
        assert not re.search(r"<script|<link\b|<iframe|url\(|src=\"(?:https?:)?//", text, re.IGNORECASE), entry.path


def test_the_metadata_a_kiwix_library_shows(bundled_zim):
    archive = Archive(bundled_zim)
    meta = {key: bytes(archive.get_metadata(key)) for key in archive.metadata_keys}
    assert meta["Language"] == b"eng" and meta["Publisher"] == b"Drug Combination Reference"
    assert meta["Creator"].decode() == load_library(BUNDLED).display_name
    assert meta["Title"].decode() == "Drug Combination Reference"  # the name's whole words within 30 characters
    assert 0 < len(meta["Description"].decode()) <= 80
    assert re.fullmatch(rb"\d{4}-\d{2}-\d{2}", meta["Date"]) and meta["Name"].startswith(b"combo-viewer_en_")
    assert meta["Illustration_48x48@1"].startswith(b"\x89PNG")


def test_a_drug_a_brand_a_class_and_a_word_are_found_as_kiwix_searches(bundled_zim):
    archive = Archive(bundled_zim)

    def suggested(text: str) -> list[str]:
        found = SuggestionSearcher(archive).suggest(text)
        return list(found.getResults(0, 20))

    def searched(text: str) -> list[str]:
        found = Searcher(archive).search(Query().set_query(text))
        return list(found.getResults(0, 50))

    assert "entry/apixaban-aspirin" in suggested("apixaban")
    assert "name/brand/Zoloft" in suggested("zoloft")  # a brand leads to a page of its entries
    brand_page = words(html_of(archive, "name/brand/Zoloft"))
    assert "Zoloft contains Sertraline" in brand_page and "Sertraline + Tramadol" in brand_page
    assert "entry/sertraline-tramadol" in searched("Zoloft")  # and the entries are found by it
    assert "entry/apixaban-aspirin" in searched("bleeding")
    assert "name/class/SSRI" in suggested("SSRI")


def test_zimcheck_passes_on_the_file(bundled_zim):
    if shutil.which("zimcheck") is None:
        pytest.fail("zimcheck is missing: scripts/system-deps.sh test installs zim-tools")
    done = subprocess.run(["zimcheck", "-A", str(bundled_zim)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_site_brand_page_is_a_redirect_to_its_composition(tmp_path, capsys):
    status, out, _ = export(capsys, SUCCESSOR_SITE, tmp_path / "successor")
    assert status == 0 and "successor.zim" in out
    archive = Archive(tmp_path / "successor.zim")
    brand = archive.get_entry_by_path("brand/src/content/medicines/crocin-650")
    assert brand.is_redirect and brand.title == "Crocin 650"
    assert brand.get_redirect_entry().path == entry_path("src/content/compositions/paracetamol.md")
    assert "brand/src/content/medicines/crocin-650" in list(SuggestionSearcher(archive).suggest("crocin").getResults(0, 10))


def test_a_broken_page_is_named_and_left_out_and_the_rest_is_written(tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "alpha-beta.md").write_text(page("Alpha + Beta", FULL_BODY), encoding="utf-8")
    (content / "gamma-delta.md").write_text(page("Gamma + Delta", FULL_BODY.replace("Alpha + Beta", "Gamma + Delta")),
                                            encoding="utf-8")
    (content / "unreadable.md").write_bytes(b"")
    import viewer.zim_command as command

    real = command.entry_page

    def fails_on_gamma(site, entry, renderer):
        if entry.path == "gamma-delta.md":
            raise RecursionError("maximum recursion depth exceeded")
        return real(site, entry, renderer)

    monkeypatch.setattr(command, "entry_page", fails_on_gamma)
    status, out, err = export(capsys, content, tmp_path / "out.zim")
    assert status == 0
    assert "left out: gamma-delta.md: could not be laid out (RecursionError" in err
    assert re.search(r"left out: unreadable\.md: \S", err)
    assert "1 entries" in out and "2 pages left out" in out
    archive = Archive(tmp_path / "out.zim")
    assert archive.has_entry_by_path("entry/alpha-beta") and not archive.has_entry_by_path("entry/gamma-delta")


def test_progress_is_told_while_it_writes(tmp_path, capsys):
    status, out, err = export(capsys, BUNDLED, tmp_path / "lib.zim")
    total = len(load_library(BUNDLED).entries)
    names = int(re.search(r"(\d+) brand and class names", out).group(1))
    lines = err.splitlines()
    assert status == 0 and any(re.fullmatch(r"\d+ of \d+ pages written, about \d+ s left", line) for line in lines)
    assert lines[-2:] == [f"{total + names} of {total + names} pages written", "finishing: the search indexes and compression"]
    assert re.fullmatch(rf".*lib\.zim: {total} entries, \d+ brand and class names, 0 pages left out, [\d.]+ MB, "
                        r"written in \d+ s\n", out)
    assert "Resolve redirect" not in out  # libzim's own chatter stays out of the summary


def test_a_folder_that_cannot_be_written_is_said_and_nothing_is_left_behind(tmp_path, capsys):
    status, _, err = export(capsys, BUNDLED, tmp_path / "no such folder" / "lib.zim")
    assert status == 1 and f"cannot write {tmp_path / 'no such folder' / 'lib.zim'}" in err
    assert list(tmp_path.iterdir()) == []


def test_without_libzim_the_command_says_how_to_get_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "libzim", None)
    monkeypatch.setitem(sys.modules, "libzim.writer", None)
    monkeypatch.delitem(sys.modules, "viewer.zim_command", raising=False)
    status, _, err = export(capsys, BUNDLED, tmp_path / "lib.zim")
    assert status == 1 and "pip install libzim" in err and not (tmp_path / "lib.zim").exists()


@needs_real_site
def test_a_slice_of_the_real_site_is_exported_whole(tmp_path, capsys):
    content = tmp_path / "site"
    shutil.copytree(REAL_SITE, content, ignore=lambda folder, names: [
        n for n in names if n.endswith(".md") and Path(folder).name in ("generic", "composition") and zlib.crc32(n.encode()) % 12])
    library = load_library(content)
    assert len(library.entries) > 100
    status, out, err = export(capsys, content, tmp_path / "rx.zim")
    assert status == 0 and f": {len(library.entries)} entries" in out and "left out:" not in err
    archive = Archive(tmp_path / "rx.zim")
    for entry in library.entries:
        text = words(html_of(archive, entry_path(entry.path)))
        assert DISCLAIMER in text and archive.get_entry_by_path(entry_path(entry.path)).title == entry.display_title
        if not entry.severity:  # the site rates nothing: each page says so where a severity would be
            assert "This page states no severity" in text, entry.path


def test_pages_that_would_share_a_place_and_odd_file_names_are_all_exported(tmp_path, capsys):
    content = tmp_path / "content"
    (content / "odd").mkdir(parents=True)
    body = FULL_BODY.replace("# Alpha + Beta", "")
    (content / "alpha-beta.md").write_text(page("Alpha + Beta", body), encoding="utf-8")
    (content / "alpha-beta.markdown").write_text(page("Alpha + Beta", body), encoding="utf-8")  # the same place
    (content / "odd" / "wh?at #1 100%.md").write_text(page(body=body, front='title: "What? #1 / 100%"\n'), encoding="utf-8")
    status, out, _ = export(capsys, content, tmp_path / "out.zim")
    assert status == 0 and "3 entries" in out
    archive = Archive(tmp_path / "out.zim")
    home = html_of(archive, "index")
    places = re.findall(r'<li><a href="(entry/[^"]+)">', home)
    assert len(places) == len(set(places)) == 3
    for place in places:  # each link of the home page leads to its own entry
        assert archive.get_entry_by_path(unquote(place)).title.startswith(("Alpha + Beta (", "What? #1 / 100%"))
    done = subprocess.run(["zimcheck", "-A", str(tmp_path / "out.zim")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout


def test_a_hostile_page_becomes_text_and_the_file_still_passes_zimcheck(tmp_path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(page(body='## Usage\n\n<img src="http://tracker.example/x.png"> <script>alert(1)</script> '
                                          '[tap](javascript:alert(1)) <iframe src="x"></iframe>\n',
                                       front='title: "<script>alert(1)</script> + Beta"\n'), encoding="utf-8")
    status, _, _ = export(capsys, content, tmp_path / "out.zim")
    assert status == 0
    archive = Archive(tmp_path / "out.zim")
    shown = html_of(archive, "entry/a")
    assert not re.search(r"<(?:script|img|iframe)\b", shown) and "javascript:" not in shown
    assert '<img src="http://tracker.example/x.png">' in words(shown)  # the page's words, shown as text
    done = subprocess.run(["zimcheck", "-A", str(tmp_path / "out.zim")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout


def test_two_brand_pages_that_would_share_a_place_each_lead_to_their_composition(tmp_path, capsys):
    content = tmp_path / "site"
    shutil.copytree(SUCCESSOR_SITE, content)
    medicines = content / "src" / "content" / "medicines"
    (medicines / "crocin-650.markdown").write_text((medicines / "crocin-650.md").read_text(encoding="utf-8"), encoding="utf-8")
    status, _, _ = export(capsys, content, tmp_path / "out.zim")
    assert status == 0
    archive = Archive(tmp_path / "out.zim")
    target = entry_path("src/content/compositions/paracetamol.md")
    for place in ("brand/src/content/medicines/crocin-650", "brand/src/content/medicines/crocin-650.md"):
        assert archive.get_entry_by_path(place).get_redirect_entry().path == target
