"""Bytes to text: size cap, byte-order marks, encoding fallback, newline normalising."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_FILE_BYTES = 2 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never appear in a text page (tab, newline, CR and form feed do).
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Every byte but those controls: deleting them leaves only controls (a fast pre-check that is
# exact for UTF-8 and single-byte encodings, whose multi-byte sequences never use 0x00-0x1F).
TEXT_BYTES = bytes(b for b in range(256) if b in (0x09, 0x0A, 0x0C, 0x0D) or b >= 0x20)


_CONTROLS = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0)], " ")
_CONTROLS_BUT_LINES = {code: space for code, space in _CONTROLS.items() if code != 0x0A}


def without_controls(text: str, keep_lines: bool = False) -> str:
    """Text from a page with every C0 and C1 control character (ESC sequences included) made a
    space: no title, warning or name can drive a terminal, a PDF's metadata or a window title.
    ``keep_lines`` keeps line breaks (Markdown in front matter, such as a description's list)."""
    if text.isprintable():
        return text
    return text.translate(_CONTROLS_BUT_LINES if keep_lines else _CONTROLS)


MAX_DEPTH = 64  # front matter nesting: libyaml's C composer recurses per level and crashes near 50,000
MAX_NODES = 10_000  # front matter values


class FrontMatterError(ValueError):
    """The front matter is unusable; ``line`` is the line in the file (1-based) when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class SourceError(ValueError):
    """The bytes cannot be a text page; ``line`` is where the trouble is, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Text:
    """Decoded page text with LF newlines, and a warning when decoding had to guess."""

    text: str
    warning: str = ""


def decode(data: bytes) -> Text:
    """Decode a page's bytes, or raise SourceError saying why it is not text."""
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit")
    warning = ""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"not valid {encoding.upper()} despite its byte-order mark: {exc.reason}") from None
            may_hold_controls = True
            break
    else:
        nul = data.find(b"\x00")
        utf16 = _utf16_without_bom(data) if nul >= 0 else None
        if utf16 is not None:
            return decode(utf16)
        if nul >= 0:
            raise SourceError(f"binary file: NUL byte at offset {nul}", data.count(b"\n", 0, nul) + 1)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _decode_legacy(data)
            warning = f"not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); read as Windows-1252"
        may_hold_controls = bool(data.translate(None, TEXT_BYTES))
    bad = _BINARY_CONTROL.search(text) if may_hold_controls else None
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise SourceError(f"binary file: control character U+{ord(bad.group()):04X}", line)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Text(text, warning)


def _utf16_without_bom(data: bytes) -> bytes | None:
    """UTF-16 text saved without a byte-order mark (mostly ASCII, so every other byte is NUL),
    given its mark; None for anything else."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, bom, encoding in ((odd, codecs.BOM_UTF16_LE, "utf-16-le"), (even, codecs.BOM_UTF16_BE, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and (odd if zeros is even else even).count(0) == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return bom + data
    return None


def _decode_legacy(data: bytes) -> str:
    """Windows-1252, falling back to Latin-1 for the five bytes cp1252 leaves undefined."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")

