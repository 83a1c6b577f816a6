"""Matching a query against listings: drug names and title words, any order, any case."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from viewer.core.model import Listing

_SEPARATORS = re.compile(r"[\s+&/,;]+|\band\b|\bwith\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Case and accents removed: 'Sertralíne' -> 'sertraline'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def query_terms(query: str) -> tuple[str, ...]:
    """The words of a query, split on spaces, +, &, /, commas and 'and'."""
    return tuple(t for t in (fold(p) for p in _SEPARATORS.split(query)) if t)


def listing_words(listing: Listing) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+", fold(f"{listing.title} {' '.join(listing.drugs)}")) if w)


def matches(terms: Sequence[str], words: Sequence[str]) -> bool:
    """Every query term starts some word of the listing (so word order does not matter)."""
    return all(any(w.startswith(t) for w in words) for t in terms)


def same_drugs(terms: Iterable[str], listing: Listing) -> bool:
    """Whether the query names exactly the listing's drugs, in any order."""
    return sorted(terms) == sorted(fold(d) for d in listing.drugs)


def find_entry(query: str, listings: Sequence[Listing]) -> Listing | None:
    """The listing a name on the command line means: its exact drugs, else the only match."""
    terms = query_terms(query)
    if not terms:
        return None
    exact = [item for item in listings if same_drugs(terms, item)]
    if len(exact) == 1:
        return exact[0]
    found = [item for item in listings if matches(terms, listing_words(item))]
    return found[0] if len(found) == 1 else None


def nearest(query: str, listings: Sequence[Listing], limit: int = 5) -> list[Listing]:
    """Listings whose title or drugs look most like the query, for the no-result panel."""
    terms = query_terms(query)
    if not terms:
        return []
    scored: list[tuple[float, int, Listing]] = []
    for index, item in enumerate(listings):
        words = listing_words(item)
        score = sum(max((difflib.SequenceMatcher(None, t, w).ratio() for w in words), default=0.0) for t in terms)
        scored.append((score / len(terms), -index, item))
    scored.sort(reverse=True)
    return [item for score, _, item in scored[:limit] if score >= 0.5]
