"""Touch widgets for the kiosk: the attract screen, the exit PIN pad, the drug picker."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


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


class PinPad(QFrame):
    """An on-screen keypad for the administrator's exit PIN; digits are shown as dots."""

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinPad")
        self.setAccessibleName("Administrator PIN")
        self._pin = ""
        self.prompt = QLabel("Administrator PIN")
        self.prompt.setObjectName("PinPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel("")
        self.dots.setObjectName("PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for position, key in enumerate(keys):
            button = QPushButton(key)
            button.setAccessibleName({"OK": "Confirm PIN", "Clear": "Clear PIN"}.get(key, f"Digit {key}"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, position // 3, position % 3)
            self.buttons[key] = button
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")
        cancel.clicked.connect(self.cancel)
        self.buttons["Cancel"] = cancel
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.dots)
        layout.addLayout(grid)
        layout.addWidget(cancel)
        self.hide()

    def open_over(self, area: QWidget, message: str = "Administrator PIN") -> None:
        self._pin = ""
        self.dots.setText("")
        self.prompt.setText(message)
        size = self.sizeHint()
        self.setGeometry(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2,
                         size.width(), size.height())
        self.show()
        self.raise_()

    def press(self, key: str) -> None:
        if key == "OK":
            pin, self._pin = self._pin, ""
            self.dots.setText("")
            self.entered.emit(pin)
        elif key == "Clear":
            self._pin = ""
        elif len(self._pin) < 12:
            self._pin += key
        self.dots.setText("●" * len(self._pin))

    def cancel(self) -> None:
        self._pin = ""
        self.hide()
        self.cancelled.emit()


class DrugPicker(QWidget):
    """Every medicine in the library as a large button: tap one to list its combinations."""

    drug_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DrugPicker")
        self.heading = QLabel("Or tap a medicine to see its combinations:")
        self.heading.setObjectName("PanelText")
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
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(lambda index: self.drug_chosen.emit(index.data()))
        self.view.activated.connect(lambda index: self.drug_chosen.emit(index.data()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)

    def set_drugs(self, names: Sequence[str]) -> None:
        self.model.setStringList(sorted(set(names), key=str.casefold))
