"""The kiosk's way to a medicine by finger: an on-screen keyboard with the names it suggests, and
"My medicines", the chosen ones as chips that stay in view. Both draw a MyMedicines (core) and
hand taps back to it; neither keeps a list of its own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from viewer.core.search.typeahead import DELETE, KEY_ROWS, SPACE
from viewer.core.session.medicines import MyMedicines
from viewer.ui.kiosk_widgets import NameDelegate

COLUMNS = max(len(row) for row in KEY_ROWS)


def _button(text: str, name: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap never takes the typing away from the field
    return button


class Keyboard(QWidget):
    """Letters, digits, space and delete as keys of 60 px or more: no system keyboard needed."""

    pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAccessibleName(self.tr("Keyboard"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for row, letters in enumerate(KEY_ROWS):
            for column, letter in enumerate(letters):
                spoken = self.tr("Letter {0}") if letter.isalpha() else self.tr("Digit {0}")
                self._add(grid, letter, letter, spoken.format(letter), row, column)
        last = len(KEY_ROWS) - 1
        self._add(grid, DELETE, DELETE, self.tr("Delete a letter"), last - 1, len(KEY_ROWS[last - 1]), COLUMNS - len(KEY_ROWS[last - 1]))
        self._add(grid, SPACE, self.tr("Space"), self.tr("Space"), last, len(KEY_ROWS[last]), COLUMNS - len(KEY_ROWS[last]))
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _add(self, grid: QGridLayout, key: str, label: str, accessible: str, row: int, column: int, span: int = 1) -> None:
        button = _button(label, "Key", accessible)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # the grid shares the width
        button.clicked.connect(lambda _=False, k=key: self.pressed.emit(k))
        grid.addWidget(button, row, column, 1, span)
        self.keys[key] = button


class Finder(QWidget):
    """The field, the names it suggests as large buttons (wrapped, never cut) and the keyboard."""

    def __init__(self, medicines: MyMedicines, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Finder")
        self.medicines = medicines
        self.heading = QLabel()
        self.heading.setObjectName("PanelText")
        self.heading.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("FinderField")
        self.field.setAccessibleName(self.tr("Medicine name"))
        self.field.setPlaceholderText(self.tr("Tap the first letters of a medicine's name"))
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # no system keyboard pops up
        self.field.textEdited.connect(medicines.set_typed)  # a real keyboard, where there is one
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setObjectName("DrugList")
        self.view.setAccessibleName(self.tr("Suggested medicines"))
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
        self.view.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.view.clicked.connect(lambda index: medicines.choose(index.data()))
        self.keyboard = Keyboard()
        self.keyboard.pressed.connect(medicines.press)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.field)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keyboard)
        medicines.typed_changed.connect(self._typed)
        medicines.chosen_changed.connect(self._chosen)
        self._typed("")
        self._chosen([])

    def _typed(self, typed: str) -> None:
        if self.field.text() != typed:
            self.field.setText(typed)
        self.model.setStringList(self.medicines.suggestions())
        self.view.scrollToTop()
        self.view.doItemsLayout()  # the buttons are where they are drawn before the next tap

    def _chosen(self, chosen: list[str]) -> None:
        if not chosen:
            self.heading.setText(self.tr("Find your medicine: tap the first letters of its name, then tap the name."))
        elif len(chosen) == 1:
            self.heading.setText(self.tr("{0} is in your list; its combinations are on the left. "
                                         "Add another medicine to see the two together.").format(chosen[0]))
        else:
            self.heading.setText(self.tr("Add another medicine to check it with the others."))
        self._typed(self.medicines.typed)

    def say_first(self, sentence: str) -> None:
        """A sentence before what to do (that the two chosen have no entry of their own)."""
        self.heading.setText(f"{sentence} {self.heading.text()}")

    def shown_names(self) -> list[str]:
        """The suggestions a patient sees without scrolling."""
        viewport = self.view.viewport().rect()
        return [name for row, name in enumerate(self.model.stringList())
                if viewport.contains(self.view.visualRect(self.model.index(row)))]


class Chips(QWidget):
    """"My medicines": each chosen medicine as a large chip with an x that removes it, then
    "+ Add another". Chips wrap onto more lines rather than run off the screen."""

    add_requested = Signal()

    def __init__(self, medicines: MyMedicines, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MyMedicines")
        self.setAccessibleName(self.tr("My medicines"))
        self.medicines = medicines
        self.flow = FlowLayout(self)
        self.label = QLabel(self.tr("My medicines:"))
        self.label.setObjectName("ChipsLabel")
        self.empty = QLabel(self.tr("none yet"))
        self.empty.setObjectName("ChipsEmpty")
        self.add = _button(self.tr("+ Add another"), "AddMedicine", self.tr("Add another medicine"))
        self.add.clicked.connect(self.add_requested)
        self.chips: dict[str, QPushButton] = {}
        medicines.chosen_changed.connect(self._show)
        self._show([])

    def _show(self, chosen: list[str]) -> None:
        for chip in self.chips.values():
            self.flow.removeWidget(chip)
            chip.hide()  # at once: it is deleted only when the event loop next runs
            chip.deleteLater()
        self.chips = {}
        for widget in (self.label, self.empty, self.add):
            self.flow.removeWidget(widget)
        self.flow.addWidget(self.label)
        for name in chosen:
            chip = _button(f"{name}   ✕", "Chip", self.tr("Remove {0}").format(name))
            chip.clicked.connect(lambda _=False, n=name: self.medicines.remove(n))
            self.flow.addWidget(chip)
            self.chips[name] = chip
        self.flow.addWidget(self.add if chosen else self.empty)
        self.add.setVisible(bool(chosen))
        self.empty.setVisible(not chosen)
        self.updateGeometry()


class FlowLayout(QLayout):
    """Widgets left to right, onto the next line when the width runs out (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(8)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure): the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint().boundedTo(area.size().expandedTo(QSize(1, 10**6)))
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
