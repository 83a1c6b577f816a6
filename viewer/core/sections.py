"""Page body to labelled sections: bold or heading labels, label synonyms, FAQ pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Known labels, compared after normalise_label(); value is the section key.
LABELS: dict[str, str] = {}
for _key, _names in {
    "generic_name": ("generic name", "generic names", "generic name(s)", "generic"),
    "usage": ("usage", "uses", "use", "indications", "indication", "what it is used for"),
    "side_effects": (
        "side effects", "side effect", "common side effects", "possible side effects",
        "adverse effects", "adverse reactions",
    ),
    "mechanism": (
        "how it works", "how they work", "how does it work", "how do they work", "mechanism",
        "mechanism of action", "mechanisms of action",
    ),
    "faqs": ("faqs", "faq", "faq's", "frequently asked questions"),
    "disclaimer": ("disclaimer", "medical disclaimer"),
    "note": ("note", "notes"),
}.items():
    for _name in _names:
        LABELS[_name] = _key

_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BOLD_LABEL = re.compile(r"^ {0,3}(\*\*|__)(?P<label>(?:(?!\1).){1,80}?)\1(?P<colon>\s*:)?[ \t]*(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"[.!?]$")


def normalise_label(text: str) -> str:
    """Compare labels by words: no emphasis, no trailing colon, single spaces, any case."""
    text = text.strip().strip("*_").strip()
    text = text.rstrip(":").strip().strip("*_").strip()
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=4096)
def known_section(label: str) -> str | None:
    """The section key for a label ("How it Works:" -> "mechanism"), or None."""
    return LABELS.get(normalise_label(label))


@dataclass
class Section:
    """One labelled part of a page; ``key`` is None for a label we do not know."""

    key: str | None
    label: str
    line: int  # 1-based file line of the label
    chunks: list[str] = field(default_factory=list)
    heading_level: int = 0  # 0 for a bold label

    @property
    def text(self) -> str:
        return _LEADING_BLANK_LINES.sub("", "".join(self.chunks)).rstrip()


@dataclass(frozen=True)
class Body:
    """A split body: the intro and the sections in page order."""

    intro: str
    sections: tuple[Section, ...]


_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
# Lines that may be a label or a code fence; every other line is plain content. Matching from
# the newline (rather than "^" in MULTILINE mode) lets the regex engine skip ahead quickly.
_CANDIDATE = re.compile(r"\n {0,3}(?:#{1,6}[ \t]|\*\*|__|`{3,}|~{3,})")


def _line_at(body: str, start: int) -> tuple[str, int]:
    """The line starting at ``start`` and the offset just past its newline."""
    end = body.find("\n", start)
    return (body[start:], len(body)) if end < 0 else (body[start:end], end + 1)


def _blank_before(body: str, start: int) -> bool:
    """Whether the line starting at ``start`` opens a paragraph (first line, or after a blank/heading)."""
    if start == 0:
        return True
    previous_start = body.rfind("\n", 0, start - 1) + 1
    previous = body[previous_start : start - 1]
    return not previous.strip() or bool(_HEADING.match(previous))


def split_sections(body: str, first_line: int = 1) -> Body:
    """Split a page body into intro and sections, keeping every line of text somewhere."""
    intro = Section(None, "", first_line)
    current = intro
    sections: list[Section] = [intro]
    content_from = 0  # start of text not yet given to a section
    skip_to = 0  # past the end of a fenced code block
    counted, line_no = 0, first_line  # newlines counted incrementally

    for found in _CANDIDATE.finditer("\n" + body):
        start = found.start()  # the match's leading newline stands just before the line
        if start < skip_to:
            continue
        line, after = _line_at(body, start)
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            close = re.compile(r"^ {0,3}" + re.escape(fence), re.MULTILINE).search(body, after)
            skip_to = close.end() if close else len(body)
            continue
        line_no += body.count("\n", counted, start)
        counted = start
        heading = _HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2).strip()
            started = _heading_section(current, level, text, line_no)
            if started is None:
                continue
        else:
            if not _blank_before(body, start):
                continue
            bold = _BOLD_LABEL.match(line)
            if not bold:
                continue
            label = bold.group("label").strip()
            rest = bold.group("rest").strip()
            has_colon = bool(bold.group("colon")) or label.endswith(":")
            next_line = _line_at(body, after)[0] if after < len(body) else ""
            alone = not rest and not next_line.strip()
            key = known_section(label)
            if key is None and not (alone and _looks_like_label(label, has_colon, current)):
                continue
            started = Section(key, label.rstrip(":").strip(), line_no)
            if rest:
                started.chunks.append(rest + "\n")
        current.chunks.append(body[content_from:start])
        current = started
        sections.append(current)
        content_from = after
    current.chunks.append(body[content_from:])
    return Body(intro.text, tuple(sections[1:]))


def _heading_section(current: Section, level: int, text: str, number: int) -> Section | None:
    """A new section for a heading, or None when the heading belongs inside ``current``."""
    key = known_section(text)
    if key is None and current.key == "faqs":
        if current.heading_level:
            if level > current.heading_level:
                return None  # "### Question?" under "## FAQs"
        elif level >= 3 or text.rstrip(":").endswith("?"):
            return None  # a question heading under a bold FAQs label
    elif key is None and current.heading_level and level > current.heading_level:
        return None  # a sub-heading inside a section
    return Section(key, text.strip("*_ ").rstrip(":").strip(), number, heading_level=level)


def _looks_like_label(label: str, has_colon: bool, current: Section) -> bool:
    """Whether a bold paragraph of its own, not a known label, names a section."""
    if current.key == "faqs":
        return has_colon and not re.match(r"(?i)q(uestion)?\b", label) and "?" not in label
    if has_colon:
        return True
    return len(label.split()) <= 6 and not _SENTENCE_END.search(label)


_TITLE_TAIL = re.compile(r"[\s.,;:]+$")


def normalise_title(text: str) -> str:
    """A clean title: no emphasis marks, single spaces, no stray trailing punctuation."""
    text = " ".join(str(text).replace("**", "").replace("__", "").split())
    return _TITLE_TAIL.sub("", text).strip()


_DRUG_SPLIT = re.compile(r"\s*(?:\+|&|/|,|\band\b)\s*", re.IGNORECASE)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def drugs_from_title(title: str) -> tuple[str, ...]:
    """The drugs a title names: split on +, &, 'and', / and commas; brackets dropped."""
    names = (_PARENTHESES.sub("", part).strip() for part in _DRUG_SPLIT.split(title))
    return tuple(name for name in names if name)
