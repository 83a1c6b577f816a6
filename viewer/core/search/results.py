"""What a query gives: ranked hits, the pair check, and what was understood of it (unknown
names, duplicate ingredients), with the sentences every channel shows them in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.core.pages.model import Listing
from viewer.core.pages.safety import NOT_SAFE, safety_sentence
from viewer.core.search.answers import Duplicate, Unit, not_known_line, read_as_line
from viewer.core.words import QT_TRANSLATE_NOOP

MAX_CHECKED = 10  # medicines a pair check covers (45 pairs); a pasted list of hundreds is cut here
MAX_QUERY_TERMS = 40  # words of a query that are matched; the rest are ignored
_NO_ENTRY = QT_TRANSLATE_NOOP("Safety", "No entry in this reference.")
_NO_ENTRY_FOR = QT_TRANSLATE_NOOP("Safety", "No entry for '{query}' in this reference.")
_NOT_HERE = QT_TRANSLATE_NOOP("Safety", "{name} is not in this reference: no combination with it can be checked here.")


def missing_pair() -> str:
    """What a pair without an entry says, in the reader's language."""
    return f"{safety_sentence(_NO_ENTRY)} {safety_sentence(NOT_SAFE)}"


def no_result(query: str) -> str:
    """What a search that found nothing says, in the reader's language."""
    return f"{safety_sentence(_NO_ENTRY_FOR).format(query=' '.join(query.split()))} {safety_sentence(NOT_SAFE)}"


def not_in_reference(name: str) -> str:
    """What a medicine the reference does not know says, in the reader's language."""
    return f"{safety_sentence(_NOT_HERE).format(name=name)} {safety_sentence(NOT_SAFE)}"


# The same in English, as the command line and the tests see them.
MISSING_PAIR = f"{_NO_ENTRY} {NOT_SAFE}"
NOT_IN_REFERENCE = f"{_NOT_HERE} {NOT_SAFE}"
TEXT_ONLY = "Not a medicine in this reference: {names}. Pages that mention it are listed as text matches."
NO_RESULT = f"{_NO_ENTRY_FOR} {NOT_SAFE}"


@dataclass(frozen=True)
class Hit:
    """One ranked result. ``position`` indexes the engine's listings (None for a missing pair)."""

    position: int | None
    kind: str  # "combination", "fulltext", "check" or "suggestion"
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
    then full-text hits, and for two or more medicines without an entry of them all, the pair
    check. ``unknown`` names what the reference does not know; ``duplicates`` what the products
    named have in common.

    Title matches stay plain numbers until someone asks for ``hits``: a one-letter query can
    match thousands of pages, and the window only needs their positions."""

    positions: tuple[int, ...] = ()
    scores: tuple[float, ...] = ()
    text_hits: tuple[Hit, ...] = ()
    check: tuple[Hit, ...] = ()
    drugs: tuple[str, ...] = ()  # the medicines the query names (folded), in query order
    fulltext_terms: tuple[str, ...] = ()  # words that name no medicine and stand in no title (unknown, or text)
    text_wanted: int = 0  # full-text hits still to be looked for (the window asks off its thread)
    text_terms: tuple[str, ...] = ()  # the words searched in the text
    text_failed: bool = False  # the full-text index could not answer (damaged): no text result means nothing
    text_capped: bool = False  # full-text hits stopped at their limit: more pages hold the words
    medicines_named: int = 0  # how many medicines the query lists; only the first MAX_CHECKED are checked
    unknown: tuple[str, ...] = ()  # names the reference knows nowhere (titles, text, brands, classes)
    text_only: tuple[str, ...] = ()  # words beside medicines that name none, but stand in pages' text
    suggestions: tuple[Hit, ...] = ()  # entries a known name near an unknown one leads to
    duplicates: tuple[Duplicate, ...] = ()
    read_as: tuple[tuple[str, str], ...] = ()  # (misspelt word, the medicine it was read as)
    exact: int | None = None  # the position of the entry the query names exactly (its title or its medicines)
    listings: Sequence[Listing] = field(default=(), repr=False, compare=False)
    units: tuple[Unit, ...] = field(default=(), repr=False, compare=False)  # the query's names, as read

    is_everything: bool = False  # every listing, in order (an empty query)
    asked: bool = True  # False: nothing was asked yet, and nothing is listed (the kiosk's start)

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

    @property
    def notes(self) -> tuple[str, ...]:
        """What is said before any result: shared ingredients and classes, then unknown names."""
        lines = [d.sentence for d in self.duplicates]
        if self.read_as:
            lines.append(read_as_line(self.read_as))
        if self.unknown:
            lines.append(not_known_line(self.unknown, "check" if self.check else "list" if len(self) else ""))
        if self.text_only:
            lines.append(TEXT_ONLY.format(names=", ".join(self.text_only)))
        return tuple(lines)

    def __len__(self) -> int:
        return len(self.positions) + len(self.text_hits)


def checking_line(results: Results) -> str:
    """The heading of a pair check; says so when the list was longer than what is checked."""
    names = ", ".join(d.capitalize() for d in results.drugs)
    if results.medicines_named > len(results.drugs):
        return (f"Checking the first {len(results.drugs)} medicines in pairs (you listed {results.medicines_named}"
                f"{' or more' if results.medicines_named >= MAX_QUERY_TERMS else ''}): {names}")
    if len(results.drugs) == 2:
        return f"Checking 2 medicines together: {names}"
    return f"Checking {len(results.drugs)} medicines in pairs: {names}"
