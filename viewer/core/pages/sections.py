"""Page body to labelled sections: bold or heading labels, label synonyms, FAQ pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.pages.labels import HOLDING_SECTIONS, known_section, label_topic, normalise_label
from viewer.core.pages.source import without_controls

# A heading's text is taken whole and its closing "#"s stripped in Python: a lazy pattern with
# an optional closing run backtracks over every space of a long line (2 s for 19 KB of spaces).
_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*)$")


def heading_text(text: str) -> str:
    """A heading's text without its optional closing sequence ("## Usage ##" -> "Usage")."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip(" \t")
    return text


_BOLD_LABEL = re.compile(r"^ {0,3}(\*\*|__)(?P<label>(?:(?!\1).){1,200}?)\1(?P<colon>\s*:)?[ \t]*(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"[.!?]$")


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


MAX_SECTIONS = 400  # labels a page is split at; real pages have about ten
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
            level, text = len(heading.group(1)), heading_text(heading.group(2)).strip()
            started = _heading_section(current, level, text, line_no, line)
        else:
            started = _bold_section(body, start, after, line, current, line_no)
        if started is None:
            continue
        if len(sections) > MAX_SECTIONS:
            break  # thousands of labels: the rest stays, word for word, in the last section
        current.chunks.append(body[content_from:start])
        current = started
        sections.append(current)
        content_from = after
    current.chunks.append(body[content_from:])
    return Body(intro.text, tuple(sections[1:]))


def _heading_section(current: Section, level: int, text: str, number: int, line: str) -> Section | None:
    """A new section for a heading, or None when the heading belongs inside ``current``."""
    key = label_topic(text)
    if key is not None and key == current.key and key in HOLDING_SECTIONS:
        return None  # "### Rare but Serious Side Effects" under "## Side Effects"
    if key is None and current.key == "faqs":
        if current.heading_level:
            if level > current.heading_level:
                return None  # "### Question?" under "## FAQs"
        elif level >= 3 or text.rstrip(":").endswith("?"):
            return None  # a question heading under a bold FAQs label
    elif key is None and current.heading_level and level > current.heading_level:
        return None  # a sub-heading inside a section
    elif key is None and current.key in HOLDING_SECTIONS and not current.heading_level and level >= 3:
        return None  # a small heading inside a bold-labelled section
    label = text.replace("**", "").replace("__", "").strip("*_ ").rstrip(":").strip()
    started = Section(key, label, number, heading_level=level)
    if key is not None and known_section(text) is None:
        started.chunks.append(line.strip() + "\n\n")  # a label by topic only: its words are the page's
    elif key is not None:
        started.chunks.append(qualifier_line(text))
    return started


def _bold_section(body: str, start: int, after: int, line: str, current: Section, number: int) -> Section | None:
    """A new section for a bold label opening a paragraph, or None when the line stays text."""
    if not _blank_before(body, start):
        return None
    bold = _BOLD_LABEL.match(line)
    if not bold:
        return None
    label = bold.group("label").strip()
    rest = bold.group("rest").strip()
    has_colon = bool(bold.group("colon")) or label.endswith(":")
    next_line = _line_at(body, after)[0] if after < len(body) else ""
    alone = not rest and not next_line.strip()
    key = known_section(label)
    if key is not None and key == current.key and key in HOLDING_SECTIONS and normalise_label(label) != normalise_label(current.label):
        return None  # "**Common side effects:**" under "## Side effects": the page's words, kept
    if key is None:
        if not alone:
            return None  # "**Paracetamol:** used for..." is text of its section
        key = label_topic(label)
        if current.key == "faqs" and not (has_colon and "?" not in label and not re.match(r"(?i)q(uestion)?\b", label)):
            return None  # a question, not a label
        if key is None and (current.key in HOLDING_SECTIONS or not _looks_like_label(label, has_colon)):
            return None  # a sub-label inside its section ("**Paracetamol:**" under Usage)
        if key is not None and key == current.key:
            return None  # "**Serious Side Effects:**" under Side effects
        started = Section(key, label.rstrip(":").strip(), number)
        if key is not None:
            started.chunks.append(line.strip() + "\n\n")  # a label by topic only: its words are the page's
        return started
    started = Section(key, label.rstrip(":").strip(), number)
    started.chunks.append(qualifier_line(label))
    if rest:
        started.chunks.append(rest + "\n")
    return started


_QUALIFIER = re.compile(r"\(([^()]+)\)")


def qualifier_line(label: str) -> str:
    """A known label's qualifier as a line of the section ("Usage (Hypothetical):" -> "*(Hypothetical)*")."""
    found = _QUALIFIER.findall(label.replace("**", ""))
    return "".join(f"*({text.strip()})*\n\n" for text in found if text.strip())


def _looks_like_label(label: str, has_colon: bool) -> bool:
    """Whether a bold paragraph of its own, not a known label, names a section."""
    if has_colon:
        return True
    return len(label.split()) <= 6 and not _SENTENCE_END.search(label)


def _strip_tail(text: str) -> str:
    """Without trailing spaces and stray punctuation (" .", ",;"), scanned once from the end: a
    pattern like [\\s.,;:]+$ rescans a long run of dots from every start."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return text[:end]


def normalise_title(text: str) -> str:
    """A clean title: no emphasis marks, single spaces, no stray trailing punctuation."""
    text = " ".join(without_controls(str(text)).replace("**", "").replace("__", "").split())
    return _strip_tail(text).strip()
