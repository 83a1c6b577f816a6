"""Text as matching sees it: case, accents and invisible characters folded away, a query's words;
and names listed in a sentence."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_NON_WORD = re.compile(r"[^\w]+")
_JOINERS = frozenset({"and", "with"})


def fold(text: str) -> str:
    """Case, accents and invisible characters removed: 'Sertralíne' -> 'sertraline',
    'Sertra\u200bline' -> 'sertraline'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")


def invisible_characters(text: str) -> list[str]:
    """The zero-width and other format characters in ``text``, as U+ codes."""
    if text.isascii():
        return []
    return sorted({f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) == "Cf"})


def query_terms(query: str) -> tuple[str, ...]:
    """The words of a query: split on anything not a letter or digit (so +, &, /, commas),
    with 'and' and 'with' between drug names dropped."""
    return tuple(t for t in _NON_WORD.split(fold(query)) if t and t not in _JOINERS)


def closest(word: str, choices: Sequence[str], cutoff: float, limit: int) -> list[tuple[str, float, int]]:
    """The choices most like ``word`` by rapidfuzz's ratio (0-100, at least ``cutoff``), best
    first, with their scores and places. rapidfuzz loads on the first call (a search read from
    the kept file never loads it unless a word needs it)."""
    from rapidfuzz import fuzz, process

    return process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)


def listed(names: Sequence[str], last: str = " and ") -> str:
    """Names as a sentence lists them: "a", "a and b", "a, b and c" (``last`` before the last one)."""
    return f"{', '.join(names[:-1])}{last}{names[-1]}" if len(names) > 1 else "".join(names)
