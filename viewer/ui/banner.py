"""The disclaimer banner: always shown, never closable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from viewer.core.pages.safety import DISCLAIMER, safety_sentence


class DisclaimerBanner(QFrame):
    """A strip across the top of the window; it has no close button and ignores hide()."""

    def __init__(self, text: str = DISCLAIMER, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = safety_sentence(text)  # a kiosk's own words stay as they are written
        self.setObjectName("Banner")
        self.setAccessibleName(self.tr("Medical disclaimer"))
        self._label = QLabel(self.tr("<b>Important:</b> {0}").format(text))
        self._label.setObjectName("BannerText")
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._label.setAccessibleName(self.accessibleName())
        self._label.setAccessibleDescription(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self._label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.text = text

    # Qt API
    def setVisible(self, visible: bool) -> None:  # noqa: N802 - the banner cannot be hidden
        super().setVisible(True if self.parentWidget() is not None and not visible else visible)

    def label_text(self) -> str:
        return self._label.text()
