"""Serious text drawn so it is seen: a warning callout around the page's own words.

A paragraph that begins with a warning word ("Serious", "Do not", "Seek medical help"...), and a
sub-label or heading that does, together with the text it labels, are put in a bordered box with
an icon and a word. Nothing is removed or moved: the blocks keep their order and their words."""

from __future__ import annotations

import html
import re

from viewer.core import words
from viewer.core.pages.safety import is_warning_text
from viewer.core.words import QT_TRANSLATE_NOOP

CALLOUT_WORD = QT_TRANSLATE_NOOP("Entry", "Warning")  # in English: callout_word says it in the reader's language
CALLOUT_ICON = "\u26a0"  # ⚠
CALLOUT_CLASS = "callout"
_VOID = frozenset({"br", "hr", "img"})
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_HEADING = re.compile(r"h[1-6]")
_TEXT_TAGS = re.compile(r"<[^>]+>")
_LABEL_ONLY = re.compile(r"\A<p>\s*<(strong|b|em)>.*</\1>\s*:?\s*</p>\Z", re.DOTALL)
MAX_LABEL_CHARS = 200  # "Serious side effects, though less common, can include:"


def blocks(fragment: str) -> list[tuple[str, str]]:
    """The top-level blocks of well-formed HTML (as the sanitiser writes it): (tag, html)."""
    found: list[tuple[str, str]] = []
    depth, start, tag = 0, 0, ""
    for match in _TAG.finditer(fragment):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name in _VOID or match.group(3):
            if depth == 0:
                found.append((name, fragment[match.start() : match.end()]))
                start = match.end()
            continue
        if not closing:
            if depth == 0:
                if fragment[start : match.start()].strip():
                    found.append(("", fragment[start : match.start()]))
                start, tag = match.start(), name
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                found.append((tag, fragment[start : match.end()]))
                start = match.end()
            elif depth < 0:  # not well formed: leave the whole fragment alone
                return [("", fragment)]
    if depth != 0:
        return [("", fragment)]
    if fragment[start:].strip():
        found.append(("", fragment[start:]))
    return found


def text_of(block: str) -> str:
    return " ".join(html.unescape(_TEXT_TAGS.sub(" ", block)).split())


def _is_label(tag: str, block: str) -> bool:
    """A heading, or a short paragraph that is only a bold label or ends with a colon."""
    if _HEADING.fullmatch(tag):
        return True
    if tag != "p":
        return False
    text = text_of(block)
    return len(text) <= MAX_LABEL_CHARS and (bool(_LABEL_ONLY.match(block.strip())) or text.endswith(":"))


def mark_callouts(fragment: str) -> tuple[str, int]:
    """``fragment`` with its serious text in callouts, and how many callouts it has."""
    if not fragment or not is_warning_text_anywhere(fragment):
        return fragment, 0
    out: list[str] = []
    group: list[str] = []
    count = 0
    group_heading = ""  # the heading tag that opened the group ("" for a label paragraph)

    def close() -> None:
        nonlocal count
        if group:
            out.append(callout("".join(group)))
            count += 1
            group.clear()

    for tag, block in blocks(fragment):
        label = _is_label(tag, block)
        if group:
            if group_heading:  # a heading's text runs to the next heading of its level or above
                ends = bool(_HEADING.fullmatch(tag)) and tag <= group_heading
            else:  # a label's text is the list or table under it (and warnings that follow)
                ends = label or not (tag in ("ul", "ol", "table", "blockquote") or is_warning_text(text_of(block)))
            if ends:
                close()
        if group:
            group.append(block)
            continue
        serious = tag in ("p", "blockquote") or _HEADING.fullmatch(tag)
        if serious and is_warning_text(text_of(block)):
            if label:
                group.append(block)
                group_heading = tag if _HEADING.fullmatch(tag) else ""
            else:
                out.append(callout(block))
                count += 1
            continue
        out.append(block)
    close()
    return "".join(out), count


def is_warning_text_anywhere(fragment: str) -> bool:
    """A quick test before the work: could any block begin with a warning word?"""
    return any(is_warning_text(text_of(piece)) for piece in re.split(r"<(?:p|h[1-6]|blockquote)>", fragment)[1:])


def callout_word() -> str:
    return words.translate("Entry", CALLOUT_WORD)


def callout(inner: str) -> str:
    """A bordered one-cell table (Qt's rich text draws borders only on tables) with the icon
    and the word above the page's own blocks."""
    return (
        f'<table class="{CALLOUT_CLASS}" width="100%" cellspacing="0" cellpadding="8" border="1">'
        f'<tr><td><p class="callout-word"><b>{CALLOUT_ICON} {callout_word()}</b></p>{inner}</td></tr></table>'
    )
