"""The combination list's data: a model of listings and the proxy that shows search results."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap

from viewer.core import words
from viewer.core.pages.model import Listing
from viewer.core.pages.safety import SEVERITIES, severity_word
from viewer.core.search.index import snippet_text
from viewer.core.search.search_engine import Hit, Results
from viewer.core.words import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """Our item roles, in one place."""

    PATH = Qt.ItemDataRole.UserRole + 1
    LISTING = Qt.ItemDataRole.UserRole + 2
    KIND = Qt.ItemDataRole.UserRole + 3  # "combination" or "fulltext"
    SNIPPET = Qt.ItemDataRole.UserRole + 4
    SECTION = Qt.ItemDataRole.UserRole + 5


SHORT_WORDS = {"contraindicated": QT_TRANSLATE_NOOP("Severity", "Contraind.")}  # the marker's room: the rest in full


def marker_word(level: str) -> str:
    """A severity as its list marker says it, in the reader's language."""
    return words.translate("Severity", SHORT_WORDS[level]) if level in SHORT_WORDS else severity_word(level)


def severity_marker(level: str, colours: dict[str, str], font: QFont) -> QPixmap:
    """A small badge with the severity's word on its colour (blank for no severity, so every
    title starts at the same place)."""
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
    small.setBold(True)
    metrics = QFontMetrics(small)
    width = max(metrics.horizontalAdvance(marker_word(level)) for level in SEVERITIES) + 8
    pixmap = QPixmap(width, metrics.height() + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    if level:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.get(f"sev_{level}_bg", "#808080")))
        painter.drawRoundedRect(pixmap.rect(), 3, 3)
        painter.setPen(QColor(colours.get(f"sev_{level}_text", "#ffffff")))
        painter.setFont(small)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, marker_word(level))
        painter.end()
    return pixmap


def _same_when_selected(marker: QPixmap) -> QIcon:
    """The marker as an icon drawn in its own colours on a selected row too (the style would
    tint it with the selection's colour: a dim red on blue)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(marker, mode)
    return icon


class EntryListModel(QAbstractListModel):
    """One row per listing, in the library's order (sorted by title, case-insensitively)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listings: list[Listing] = []
        self._rows: dict[str, int] | None = None  # row of each path
        self._badges: dict[str, QIcon] = {}
        self._rated = False  # some page states a severity: every row keeps room for its marker
        self.marker_size = QSize(0, 0)

    def set_listings(self, listings: Sequence[Listing]) -> None:
        """New listings, in display order."""
        self.beginResetModel()
        self._listings = list(listings)
        self._rows = None  # made when first asked (not on the way to the first frame)
        self._rated = any(item.severity for item in self._listings)
        self.endResetModel()

    def set_badge_colours(self, colours: dict[str, str], font: QFont) -> None:
        """The severity markers drawn in the theme's colours: each a word on its colour."""
        self._badges = {level: _same_when_selected(severity_marker(level, colours, font)) for level in (*SEVERITIES, "")}
        self.marker_size = self._badges[""].availableSizes()[0]
        if self._listings:
            self.dataChanged.emit(self.index(0), self.index(len(self._listings) - 1), [Qt.ItemDataRole.DecorationRole])

    def row_of(self, path: str) -> int:
        if self._rows is None:
            self._rows = {item.path: row for row, item in enumerate(self._listings)}
        return self._rows.get(path, -1)

    def listings_at(self, row: int) -> Listing:
        return self._listings[row]

    def listings_view(self) -> Sequence[Listing]:
        return self._listings

    def longest_title(self, rows: Sequence[int]) -> str:
        """The longest listed title among ``rows`` (each a row of the model)."""
        listings = self._listings
        shown = [listings[row].display_title for row in rows if row < len(listings)]  # a screenful
        return max(shown, key=len) if shown else ""

    # Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._listings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._listings):
            return None
        item = self._listings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.display_title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.display_title}, {severity_word(item.severity).lower()} severity" if item.severity else item.display_title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._badges.get(item.severity) if self._rated else None
        if role == Qt.ItemDataRole.ToolTipRole:
            severity = f"\nSeverity: {severity_word(item.severity)}" if item.severity else ""
            warning = f"\n{item.warning}" if item.warning else ""
            return f"{item.display_title}{severity}{warning}\n{item.path}"
        if role == Role.PATH:
            return item.path
        if role == Role.LISTING:
            return item
        return None


class EntryFilterProxy(QAbstractProxyModel):
    """The source rows of the results it is shown, best first: title matches, then full-text
    matches (with their snippet and section). It searches nothing itself. The view only asks
    about the rows on screen, so showing results stays cheap even with 100,000 pages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results = Results()
        self._terms: tuple[str, ...] = ()
        self._rows: list[int] = []
        self._text_hits: dict[int, Hit] = {}  # proxy row -> full-text hit
        self._positions: dict[int, int] = {}
        self._identity = False  # every source row, in order (an empty query)
        self.lists_everything = True  # new listings list every row (the kiosk's: none until asked)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        previous = self.sourceModel()
        if previous is not None:
            previous.modelReset.disconnect(self._show_everything)
        super().setSourceModel(model)
        self._show_everything()
        model.modelReset.connect(self._show_everything)

    def show(self, results: Results, terms: tuple[str, ...] = ()) -> None:
        """List these results (``terms``: the query's words, for marking matches)."""
        self.beginResetModel()
        self._terms = terms
        self._set_results(results)
        self.endResetModel()

    def _show_everything(self) -> None:
        """New listings: every row until the next results are shown (old positions mean nothing)."""
        model = self.sourceModel()
        if not self.lists_everything:
            self.show(Results(asked=False))
            return
        self.show(Results.everything(model.listings_view()) if isinstance(model, EntryListModel) else Results())

    def text_pending(self) -> bool:
        return bool(self.results.text_wanted)

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
        self._rows = list(results.positions) + [hit.position for hit in results.text_hits if hit.position is not None]
        first = len(results.positions)
        self._text_hits = {first + i: hit for i, hit in enumerate(results.text_hits)}
        self._positions = {}
        self._identity = results.is_everything  # every row, in order

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
        # Asked for every row the view lays out (hundreds a keystroke): the cheapest test first.
        if 0 <= row < len(self._rows) and column == 0 and not parent.isValid():
            return self.createIndex(row, 0)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - a flat list
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
