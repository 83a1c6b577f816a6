"""The combination list: a model of listings, a filtering proxy, and the search panel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.model import Listing
from viewer.core.index import MARK_END, MARK_START
from viewer.core.model import DrugInfo
from viewer.core.ranking import Hit, Results, SearchEngine
from viewer.core.search import query_terms

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """Our item roles, in one place."""

    PATH = Qt.ItemDataRole.UserRole + 1
    LISTING = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3  # "combination" or "fulltext"
    SNIPPET = Qt.ItemDataRole.UserRole + 4
    SECTION = Qt.ItemDataRole.UserRole + 5


def snippet_text(snippet: str) -> str:
    """A snippet without its match markers."""
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def snippet_from_match(snippet: str, before: int = 12) -> str:
    """The snippet from a word or two before its first match, for a narrow list row."""
    first = snippet.find(MARK_START)
    if first > before:
        start = snippet.find(" ", first - before, first)
        snippet = "…" + snippet[(start + 1 if start >= 0 else first) :]
    return snippet_text(snippet)


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

    def listings(self) -> list[Listing]:
        return list(self._listings)

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


class EntryFilterProxy(QAbstractProxyModel):
    """The source rows the search engine returns for the query, best first: title matches,
    then full-text matches (with their snippet and section). The view only asks about the rows
    on screen, so a keystroke stays cheap even with 100,000 pages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.results = Results()
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

    def _search(self, model: EntryListModel) -> Results:
        if not query_terms(self._query):  # everything, in order: no engine needed
            everything = tuple(range(model.rowCount()))
            return Results(everything, (1.0,) * len(everything), listings=model.listings_view())
        return model.engine.search(self._query)

    def query_terms(self) -> tuple[str, ...]:
        return query_terms(self._query)

    def has_fulltext(self) -> bool:
        return bool(self._text_hits)

    def hit_at(self, row: int) -> Hit | None:
        """The hit shown on a row (title matches are made into Hits only when asked for)."""
        if row in self._text_hits:
            return self._text_hits[row]
        if 0 <= row < len(self.results.positions):
            position = self.results.positions[row]
            item = self.sourceModel().listings_at(position)
            return Hit(position, "combination", self.results.scores[row], item.display_title, item.path)
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


class HitDelegate(QStyledItemDelegate):
    """Rows are one line; when the results hold full-text matches, two: the title, and under it
    "in text:" with the words around the match, dimmed. All rows keep one height, so the view
    can lay out thousands of them without asking each its size."""

    def __init__(self, proxy: EntryFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    # Qt API
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if self._proxy.has_fulltext():
            size.setHeight(size.height() + QFontMetrics(option.font).height())
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(Role.KIND) != "fulltext":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        main = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = main if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        metrics = QFontMetrics(opt.font)
        italic = QFont(opt.font)
        italic.setItalic(True)
        half = rect.height() // 2
        top, bottom = rect.adjusted(0, 0, 0, -half), rect.adjusted(0, rect.height() - half, 0, 0)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(main)
        painter.drawText(top, flags, metrics.elidedText(title, Qt.TextElideMode.ElideRight, top.width()))
        painter.setFont(italic)
        painter.setPen(muted)
        text = "in text: " + snippet_from_match(index.data(Role.SNIPPET) or "")
        painter.drawText(bottom, flags, QFontMetrics(italic).elidedText(text, Qt.TextElideMode.ElideRight, bottom.width()))
        painter.restore()


class EntryListPanel(QWidget):
    """Search box, count and list. Emits ``entry_chosen(path)`` when a row is opened."""

    entry_chosen = Signal(str)
    text_hit_chosen = Signal(str, str)  # path, section key of a full-text match
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
        # The plain delegate is all C++; the two-line one is installed only for full-text results.
        self._plain_delegate = QStyledItemDelegate(self.view)
        self._hit_delegate = HitDelegate(self.proxy, self.view)
        self.view.setItemDelegate(self._plain_delegate)
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
        self.proxy.modelReset.connect(self._choose_delegate)
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
        if not index.isValid():
            return
        if index.data(Role.KIND) == "fulltext":
            self.text_hit_chosen.emit(index.data(Role.PATH), index.data(Role.SECTION) or "")
        else:
            self.entry_chosen.emit(index.data(Role.PATH))

    def _choose_delegate(self) -> None:
        wanted = self._hit_delegate if self.proxy.has_fulltext() else self._plain_delegate
        if self.view.itemDelegate() is not wanted:
            self.view.setItemDelegate(wanted)

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
