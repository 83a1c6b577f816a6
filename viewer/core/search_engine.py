"""Drug-aware ranking: terms resolved to drugs (generic, brand, class; prefix or typo), then
entries ordered exact combination first, then entries that contain the drugs."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations, repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.index import FullTextIndex
from viewer.core.model import DrugInfo, Listing
from viewer.core.safety import severity_rank
from viewer.core.title_index import TitleIndex, fold, query_terms
from viewer.core.vocabulary import PREFIX_MIN_LENGTH, Concept, DrugVocabulary

MAX_CHECKED = 10  # medicines a pair check covers (45 pairs); a pasted list of hundreds is cut here
MAX_QUERY_TERMS = 40  # words of a query that are matched; the rest are ignored
MAX_QUERY_CHARS = 2000
MAX_TEXT_HITS = 50  # full-text results listed for one query
PAIR_ROWS = 3  # entries shown for one pair (strengths of the same combination), best first
CLEAR_MATCH = 0.7  # a first result at least this good, and better than the second, is the one meant
_LIST_SEPARATORS = re.compile(r"[,+&/;]|\band\b", re.IGNORECASE)
MISSING_PAIR = "No entry in this reference. A missing entry does not mean the combination is safe."
NOT_IN_REFERENCE = ("{name} is not in this reference: no combination with it can be checked here. "
                    "A missing entry does not mean the combination is safe.")
NO_RESULT = "No entry for '{query}' in this reference. A missing entry does not mean the combination is safe."


@dataclass(frozen=True)
class Hit:
    """One ranked result. ``position`` indexes the engine's listings (None for a missing pair)."""

    position: int | None
    kind: str  # "combination", "fulltext" or "check"
    score: float
    title: str
    path: str | None = None
    snippet: str = ""
    section: str = ""  # for full-text hits: the section key that holds the match
    severity: str = ""  # the entry's own stated severity, if any
    warning: str = ""  # the entry's own warning line, if any


def listing_hit(listings: Sequence[Listing], position: int, kind: str, score: float, snippet: str = "") -> Hit:
    """The Hit for one listing (title matches and found pairs); for a pair-check row the
    snippet says how the entry answers the pair."""
    item = listings[position]
    return Hit(position, kind, score, item.display_title, item.path, snippet, severity=item.severity, warning=item.warning)


@dataclass(frozen=True)
class Results:
    """The answer to a query: title matches (as listing positions with scores, best first),
    then full-text hits, and for three or more drugs the pair check.

    Title matches stay plain numbers until someone asks for ``hits``: a one-letter query can
    match thousands of pages, and the window only needs their positions."""

    positions: tuple[int, ...] = ()
    scores: tuple[float, ...] = ()
    text_hits: tuple[Hit, ...] = ()
    check: tuple[Hit, ...] = ()
    drugs: tuple[str, ...] = ()  # the generics the query resolved to, in query order
    fulltext_terms: tuple[str, ...] = ()  # terms that are not drug names (searched in the text)
    text_wanted: int = 0  # full-text hits still to be looked for (the window asks off its thread)
    text_terms: tuple[str, ...] = ()  # the query's words, parsed once
    text_failed: bool = False  # the full-text index could not answer (damaged): no text result means nothing
    text_capped: bool = False  # full-text hits stopped at their limit: more pages hold the words
    medicines_named: int = 0  # how many medicines the query lists; only the first MAX_CHECKED are checked
    listings: Sequence[Listing] = field(default=(), repr=False, compare=False)

    is_everything: bool = False  # every listing, in order (an empty query)

    @classmethod
    def everything(cls, listings: Sequence[Listing], limit: int | None = None) -> Results:
        """An empty query: every listing, in order."""
        positions = tuple(range(len(listings)))[:limit]
        return cls(positions, (1.0,) * len(positions), listings=listings, is_everything=limit is None)

    def title_hit(self, row: int) -> Hit:
        """The title match on one row, made into a Hit."""
        return listing_hit(self.listings, self.positions[row], "combination", self.scores[row])

    @property
    def hits(self) -> tuple[Hit, ...]:
        """Every result as a Hit: title matches first, then full-text ones."""
        return tuple(self.title_hit(row) for row in range(len(self.positions))) + self.text_hits

    def __len__(self) -> int:
        return len(self.positions) + len(self.text_hits)


def checking_line(results: Results) -> str:
    """The heading of a pair check; says so when the list was longer than what is checked."""
    names = ", ".join(d.capitalize() for d in results.drugs)
    if results.medicines_named > len(results.drugs):
        return (f"Checking the first {len(results.drugs)} medicines in pairs (you listed {results.medicines_named}"
                f"{' or more' if results.medicines_named >= MAX_QUERY_TERMS else ''}): {names}")
    return f"Checking {len(results.drugs)} medicines in pairs: {names}"


