"""Every bad input named in DESIGN.md: a clear problem naming the line, never a crash."""

from __future__ import annotations

import pytest

from tests.helpers import FULL_BODY, SEED_SERTRALINE, page, seed_bytes, seed_folder
from viewer.core.pages.model import Severity
from viewer.core.pages.page import parse_page
from viewer.core.pages.source import MAX_FILE_BYTES


def read(data: bytes | str):
    if isinstance(data, str):
        data = data.encode()
    return parse_page("bad.md", data)


def errors(result):
    return [p for p in result.problems if p.severity is Severity.ERROR]


def warnings(result):
    return [p for p in result.problems if p.severity is Severity.WARNING]


# --- encodings -------------------------------------------------------------------------------

def test_a_utf8_byte_order_mark_does_not_hide_the_front_matter():
    result = read(b"\xef\xbb\xbf" + seed_bytes(SEED_SERTRALINE))
    assert result.problems == ()
    assert result.entry.title == "Sertraline + Clonazepam"
    assert len(result.entry.faqs) == 5


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_newlines(newline):
    text = seed_bytes(SEED_SERTRALINE).decode().replace("\n", newline)
    result = read(text.encode())
    assert result.problems == ()
    assert len(result.entry.faqs) == 5 and "\r" not in result.entry.usage


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_a_byte_order_mark(encoding):
    text = seed_bytes(SEED_SERTRALINE).decode()
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + text).encode(encoding)
    result = read(data)
    assert result.problems == ()
    assert result.entry.title == "Sertraline + Clonazepam"


def test_cp1252_is_read_with_a_warning():
    result = read(page("Caf\u00e9 + Beta", FULL_BODY.replace("Drowsiness", "Somnolence \u2013 mild")).encode("cp1252"))
    assert result.entry.title == "Caf\u00e9 + Beta"
    assert "Somnolence \u2013 mild" in result.entry.side_effects
    assert [p.message for p in warnings(result)] == ["not UTF-8 (byte 0xE9 at offset 14); read as Windows-1252"]


def test_nul_bytes_are_an_error_naming_the_line():
    result = read(b"---\ntitle: x\n---\n\nline\nbad\x00here\n")
    assert result.entry is None
    assert errors(result)[0].line == 6 and "NUL" in errors(result)[0].message


def test_binary_garbage_is_an_error():
    result = read(bytes(range(256)) * 4)
    assert result.entry is None and errors(result)


def test_files_over_two_mebibytes_are_refused():
    result = read(b"# T\n" + b"a" * MAX_FILE_BYTES)
    assert result.entry is None and "limit" in errors(result)[0].message


# --- front matter ----------------------------------------------------------------------------

def test_invalid_yaml_names_the_line_and_the_heading_still_gives_an_entry():
    result = read("---\nlayout: x\ntitle: [unclosed\n---\n\n# Alpha + Beta\n\n**Usage:** x\n")
    (error,) = errors(result)
    assert error.line == 4 and error.message.startswith("invalid YAML")
    assert result.entry is not None and result.entry.title == "Alpha + Beta"


def test_broken_front_matter_without_a_heading_gives_no_entry():
    result = read("---\ntitle: [\n---\n\nJust text.\n")
    assert result.entry is None and errors(result)


@pytest.mark.parametrize(
    "front, message",
    [
        ("- a\n- b\n", "not a list"),
        ("just text\n", "not a single str value"),
        ("1: one\n", "key 1 is not a name"),
        ("? [a, b]\n: c\n", "a key is a list or mapping"),
    ],
)
def test_front_matter_must_be_a_mapping_of_names(front, message):
    result = read(page(front=front, body="# Alpha\n\ntext\n"))
    assert message in errors(result)[0].message
    assert errors(result)[0].line == 2


def test_an_alias_bomb_is_refused():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    result = read(page(front="\n".join(lines) + "\n", body="# Bomb\n\ntext\n"))
    assert "aliases" in errors(result)[0].message
    assert errors(result)[0].line == 2  # where the reused value is anchored


def test_front_matter_over_64_kib_is_refused():
    result = read(page(front="title: x\nbig: " + "a" * 70_000 + "\n", body="# T\n\nx\n"))
    assert "65,536-byte limit" in errors(result)[0].message


