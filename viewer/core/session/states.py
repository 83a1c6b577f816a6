"""What the screen can show, as data: the views, a query's states, the outcome of opening a page
and of a reload."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from viewer.core.pages.model import Entry, Listing
from viewer.core.search.search_engine import Hit, Results


class View(str, Enum):
    """What the right-hand side shows."""

    WELCOME = "welcome"
    ENTRY = "entry"
    NO_RESULT = "no-result"
    CHECK = "check"


@dataclass(frozen=True)
class Listed:
    """Results to list, nothing else to show (an empty query, or matches)."""

    results: Results


@dataclass(frozen=True)
class NoResult:
    """Nothing matches: say so, with the nearest titles."""

    query: str
    nearest: tuple[Listing, ...]
    results: Results


@dataclass(frozen=True)
class PairCheck:
    """Three or more medicines: every pair, under a heading that says what is checked."""

    heading: str
    rows: tuple[Hit, ...]
    results: Results


SearchState = Listed | NoResult | PairCheck


@dataclass(frozen=True)
class Opened:
    """The outcome of opening a page: the entry to show (maybe its last good version), a
    warning to show above it, or, when there is nothing to show, the error."""

    entry: Entry | None
    warning: str = ""
    error: str = ""


class Reloaded(str, Enum):
    """What a reload means for the open entry."""

    NOTHING_OPEN = "nothing open"
    KEPT = "kept"  # its listing is unchanged (its file may still have changed: the window checks)
    CHANGED = "changed"  # read it again
    RENAMED = "renamed"  # open it under its new path
    REMOVED = "removed"  # gone: keep showing the last version read, saying so


@dataclass(frozen=True)
class ReloadOutcome:
    kind: Reloaded
    path: str | None = None
