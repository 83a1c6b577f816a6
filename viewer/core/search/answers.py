"""How a query is read before anything is ranked: every name it gives resolved to a medicine
(generic, brand, class) or kept as a word that names none; the products it names, and what they
have in common (one ingredient in two products, two medicines of one class). Nothing here is
guessed: ingredients come from titles, brand pages and drugs.yaml, classes from drugs.yaml."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core import words
from viewer.core.pages.text import listed
from viewer.core.search.query import not_a_name, products
from viewer.core.search.vocabulary import Concept, DrugVocabulary
from viewer.core.words import QT_TRANSLATE_NOOP

NUMBER_WORDS = {2: QT_TRANSLATE_NOOP("Answers", "Two"), 3: QT_TRANSLATE_NOOP("Answers", "Three"),
                4: QT_TRANSLATE_NOOP("Answers", "Four"), 5: QT_TRANSLATE_NOOP("Answers", "Five")}
_AND = QT_TRANSLATE_NOOP("Answers", " and ")  # before the last of a list of names


def _said(text: str) -> str:
    return words.translate("Answers", text)


@dataclass(frozen=True)
class Unit:
    """One name of the query (a word, or the words of a name such as "ethinyl estradiol")."""

    term: str
    concept: Concept | None


@dataclass(frozen=True)
class Duplicate:
    """An ingredient two products share, or a class two medicines belong to."""

    what: str  # "paracetamol", or the class ("NSAID")
    between: tuple[str, ...]  # the products (or medicines) named, as the user or pages write them
    kind: str  # "ingredient" or "class"

    @property
    def sentence(self) -> str:
        between = [name.lower() for name in self.between] if self.kind == "class" else list(self.between)
        names = listed(between, _said(_AND))
        if self.kind == "class":
            count = _said(NUMBER_WORDS[len(self.between)]) if len(self.between) in NUMBER_WORDS else str(len(self.between))
            return words.translate("Answers", "{0} {1}s: {2}.").format(count, self.what, names)
        if len(self.between) == 2:
            return words.translate("Answers", "Both contain {0}: {1}.").format(self.what, names)
        return words.translate("Answers", "All {0} contain {1}: {2}.").format(len(self.between), self.what, names)

    @property
    def line(self) -> str:
        """For scripts: ``duplicate: WHAT: A; B``."""
        return f"duplicate: {self.what}: {'; '.join(self.between)}"


@dataclass(frozen=True)
class Reading:
    """A query read: its names, the medicines it names (query order, each once), the words that
    name nothing (searched in the text; unknown when no page holds them either) and duplicates."""

    units: tuple[Unit, ...] = ()
    medicines: tuple[str, ...] = ()
    leftover: tuple[str, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    products: int = 0  # how many products the query lists
    read_as: tuple[tuple[str, str], ...] = ()  # (a word taken for a typo, the medicine it was read as)

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(unit.term for unit in self.units)

    @property
    def concepts(self) -> tuple[Concept | None, ...]:
        return tuple(unit.concept for unit in self.units)


def read_query(query: str, vocabulary: DrugVocabulary, max_terms: int) -> Reading:
    """Names resolved, prescription words (doses, forms, timings) set aside once a medicine is named."""
    named = products(query)
    per_product: list[list[Unit]] = []
    for product in named:
        units = [Unit(term, concept) for name in product.names for term, concept in vocabulary.segment(name)]
        per_product.append(units)
    everything = [unit for units in per_product for unit in units][:max_terms]
    names_medicine = any(u.concept is not None and u.concept.names_medicine for u in everything)
    if names_medicine:  # "40mg once daily" beside a medicine says how it is taken, not what
        everything = [u for u in everything if u.concept is not None or not not_a_name(u.term)]
    medicines = tuple(dict.fromkeys(g for u in everything if u.concept and u.concept.names_medicine
                                    for g in sorted(u.concept.generics)))
    leftover = tuple(u.term for u in everything if u.concept is None and len(u.term) >= 3) if names_medicine else ()
    shown = [(product.text, units) for product, units in zip(named, per_product, strict=True)]
    read_as = tuple((u.term, ", ".join(vocabulary.shown(g) for g in sorted(u.concept.generics))) for u in everything
                    if u.concept is not None and u.concept.how == "typo" and u.concept.names_medicine)
    naming = sum(1 for u in everything if u.concept is not None and u.concept.names_medicine)
    # One name of one medicine shares nothing (two names, or one product of two, may).
    shared = duplicates(shown, vocabulary) if naming > 1 or len(medicines) > 1 else ()
    return Reading(tuple(everything), medicines, leftover, shared, len(named), read_as)


def duplicates(named: Sequence[tuple[str, Sequence[Unit]]], vocabulary: DrugVocabulary) -> tuple[Duplicate, ...]:
    """Ingredients shared by two products named, then classes shared by two medicines named."""
    if len(named) > 1:  # a list: each line (or item between commas) is one product
        products_named = [(" + ".join(_shown(u, vocabulary) for u in units if u.concept), _generics(units))
                          for _, units in named]
    else:  # one line of names: each name is one product ("combiflam crocin")
        products_named = [(_shown(unit, vocabulary), _generics([unit])) for _, units in named for unit in units]
    products_named = [(text, generics) for text, generics in products_named if generics]
    found: list[Duplicate] = []
    for generic in dict.fromkeys(g for _, generics in products_named for g in generics):
        holding = list(dict.fromkeys(text for text, generics in products_named if generic in generics))
        if len(holding) > 1:
            found.append(Duplicate(vocabulary.shown(generic).lower(), tuple(holding), "ingredient"))
    medicines = list(dict.fromkeys(g for _, generics in products_named for g in generics))
    reported: list[frozenset[str]] = []
    for drug_class in dict.fromkeys(vocabulary.primary_class.get(g, "") for g in medicines):
        members = frozenset(g for g in medicines if vocabulary.primary_class.get(g) == drug_class)
        if drug_class and len(members) > 1 and members not in reported:
            reported.append(members)
            found.append(Duplicate(drug_class, tuple(vocabulary.shown(g) for g in medicines if g in members), "class"))
    return tuple(found)


def _generics(units: Sequence[Unit]) -> frozenset[str]:
    return frozenset(g for u in units if u.concept is not None and u.concept.names_medicine for g in u.concept.generics)


def _shown(unit: Unit, vocabulary: DrugVocabulary) -> str:
    return vocabulary.shown(unit.term)


def read_as_line(read_as: Sequence[tuple[str, str]]) -> str:
    """What a misspelt name was taken for, so a wrong guess is seen: 'Read "sertralin" as Sertraline.'"""
    taken = "; ".join(words.translate("Answers", "“{0}” as {1}").format(word, name) for word, name in read_as)
    return words.translate("Answers", "Read {0}.").format(taken)


def not_known_line(names: Sequence[str], below: str = "check") -> str:
    """The sentence for names the reference does not know (never silently dropped), saying that
    what is shown ``below`` ("check", "list" or nothing) leaves them out."""
    one = len(names) == 1
    left_out = {
        "check": words.translate("Answers", "The check below leaves it out.") if one
        else words.translate("Answers", "The check below leaves them out."),
        "list": words.translate("Answers", "The results below leave it out.") if one
        else words.translate("Answers", "The results below leave them out."),
    }.get(below, "")
    known = words.translate("Answers", "Not in this reference: {0}.").format(", ".join(names))
    return f"{known} {left_out}" if left_out else known
