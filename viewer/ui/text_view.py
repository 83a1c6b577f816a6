"""A read-only rich-text view that never follows links or loads anything by itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from viewer.core.render import is_local_image


class TextView(QTextBrowser):
    """Shows one tab's HTML. Links are reported through ``link_activated``; only images inside
    ``image_root`` load, and nothing is ever fetched from the network or elsewhere on disk."""

    link_activated = Signal(QUrl)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.anchorClicked.connect(self.link_activated)
        self._image_root: Path | None = None
        self._image_folder: Path | None = None

    def set_image_folders(self, root: Path | None, folder: Path | None) -> None:
        """Images resolve against ``folder`` (the page's own) and must stay inside ``root``."""
        self._image_root = root.resolve() if root else None
        self._image_folder = folder.resolve() if folder else None

    def highlight(self, terms: list[str], colour: QColor) -> int:
        """Mark every word starting with one of ``terms``; scroll to the first. Returns the count."""
        selections = []
        document = self.document()
        for term in terms:
            pattern = QRegularExpression(
                r"\b" + QRegularExpression.escape(term), QRegularExpression.PatternOption.CaseInsensitiveOption
            )
            cursor = document.find(pattern)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format.setBackground(colour)
                selection.format.setForeground(QColor("#000000"))
                selections.append(selection)
                cursor = document.find(pattern, cursor)
        self.setExtraSelections(selections)
        if selections:
            first = min(selections, key=lambda s: s.cursor.position())
            self.setTextCursor(QTextCursor(first.cursor.block()))
            self.ensureCursorVisible()
        return len(selections)

    # Qt API
    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802
        if kind != QTextDocument.ResourceType.ImageResource.value or self._image_root is None:
            return None
        text = name.toString()
        if not is_local_image(text) or self._image_folder is None:
            return None
        path = (self._image_folder / QUrl.fromPercentEncoding(text.encode())).resolve()
        if not path.is_relative_to(self._image_root) or not path.is_file():
            return None
        image = QImage(str(path))
        return None if image.isNull() else image
