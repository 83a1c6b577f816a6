"""Find in page: Ctrl+F finds a word in the open entry across all its tabs, as a browser does:
every match marked, the current one stronger, Next and Previous move through the tabs in order,
and a count says where you are ("3 of 12")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from viewer.ui.text_view import TextView

ALL_COLOUR, CURRENT_COLOUR = QColor("#ffe066"), QColor("#ff9632")


class FindBar(QWidget):
    """The bar under an entry's tabs. ``tabs()`` gives (key, view) of the shown tabs in order,
    ``show_tab(key)`` brings one to the front and ``front()`` names the one in front; the views
    named in ``always_shown`` (the header) are in view whichever tab is."""

    def __init__(self, tabs: Callable[[], Sequence[tuple[str, TextView]]], show_tab: Callable[[str], None],
                 front: Callable[[], str], always_shown: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FindBar")
        self._tabs, self._show_tab, self._front, self._always_shown = tabs, show_tab, front, always_shown
        self._matches: list[tuple[str, int, int]] = []  # (tab key, start, end) in tab order
        self._current = -1
        self._phrase = ""
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in this entry"))
        self.field.setAccessibleName(self.field.placeholderText())
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Matches found"))
        self.previous = QPushButton(self.tr("Previous"))
        self.next = QPushButton(self.tr("Next"))
        self.close_button = QPushButton(self.tr("Close"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for button in (self.previous, self.next, self.close_button):
            layout.addWidget(button)
        self.field.textChanged.connect(self.find_phrase)
        self.field.installEventFilter(self)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.find_phrase(self._phrase)

    def close_bar(self) -> None:
        self.hide()
        self._matches, self._current = [], -1
        self._mark()

    def refresh(self) -> None:
        """The entry changed: its matches are found again (or cleared when the bar is closed)."""
        if self.isVisible():
            self.find_phrase(self._phrase)

    def find_phrase(self, phrase: str) -> None:
        self._phrase = phrase  # as the field told it (textChanged): never read back from the field
        from viewer.core.search.index import phrase_matches  # loads with the first search in a page

        self._matches = [(key, start, end) for key, view in self._tabs()
                         for start, end in phrase_matches(view.document().toPlainText(), phrase)]
        shown = [key for key, _ in self._tabs()]
        here = shown.index(self._front()) if self._front() in shown else 0
        # The first match in view (a view always shown, the tab in front) or after it, as a reader
        # reading on would meet it.
        self._current = next((i for i, (key, _, _) in enumerate(self._matches)
                              if key in self._always_shown or shown.index(key) >= here),
                             0 if self._matches else -1)
        self._go()

    def step(self, by: int) -> None:
        if self._matches:
            self._current = (self._current + by) % len(self._matches)
            self._go()

    def _go(self) -> None:
        phrase = self._phrase.strip()
        if not self._matches:
            self.count.setText(self.tr("Not found") if phrase else "")
        else:
            self.count.setText(self.tr("{0} of {1}").format(self._current + 1, len(self._matches)))
            self._show_tab(self._matches[self._current][0])
        self._mark()

    def _mark(self) -> None:
        for key, view in self._tabs():
            mine = [number for number, (where, _, _) in enumerate(self._matches) if where == key]
            view.mark([(self._matches[n][1], self._matches[n][2], CURRENT_COLOUR if n == self._current else ALL_COLOUR)
                       for n in mine], mine.index(self._current) if self._current in mine else None)

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
