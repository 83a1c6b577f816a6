"""A read-only rich-text view that never follows links or loads anything by itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from viewer.core.pages.images import MAX_ENTRY_PIXELS, MAX_IMAGE_BYTES, MAX_PIXELS, looks_like_svg, svg_refusal
from viewer.core.present.render import is_local_image
from viewer.core.search.index import word_matches
from viewer.ui.announcer import name_scroll_bars


class TextView(QTextBrowser):
    """Shows one tab's HTML. Links are reported through ``link_activated``; only images inside
    ``image_root`` load, and nothing is ever fetched from the network or elsewhere on disk."""

    link_activated = Signal(QUrl)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        name_scroll_bars(self)
        self.anchorClicked.connect(self.link_activated)
        self._image_root: Path | None = None
        self._image_folder: Path | None = None
        self._images: dict[Path, QImage | None] = {}
        self._pixels = 0

    def set_image_folders(self, root: Path | None, folder: Path | None) -> None:
        """Images resolve against ``folder`` (the page's own) and must stay inside ``root``."""
        self._image_root = root.resolve() if root else None
        self._image_folder = folder.resolve() if folder else None
        self._images = {}  # one decode per file, however it is spelt
        self._pixels = 0

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt API
        self._images = {}
        self._pixels = 0
        super().setHtml(text)

    def highlight(self, terms: list[str], colour: QColor) -> int:
        """Mark every word starting with one of ``terms``; scroll to the first. Returns the count."""
        spans = [(start, end, colour) for start, end in word_matches(self.document().toPlainText(), terms)]  # as the list's snippet
        self.mark(spans, 0 if spans else None)
        return len(spans)

    def mark(self, spans: Sequence[tuple[int, int, QColor]], scroll_to: int | None = None) -> None:
        """Mark each (start, end, colour) of the text (black on the colour), replacing any marks
        before; scroll to the line of ``spans[scroll_to]``."""
        selections = []
        for start, end, colour in spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(colour)
            selection.format.setForeground(QColor("#000000"))
            selections.append(selection)
        self.setExtraSelections(selections)
        if scroll_to is not None:
            self.setTextCursor(QTextCursor(selections[scroll_to].cursor.block()))
            self.ensureCursorVisible()

    # Qt API
    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802
        name = name if isinstance(name, QUrl) else QUrl(name)
        if kind != QTextDocument.ResourceType.ImageResource.value or self._image_root is None:
            return None
        text = name.toString()
        if not is_local_image(text) or self._image_folder is None:
            return None
        path = (self._image_folder / QUrl.fromPercentEncoding(text.encode())).resolve()
        if not path.is_relative_to(self._image_root) or not path.is_file():
            return None
        if path not in self._images:
            self._images[path] = self._decode(path)
        return self._images[path]

    def _decode(self, path: Path) -> QImage | None:
        """The image, or None when it is too large, refers to other content, or is no image."""
        try:
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        if looks_like_svg(data) and svg_refusal(data):
            return None
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer)
        size = reader.size()
        pixels = size.width() * size.height() if size.isValid() else MAX_PIXELS + 1
        if pixels > MAX_PIXELS or self._pixels + pixels > MAX_ENTRY_PIXELS:
            return None
        image = reader.read()
        if image.isNull():
            return None
        self._pixels += pixels
        return image
