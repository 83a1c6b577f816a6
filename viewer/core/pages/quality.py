"""What a page is, stated plainly: unrated (no severity), or unfinished (a language model's refusal
or a template's placeholder left in its text). Flags only describe the page; they never change,
hide or reorder its words."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from viewer.core import words
from viewer.core.pages.safety import Safety
from viewer.core.pages.text import listed
from viewer.core.words import QT_TRANSLATE_NOOP

NO_SEVERITY, REFUSAL, PLACEHOLDER = "no-severity", "refusal", "placeholder"

# A writer that says it is a language model, or that it cannot give what the page is for.
_REFUSAL = re.compile(
    r"\b(?:I\s+am|I'm|as)\s+an\s+AI\b|\b(?:large\s+)?language\s+model\b|\bmy\s+(?:capabilities|training\s+data)\b"
    r"|\bI\s+(?:cannot|can't|can\s+not|am\s+unable\s+to|am\s+not\s+able\s+to)\s+(?:provide|give|offer)\b",
    re.IGNORECASE,
)
# A template's gap: "[Specify the missing vitamin]", "[Insert name here]", "XYZ". A Markdown link
# ("[text](url)", "[text][ref]") is never one.
_BRACKET = re.compile(
    r"\[(?:Specify|Specific|Insert|Enter|Fill|Add|Other|Name\s+of|Your|Brand\s+name|Drug\s+name)\b[^\]\[\n]{0,80}\](?![(\[])"
)
_XYZ = re.compile(r"\bXYZ\b")
# Words one of which every refusal holds (lower case). Pages with none skip the pattern, which
# would cost more than the rest of reading a page; the fewer scans of the page, the better.
_REFUSAL_HINTS = ("an ai", "language model", "i can", "i am ")
_MY_HINTS = ("my capab", "my train")  # looked for only on a page that says "my " at all


def _may_refuse(body: str) -> bool:
    lower = body.lower()
    return any(hint in lower for hint in _REFUSAL_HINTS) or ("my " in lower and any(hint in lower for hint in _MY_HINTS))


def _may_leave_gaps(body: str) -> bool:
    return "[" in body or "XYZ" in body


_PATTERNS: tuple[tuple[str, re.Pattern[str], Callable[[str], bool]], ...] = (  # kind, pattern, a quick test first
    (REFUSAL, _REFUSAL, _may_refuse),
    (PLACEHOLDER, _BRACKET, _may_leave_gaps),
    (PLACEHOLDER, _XYZ, _may_leave_gaps),
)
_WHAT = {REFUSAL: QT_TRANSLATE_NOOP("Quality", "a language model's refusal or remark about itself"),
         PLACEHOLDER: QT_TRANSLATE_NOOP("Quality", "placeholder text")}  # in English (check); the reader's: quality_lines
_LACKING = (QT_TRANSLATE_NOOP("Quality", "severity"), QT_TRANSLATE_NOOP("Quality", "warning"),
            QT_TRANSLATE_NOOP("Quality", "sources"), QT_TRANSLATE_NOOP("Quality", "review date"))
_OR = QT_TRANSLATE_NOOP("Quality", " or ")  # before the last thing a page lacks


@dataclass(frozen=True)
class Flag:
    """One thing a reader should know about the page as a whole."""

    kind: str  # NO_SEVERITY, REFUSAL or PLACEHOLDER
    where: str = ""  # the section it stands in, as the reader sees it named ("Side effects")
    line: int | None = None  # file line
    quote: str = ""  # the words that raised it

    @property
    def message(self) -> str:
        """The flag as `check` words it."""
        return f"unfinished: {_WHAT[self.kind]} ({self.quote!r}) in {self.where}"


def read_quality(body: str, body_line: int, sections: Sequence[tuple[int, str]], safety: Safety) -> tuple[Flag, ...]:
    """The page's flags: ``sections`` are (first line, name) of its sections in page order; text
    before the first one is its Introduction. One flag per kind and section."""
    flags = [] if safety.severity else [Flag(NO_SEVERITY)]
    starts = [first for first, _ in sections]
    seen: set[tuple[str, str]] = set()
    for kind, pattern, may_hold in _PATTERNS:
        if not may_hold(body):
            continue
        line, counted = body_line, 0
        for found in pattern.finditer(body):
            line += body.count("\n", counted, found.start())  # each stretch counted once: linear
            counted = found.start()
            at = bisect_right(starts, line) - 1
            where = sections[at][1] if at >= 0 else "Introduction"
            if (kind, where) not in seen:
                seen.add((kind, where))
                flags.append(Flag(kind, where, line, found.group()))
    return tuple(flags)


class _Stated(Protocol):
    @property
    def warning(self) -> str: ...
    @property
    def sources(self) -> tuple[Any, ...]: ...
    @property
    def reviewed(self) -> str: ...


def quality_lines(flags: Sequence[Flag], safety: _Stated) -> list[str]:
    """What the header and page 1 of a print-out say of the page, in neutral words."""
    def said(text: str) -> str:
        return words.translate("Quality", text)

    lines = []
    if any(f.kind == NO_SEVERITY for f in flags):
        severity, *others = _LACKING
        given = (safety.warning, safety.sources, safety.reviewed)
        lacking = [said(severity)] + [said(name) for name, stated in zip(others, given, strict=True) if not stated]
        lines.append(words.translate("Quality", "This page states no {0}.").format(listed(lacking, said(_OR))))
    unfinished = [words.translate("Quality", "{0} at {1}").format(said(_WHAT[f.kind]), words.translate("Sections", f.where))
                  for f in flags if f.kind != NO_SEVERITY]
    if unfinished:
        lines.append(words.translate("Quality", "Parts of this page are unfinished: {0}.").format("; ".join(unfinished)))
    return lines
