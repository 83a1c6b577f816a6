"""What a query's words mean: generic names, brands and classes, by prefix or typo; names of
several words ("ethinyl estradiol", "vitamin b12") are one name wherever their words stand."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from viewer.core.pages.model import Brand, DrugInfo, Listing
from viewer.core.pages.text import closest, fold, query_terms

FUZZY_CUTOFF = 80.0  # rapidfuzz ratio (0-100) for a typo to count as a drug name
FUZZY_MIN_LENGTH = 4
PREFIX_MIN_LENGTH = 3
NEAR_CUTOFF = 60.0  # names offered for a word that names nothing ("did you mean")
MAX_NAME_WORDS = 6


def key_of(name: str) -> str:
    """A name's words as a query gives them ("Zerodol-P" -> "zerodol p", "2-Deoxy-D-Glucose" -> "2 deoxy d glucose")."""
    return " ".join(query_terms(name))


@dataclass(frozen=True)
class Concept:
    """What one query term means: the generic drugs it names, and how sure we are."""

    generics: frozenset[str]
    how: str  # "exact", "prefix", "brand", "class" or "typo"
    pages: frozenset[str] = frozenset()  # a site's brand page names the page of its composition

    @property
    def certain(self) -> bool:
        return self.how != "typo"

    @property
    def names_medicine(self) -> bool:
        """Whether the term names one product (a class, or a prefix of several names, does not)."""
        return self.how == "brand" or len(self.generics) == 1


class DrugVocabulary:
    """Generic names (from titles and drugs.yaml), brand names and classes, folded."""

    def __init__(self, listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo],
                 brands: Sequence[Brand] = ()) -> None:
        self.display: dict[str, str] = {}  # folded name -> as the pages or drugs.yaml write it
        self._exact: dict[str, str] = {}  # a generic's words as a query gives them -> the generic (folded)
        for item in listings:
            for drug in item.drugs:
                self._add_generic(drug)
        for generic, info in dictionary.items():
            if not info.ingredients:
                self._add_generic(generic)
        self.generics = frozenset(self._exact.values())
        self.brands: dict[str, frozenset[str]] = {}
        self.brand_pages: dict[str, frozenset[str]] = defaultdict(frozenset)
        self.classes: dict[str, set[str]] = defaultdict(set)
        self.primary_class: dict[str, str] = {}  # generic -> the first class drugs.yaml gives it
        for generic, info in dictionary.items():
            self._add_dictionary_entry(generic, info)
        by_path = {item.path: item for item in listings}
        for brand in brands:
            target = by_path.get(brand.target)
            if target is not None and target.drugs:
                self._add_brand(brand.name, frozenset(fold(d) for d in target.drugs), page=target.path)
        self._names = sorted(self._exact.keys() | set(self.brands) | set(self.classes))
        self.phrases = frozenset(name for name in self._names if " " in name)
        self._cache: dict[str, Concept | None] = {}

    def _add_generic(self, name: str) -> None:
        folded = self._named(name)
        self._exact.setdefault(key_of(name), folded)

    def _named(self, name: str) -> str:
        text = " ".join(name.split())
        folded = fold(text)
        self.display.setdefault(folded, text[:1].upper() + text[1:] if text.islower() else text)
        return folded

    def _add_dictionary_entry(self, generic: str, info: DrugInfo) -> None:
        if info.ingredients:  # a combination brand: its name leads to every ingredient
            self._add_brand(info.generic or generic, frozenset(fold(i) for i in info.ingredients))
            return
        for brand in info.brands:
            self._add_brand(brand, frozenset({fold(generic)}))
        classes = info.classes or ((info.drug_class,) if info.drug_class else ())
        for drug_class in classes:
            name = key_of(drug_class)
            self.display.setdefault(name, drug_class)
            for key in {name, name + "s", *(w for w in name.split() if len(w) >= 4)}:
                self.classes[key].add(fold(generic))
        if classes and not info.ingredients:
            self.primary_class.setdefault(fold(generic), classes[0])

    def _add_brand(self, brand: str, generics: frozenset[str], page: str = "") -> None:
        name = key_of(brand)
        if not name or not generics:
            return
        self.display.setdefault(name, " ".join(brand.split()))
        for key in (name, name.split()[0]):
            self.brands.setdefault(key, generics)
            if page and self.brands[key] == generics:
                self.brand_pages[key] = self.brand_pages[key] | {page}

    def _generics_of(self, name: str) -> set[str]:
        if name in self._exact:
            return {self._exact[name]}
        if name in self.brands:
            return set(self.brands[name])
        return set(self.classes.get(name, ()))

    def resolve(self, term: str) -> Concept | None:
        """The drugs a term names, or None for a word that is no drug, brand or class."""
        if term not in self._cache:
            self._cache[term] = self._resolve(term)
        return self._cache[term]

    def _resolve(self, term: str) -> Concept | None:
        if term in self._exact:
            return Concept(frozenset({self._exact[term]}), "exact")
        if term in self.brands:
            return Concept(self.brands[term], "brand", self.brand_pages.get(term, frozenset()))
        if term in self.classes:
            return Concept(frozenset(self.classes[term]), "class")
        if " " in term:
            return None  # several words are one name only when they are the name
        if len(term) >= PREFIX_MIN_LENGTH:
            found: set[str] = set()
            names, at = self._names, bisect_left(self._names, term)  # sorted: the names a prefix starts are together
            while at < len(names) and names[at].startswith(term):
                found |= self._generics_of(names[at])
                at += 1
            if found:
                return Concept(frozenset(found), "prefix")
        if len(term) >= FUZZY_MIN_LENGTH and self._names:
            matches = closest(term, self._names, FUZZY_CUTOFF, 3)
            if matches:
                best = matches[0][1]
                found = set()
                for name, score, _ in matches:
                    if score >= best - 2:
                        found |= self._generics_of(name)
                return Concept(frozenset(found), "typo")
        return None

    def segment(self, words: Sequence[str]) -> list[tuple[str, Concept | None]]:
        """The words cut into names, the longest known name first at each place ("ethinyl
        estradiol etonogestrel" -> "ethinyl estradiol", "etonogestrel"); each with its meaning."""
        units: list[tuple[str, Concept | None]] = []
        start = 0
        while start < len(words):
            for length in range(min(MAX_NAME_WORDS, len(words) - start), 1, -1):
                phrase = " ".join(words[start : start + length])
                if phrase in self.phrases:
                    units.append((phrase, self.resolve(phrase)))
                    start += length
                    break
            else:
                word = words[start]
                units.append((word, self.resolve(word) if len(word) >= 2 else None))
                start += 1
        return units

    def near(self, word: str, limit: int = 3) -> list[str]:
        """Known names a word that names nothing may have meant (a letter or two away)."""
        if len(word) < PREFIX_MIN_LENGTH or not self._names:
            return []
        close = closest(word, sorted(self._exact.keys() | set(self.brands)), NEAR_CUTOFF, limit)
        return [name for name, _, _ in close]

    def shown(self, name: str) -> str:
        """A folded name as the pages write it ("ethinyl estradiol" -> "Ethinyl Estradiol")."""
        return self.display.get(name) or self.display.get(self._exact.get(name, "")) or name.title()