@pytest.mark.parametrize("nesting", ["x: " + "[" * 50_000, "x: " + "{a: " * 20_000, "- " * 30_000])
def test_deep_nesting_is_refused_before_the_parser_can_crash(nesting):
    result = read(page(front=nesting[:65_000] + "\n", body="# T\n\nx\n"))
    assert "nested more than 64 levels" in errors(result)[0].message


def test_front_matter_never_closed_is_an_error_on_line_one():
    result = read("---\ntitle: x\n\n# Heading\n\ntext\n")
    assert errors(result)[0].line == 1 and "never closed" in errors(result)[0].message


# --- titles, empty pages, missing sections ---------------------------------------------------

def test_no_title_in_front_matter_takes_the_first_heading_with_a_warning():
    result = read(page(None, FULL_BODY))
    assert result.entry.title == "Alpha + Beta"
    assert [p.message for p in warnings(result)] == ["no title in the front matter; using the first heading"]


def test_no_title_anywhere_takes_the_file_name():
    result = parse_page("lithium-ibuprofen.md", b"Just some text.\n")
    assert result.entry.title == "lithium ibuprofen"
    assert any("using the file name" in p.message for p in warnings(result))


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"---\ntitle: x\n---\n\n"])
def test_an_empty_page_is_a_warning_and_no_entry(data):
    result = read(data)
    assert result.entry is None
    assert [p.severity for p in result.problems] == [Severity.WARNING]


def test_missing_sections_are_named_in_one_warning():
    result = read(page("Alpha + Beta", "**Usage:**\n\nx\n"))
    assert [p.message for p in warnings(result)] == ["missing sections: Side effects, Mechanism, FAQs, Disclaimer"]


# --- values YAML cannot build (issue 12, item 1) ------------------------------------------------

@pytest.mark.parametrize("value", ["!!int abc", "!!bool maybe", "!!timestamp x", "!!float text", "9" * 4301])
def test_a_value_yaml_cannot_build_is_that_pages_error_naming_its_line(value):
    result = read(page(front=f"title: Alpha + Beta\nlayout: x\nodd: {value}\n", body=FULL_BODY))
    assert [(p.line, p.message.split(":")[0]) for p in errors(result)] == [(4, "the value of 'odd' cannot be read")]
    assert result.entry is not None and result.entry.title == "Alpha + Beta"  # the heading still names it


def test_an_impossible_date_is_text_not_an_error():
    result = read(page(front="title: Alpha + Beta\nreviewed: 2023-02-30\nlastModified: 2024-02-29\n", body=FULL_BODY))
    assert errors(result) == [] and result.entry.updated == "2024-02-29"


def test_a_folder_with_unbuildable_values_still_loads_every_other_page(tmp_path):
    from viewer.core.catalog.library import load_catalog, load_library

    seed_folder(tmp_path)
    (tmp_path / "bad.md").write_text(page(front="title: [\n", body="x") .replace("[", "!!int abc"))
    for load in (load_catalog, load_library):
        library = load(tmp_path)
        assert [e.title for e in library.entries] == ["Paroxetine + Clonazepam", "Sertraline + Clonazepam"]
        assert any(p.path == "bad.md" and p.severity is Severity.ERROR for p in library.problems)


# --- drugs.yaml shapes (item 2) ---------------------------------------------------------------

@pytest.mark.parametrize("brands", ["['']", "5", "true", "[1, null, '  ']", "{a: b}", "2023-02-30"])
def test_drugs_yaml_shapes_are_reported_and_search_still_works(tmp_path, brands):
    from viewer.core.catalog.library import load_catalog
    from viewer.core.search.search_engine import SearchEngine

    seed_folder(tmp_path)
    (tmp_path / "drugs.yaml").write_text(
        f"sertraline:\n  brands: [Zoloft]\n  class: SSRI\nclonazepam:\n  brands: {brands}\n  class: 7\n"
    )
    library = load_catalog(tmp_path)
    trouble = [p for p in library.problems if p.path == "drugs.yaml"]
    assert trouble and all(p.line in (4, None) for p in trouble)
    engine = SearchEngine(library.entries, dict(library.drugs))
    assert engine.search("zoloft").hits[0].title == "Sertraline + Clonazepam"
    assert engine.search("clonazepam").hits and engine.search("ssri").hits


