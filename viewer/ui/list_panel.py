"""The search panel: search box, count and list (its rows drawn by list_rows)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.search.search_engine import Results
from viewer.ui.entry_list import EntryFilterProxy, EntryListModel, Role
from viewer.ui.list_rows import HitDelegate, RowsDelegate, TitleList, WrappingDelegate
from viewer.ui.panels import notes_label, show_notes


class SteadyLine(QWidget):
    """Holds a label whose text changes on every key (the count) out of the panel's layout: a
    label in the layout had the whole panel, the list included, worked out again with each new
    text (a third of a millisecond a key at 10,000 pages). It is as tall as the label's text at
    its width, and the layout is asked again only when that height changes."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        label.setParent(self)  # a new text, font or style sheet: the label asks this widget (LayoutRequest)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.fit()

    def fit(self) -> None:
        """As tall as the label's text needs (a wrapping one, at this width)."""
        label = self.label
        height = label.heightForWidth(self.width()) if self.width() > 0 else -1
        height = height if height > 0 else label.sizeHint().height()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.fit()  # may change this widget's height first
        self.label.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().event(event)


class EntryListPanel(QWidget):
    """Search box, count and list. Emits ``entry_chosen(path)`` when a row is opened."""

    entry_chosen = Signal(str)
    text_hit_chosen = Signal(str, str)  # path, section key of a full-text match
    query_changed = Signal(str)
    enter_pressed = Signal()  # Enter in the search box with no row chosen: the controller decides

    def __init__(self, model: EntryListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListPanel")
        self.model = model
        self.proxy = EntryFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText(self.tr("Search: drug, brand or two drugs…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search combinations"))
        self.search.setAccessibleDescription(self.tr("Type drug names in any order; Down moves into the list, Enter opens"))
        for button in self.search.findChildren(QToolButton):  # Qt's own clear button
            button.setAccessibleName(self.tr("Clear search"))
            button.setToolTip(self.tr("Clear search (Esc)"))
        self.count = QLabel()
        self.count.setObjectName("ListCount")
        self.count.setWordWrap(True)  # never cut: a long line (the kiosk's first words, Hindi) takes two
        self.count.setAccessibleDescription(self.tr("Number of combinations shown"))  # its name is what it says
        self.notes = notes_label(self.tr("What the search understood"))
        self.notes.linkActivated.connect(self.entry_chosen)
        self.view = TitleList()
        self.view.setObjectName("EntryList")
        self.view.setModel(self.proxy)
        # Title rows wrap to the longest title's lines; the two-line one is only for full-text results.
        self._rows_delegate = RowsDelegate(self.view)
        self._plain_delegate: QStyledItemDelegate = self._rows_delegate
        self._hit_delegate = HitDelegate(self.proxy, self.view)
        self.view.setItemDelegate(self._plain_delegate)
        self.view.setAccessibleName(self.tr("Combinations"))
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # past three lines only
        # Rows are as wide as the list, never wider: a long title wraps, never scrolls sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(True)
        # Lay out the rows on screen first and the rest in later passes of the event loop, so a
        # keystroke that leaves thousands of matches still answers at once.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(100)  # a screen of rows, even a tall portrait one, in the first
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        self.count_line = SteadyLine(self.count)
        layout.addWidget(self.count_line)
        layout.addWidget(self.notes)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(self._on_text)
        self.search.installEventFilter(self)
        self.view.resized.connect(self._refit)  # a wider or narrower list: rows refit
        self.view.restyled.connect(self._restyled)  # larger or smaller text, another style sheet
        self.proxy.modelReset.connect(lambda: self._new_titles(0))  # new rows are shown from the top
        self.proxy.layoutChanged.connect(lambda: self._new_titles(0))
        # A row at a time: the scroll bar's value is the top row's number (no layout asked for).
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerItem)
        self.view.verticalScrollBar().valueChanged.connect(self._new_titles)
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self._open_index(self.view.currentIndex()))
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.modelReset.connect(self._choose_delegate)
        self.before_asked = ""  # the count's line when nothing is asked yet (the kiosk's start)
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
        self.query_changed.emit(text)  # the controller answers with show_results

    def use_plain_delegate(self, delegate: QStyledItemDelegate) -> None:
        """Draw title rows with ``delegate`` (the kiosk's, which wraps titles)."""
        self._plain_delegate = delegate
        if not self.proxy.has_fulltext():
            self.view.setItemDelegate(delegate)

    def follow_mode(self, search_box: bool, before_asked: str | None) -> None:
        """Without a search box of its own (the kiosk's keyboard finds medicines); ``before_asked``:
        nothing listed until something is asked, and this line said instead."""
        if not search_box:
            self.search.hide()
        self.before_asked = before_asked or ""
        self.proxy.lists_everything = before_asked is None
        self._update_count()

    def wrap_rows(self) -> None:
        """Titles wrap onto more lines, never cut ("Sertraline + Clonazepam + Tramadol" in full)."""
        self.view.setUniformItemSizes(False)
        self._rows_delegate.sets_wrap = False
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.use_plain_delegate(WrappingDelegate(self.view))

    def set_marker_style(self, colours: dict[str, str], font: QFont) -> None:
        """Severity markers in the theme's colours, sized to the text."""
        self.model.set_badge_colours(colours, font)
        self.view.setIconSize(self.model.marker_size)
        self._rows_delegate.restyled()  # a row's height and text room follow the marker's size

    def show_results(self, results: Results, terms: tuple[str, ...] = (), notes: bool = True) -> None:
        """List these results; the count and the row style follow (through the proxy's reset).
        ``notes``: say above the list what the query holds (unless a panel beside says it first)."""
        self.proxy.show(results, terms)
        show_notes(self.notes, results.notes if notes else (), results.suggestions if notes else ())

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
        self.count.setText(self._count_text())  # its line is as tall as it needs (SteadyLine)

    def _count_text(self) -> str:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not self.proxy.results.asked:
            return self.before_asked
        if self.proxy.text_pending():
            return (self.tr("{0} of {1} · searching the text…").format(shown, total) if shown
                    else self.tr("Searching the text…"))
        if self.proxy.results.text_capped:
            return self.tr("First {0} matches (more pages hold these words)").format(shown)
        return (self.tr("{0} of {1}").format(shown, total) if shown != total
                else self.tr("{0} combinations").format(total))

    def _move(self, step: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else max(0, min(rows - 1, current + step))
        self.view.setCurrentIndex(self.proxy.index(row, 0))

    def _new_titles(self, top: int) -> None:
        """Rows fit the longest title from the ``top`` row on, as many as one-line rows would fill."""
        shown = self.view.viewport().height() // self._rows_delegate.one_line() + 1
        self._rows_delegate.fit(self.model.longest_title(self.proxy.results.positions[top : top + shown]))

    def _restyled(self) -> None:
        self._rows_delegate.restyled()  # a new style sheet may pad rows differently
        self._refit()

    def _refit(self) -> None:
        self._rows_delegate.resized()
        self._new_titles(self.view.verticalScrollBar().value())  # a taller list may show longer titles

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
                if index.isValid():  # a row chosen with the arrow keys (or the open entry's)
                    self._open_index(index)
                else:
                    self.enter_pressed.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.set_query("")  # no change, and nothing told, when there is no query
                return True
        return super().eventFilter(watched, event)
