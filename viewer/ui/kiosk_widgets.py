"""Touch widgets for the kiosk: the attract screen and the drug picker (the PIN pad: kiosk_pin.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.list_rows import text_room

SMALLEST_NAME = 0.6  # a medicine's name is drawn no smaller than this share of the buttons' text size


def fitted_font(font: QFont, text: str, width: float) -> QFont:
    """``font``, made smaller when a word of ``text`` is wider than ``width`` so that every word
    fits whole (a name wraps only between its words), down to SMALLEST_NAME of its size."""
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)
    if widest <= width or width <= 0:
        return font
    smaller = QFont(font)
    size = font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())
    scaled = max(size * SMALLEST_NAME, size * width / widest * 0.98)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(scaled)
    else:
        smaller.setPixelSize(max(1, int(scaled)))
    return smaller


class NameDelegate(QStyledItemDelegate):
    """A medicine's button: its name wrapped between words and, when one word is longer than the
    button is wide ("Bendroflumethiazide"), drawn smaller until it fits whole, never cut."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def text_width(self, option: QStyleOptionViewItem) -> float:
        """The width the style leaves the name in a button of ``option.rect``."""
        return float(text_room(self._view, option)[0])

    # Qt API
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if option.rect.width() > 0:
            option.font = fitted_font(option.font, option.text, self.text_width(option))


class AttractScreen(QFrame):
    """Covers the list and the entry (never the banner) until someone touches it."""

    dismissed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAccessibleName("Touch to start")
        self.label = QLabel(text)
        self.label.setObjectName("AttractText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.hide()

    def cover(self, area: QWidget) -> None:
        self.setGeometry(area.geometry())
        self.show()
        self.raise_()

    # Qt API
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.hide()
            self.dismissed.emit()
            return True
        return super().event(event)


class DrugPicker(QWidget):
    """Every medicine in the library as a large button. Taps build a list: the first medicine
    stays marked while a second (and third...) is tapped; tapping a marked one unmarks it.
    When there are more buttons than fit, tabs by first letter ("A-C", "D-G"...) share them
    out, so no button is ever below the fold."""

    chosen_changed = Signal(list)  # the medicines marked, in the order they were tapped

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DrugPicker")
        self.heading = QLabel(PICK_FIRST)
        self.heading.setObjectName("PanelText")
        self.heading.setWordWrap(True)
        self.tabs = QTabBar()
        self.tabs.setObjectName("DrugTabs")
        self.tabs.setAccessibleName("Medicines by first letter")
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.currentChanged.connect(self._show_group)
        self.tabs.hide()
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setObjectName("DrugList")
        self.view.setAccessibleName("Medicines")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(True)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setSpacing(6)
        self.view.setWordWrap(True)  # a long name wraps in its button, never cut
        self.view.setItemDelegate(NameDelegate(self.view))  # and a long word is drawn smaller to fit
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QListView.SelectionMode.MultiSelection)  # marked = chosen
        self.view.clicked.connect(lambda index: self.toggle(index.data()))
        self.chosen: list[str] = []
        self.names: list[str] = []
        self.groups: list[list[str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)
        layout.addWidget(self.view, 1)

    def set_drugs(self, names: Sequence[str]) -> None:
        self.names = sorted(set(names), key=str.casefold)
        self.chosen = []
        self._regroup()

    def capacity(self) -> int:
        """How many buttons the view shows at once without scrolling."""
        self.view.doItemsLayout()
        cell = self.view.sizeHintForIndex(self.model.index(0)) if self.model.rowCount() else None
        if cell is None or cell.width() <= 0 or cell.height() <= 0:
            return max(1, len(self.names))
        gap = 2 * self.view.spacing()
        room = self.view.viewport().size()
        columns = max(1, (room.width() - gap) // (cell.width() + gap))
        rows = max(1, (room.height() - gap) // (cell.height() + gap))
        return int(columns * rows)

    def _regroup(self) -> None:
        if not self.names:
            self.groups = []
            self.model.setStringList([])
            return
        if not self.groups:
            self.model.setStringList(self.names)  # measured with every name once
        fits = self.capacity()
        groups = [self.names] if len(self.names) <= fits else _letter_groups(self.names, fits)
        if groups == self.groups:
            return
        self._apply(groups)
        bar = self.view.verticalScrollBar()
        while bar.maximum() > 0 and fits > 1:  # rounding left a last row half in view: fewer a tab
            fits -= 1
            self._apply(_letter_groups(self.names, fits))
            self.view.doItemsLayout()

    def _apply(self, groups: list[list[str]]) -> None:
        # The tabs are cut again (the screen or the heading above them changed size): stay with
        # the medicine last tapped, or the first one on show, not back at the first tab.
        shown = self.model.stringList()
        keep = self.chosen[-1] if self.chosen else (shown[0] if shown else "")
        self.groups = groups
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for group in groups:
            first, last = group[0][0].upper(), group[-1][0].upper()
            self.tabs.addTab(first if first == last else f"{first}–{last}")
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(groups) > 1)
        self._show_group(next((i for i, group in enumerate(groups) if keep in group), 0))
        self.view.doItemsLayout()

    def _show_group(self, index: int) -> None:
        if 0 <= index < len(self.groups):
            self.tabs.setCurrentIndex(index)
            self.model.setStringList(self.groups[index])
            self.view.doItemsLayout()  # the buttons are where they are drawn before the next tap
            self._mark()

    def show_group_of(self, name: str) -> None:
        """The tab that holds a medicine (tests and the screenshots use it)."""
        for index, group in enumerate(self.groups):
            if name in group:
                self._show_group(index)

    def toggle(self, name: str) -> None:
        if name in self.chosen:
            self.chosen.remove(name)
        else:
            self.chosen.append(name)
        self._mark()
        self.chosen_changed.emit(list(self.chosen))

    def clear(self) -> None:
        self.chosen = []
        if self.groups:
            self._show_group(0)
        self._mark()

    def _mark(self) -> None:
        names = self.model.stringList()
        selection = self.view.selectionModel()
        selection.clearSelection()
        for name in self.chosen:
            if name in names:
                selection.select(self.model.index(names.index(name)), QItemSelectionModel.SelectionFlag.Select)
        if not self.chosen:
            self.heading.setText(PICK_FIRST)
        elif len(self.chosen) == 1:
            self.heading.setText(f"{self.chosen[0]} chosen. Tap a second medicine to see the pair, or tap {self.chosen[0]} again to undo.")
        else:
            self.heading.setText(f"Chosen: {', '.join(self.chosen)}. Tap another to add it, or a chosen one to remove it.")

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._regroup)  # once the view has its new size


def _letter_groups(names: list[str], size: int) -> list[list[str]]:
    """Names in groups of at most ``size``, cut between first letters where a letter allows."""
    groups: list[list[str]] = [[]]
    for letter_names in _by_letter(names):
        if groups[-1] and len(groups[-1]) + len(letter_names) > size:
            groups.append([])
        while len(letter_names) > size:  # one letter with more names than fit: it spans tabs
            groups[-1].extend(letter_names[:size])
            letter_names = letter_names[size:]
            groups.append([])
        groups[-1].extend(letter_names)
    return [g for g in groups if g]


def _by_letter(names: list[str]) -> list[list[str]]:
    runs: list[list[str]] = []
    for name in names:
        if runs and runs[-1][0][:1].casefold() == name[:1].casefold():
            runs[-1].append(name)
        else:
            runs.append([name])
    return runs


PICK_FIRST = "Or tap a medicine, then a second one, to see that pair:"