def test_drugs_yaml_brands_with_countries_and_several_classes(tmp_path):
    from viewer.core.pages.drugs import load_drugs

    (tmp_path / "drugs.yaml").write_text(
        "name: Test library\n"
        "sertraline: {brands: {Zoloft: US, Lustral: [UK, IE]}, class: [SSRI, antidepressant]}\n"
        "clonazepam: {brands: [Klonopin, {Rivotril: UK}], class: benzodiazepine}\n"
        "diazepam: {brands: {Valium: 7}, class: [benzodiazepine, 3]}\n"
    )
    drugs, problems = load_drugs(tmp_path)
    info = dict(drugs)
    assert info["sertraline"].brands == ("Zoloft", "Lustral") and info["sertraline"].countries == ("US", "UK, IE")
    assert info["sertraline"].classes == ("SSRI", "antidepressant")
    assert info["clonazepam"].brands == ("Klonopin", "Rivotril") and info["clonazepam"].countries == ("", "UK")
    assert info["diazepam"].brands == ("Valium",) and info["diazepam"].classes == ("benzodiazepine",)
    assert sorted((p.line, p.message.split(":")[0]) for p in problems) == [(4, "'diazepam'"), (4, "'diazepam'")]
    assert "name" not in info  # the library's name is no medicine


# --- the pair check is bounded (item 3) ---------------------------------------------------------

def test_a_pasted_list_of_thousands_of_names_checks_the_first_ten(tmp_path):
    import time

    from viewer.core.catalog.library import load_catalog
    from viewer.core.search.search_engine import MAX_CHECKED, SearchEngine, checking_line
    from viewer.paths import bundled_dir

    library = load_catalog(bundled_dir("content"))
    engine = SearchEngine(library.entries, dict(library.drugs))
    names = sorted({d for e in library.entries for d in e.drugs})
    query = ", ".join(names[i % len(names)] + ("" if i < len(names) else f"x{i}") for i in range(2000))
    started = time.perf_counter()
    results = engine.search(query)
    assert time.perf_counter() - started < 5  # a hang detector, not a speed goal
    assert len(results.drugs) == MAX_CHECKED and len(results.check) <= 1 + 3 * MAX_CHECKED * (MAX_CHECKED - 1) // 2
    assert checking_line(results).startswith(f"Checking the first {MAX_CHECKED} medicines")


# --- file names, folders, links (items 5, 6, 10) --------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_reported_and_nothing_else_stops(tmp_path):
    import json
    import os

    from viewer.core.catalog.library import load_catalog, load_library
    from viewer.core.report import library_json, library_text

    seed_folder(tmp_path)
    with open(os.path.join(os.fsencode(tmp_path), b"bad-\xff.md"), "wb") as handle:
        handle.write(page("Gamma + Delta", FULL_BODY).encode())
    for load in (load_catalog, load_library):
        library = load(tmp_path)
        assert len(library.entries) == 2
        assert [i.path for i in library.ignored] == ["bad-\ufffd.md"]
    json.loads(library_json(library).encode("utf-8"))  # valid UTF-8 JSON
    assert "bad-\ufffd.md: warning: its name is not valid UTF-8" in library_text(library)


def test_a_thousand_nested_folders_are_walked_without_recursion(tmp_path):
    import os

    from viewer.core.catalog.folder import MAX_DEPTH
    from viewer.core.catalog.library import load_library

    seed_folder(tmp_path)
    folder = os.open(tmp_path, os.O_RDONLY)  # 990 levels are longer than a path may be: go down by handle
    for _ in range(990):
        os.mkdir("d", dir_fd=folder)
        deeper = os.open("d", os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = deeper
    os.close(folder)
    try:
        library = load_library(tmp_path)
        assert len(library.entries) == 2
        assert any(p.message == f"more than {MAX_DEPTH} folders deep; not read" for p in library.problems)
    finally:
        remove_chain(tmp_path / "d")  # shutil.rmtree (and so pytest's clean-up) recurses too deep for it


def remove_chain(top):
    """Remove a chain of nested folders one level at a time, lifting the rest up each step."""
    import os

    while top.exists():
        inner = top / "d"
        if inner.exists():
            lifted = top.with_name(top.name + "-rest")
            os.rename(inner, lifted)
            os.rmdir(top)
            os.rename(lifted, top)
        else:
            os.rmdir(top)


def test_links_devices_and_pipes_are_each_accounted_for(tmp_path):
    import os

    from viewer.core.catalog.library import load_library

    seed_folder(tmp_path)
    (tmp_path / "passwd.md").symlink_to("/etc/passwd")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "folder-link").symlink_to(tmp_path)
    (tmp_path / "inside.md").symlink_to(tmp_path / "sertraline-clonazepam.md")
    os.mkfifo(tmp_path / "pipe.md")
    library = load_library(tmp_path)
    reasons = {i.path: i.reason for i in library.ignored}
    assert reasons["passwd.md"] == reasons["zero.md"] == "a link to a file outside the content folder; not followed"
    assert reasons["dangling.md"].startswith("a link to nothing")
    assert reasons["folder-link"] == "a link to a folder; not followed"
    assert reasons["pipe.md"].startswith("not a regular file")
    assert sorted(e.path for e in library.entries) == ["inside.md", "paroxetine-clonazepam.md", "sertraline-clonazepam.md"]
    assert "root:" not in str(library)


