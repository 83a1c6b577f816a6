"""Every bad input named in DESIGN.md: a clear problem naming the line, never a crash."""

from __future__ import annotations

import pytest

from tests.helpers import FULL_BODY, SEED_SERTRALINE, page, seed_bytes
from viewer.core.model import Severity
from viewer.core.page import parse_page
from viewer.core.source import MAX_FILE_BYTES


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
