"""The combination list's data: a model of listings and the proxy that shows search results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)

from viewer.core.index import snippet_text
from viewer.core.model import DrugInfo, Listing
from viewer.core.search_engine import Hit, Results, SearchEngine
from viewer.core.title_index import query_terms

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """Our item roles, in one place."""

    PATH = Qt.ItemDataRole.UserRole + 1
    LISTING = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3  # "combination" or "fulltext"
    SNIPPET = Qt.ItemDataRole.UserRole + 4
    SECTION = Qt.ItemDataRole.UserRole + 5


class EntryListModel(QAbstractListModel):
    """One row per listing, in the library's order (sorted by title, case-insensitively)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listings: list[Listing] = []
        self._rows: dict[str, int] = {}
        self._dictionary: Mapping[str, DrugInfo] = {}
        self._engine: SearchEngine | None = None
        self._fulltext: object | None = None

    def set_listings(self, listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo] | None = None) -> None:
        """New listings (in display order) and the drug dictionary that search uses."""
        self.beginResetModel()
        self._listings = list(listings)
        self._rows = {item.path: row for row, item in enumerate(self._listings)}
        self._dictionary = dict(dictionary or {})
        self._engine = None  # built when first searched (listing needs none)
        self.endResetModel()

    @property
    def engine(self) -> SearchEngine:
        """The search engine for these listings, built on first use."""
        if self._engine is None:
            self._engine = SearchEngine(self._listings, self._dictionary)
            self._engine.fulltext = self._fulltext
        return self._engine

    def set_fulltext(self, index: object | None) -> None:
        self._fulltext = index
        if self._engine is not None:
            self._engine.fulltext = index

    def fulltext(self) -> object | None:
        return self._fulltext

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)

    def listings_at(self, row: int) -> Listing:
        return self._listings[row]

    def listings_view(self) -> Sequence[Listing]:
        return self._listings

    # Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._listings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._listings):
            return None
        item = self._listings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.display_title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.display_title}\n{item.path}"
        if role == Role.PATH:
            return item.path
        if role == Role.LISTING:
            return item
        return None


class _TextRelay(QObject):
    done = Signal(object)


class _TextSearch(QRunnable):
    """One full-text search in the thread pool; its answer goes back through the relay."""

    def __init__(self, engine: SearchEngine, results: Results, generation: int, relay: _TextRelay) -> None:
        super().__init__()
        self._engine, self._results, self._generation, self._relay = engine, results, generation, relay

    def run(self) -> None:
        try:
            answer: object = self._engine.with_text(self._results)
        except Exception as exc:  # noqa: BLE001 - reported on the window's thread, never lost here
            answer = exc
        try:
            self._relay.done.emit((self._generation, answer))
        except RuntimeError:  # the list is gone (the window closed meanwhile)
            pass


class EntryFilterProxy(QAbstractProxyModel):
    """The source rows the search engine returns for the query, best first: title matches,
    then full-text matches (with their snippet and section). The view only asks about the rows
    on screen, so a keystroke stays cheap even with 100,000 pages."""

    text_arrived = Signal()  # the full-text hits of the current query are in the list

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.results = Results()
        # Full text is searched off the window's thread: a keystroke never waits for SQL. Only
        # the newest query's answer is shown; one search runs at a time, the newest next.
        self._generation = 0
        self._text_running = False
        self._relay = _TextRelay(self)
        self._relay.done.connect(self._text_done)
        self._rows: list[int] = []
        self._text_hits: dict[int, Hit] = {}  # proxy row -> full-text hit
        self._positions: dict[int, int] = {}
        self._identity = False  # every source row, in order (an empty query)

    def setSourceModel(self, model: EntryListModel) -> None:  # noqa: N802
        previous = self.sourceModel()
        if previous is not None:
            previous.modelReset.disconnect(self.refresh)
        self.beginResetModel()
        super().setSourceModel(model)
        self._set_results(self._search(model))
        self.endResetModel()
        model.modelReset.connect(self.refresh)

    def set_query(self, query: str) -> None:
        if query == self._query:
            return
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Search again (new query, new listings, or the full-text index became ready)."""
        model = self.sourceModel()
        self.beginResetModel()
        self._set_results(self._search(model) if model is not None else Results())
        self.endResetModel()
        self._generation += 1
        self._search_text()

    def text_pending(self) -> bool:
        return bool(self.results.text_wanted)

    def _search(self, model: EntryListModel) -> Results:
        if not query_terms(self._query):  # everything, in order: no engine needed
            return Results.everything(model.listings_view())
        return model.engine.search(self._query, fulltext=False)

    def _search_text(self) -> None:
        model = self.sourceModel()
        if self.results.text_wanted and not self._text_running and model is not None:
            self._text_running = True
            QThreadPool.globalInstance().start(_TextSearch(model.engine, self.results, self._generation, self._relay))

    def _text_done(self, payload: object) -> None:
        self._text_running = False
        generation, answer = payload  # type: ignore[misc]
        if generation != self._generation:
            self._search_text()  # a newer query is waiting for its text search
            return
        if not isinstance(answer, Results):  # the search itself failed: say so, like a damaged index
            answer = replace(self.results, text_wanted=0, text_failed=True)
        self.beginResetModel()
        self._set_results(answer)
        self.endResetModel()
        self.text_arrived.emit()

    def query_terms(self) -> tuple[str, ...]:
        return query_terms(self._query)

    def has_fulltext(self) -> bool:
        return bool(self._text_hits)

    def hit_at(self, row: int) -> Hit | None:
        """The hit shown on a row (title matches are made into Hits only when asked for)."""
        if row in self._text_hits:
            return self._text_hits[row]
        if 0 <= row < len(self.results.positions):
            return self.results.title_hit(row)
        return None

    def _set_results(self, results: Results) -> None:
        self.results = results
        self._rows = list(results.positions) + [hit.position for hit in results.text_hits]
        first = len(results.positions)
        self._text_hits = {first + i: hit for i, hit in enumerate(results.text_hits)}
        self._positions = {}
        self._identity = not query_terms(self._query)  # _search returned every row, in order

    def _position(self, source_row: int) -> int | None:
        if self._identity:
            return source_row if 0 <= source_row < len(self._rows) else None
        if not self._positions and self._rows:
            for position, row in enumerate(self._rows):
                self._positions.setdefault(row, position)
        return self._positions.get(source_row)

    # Qt API
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Role.KIND:
            return "fulltext" if index.row() in self._text_hits else "combination"
        hit = self._text_hits.get(index.row()) if index.isValid() else None
        if hit is not None:
            if role == Role.KIND:
                return hit.kind
            if role == Role.SNIPPET:
                return hit.snippet
            if role == Role.SECTION:
                return hit.section
            if role == Qt.ItemDataRole.ToolTipRole and hit.kind == "fulltext":
                return f"{hit.title}\nFound in the text: {snippet_text(hit.snippet)}"
            if role == Qt.ItemDataRole.AccessibleTextRole and hit.kind == "fulltext":
                return f"{hit.title}, found in the text: {snippet_text(hit.snippet)}"
        return super().data(index, role)

    # Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or column != 0 or not 0 <= row < len(self._rows):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - a flat list
        return QModelIndex()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and bool(self._rows)

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._rows):
            return QModelIndex()
        return model.index(self._rows[proxy_index.row()], 0)

    def mapFromSource(self, source_index: Index) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        position = self._position(source_index.row())
        return QModelIndex() if position is None else self.index(position, 0)