# --- look-alike text (item 11) -------------------------------------------------------------------

def test_a_zero_width_character_neither_hides_a_page_nor_its_twin(tmp_path):
    from viewer.core.catalog.library import load_catalog
    from viewer.core.search.search_engine import SearchEngine

    seed_folder(tmp_path)
    (tmp_path / "twin.md").write_text(page("Sertra\u200bline + Clonazepam", FULL_BODY))
    library = load_catalog(tmp_path)
    twin = [p.message for p in library.problems if p.path == "twin.md"]
    assert any("invisible characters (U+200B)" in m for m in twin)
    assert any("is also used by" in m for m in twin)
    found = {h.path for h in SearchEngine(library.entries, {}).search("sertraline clonazepam").hits}
    assert {"twin.md", "sertraline-clonazepam.md"} <= found


# --- small ones (item 12) --------------------------------------------------------------------------

def test_a_newline_in_a_file_name_cannot_forge_a_problem_line():
    from viewer.core.pages.model import Problem

    line = str(Problem("a.md\nforged.md: error: fake", 2, Severity.WARNING, "x"))
    assert "\n" not in line and line.startswith("a.md\\nforged.md")


def test_utf16_without_a_byte_order_mark_is_read():
    for encoding in ("utf-16-le", "utf-16-be"):
        result = read(seed_bytes(SEED_SERTRALINE).decode().encode(encoding))
        assert result.entry.title == "Sertraline + Clonazepam" and errors(result) == []


def test_check_json_keeps_two_extra_sections_of_one_name(tmp_path):
    import json

    from viewer.core.catalog.library import load_library
    from viewer.core.report import library_json

    (tmp_path / "p.md").write_text(page("Alpha + Beta", FULL_BODY + "\n## Storage\n\nCool.\n\n## Usage\n\nu\n\n## Storage\n\nDry.\n"))
    other = json.loads(library_json(load_library(tmp_path)))["entries"][0]["sections"]["other"]
    assert other == [{"label": "Storage", "text": "Cool."}, {"label": "Storage", "text": "Dry."}]


def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    import os

    from viewer.core.catalog import library as library_module

    seed_folder(tmp_path)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.md").write_text(page("Locked + Page", FULL_BODY))
    real = os.scandir

    def scandir(path):  # as chmod 000 does for anyone but root (the tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    from viewer.core.catalog import folder

    monkeypatch.setattr(folder.os, "scandir", scandir)
    library = library_module.load_library(tmp_path)
    assert len(library.entries) == 2
    assert [(i.path, i.reason) for i in library.ignored] == [("locked", "folder cannot be read: Permission denied")]


@pytest.mark.parametrize("body", [
    "## #" + " " * 18906 + "-" * 289,  # a heading's optional closing "#"s after a run of spaces (found by Hypothesis)
    "# " + "." * 20000 + "-",  # a title's trailing punctuation after a run of dots
    "**FAQs:**\n\n### Q" + " " * 30000 + "#####",
])
def test_long_runs_in_headings_and_titles_take_one_pass(body):
    import time

    started = time.perf_counter()
    read(page(None, body))
    assert time.perf_counter() - started < 0.5  # these took 0.7 to 2 s: every start rescanned the run


def test_a_title_of_thousands_of_spaces_splits_in_one_pass():
    import time

    from viewer.core.pages.ingredients import drugs_from_title

    started = time.perf_counter()
    assert drugs_from_title("Alpha " + " " * 8000 + "+ Beta") == ("Alpha", "Beta")
    assert time.perf_counter() - started < 0.5
