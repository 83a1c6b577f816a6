"""FAQ section Markdown to question/answer pairs: bullets, headings, Q:/A: and bold questions."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from viewer.core.pages.model import Faq
from viewer.core.pages.sections import heading_text

_ITEM = r"^\s{0,3}(?:[*+-]|\d{1,3}[.)])\s+"
_BULLET_BOLD = re.compile(_ITEM + r"(\*\*|__)(?P<q>.+?)\1:?\s*(?P<a>.*)$")
_BULLET_QUESTION = re.compile(_ITEM + r"(?P<q>[^*_\s][^?]{2,300}\?)\s*(?P<a>.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}[ \t]+(?P<q>.+)$")  # closing "#"s stripped by heading_text
_Q_PREFIX = re.compile(
    r"^\s{0,3}(?:[*+-]\s+)?(?:\*\*|__)?(?:Q|Question)\s*\d*\s*[:.)](?:\*\*|__)?\s*(?P<q>.*)$",
    re.IGNORECASE,
)
_A_PREFIX = re.compile(r"^\s{0,3}(?:[*+-]\s+)?(?:\*\*|__)?(?:A|Answer)\s*[:.)](?:\*\*|__)?\s*", re.IGNORECASE)
# "**Q: A question?**  A: its answer" on one line (a later form of the user's site). The question
# ends on a non-space right before the closing marker (as bold text does), so no two runs of
# spaces overlap: linear time on a line of any length.
_ONE_LINE = re.compile(
    r"^\s{0,3}(?:[*+-]\s+)?(\*\*|__)\s*(?:Q|Question)\s*\d*\s*[:.)]\s*(?P<q>[^\n]*?\S)\1\s*"
    r"(?:\*\*|__)?(?:A|Answer)\s*[:.)](?:\*\*|__)?\s*(?P<a>.*)$",
    re.IGNORECASE,
)
_BOLD_QUESTION = re.compile(r"^\s{0,3}(\*\*|__)(?P<q>[^\n]+?\?)\s*:?\s*\1:?\s*(?P<a>.*)$")
_PLAIN_QUESTION = re.compile(r"^\s{0,3}(?P<q>[^\s*_#>|-][^\n]{2,300}\?)\s*$")


@dataclass(frozen=True)
class FaqSection:
    """Pairs found in an FAQs section, and the text around them that is not a pair."""

    faqs: tuple[Faq, ...]
    intro: str


def parse_faqs(text: str) -> FaqSection:
    """Find question/answer pairs; text before the first question is kept as the intro."""
    lines = text.split("\n")
    intro: list[str] = []
    pairs: list[tuple[str, list[str]]] = []
    for index, line in enumerate(lines):
        at_paragraph = index == 0 or not lines[index - 1].strip()
        question = _question(line, at_paragraph, lines[index + 1] if index + 1 < len(lines) else "")
        if question is not None:
            pairs.append((question[0], [question[1]] if question[1] else []))
        elif pairs:
            pairs[-1][1].append(line)
        else:
            intro.append(line)
    faqs = tuple(Faq(_clean_question(q), _clean_answer(a)) for q, a in pairs)
    return FaqSection(faqs, "\n".join(intro).strip())


def _question(line: str, at_paragraph: bool, following: str) -> tuple[str, str] | None:
    """(question, start of answer) when ``line`` opens a question, else None."""
    for pattern in (_ONE_LINE, _BULLET_BOLD, _Q_PREFIX, _HEADING, _BULLET_QUESTION):
        found = pattern.match(line)
        if found:
            question = heading_text(found.group("q")) if pattern is _HEADING else found.group("q")
            if not question.strip():
                continue
            if pattern is _BULLET_BOLD and line[:1].isspace() and not question.rstrip(":").endswith("?"):
                continue  # an indented bold bullet without "?" is part of an answer
            return question, found.groupdict().get("a") or ""
    if at_paragraph:
        found = _BOLD_QUESTION.match(line)
        if found:
            return found.group("q"), found.group("a")
        found = _PLAIN_QUESTION.match(line)
        if found and not following.strip():
            return found.group("q"), ""
    return None


_Q_MARKER = re.compile(r"^(?:\*\*|__)?\s*(?:Q|Question)\s*\d*\s*[:.)]\s*(?:\*\*|__)?\s*", re.IGNORECASE)
_A_MARKER = re.compile(r"^\s*(?:\*\*|__|\*|_)?\s*(?:A|Answer)\s*[:.)]\s*(?:\*\*|__|\*|_)?\s*", re.IGNORECASE)


def _clean_question(text: str) -> str:
    text = " ".join(text.strip().strip("*_").split())
    text = _Q_MARKER.sub("", text).strip().strip("*_").strip()
    return text.rstrip(":").strip()


def _clean_answer(lines: list[str]) -> str:
    if lines and lines[0]:
        first, rest = lines[0], textwrap.dedent("\n".join(lines[1:]))
        text = first.strip() + ("\n" + rest if rest else "")
    else:
        text = textwrap.dedent("\n".join(lines))
    text = _A_PREFIX.sub("", text.strip(), count=1)
    return _A_MARKER.sub("", text.strip(), count=1).strip()


def faqs_from_front_matter(value: object) -> tuple[tuple[Faq, ...], str]:
    """Pairs from a front-matter ``faqs:`` list of ``{q, a}`` (or question/answer) mappings,
    and what was wrong with it ("" when nothing)."""
    if not isinstance(value, list):
        return (), "is not a list of questions and answers; ignored"
    found: list[Faq] = []
    skipped = 0
    for item in value:
        if not isinstance(item, dict):
            skipped += 1
            continue
        question = item.get("q", item.get("question"))
        answer = item.get("a", item.get("answer", ""))
        if not isinstance(question, (str, int, float)) or isinstance(question, bool) or not str(question).strip():
            skipped += 1
            continue
        answer_text = str(answer) if isinstance(answer, (str, int, float)) and not isinstance(answer, bool) else ""
        found.append(Faq(_clean_question(str(question)), _clean_answer(answer_text.split("\n"))))
    trouble = f"has {skipped} item{'s' if skipped > 1 else ''} without a question; left out" if skipped else ""
    return tuple(found), trouble
