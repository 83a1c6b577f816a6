"""Safe YAML front matter: a mapping of string keys, no aliases, capped in size and depth.

Plain front matter (one ``name: value`` a line, as most pages have) is read here; anything
else goes to YAML (yaml_front.py), loaded only when a page needs it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from viewer.core.pages.source import MAX_DEPTH, MAX_NODES, FrontMatterError

MAX_FRONT_MATTER_BYTES = 64 * 1024
__all__ = ["MAX_DEPTH", "MAX_FRONT_MATTER_BYTES", "MAX_NODES", "FrontMatterError", "Split", "parse", "parse_plain", "split"]


@cache
def _handler() -> Any:
    from frontmatter.default_handlers import YAMLHandler

    return YAMLHandler()


@dataclass(frozen=True)
class Split:
    """A page cut into its front matter and body, with the file line the body starts on."""

    front_matter: str | None  # None when the page has none
    body: str
    body_line: int  # 1-based line of the body's first line
    front_matter_line: int = 1  # file line (1-based) of the front matter text's first line


def split(text: str) -> Split:
    """Cut the front matter (between ``---`` lines at the top) from the body."""
    handler = _handler()
    if not handler.detect(text):
        return Split(None, text, 1)
    try:
        front, body = handler.split(text)
    except ValueError:
        raise FrontMatterError("front matter opened with '---' on line 1 is never closed", 1) from None
    opening = handler.FM_BOUNDARY.search(text)
    front_line = text.count("\n", 0, opening.end()) + 1 if opening else 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return Split(front, body, body_line, front_line)


# Front matter as most pages write it: one "name: plain value" a line, nothing YAML-special.
# Such text is read without building a YAML document; anything else goes to the YAML parser.
_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+([^-?:,\[\]{}#&*!|>'\"%@`\s][^#\n]*?))?[ \t]*")


# Words YAML 1.1 reads as booleans or null; any other plain scalar starting with a letter is text.
_SPECIAL_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
_STR_TAG = "tag:yaml.org,2002:str"
_TRUE_FALSE = {word: word.lower() == "true" for word in ("true", "True", "TRUE", "false", "False", "FALSE")}  # YAML's spellings


def _tag_of(scalar: str) -> str:
    """The tag YAML gives a plain scalar ("true" -> bool, "12" -> int), dates aside."""
    if scalar[:1].isalpha() and scalar.isascii() and scalar.lower() not in _SPECIAL_WORDS:
        return _STR_TAG  # numbers, dates, .inf and ~ never start with a letter: asking YAML is slow
    from viewer.core.pages.yaml_front import tag_of

    return tag_of(scalar)


def parse_plain(source: str) -> dict[str, Any] | None:
    """The mapping for plain one-line front matter, or None when YAML must read it."""
    data: dict[str, Any] = {}
    for line in source.split("\n"):
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            if line.strip():
                return None
            continue
        key, value = found.groups()
        if "\t" in line or key in data or key.lower() in _SPECIAL_WORDS:
            return None  # tabs, repeated keys and keys YAML reads as something else are YAML's to judge
        if value is None:
            data[key] = None
        elif ": " in value or value.endswith(":"):
            return None  # a colon YAML would read as another mapping
        elif value in _TRUE_FALSE:
            data[key] = _TRUE_FALSE[value]
        elif _tag_of(value) == _STR_TAG:
            data[key] = value
        else:
            return None  # numbers, dates, yes/no...: let YAML decide
    return data


def parse(source: str, first_line: int = 2, max_bytes: int = MAX_FRONT_MATTER_BYTES) -> dict[str, Any]:
    """Parse YAML text into a dict of string keys, or raise FrontMatterError."""
    simple = parse_plain(source) if len(source) < 4096 else None
    if simple is not None:
        return simple
    from viewer.core.pages.yaml_front import parse_yaml

    return parse_yaml(source, first_line, max_bytes)
