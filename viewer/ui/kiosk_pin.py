"""The kiosk's exit PIN pad, and the lockout that makes wrong PINs wait longer each time."""

from __future__ import annotations

import logging
import math
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class PinPad(QFrame):
    """The administrator's exit PIN: a keypad (digits shown as dots) on a backdrop that covers
    the whole window, so nothing behind it can be tapped while it is open. After the right PIN,
    a kiosk whose pages have problems shows them there (never to the public) before it is left."""

    entered = Signal(str)
    cancelled = Signal()
    leave = Signal()  # the administrator chose to leave the kiosk

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinBackdrop")
        self.setAccessibleName(self.tr("Administrator PIN"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._pin = ""
        self.panel = QFrame()
        self.panel.setObjectName("PinPad")
        self.prompt = QLabel(self.accessibleName())
        self.prompt.setObjectName("PinPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.dots = QLabel("")
        self.dots.setObjectName("PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for position, key in enumerate(keys):
            button = QPushButton({"OK": self.tr("OK"), "Clear": self.tr("Clear")}.get(key, key))
            button.setAccessibleName({"OK": self.tr("Confirm PIN"), "Clear": self.tr("Clear PIN")}.get(key, self.tr("Digit {0}").format(key)))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, position // 3, position % 3)
            self.buttons[key] = button
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(cancel.text())
        cancel.clicked.connect(self.cancel)
        self.buttons["Cancel"] = cancel
        inner = QVBoxLayout(self.panel)
        inner.addWidget(self.prompt)
        inner.addWidget(self.dots)
        inner.addLayout(grid)
        inner.addWidget(cancel)
        outer = QVBoxLayout(self)
        outer.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignCenter)
        self.admin = self._admin_panel()
        outer.addWidget(self.admin, 1)
        self.hide()

    def _admin_panel(self) -> QFrame:
        """What the administrator sees after the right PIN when pages have problems."""
        panel = QFrame()
        panel.setObjectName("PinPad")
        self.problems_heading = QLabel()
        self.problems_heading.setObjectName("PinPrompt")
        self.problems_heading.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Problems in the content folder"))
        leave = QPushButton(self.tr("Leave the kiosk"))
        leave.clicked.connect(self.leave)
        back = QPushButton(self.tr("Back to the kiosk"))
        back.clicked.connect(self.cancel)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.problems_heading)
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(leave)
        layout.addLayout(row)
        panel.hide()
        return panel

    def show_problems(self, lines: list[str]) -> None:
        """The administrator's view: the content's problems as `check` prints them, then leave or go back."""
        self.panel.hide()
        self.problems_heading.setText(self.tr("{0} problems in the content folder (the public never sees this list):")
                                      .format(f"{len(lines):,}"))
        self.problems.setPlainText("\n".join(lines))
        self.admin.show()

    def open_over(self, area: QWidget, message: str = "") -> None:
        """Cover ``area`` (the whole window) and wait for a PIN."""
        self.admin.hide()
        self.panel.show()
        self._pin = ""
        self.dots.setText("")
        self.prompt.setText(message or self.tr("Administrator PIN"))
        self.setGeometry(area.rect() if area is self.parentWidget() else area.geometry())
        self.show()
        self.raise_()

    def lock(self, seconds: int, message: str) -> None:
        """No PIN can be entered for a while (after repeated wrong ones); Cancel still works."""
        self.prompt.setText(message)
        for key, button in self.buttons.items():
            button.setEnabled(key == "Cancel" or seconds <= 0)

    def press(self, key: str) -> None:
        if not self.buttons[key].isEnabled():
            return
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

    # Qt API
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin):
            return True  # a tap on the backdrop reaches nothing behind it
        return super().event(event)


LOG = logging.getLogger("combo_viewer.kiosk")
FIRST_DELAYED = 3  # the third wrong PIN in a row waits 1 s, the fourth 2 s, then 4, 8...
MAX_DELAY_S = 300


class PinLockout(QObject):
    """Wrong PINs make the next try wait, longer each time, and each is written to the log:
    a four-digit PIN can no longer be found by trying them all."""

    def __init__(self, pad: PinPad, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pad = pad
        self.wrong = 0  # wrong PINs in a row
        self._until = 0.0
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self.show_wait)

    def failed(self) -> None:
        self.wrong += 1
        delay = 0 if self.wrong < FIRST_DELAYED else min(MAX_DELAY_S, 2 ** (self.wrong - FIRST_DELAYED))
        LOG.warning("wrong exit PIN (%d in a row)%s", self.wrong, f"; the next try waits {delay} s" if delay else "")
        if delay:
            self._until = time.monotonic() + delay
            self._timer.start()
        self.show_wait()

    def succeeded(self) -> None:
        LOG.info("the kiosk was left with the exit PIN after %d wrong tries", self.wrong)
        self.wrong = 0
        self._until = 0.0

    def remaining(self) -> int:
        return max(0, math.ceil(self._until - time.monotonic()))

    def waiting(self) -> bool:
        return self.remaining() > 0

    def show_wait(self) -> None:
        """The pad says how long to wait, its keys off, until the wait is over."""
        left = self.remaining()
        if left:
            self._pad.lock(left, self.tr("Wrong PIN. Try again in {0} s").format(left))
            return
        self._timer.stop()
        self._pad.lock(0, self.tr("Wrong PIN, try again") if self.wrong else self.tr("Administrator PIN"))
