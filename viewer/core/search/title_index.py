"""Matching a query against listings: drug names and title words, any order, any case."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Sequence

from viewer.core.pages.model import Listing
from viewer.core.pages.text import closest, fold, query_terms

_WORDS = re.compile(r"[^\w]+")

def listing_words(listing: Listing) -> tuple[str, ...]:
    return tuple(w for w in _WORDS.split(fold(f"{listing.title} {' '.join(listing.drugs)}")) if w)


class TitleIndex:
    """Listings prepared for matching as you type: each as one folded string of its words."""

    def __init__(self, listings: Sequence[Listing]) -> None:
        self.listings: Sequence[Listing] = list(listings)
        words = [listing_words(item) for item in self.listings]
        # " word word ": a term starts some word exactly when " " + term occurs in it.
        self._haystacks = [" " + " ".join(w) + " " for w in words]
        self._rows_of: dict[str, list[int]] = defaultdict(list)  # word -> positions of the titles with it
        # letter -> positions of the titles with a word starting with it: the first letter typed
        # is a look-up, not a scan of every title (built with the index, off the window's thread)
        self._first_letters: dict[str, list[int]] = defaultdict(list)
        for position, item in enumerate(words):
            for word in dict.fromkeys(item):
                self._rows_of[word].append(position)
            for letter in dict.fromkeys(word[0] for word in item):
                self._first_letters[letter].append(position)
        self._vocabulary = sorted(w for w in self._rows_of if not w.isdigit())

    def __len__(self) -> int:
        return len(self.listings)

    def filter(self, terms: Sequence[str], within: Sequence[int] | None = None) -> list[int]:
        """Positions of the listings every term starts a word of, in listing order.

        ``within`` narrows the search to earlier results: typing more letters, or another
        word, can only remove listings, never add them.
        """
        hay = self._haystacks
        rows: Sequence[int] | None = within
        for term in sorted(set(terms), key=len, reverse=True):  # longest first: fewest survivors
            if rows is None:
                rows = self._starting(term[0])  # only titles with a word that starts so
                if len(term) == 1:
                    continue
            needle = " " + term
            rows = [r for r in rows if needle in hay[r]]
        return list(range(len(hay)) if rows is None else rows)

    def _starting(self, letter: str) -> list[int]:
        """Positions of the listings with a word starting with ``letter``."""
        return self._first_letters.get(letter, [])

    def nearest(self, query: str, limit: int = 5) -> list[Listing]:
        """Listings whose words look most like the query's, for the no-result panel."""
        terms = query_terms(query)
        if not terms:
            return []
        close: dict[str, float] = {}
        for term in terms:
            for word, score, _ in closest(term, self._vocabulary, 60, 4):
                close[word] = max(close.get(word, 0.0), score / 100)
            close.update({w: 1.0 for w in self._vocabulary if w.startswith(term)} if len(term) > 2 else {})
        if not close:
            return []
        scores: dict[int, float] = defaultdict(float)
        for word, ratio in close.items():
            for position in self._rows_of.get(word, ()):
                scores[position] += ratio
        best = heapq.nsmallest(limit, ((-score, position) for position, score in scores.items()))
        return [self.listings[p] for _, p in best]
