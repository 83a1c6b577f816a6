"""Frozen data classes for what the library reads: entries, FAQs, problems, the library."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors lose a page (or part of it), warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, with the line it is on when known."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Faq:
    """One question with its answer, both Markdown source."""

    question: str
    answer: str


# The sections every page is expected to have, in reading order.
TAB_SECTIONS = ("usage", "side_effects", "mechanism", "faqs")
SECTION_TITLES = {
    "generic_name": "Generic name",
    "intro": "Introduction",
    "usage": "Usage",
    "side_effects": "Side effects",
    "mechanism": "Mechanism",
    "faqs": "FAQs",
    "disclaimer": "Disclaimer",
    "note": "Note",
}


@dataclass(frozen=True)
class Listing:
    """What the combination list shows of a page, read without parsing its sections."""

    path: str  # relative to the content folder, with forward slashes
    title: str
    drugs: tuple[str, ...]
    distinguisher: str = ""  # set when another page has the same title

    @property
    def display_title(self) -> str:
        """The title as listed, told apart from a namesake when there is one."""
        return f"{self.title} ({self.distinguisher})" if self.distinguisher else self.title


@dataclass(frozen=True)
class Entry(Listing):
    """One combination page, its sections kept as Markdown source (rendered only when shown)."""

    generic_name: str = ""
    intro: str = ""
    usage: str = ""
    side_effects: str = ""
    mechanism: str = ""
    faqs: tuple[Faq, ...] = ()
    faq_intro: str = ""  # FAQ text that is not part of a question/answer pair
    disclaimer: str = ""
    note: str = ""
    other: tuple[tuple[str, str], ...] = ()  # (label, Markdown) for sections we do not know

    def section(self, key: str) -> str:
        """The Markdown source of a named section ("usage", "side_effects", ...)."""
        return str(getattr(self, key))


@dataclass(frozen=True)
class Library:
    """Everything read from one content folder: every file seen is in exactly one bucket.

    ``load_catalog`` fills ``entries`` with Listings (titles only, fast); ``load_library`` with
    complete Entries and every problem a page has.
    """

    root: str
    entries: tuple[Listing, ...]
    problems: tuple[Problem, ...]
    ignored: tuple[str, ...]
    failed: tuple[str, ...] = ()  # pages that gave no entry: unreadable, or empty
    drugs: tuple[tuple[str, "DrugInfo"], ...] = ()
    newest_page: float | None = None  # when the most recently saved page was saved (epoch seconds)

    @property
    def files_seen(self) -> int:
        return len(self.entries) + len(self.failed) + len(self.ignored)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def problems_for(self, path: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.path == path)


@dataclass(frozen=True)
class DrugInfo:
    """What drugs.yaml says of one medicine."""

    generic: str
    brands: tuple[str, ...] = ()
    drug_class: str = ""


@dataclass(frozen=True)
class Page:
    """The result of reading one file: an entry (or none) and its problems."""

    entry: Entry | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
