"""Drug-aware ranking: terms resolved to drugs (generic, brand, class; prefix or typo), then
entries ordered exact combination first, then entries that contain the drugs."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import combinations, repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.core.search.index import FullTextIndex
from viewer.core.pages.drugs import with_fallback
from viewer.core.pages.model import Brand, DrugInfo, Library, Listing
from viewer.core.pages.safety import severity_rank
from viewer.core.pages.text import fold, query_terms
from viewer.core.search.answers import Reading, read_query
from viewer.core.search.results import (
    MAX_CHECKED,
    MAX_QUERY_TERMS,
    MISSING_PAIR,
    NO_RESULT,
    NOT_IN_REFERENCE,
    Hit,
    Results,
    checking_line,
    listing_hit,
    missing_pair,
    no_result,
    not_in_reference,
)
from viewer.core.search.title_index import TitleIndex
from viewer.core.search.vocabulary import PREFIX_MIN_LENGTH, Concept, DrugVocabulary

__all__ = ["MAX_CHECKED", "MAX_QUERY_TERMS", "MISSING_PAIR", "NOT_IN_REFERENCE", "NO_RESULT", "Hit", "Results",
           "SearchEngine", "checking_line", "listing_hit", "missing_pair", "no_result", "not_in_reference"]

MAX_QUERY_CHARS = 2000
MAX_TEXT_HITS = 50  # full-text results listed for one query
PAIR_ROWS = 3  # entries shown for one pair (strengths of the same combination), best first
CLEAR_MATCH = 0.7  # a first result at least this good, and better than the second, is the one meant
STRENGTH_VARIANT = 0.02  # below the entry of the same medicines whose title names no strength
NEAR_PER_NAME = 3  # entries offered for a name the reference does not know


def drugs_key(drugs: Iterable[str]) -> str:
    """One set of folded drug names as a key: the same for any order or repeat."""
    return "\0".join(sorted(set(drugs)))


class SearchEngine:
    """One ranking for the window and the command line. ``fulltext`` is optional (an index)."""

    def __init__(self, listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo] | None = None,
                 brands: Sequence[Brand] = ()) -> None:
        import rapidfuzz  # noqa: F401 - the typo matcher (text.closest), loaded with the engine, off the window's thread

        self.listings: Sequence[Listing] = list(listings)  # packed when kept (search/kept.py)
        self.titles = TitleIndex(self.listings)
        self.vocabulary = DrugVocabulary(self.listings, dict(dictionary or {}), brands)
        self._drugs: Sequence[frozenset[str]] = [frozenset(fold(d) for d in item.drugs) for item in self.listings]
        postings: dict[str, set[int]] = defaultdict(set)
        by_drugs: dict[str, list[int]] = defaultdict(list)  # drugs_key: strings unpickle quicker than sets
        for position, drugs in enumerate(self._drugs):
            for drug in drugs:
                postings[drug].add(position)
            by_drugs[drugs_key(drugs)].append(position)
        # Looked up, never changed (packed when kept: search/kept.py).
        self._postings: Mapping[str, set[int]] = dict(postings)
        self._by_drugs: Mapping[str, list[int]] = dict(by_drugs)
        self._paths: Mapping[str, int] = {item.path: p for p, item in enumerate(self.listings)}
        self._folded_titles: Mapping[str, int] = {" ".join(query_terms(item.title)): p
                                                  for p, item in reversed(list(enumerate(self.listings)))}
        self.fulltext: FullTextIndex | None = None  # set when the index is ready

    @classmethod
    def for_library(cls, library: Library) -> SearchEngine:
        """The engine for a library: its listings, its brand pages, its drugs.yaml over the bundled one."""
        return cls(library.entries, with_fallback(library.drugs), library.brands)

    def search(self, query: str, limit: int | None = None, fulltext: bool = True) -> Results:
        """Title and drug matches, the pair check, and (unless ``fulltext`` is False, for the
        window, which asks for them off its thread with ``with_text``) the full-text hits."""
        query = query[:MAX_QUERY_CHARS]
        reading = read_query(query, self.vocabulary, MAX_QUERY_TERMS)
        if not reading.units:
            return Results.everything(self.listings, limit)
        unplaced = tuple(word for word in reading.leftover if not self.titles.filter([word]))
        exact = self._exact(query, reading)
        ranked = self._rank_titles(reading.terms, reading.concepts, exact)
        if limit:
            ranked = ranked[:limit]
        drugs = reading.medicines[:MAX_CHECKED]
        check = self.pair_check(drugs) if len(drugs) >= 3 or (len(drugs) == 2 and not self._holding(drugs)) else ()
        room = (limit - len(ranked)) if limit else MAX_TEXT_HITS
        text_terms = tuple(w for u in reading.units for w in u.term.split())
        wants_text = bool(unplaced) or not ranked or not drugs
        results = Results(
            tuple(p for p, _ in ranked), tuple(s for _, s in ranked), (), check, drugs, unplaced,
            medicines_named=len(reading.medicines), listings=self.listings,
            text_wanted=room if self.fulltext is not None and wants_text and room > 0 else 0,
            text_terms=text_terms, duplicates=reading.duplicates, exact=exact, units=reading.units,
            read_as=reading.read_as if len(reading.medicines) > 1 else (),
        )
        if self.fulltext is None and unplaced:  # nothing else could hold these words: unknown names
            results = self._with_unknown(results, unplaced)
        return self.with_text(results) if fulltext else results

    def with_text(self, results: Results) -> Results:
        """``results`` with their full-text hits, and the words no page holds named as unknown
        (safe to call from another thread)."""
        if not results.text_wanted or self.fulltext is None:
            return replace(results, text_wanted=0)
        seen = set(results.positions)
        text_hits: list[Hit] = []
        try:
            found = self.fulltext.search(results.text_terms, limit=results.text_wanted)
            absent = tuple(w for w in results.fulltext_terms if not self.fulltext.holds(w)) if results.drugs else ()
            text_failed = False
        except sqlite3.Error:
            found, absent, text_failed = [], (), True  # the index is damaged; it is rebuilt, and the user told
        for path, section, snippet, score in found:
            position = self._position_of(path)
            if position is not None and position not in seen:
                text_hits.append(Hit(position, "fulltext", score, self._title_of(path), path, snippet, section))
        capped = bool(text_hits) and len(text_hits) >= results.text_wanted
        in_text = tuple(w for w in results.fulltext_terms if w not in absent) if results.drugs and not text_failed else ()
        answered = replace(results, text_hits=tuple(text_hits), text_failed=text_failed, text_capped=capped, text_wanted=0,
                           text_only=in_text)
        return self._with_unknown(answered, absent) if absent else answered

    def _with_unknown(self, results: Results, unknown: tuple[str, ...]) -> Results:
        """The results with ``unknown`` said, and for each, the entries a known name a letter or
        two away leads to (with the medicines the query named), with their severity."""
        suggestions: list[Hit] = []
        for word in unknown:
            for name in self.vocabulary.near(word)[:NEAR_PER_NAME]:
                concept = self.vocabulary.resolve(name)
                if concept is None:
                    continue
                wanted = set(concept.generics) | set(results.drugs)
                held = [p for p in self._postings.get(next(iter(concept.generics)), ()) if wanted <= self._drugs[p]]
                if held:
                    best = min(held, key=lambda p: (len(self._drugs[p]), p))
                    suggestions.append(listing_hit(self.listings, best, "suggestion", 0.5,
                                                   f"{word} → {self.vocabulary.shown(name)}"))
        known = [u for u in results.units if u.term not in unknown]  # the rest is ranked without them
        ranked = self._rank_titles([u.term for u in known], [u.concept for u in known], results.exact)
        return replace(results, positions=tuple(p for p, _ in ranked), scores=tuple(s for _, s in ranked),
                       unknown=results.unknown + unknown, suggestions=results.suggestions + tuple(suggestions))

    def _holding(self, drugs: Sequence[str]) -> bool:
        """Whether some entry holds every one of ``drugs``."""
        postings = [self._postings.get(d, set()) for d in drugs]
        return bool(set.intersection(*postings)) if postings else False

    def _exact(self, query: str, reading: Reading) -> int | None:
        """The entry a query names exactly: its title as typed, or (with no title typed) the one
        entry of exactly its medicines whose title names no strength."""
        titled = self._folded_titles.get(" ".join(query_terms(query)))
        if titled is not None:
            return titled
        if not reading.medicines or reading.leftover:
            return None
        plain = [p for p in self._by_drugs.get(drugs_key(reading.medicines), []) if not any(ch.isdigit() for ch in self.listings[p].title)]
        return plain[0] if len(plain) == 1 else None

    def pair_check(self, drugs: Sequence[str]) -> tuple[Hit, ...]:
        """The entry for all the drugs together when there is one; then every pair among them,
        those with an entry of their own first, most serious first (as each page states it), then
        pairs found only inside a bigger entry, then pairs with no entry; last, one sentence for
        each medicine that is in no entry at all (no pair with it can be checked here)."""
        rows = [
            listing_hit(self.listings, p, "check", 1.0, f"All {len(drugs)} together")
            for p in self._by_drugs.get(drugs_key(drugs), [])[:PAIR_ROWS]
        ]
        absent = [d for d in drugs if not self._postings.get(d)]
        pairs: list[Hit] = []
        for a, b in combinations(drugs, 2):
            if a in absent or b in absent:
                continue
            found = self._by_drugs.get(drugs_key((a, b)), [])
            if found:
                pairs.extend(listing_hit(self.listings, p, "check", 1.0) for p in found[:PAIR_ROWS])
                continue
            pair = f"{self.vocabulary.shown(a)} + {self.vocabulary.shown(b)}"
            covering = self._postings.get(a, set()) & self._postings.get(b, set())
            if covering:
                best = min(covering, key=lambda p: (len(self._drugs[p]), p))
                pairs.append(listing_hit(self.listings, best, "check", 0.5, f"{pair}: no entry for this pair alone; both are in"))
            else:
                pairs.append(Hit(None, "check", 0.0, pair, None, missing_pair()))
        pairs.sort(key=lambda hit: (-hit.score, severity_rank(hit.severity)))  # stable: query order within a tier
        rows += pairs
        rows += [Hit(None, "check", 0.0, self.vocabulary.shown(d), None, not_in_reference(self.vocabulary.shown(d)))
                 for d in absent]
        return tuple(rows)

    def _rank_titles(self, terms: Sequence[str], concepts: Sequence[Concept | None],
                     exact: int | None = None) -> list[tuple[int, float]]:
        """(position, score) best first; equal scores keep the library's (alphabetical) order,
        but the entry named exactly comes first, and brand pages' compositions before the rest."""
        ranked = self._ranked_titles(terms, concepts)
        first = {p for c in concepts if c is not None for p in (self._paths.get(page) for page in c.pages) if p is not None}
        if exact is not None:
            first.add(exact)
        if not first:
            return ranked
        lead = sorted((p for p, _ in ranked if p in first), key=lambda p: p != exact)
        return [(p, 1.0) for p in lead] + [(p, min(s, 1.0 - STRENGTH_VARIANT)) for p, s in ranked if p not in first]

    def _ranked_titles(self, terms: Sequence[str], concepts: Sequence[Concept | None]) -> list[tuple[int, float]]:
        if not terms:
            return []
        if all(len(t) < PREFIX_MIN_LENGTH for t in terms) and not any(concepts):
            return [(p, 0.5) for p in self.titles.filter(terms)]
        candidates: set[int] | None = None
        for term, concept in zip(terms, concepts, strict=True):
            if concept is None:  # not a drug: any word of the title may start with it
                found = set(self.titles.filter(term.split()))
            elif concept.how == "brand":  # a combination brand: entries of all it combines
                found = set.intersection(*(self._postings.get(g, set()) for g in concept.generics))
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