class SearchEngine:
    """One ranking for the window and the command line. ``fulltext`` is optional (an index)."""

    def __init__(self, listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo] | None = None) -> None:
        self.listings = list(listings)
        self.titles = TitleIndex(self.listings)
        self.vocabulary = DrugVocabulary(self.listings, dict(dictionary or {}))
        self._drugs = [frozenset(fold(d) for d in item.drugs) for item in self.listings]
        self._postings: dict[str, set[int]] = defaultdict(set)
        for position, drugs in enumerate(self._drugs):
            for drug in drugs:
                self._postings[drug].add(position)
        self._by_drugs: dict[frozenset[str], list[int]] = defaultdict(list)
        for position, drugs in enumerate(self._drugs):
            self._by_drugs[drugs].append(position)
        self._paths = {item.path: p for p, item in enumerate(self.listings)}
        self.fulltext: FullTextIndex | None = None  # set when the index is ready

    def search(self, query: str, limit: int | None = None, fulltext: bool = True) -> Results:
        """Title and drug matches, the pair check, and (unless ``fulltext`` is False, for the
        window, which asks for them off its thread with ``with_text``) the full-text hits."""
        query = query[:MAX_QUERY_CHARS]
        terms = query_terms(query)[:MAX_QUERY_TERMS]
        if not terms:
            return Results.everything(self.listings, limit)
        concepts = [self.vocabulary.resolve(t) if len(t) >= 2 else None for t in terms]
        ranked = self._rank_titles(terms, concepts)
        if limit:
            ranked = ranked[:limit]
        named = self._listed_drugs(query, terms, concepts)
        drugs = named[:MAX_CHECKED]
        unresolved = tuple(t for t, c in zip(terms, concepts, strict=True) if c is None and len(t) >= 3)
        check = self.pair_check(drugs) if len(drugs) >= 3 else ()
        room = (limit - len(ranked)) if limit else MAX_TEXT_HITS
        results = Results(
            tuple(p for p, _ in ranked), tuple(s for _, s in ranked), (), check, drugs, unresolved,
            medicines_named=len(named), listings=self.listings,
            text_wanted=room if self.fulltext is not None and (unresolved or not ranked) and room > 0 else 0,
            text_terms=terms,
        )
        return self.with_text(results) if fulltext else results

    def with_text(self, results: Results) -> Results:
        """``results`` with their full-text hits (safe to call from another thread)."""
        if not results.text_wanted or self.fulltext is None:
            return replace(results, text_wanted=0)
        seen = set(results.positions)
        text_hits: list[Hit] = []
        try:
            found = self.fulltext.search(results.text_terms, limit=results.text_wanted)
            text_failed = False
        except sqlite3.Error:
            found, text_failed = [], True  # the index is damaged; it is rebuilt, and the user told
        for path, section, snippet, score in found:
            position = self._position_of(path)
            if position is not None and position not in seen:
                text_hits.append(Hit(position, "fulltext", score, self._title_of(path), path, snippet, section))
        capped = bool(text_hits) and len(text_hits) >= results.text_wanted
        return replace(results, text_hits=tuple(text_hits), text_failed=text_failed, text_capped=capped, text_wanted=0)

    def _listed_drugs(self, query: str, terms: Sequence[str], concepts: Sequence[Concept | None]) -> tuple[str, ...]:
        """The medicines a query lists, for the pair check: every word when each names one drug,
        or, in a list written with commas, '+', '&', '/' or 'and', every item, known or not
        (an unknown name must show up as a missing pair, never vanish)."""
        if all(c is not None and len(c.generics) == 1 for c in concepts):
            return tuple(dict.fromkeys(g for c in concepts if c for g in c.generics))
        items = [query_terms(item) for item in _LIST_SEPARATORS.split(query)]
        items = [item for item in items if item][:MAX_QUERY_TERMS]
        if len(items) < 3:  # without separators the whole query is one item
            return ()
        drugs = []
        for item in items:
            concept = self.vocabulary.resolve(item[0]) if len(item) == 1 else self.vocabulary.resolve(" ".join(item))
            if concept is None and len(item) > 1:
                concept = self.vocabulary.resolve(item[0])
            drugs.append(next(iter(concept.generics)) if concept and len(concept.generics) == 1 else " ".join(item))
        known = sum(1 for d in drugs if d in self.vocabulary.generics)
        return tuple(dict.fromkeys(drugs)) if known >= 2 else ()

    def pair_check(self, drugs: Sequence[str]) -> tuple[Hit, ...]:
        """The entry for all the drugs together when there is one; then every pair among them,
        those with an entry of their own first, most serious first (as each page states it), then
        pairs found only inside a bigger entry, then pairs with no entry; last, one sentence for
        each medicine that is in no entry at all (no pair with it can be checked here)."""
        rows = [
            listing_hit(self.listings, p, "check", 1.0, f"All {len(drugs)} together")
            for p in self._by_drugs.get(frozenset(drugs), [])[:PAIR_ROWS]
        ]
        absent = [d for d in drugs if not self._postings.get(d)]
        pairs: list[Hit] = []
        for a, b in combinations(drugs, 2):
            if a in absent or b in absent:
                continue
            found = self._by_drugs.get(frozenset({a, b}), [])
            if found:
                pairs.extend(listing_hit(self.listings, p, "check", 1.0) for p in found[:PAIR_ROWS])
                continue
            pair = f"{a.title()} + {b.title()}"
            covering = self._postings.get(a, set()) & self._postings.get(b, set())
            if covering:
                best = min(covering, key=lambda p: (len(self._drugs[p]), p))
                pairs.append(listing_hit(self.listings, best, "check", 0.5, f"{pair}: no entry for this pair alone; both are in"))
            else:
                pairs.append(Hit(None, "check", 0.0, pair, None, MISSING_PAIR))
        pairs.sort(key=lambda hit: (-hit.score, severity_rank(hit.severity)))  # stable: query order within a tier
        rows += pairs
        rows += [Hit(None, "check", 0.0, d.title(), None, NOT_IN_REFERENCE.format(name=d.title())) for d in absent]
        return tuple(rows)

    def _rank_titles(self, terms: Sequence[str], concepts: Sequence[Concept | None]) -> list[tuple[int, float]]:
        """(position, score) best first; equal scores keep the library's (alphabetical) order."""
        if all(len(t) < PREFIX_MIN_LENGTH for t in terms) and not any(concepts):
            return [(p, 0.5) for p in self.titles.filter(terms)]
        candidates: set[int] | None = None
        for term, concept in zip(terms, concepts, strict=True):
            if concept is None:  # not a drug: any word of the title may start with it
                found = set(self.titles.filter([term]))
            else:  # titles name their drugs, so the drugs' postings hold every title match
                found = set()
                for generic in concept.generics:
                    found |= self._postings.get(generic, set())
            candidates = found if candidates is None else candidates & found
            if not candidates:
                return []
        return self._ranked(candidates or set(), concepts)

    def _ranked(self, candidates: set[int], concepts: Sequence[Concept | None]) -> list[tuple[int, float]]:
        """1.0 for exactly the drugs asked for; less for extra drugs, typos and word matches.

        Every candidate holds a drug of each concept (it came from their postings), so the
        penalties are the query's; only the count of drugs not asked for varies by title."""
        penalty = 0.0
        asked: set[str] = set()
        for concept in concepts:
            if concept is None:
                penalty += 0.05  # matched a title word, not a drug
                continue
            asked |= concept.generics
            if not concept.certain:
                penalty += 0.1
            if concept.how in ("class", "prefix") and len(concept.generics) > 1:
                penalty += 0.02
        by_extra: dict[int, list[int]] = defaultdict(list)
        drugs = self._drugs
        for position in candidates:
            by_extra[len(drugs[position] - asked)].append(position)
        by_score: dict[float, list[int]] = defaultdict(list)
        for extra, positions in by_extra.items():
            by_score[round(max(0.0, 0.7 + (0.3 if extra == 0 else 0.0) - 0.1 * extra - penalty), 3)] += positions
        ranked: list[tuple[int, float]] = []
        for score in sorted(by_score, reverse=True):
            ranked += zip(sorted(by_score[score]), repeat(score))
        return ranked

    def choose(self, query: str) -> tuple[Listing | None, list[Listing]]:
        """The one entry a name means, ranked as the search box ranks it (any order, case,
        typos, brands), or None with the candidates to choose from. Used to open an entry
        named on the command line and by the print command."""
        results = self.search(query)
        ranked = [self.listings[p] for p in results.positions]
        scores = results.scores
        if len(ranked) == 1:
            return ranked[0], ranked
        if ranked and scores[0] >= CLEAR_MATCH and scores[0] > scores[1]:
            return ranked[0], ranked
        return None, ranked

    def _position_of(self, path: str) -> int | None:
        return self._paths.get(path)

    def _title_of(self, path: str) -> str:
        position = self._position_of(path)
        return self.listings[position].display_title if position is not None else path
