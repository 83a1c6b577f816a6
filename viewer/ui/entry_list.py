"""The combination list: a model of listings, a filtering proxy, and the search panel."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QToolButton, QVBoxLayout, QWidget

from viewer.core.model import Listing
from viewer.core.search import TitleIndex, query_terms

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """Our item roles, in one place."""

    PATH = Qt.ItemDataRole.UserRole + 1
    LISTING = Qt.ItemDataRole.UserRole + 2


class EntryListModel(QAbstractListModel):
    """One row per listing, in the library's order (sorted by title, case-insensitively)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listings: list[Listing] = []
        self._rows: dict[str, int] = {}
        self.title_index = TitleIndex([])

    def set_listings(self, listings: Sequence[Listing]) -> None:
        self.beginResetModel()
        self._listings = list(listings)
        self._rows = {item.path: row for row, item in enumerate(self._listings)}
        self.title_index = TitleIndex(self._listings)
        self.endResetModel()

    def listings(self) -> list[Listing]:
        return list(self._listings)

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)

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


class EntryFilterProxy(QAbstractProxyModel):
    """The rows of the source that match the query, in the source's order.

    The matching is done in one pass by the Qt-free TitleIndex, and typing more letters only
    re-checks the rows already shown, so a keystroke costs little even with 100,000 pages;
    the view itself only asks about the rows on screen.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[str, ...] = ()
        self._rows: list[int] = []
        self._positions: dict[int, int] = {}

    def setSourceModel(self, model: EntryListModel) -> None:  # noqa: N802
        previous = self.sourceModel()
        if previous is not None:
            previous.modelReset.disconnect(self._source_reset)
        self.beginResetModel()
        super().setSourceModel(model)
        self._rows = self._match(None)
        self._positions = {}
        self.endResetModel()
        model.modelReset.connect(self._source_reset)

    def set_query(self, query: str) -> None:
        terms = query_terms(query)
        if terms == self._terms:
            return
        narrower = len(terms) >= len(self._terms) and all(
            new.startswith(old) for old, new in zip(self._terms, terms)
        )
        self._terms = terms
        self._reset(self._match(self._rows if narrower and self._terms else None))

    def query_terms(self) -> tuple[str, ...]:
        return self._terms

    def _match(self, within: list[int] | None) -> list[int]:
        model = self.sourceModel()
        if model is None:
            return []
        if not self._terms:
            return list(range(model.rowCount()))
        return model.title_index.filter(self._terms, within)

    def _source_reset(self) -> None:
        self._reset(self._match(None))

    def _reset(self, rows: list[int]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._positions = {}
        self.endResetModel()

    def _position(self, source_row: int) -> int | None:
        if not self._positions and self._rows:
            self._positions = {row: position for position, row in enumerate(self._rows)}
        return self._positions.get(source_row)

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


class EntryListPanel(QWidget):
    """Search box, count and list. Emits ``entry_chosen(path)`` when a row is opened."""

    entry_chosen = Signal(str)
    query_changed = Signal(str)

    def __init__(self, model: EntryListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListPanel")
        self.model = model
        self.proxy = EntryFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText("Search: drug, brand or two drugs…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search combinations")
        self.search.setAccessibleDescription("Type drug names in any order; Down moves into the list, Enter opens")
        for button in self.search.findChildren(QToolButton):  # Qt's own clear button
            button.setAccessibleName("Clear search")
            button.setToolTip("Clear search (Esc)")
        self.count = QLabel()
        self.count.setObjectName("ListCount")
        self.count.setAccessibleName("Number of combinations shown")
        self.view = QListView()
        self.view.setObjectName("EntryList")
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Combinations")
        self.view.setUniformItemSizes(True)
        # Lay out the rows on screen first and the rest in later passes of the event loop, so a
        # keystroke that leaves thousands of matches still answers at once.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open_index(self.view.currentIndex()))
        self.proxy.modelReset.connect(self._update_count)
        self._update_count()

    def shown_count(self) -> int:
        return self.proxy.rowCount()

    def shown_paths(self) -> list[str]:
        return [self.proxy.index(r, 0).data(Role.PATH) for r in range(self.proxy.rowCount())]

    def select_path(self, path: str | None) -> None:
        """Highlight the row of ``path`` (if shown) without opening it again."""
        row = self.model.row_of(path) if path else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        self.view.selectionModel().setCurrentIndex(
            index, self.view.selectionModel().SelectionFlag.ClearAndSelect
        )
        if index.isValid():
            self.view.scrollTo(index)

    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def _on_text(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()
        self.query_changed.emit(text)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entry_chosen.emit(index.data(Role.PATH))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} combinations")

    def _move(self, step: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else max(0, min(rows - 1, current + step))
        self.view.setCurrentIndex(self.proxy.index(row, 0))

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Down:
                self._move(1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key == Qt.Key.Key_PageDown:
                self._move(10)
                return True
            if key == Qt.Key.Key_PageUp:
                self._move(-10)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.view.currentIndex()
                if not index.isValid() and self.proxy.rowCount():
                    index = self.proxy.index(0, 0)
                self._open_index(index)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)
