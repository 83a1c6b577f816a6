"""Touch widgets for the kiosk: the attract screen and the medicine buttons' delegate (the keyboard
and the chips: kiosk_finder.py; the PIN pad: kiosk_pin.py)."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core import words
from viewer.ui.list_rows import text_room

SMALLEST_NAME = 0.6  # a medicine's name is drawn no smaller than this share of the buttons' text size


def fitted_font(font: QFont, text: str, width: float, height: float = 0.0) -> QFont:
    """``font``, made smaller when a word of ``text`` is wider than ``width`` (a name wraps only
    between its words) or, wrapped, it is taller than ``height``, so that it fits whole, down to
    SMALLEST_NAME of its size."""
    if width <= 0:
        return font
    size = font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())
    scale = 1.0
    while True:
        tried = _scaled(font, size * scale)
        metrics = QFontMetricsF(tried)
        widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)
        tall = metrics.boundingRect(QRectF(0, 0, width, 0), int(Qt.TextFlag.TextWordWrap), text).height()
        if (widest <= width and (height <= 0 or tall <= height)) or scale <= SMALLEST_NAME:
            return tried
        scale = max(SMALLEST_NAME, scale * min(0.95, width / widest if widest > width else 0.95))


def _scaled(font: QFont, size: float) -> QFont:
    if size == (font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())):
        return font
    smaller = QFont(font)
    if font.pointSizeF() > 0:
        smaller.setPointSizeF(size)
    else:
        smaller.setPixelSize(max(1, int(size)))
    return smaller


class NameDelegate(QStyledItemDelegate):
    """A medicine's button: its name wrapped between words and, when one word is longer than the
    button is wide ("Bendroflumethiazide") or the lines are more than it is tall ("Recombinant
    Human parathyroid hormone"), drawn smaller until it fits whole, never cut."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    # Qt API
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if option.rect.width() > 0:
            width, height = text_room(self._view, option)
            option.font = fitted_font(option.font, option.text, float(width), float(height))


class AttractScreen(QFrame):
    """Covers the list and the entry (never the banner) until someone touches it."""

    dismissed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setAccessibleName(self.tr("Touch to start"))
        self.label = QLabel(words.translate("Kiosk", text))
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
