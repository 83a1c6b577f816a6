"""Medicine names found by the first letters of any of their words, as typed on the kiosk's
on-screen keyboard: "para" finds Paracetamol, "b12" finds Vitamin B12, "ca carb" finds
Calcium Carbonate. Names whose first word is typed come first, each group in alphabetical order,
so the list a patient reads is predictable; a name typed whole comes before all others."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from viewer.core.pages.text import fold

KEY_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")  # the on-screen keys, with these two:
SPACE, DELETE = " ", "⌫"
TYPEABLE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
FIRST_SCREEN = 8  # suggestions the kiosk shows without scrolling, at the smallest screen it supports
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words a name is found by: folded (case and accents gone), split at anything else."""
    return WORD.findall(fold(text))


class TypeAhead:
    """An index of every prefix of every word of the names given."""

    def __init__(self, names: Iterable[str]) -> None:
        unique: dict[str, str] = {}
        for name in names:
            if found := words(name):
                unique.setdefault(" ".join(found), name)  # one suggestion a medicine, however spelt
        ordered = sorted(unique.items(), key=lambda item: (item[0], item[1]))
        self.names: list[str] = [name for _, name in ordered]
        self._words: list[list[str]] = [key.split() for key, _ in ordered]
        self._by_prefix: dict[str, set[int]] = {}
        for position, name_words in enumerate(self._words):
            for word in name_words:
                for end in range(1, len(word) + 1):
                    self._by_prefix.setdefault(word[:end], set()).add(position)

    def suggest(self, typed: str) -> list[str]:
        """The names every typed word starts a word of, best first; every name when nothing is typed."""
        tokens = words(typed)
        if not tokens:
            return list(self.names)
        return [self.names[p] for p in self._ranked(tokens)]

    def _ranked(self, tokens: Sequence[str]) -> list[int]:
        found = set(self._by_prefix.get(tokens[0], ()))
        for token in tokens[1:]:
            found &= self._by_prefix.get(token, set())
        if len(tokens) > 1:  # each typed word starts a word of its own
            found = {p for p in found if _each_its_own(tokens, self._words[p])}
        return sorted(found, key=lambda p: (self._words[p] != list(tokens), not self._words[p][0].startswith(tokens[0]), p))

    def keys_to_find(self, name: str, shown: int = FIRST_SCREEN) -> int | None:
        """The fewest keys (space included) that bring ``name`` among the first ``shown``
        suggestions; None if no typing does."""
        typed = self.typing_to_find(name, shown)
        return None if typed is None else len(typed)

    def typing_to_find(self, name: str, shown: int = FIRST_SCREEN) -> str | None:
        """The shortest start of one of its words, or of two, that brings ``name`` among the
        first ``shown`` suggestions."""
        name_words = words(name)
        target = next((p for p, w in enumerate(self._words) if w == name_words), None)
        if target is None:
            return None
        for typed in sorted(_typings(name_words), key=lambda t: len(" ".join(t))):  # the shortest first
            if target in self._ranked(typed)[:shown]:
                return " ".join(typed)
        return None


def _each_its_own(tokens: Sequence[str], name_words: list[str]) -> bool:
    free = list(name_words)
    for token in sorted(tokens, key=len, reverse=True):  # the longest first: it has the fewest words to start
        word = next((w for w in free if w.startswith(token)), None)
        if word is None:
            return False
        free.remove(word)
    return True


def _typings(name_words: list[str]) -> list[tuple[str, ...]]:
    """Every start of one word of a name, and of one word then another, typeable on the keys."""
    starts = [[w[:end] for end in range(1, len(w) + 1) if set(w[:end]) <= TYPEABLE] for w in name_words]
    single: list[tuple[str, ...]] = [(s,) for options in starts for s in options]
    double: list[tuple[str, ...]] = [(a, b) for i, first in enumerate(starts) for j, second in enumerate(starts) if i != j
              for a in first for b in second]
    return single + double
