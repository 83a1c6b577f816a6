"""A query as people write it: one name, a line of names, or a list pasted from a letter or a
prescription. It is cut into products (one a line, or between ';' and ','), each product into
the names it combines ('+', '&', '/', 'and'), and what is not a name (strengths, dose forms,
routes, frequencies, timings, anything in brackets) is set apart, never taken for a name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.pages.ingredients import STRENGTH
from viewer.core.pages.text import fold, query_terms

# Between products: a new line (a pasted list), ';' or ','; a bullet or a number opening a line.
_PRODUCTS = re.compile(r"[\n\r\u2028\u2029;,]+")
_BULLET = re.compile(r"^\s*(?:[-*•·‣▪◦]|\d{1,3}[.)])\s+")
# Between the names one product combines; '/' only between letters ("500 mg/5 ml" is a strength).
_NAMES = re.compile(r"\+|&|(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])|\band\b|\bwith\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
_SCHEDULE = re.compile(r"\b\d+\s*-\s*\d+\s*-\s*\d+(?:\s*-\s*\d+)?\b")  # "1-0-1": morning, noon, night
_DURATION = re.compile(r"\b(?:for|x)\s+\d+\s*(?:days?|weeks?|months?|d|wk)\b", re.IGNORECASE)
# Words of a prescription line that are never a medicine's name (folded).
NOT_NAMES = frozenset("""
    tab tabs tablet tablets cap caps capsule capsules inj injection injections syp syr syrup susp
    suspension sol solution drops drop cream gel ointment oint spray inhaler puff puffs patch patches
    sachet sachets lozenge liquid oral orally po iv im sc sl subcut topical rectal vaginal
    od bd bid tds tid qid qds hs prn sos stat mane nocte om on ac pc qd qhs qam qpm
    once twice thrice daily weekly monthly a an day days week weeks month months times time x
    every each morning noon evening night nightly bedtime at after before food foods meal meals
    breakfast lunch dinner empty stomach for take taking as needed required when directed by mouth
    dose doses the of to in up one two three four half
    mg mcg ug g kg ml l iu units unit mmol meq
""".split())


@dataclass(frozen=True)
class Product:
    """One thing named: its text as written (cleaned), and the names it combines, each as words."""

    text: str
    names: tuple[tuple[str, ...], ...]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(word for name in self.names for word in name)


def products(query: str) -> tuple[Product, ...]:
    """The products a query names, in order; each line of a pasted list is one."""
    found = []
    for line in _PRODUCTS.split(query):
        text = _clean(_BULLET.sub("", line))
        names = tuple(words for part in _NAMES.split(text) if (words := query_terms(part)))
        if names:
            found.append(Product(" ".join(text.split()), names))
    return tuple(found)


def _clean(text: str) -> str:
    """The text without bracketed asides, strengths, schedules and durations."""
    previous = None
    while previous != text:  # nested brackets, innermost first
        previous, text = text, _BRACKETED.sub(" ", text)
    text = _SCHEDULE.sub(" ", text)
    text = _DURATION.sub(" ", text)
    return STRENGTH.sub(" ", text)


def not_a_name(word: str) -> bool:
    """A word that names no medicine: a number, a dose form, a route, a frequency or a timing."""
    word = fold(word)
    return word in NOT_NAMES or not any(ch.isalpha() for ch in word)
