"""The program's state without Qt (like napari's ViewerModel): the library, history, the open
entry and its last good version, and what a query's results mean for the screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from viewer.core import words
from viewer.core.catalog.library import read_page
from viewer.core.pages.model import Entry, Library, Page, Severity, printable
from viewer.core.pages.site import Site, link_targets
from viewer.core.pages.source import without_controls
from viewer.core.pages.text import fold, query_terms
from viewer.core.search.index import FullTextIndex
from viewer.core.search.search_engine import Results, SearchEngine, checking_line
from viewer.core.session.events import SessionEvents
from viewer.core.session.history import History
from viewer.core.session.looks import Looks
from viewer.core.session.states import (
    Listed,
    NoResult,
    Opened,
    PairCheck,
    Reloaded,
    ReloadOutcome,
    SearchState,
    View,
)

__all__ = ["Listed", "NoResult", "Opened", "PairCheck", "ReloadOutcome", "Reloaded", "SearchState", "Session", "View",
           "check_place", "place_query"]

WEB_SCHEMES = ("http", "https")  # links that open in the browser (the desk's; the kiosk opens none)
CHECK_PLACE = "\x00check\x00"  # a history key that is a pair check, not a page (no path holds NUL)


def check_place(query: str) -> str:
    """The history key of the pair check a query shows."""
    return CHECK_PLACE + query


def place_query(key: str) -> str | None:
    """The query of a pair check in history, or None for a page."""
    return key[len(CHECK_PLACE) :] if key.startswith(CHECK_PLACE) else None


class Session:
    """Everything the window shows, decided without a window. ``reader`` reads one page."""

    def __init__(self, root: Path, library: Library, reader: Callable[[Path, str], Page] = read_page,
                 looks: Looks | None = None, lists_everything: bool = True) -> None:
        self.root = root
        self.events = SessionEvents()
        self.history = History()
        self.looks = looks or Looks()  # text size and theme
        self._view = View.WELCOME
        self._current: Entry | None = None
        self._query = ""
        self.state: SearchState | None = None  # what the query's results, last shown, mean
        self.lists_everything = lists_everything  # an empty query lists every entry (the kiosk's lists none)
        self._title = words.app_name()
        self._reader = reader
        self._last_good: dict[str, Entry] = {}
        self._open_signature: tuple[int, int] = (-1, -1)  # the open file's (mtime, size) when read
        self._engine: SearchEngine | None = None
        self._fulltext: FullTextIndex | None = None
        self.library: Library = library
        self._listed: frozenset[str] | None = None
        self._set_library(library)

    # --- state that tells (the window draws it; nothing reads a widget back) --------------------

    @property
    def view(self) -> View:
        """What the right-hand side shows."""
        return self._view

    @view.setter
    def view(self, view: View) -> None:
        if view != self._view:
            self._view = view
            self.events.view.emit(view)
        self._retitle()

    @property
    def current(self) -> Entry | None:
        """The open entry (kept while a search is shown over it)."""
        return self._current

    @current.setter
    def current(self, entry: Entry | None) -> None:
        self._current = entry
        self.events.entry.emit(entry)
        self._retitle()

    @property
    def query(self) -> str:
        return self._query

    @query.setter
    def query(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self.events.query.emit(query)

    @property
    def title(self) -> str:
        """The window's title: the program's name, and the open entry's when it is shown."""
        return self._title

    def _retitle(self) -> None:
        shown = self._current is not None and self._view == View.ENTRY
        name = words.app_name()
        title = f"{name} — {without_controls(self._current.display_title)}" if shown and self._current else name
        if title != self._title:
            self._title = title
            self.events.title.emit(title)

    def say(self, message: str, milliseconds: int = 5000) -> None:
        """A message for the status bar."""
        self.events.status.emit(message, milliseconds)

    def history_changed(self, back_leads_home: bool = False) -> None:
        """Announce where Back and Forward lead (in a mode whose Back leads home, the start too)."""
        home = back_leads_home and self._view != View.WELCOME
        self.events.history.emit(self.history.can_go_back() or home, self.history.can_go_forward())

    def _set_library(self, library: Library) -> None:
        if not _same_listings(self.library, library):
            self._engine = None  # built for the new listings when next searched
            self._listed = None
        self.library = library
        self._distinguishers = {item.path: item.distinguisher for item in library.entries if item.distinguisher}

    # --- searching -----------------------------------------------------------------------------

    @property
    def engine(self) -> SearchEngine:
        """The search engine for the current library, built on first use."""
        if self._engine is None:
            self.adopt_engine(self.engine_for(self.library))
        assert self._engine is not None
        return self._engine

    @property
    def listed_paths(self) -> frozenset[str]:
        """The paths of the listed pages (kept while the listings stay the same)."""
        if self._listed is None:
            self._listed = frozenset(item.path for item in self.library.entries)
        return self._listed

    def engine_for(self, library: Library) -> tuple[Library, SearchEngine]:
        """A search engine for ``library``, built anywhere (a worker thread: it takes about a
        second at 100,000 pages); hand the pair to ``adopt_engine``."""
        return library, SearchEngine.for_library(library)

    def adopt_engine(self, built: tuple[Library, SearchEngine]) -> bool:
        """Use an engine built off the window's thread, unless the library changed meanwhile
        or one was built already (a keystroke came first)."""
        library, engine = built
        if self._engine is not None or not _same_listings(library, self.library):
            return False
        engine.fulltext = self._fulltext
        self._engine = engine
        return True

    def set_fulltext(self, index: FullTextIndex | None) -> None:
        self._fulltext = index
        if self._engine is not None:
            self._engine.fulltext = index

    def search(self, query: str) -> SearchState:
        """What a query shows at once: title and drug matches, the pair check. Full-text hits,
        when ``results.text_wanted``, come from ``engine.with_text`` (off the window's thread)."""
        if not query_terms(query):
            return Listed(Results.everything(self.library.entries) if self.lists_everything else Results(asked=False))
        return self.state_for(query, self.engine.search(query, fulltext=False))

    def state_for(self, query: str, results: Results) -> SearchState:
        """What a query's results mean for the screen."""
        if results.check:
            if not results.positions:  # the list beside the check shows the entries it names
                named = tuple(dict.fromkeys(h.position for h in results.check if h.position is not None))
                results = replace(results, positions=named, scores=(1.0,) * len(named))
            return PairCheck(checking_line(results), results.check, results)
        if query_terms(query) and len(results) == 0 and not results.text_wanted:  # not before the text is searched
            nearest = tuple(self.engine.titles.nearest(query))
            return NoResult(query, nearest, results)
        return Listed(results)

    # --- opening -------------------------------------------------------------------------------

    def enter_path(self, state: SearchState) -> str | None:
        """What Enter opens when no row is chosen: only the query's own entry (exact, or holding
        every medicine it names), or the one row listed; never a page that merely mentions the
        words, and never the first pair of a check."""
        results = state.results
        if isinstance(state, PairCheck):
            together = [hit.path for hit in state.rows if hit.path and hit.snippet.startswith("All ")]
            return together[0] if together else None
        if isinstance(state, NoResult) or len(results) == 0:
            return None
        if results.exact is not None:
            return self.library.entries[results.exact].path
        if results.positions:
            first = self.library.entries[results.positions[0]]
            if not results.drugs or set(results.drugs) <= {fold(d) for d in first.drugs}:
                return first.path
        hits = results.hits
        return hits[0].path if len(hits) == 1 else None

    def pair_path(self, state: SearchState, names: Sequence[str]) -> str | None:
        """The entry of exactly these two medicines, if one answers ``state`` (their query): the
        one it names, or the first listed whose ingredients are the two; never a page of three
        that holds them."""
        results, entries = state.results, self.library.entries
        if results.exact is not None:
            return entries[results.exact].path
        wanted = {fold(name) for name in names}
        return next((entries[p].path for p in results.positions if {fold(d) for d in entries[p].drugs} == wanted), None)

    def open(self, path: str, record: bool = True, from_check: str | None = None) -> Opened:
        """Read a page and make it the current entry; a page that cannot be read now shows its
        last good version with a warning, or nothing (with the reason) if it never could.
        ``from_check``: the query of the pair check it was opened from (Back returns there)."""
        if not self.inside(path):
            return Opened(None, error=f"Not opened: {printable(path)} is not a page of the content folder.")
        signature = self._signature(path)
        page = self._reader(self.root, path)
        errors = [p for p in page.problems if p.severity is Severity.ERROR]
        entry, warning = page.entry, ""
        if entry is not None:
            if path in self._distinguishers:
                entry = replace(entry, distinguisher=self._distinguishers[path])
            self._last_good[path] = entry
            if errors:
                warning = "Part of this page could not be read: " + "; ".join(str(p) for p in errors)
        elif path in self._last_good:
            entry = self._last_good[path]
            reason = str(errors[0]) if errors else "the page is empty"
            warning = f"This page could not be read just now ({reason}). Showing the last version that could be read."
        else:
            reason = str(page.problems[0]) if page.problems else path
            return Opened(None, error=f"Could not open {path}: {reason}")
        brands = self.library.brands_of(path)
        if brands:
            entry = replace(entry, brands=brands)
        self.current = entry
        self._open_signature = signature
        if record:
            if from_check is not None:
                self.history.visit(check_place(from_check))
            self.history.visit(path)
        return Opened(entry, warning)

    @staticmethod
    def inside(path: str) -> bool:
        """Whether ``path`` is a path inside the content folder as written (a hand-over or a link
        can ask for "../../etc/shadow": it is never read). Links are resolved when the page is
        read, and one that leads out of the folder is not read (folder.read_signed)."""
        parts = path.replace("\\", "/").split("/")
        return bool(path) and not Path(path).is_absolute() and ".." not in parts and "\x00" not in path

    def _signature(self, path: str) -> tuple[int, int]:
        try:
            stat = (self.root / path).stat()
        except OSError:
            return (-1, -1)
        return (stat.st_mtime_ns, stat.st_size)

    def file_changed(self, path: str) -> bool:
        """Whether the open page's file changed since it was read (an edit that kept its title)."""
        return self._signature(path) != self._open_signature

    def link_target(self, href: str) -> str | None:
        """The listed page a link on the open page names (relative, site-absolute, Liquid or a
        collection permalink), or None."""
        if self.current is None:
            return None
        site = Site(permalinks=self.library.permalinks)
        return next((t for t in link_targets(self.current.path, href, site) if t in self.listed_paths), None)

    def follow(self, scheme: str, path: str) -> tuple[str, str]:
        """Where a link on the open page leads: ("web", "") for a web address, ("entry", path) for
        a listed page, ("said", why not) for anything else (file:, mailto:, a missing page)."""
        if scheme.lower() in WEB_SCHEMES:
            return "web", ""
        if scheme or not path or self.current is None:
            return "said", "This link is not opened by the viewer."
        target = self.link_target(path)
        return ("entry", target) if target is not None else ("said", f"No entry at {printable(path)}")

    def close(self) -> None:
        """Nothing open and no history: the start screen."""
        self.current = None
        self.history.clear()

    def back(self) -> str | None:
        return self.history.back() if self.history.can_go_back() else None

    def forward(self) -> str | None:
        return self.history.forward() if self.history.can_go_forward() else None

    # --- reloading -----------------------------------------------------------------------------

    def reload(self, library: Library, changed: set[str]) -> ReloadOutcome:
        """Take a newly read library and say what becomes of the open entry."""
        if not changed and self.library.failed == library.failed and _same_listings(self.library, library):
            self.library = library  # nothing new (most polls): nothing to work out again
            if self.current is None:
                return ReloadOutcome(Reloaded.NOTHING_OPEN)
            if self.current.path in self.listed_paths or self.current.path in library.failed:
                return ReloadOutcome(Reloaded.KEPT, self.current.path)
        self._set_library(library)
        paths = self.listed_paths
        self.history.forget({p for p in changed if p not in paths})
        if self.current is None:
            return ReloadOutcome(Reloaded.NOTHING_OPEN)
        path = self.current.path
        if path in paths or path in library.failed:
            return ReloadOutcome(Reloaded.CHANGED if path in changed else Reloaded.KEPT, path)
        renamed = [item for item in library.entries if item.title == self.current.title]
        if len(renamed) == 1:
            return ReloadOutcome(Reloaded.RENAMED, renamed[0].path)
        return ReloadOutcome(Reloaded.REMOVED, path)


def _same_listings(before: Library, after: Library) -> bool:
    """Whether a search engine built for ``before`` serves ``after`` (a reload that found
    nothing new; unchanged pages keep their listing objects, so this is quick)."""
    return before.entries == after.entries and dict(before.drugs) == dict(after.drugs) and before.brands == after.brands
