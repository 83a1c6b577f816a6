"""What a query's words mean: generic names, brands and classes, by prefix or typo."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from viewer.core.model import DrugInfo, Listing
from viewer.core.title_index import fold

FUZZY_CUTOFF = 80.0  # rapidfuzz ratio (0-100) for a typo to count as a drug name
FUZZY_MIN_LENGTH = 4
PREFIX_MIN_LENGTH = 3


@dataclass(frozen=True)
class Concept:
    """What one query term means: the generic drugs it names, and how sure we are."""

    generics: frozenset[str]
    how: str  # "exact", "prefix", "brand", "class" or "typo"

    @property
    def certain(self) -> bool:
        return self.how != "typo"


class DrugVocabulary:
    """Generic names (from titles and drugs.yaml), brand names and classes, folded."""

    def __init__(self, listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo]) -> None:
        from rapidfuzz import fuzz, process  # here: loaded with the search engine, off the window's thread

        self._extract, self._ratio = process.extract, fuzz.ratio
        generics = {fold(d) for item in listings for d in item.drugs} | {fold(g) for g in dictionary}
        self.generics = frozenset(generics)
        self.brands: dict[str, str] = {}
        self.classes: dict[str, set[str]] = defaultdict(set)
        for generic, info in dictionary.items():
            for brand in info.brands:
                words = fold(brand).split()
                if not words:
                    continue
                for key in {fold(brand), words[0]}:
                    self.brands.setdefault(key, fold(generic))
            for drug_class in info.classes or ((info.drug_class,) if info.drug_class else ()):
                name = fold(drug_class)
                for key in {name, name + "s", *(w for w in name.split() if len(w) >= 4)}:
                    self.classes[key].add(fold(generic))
        self._names = sorted(self.generics | set(self.brands) | set(self.classes))
        self._cache: dict[str, Concept | None] = {}

    def _generics_of(self, name: str) -> set[str]:
        if name in self.generics:
            return {name}
        if name in self.brands:
            return {self.brands[name]}
        return set(self.classes.get(name, ()))

    def resolve(self, term: str) -> Concept | None:
        """The drugs a term names, or None for a word that is no drug, brand or class."""
        if term not in self._cache:
            self._cache[term] = self._resolve(term)
        return self._cache[term]

    def _resolve(self, term: str) -> Concept | None:
        if term in self.generics:
            return Concept(frozenset({term}), "exact")
        if term in self.brands:
            return Concept(frozenset({self.brands[term]}), "brand")
        if term in self.classes:
            return Concept(frozenset(self.classes[term]), "class")
        if len(term) >= PREFIX_MIN_LENGTH:
            found: set[str] = set()
            for name in self._names:
                if name.startswith(term):
                    found |= self._generics_of(name)
            if found:
                return Concept(frozenset(found), "prefix")
        if len(term) >= FUZZY_MIN_LENGTH and self._names:
            matches = self._extract(term, self._names, scorer=self._ratio, score_cutoff=FUZZY_CUTOFF, limit=3)
            if matches:
                best = matches[0][1]
                found = set()
                for name, score, _ in matches:
                    if score >= best - 2:
                        found |= self._generics_of(name)
                return Concept(frozenset(found), "typo")
        return None
