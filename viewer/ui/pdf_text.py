"""Text that copies out of a printed PDF as it was written.

Qt's PDF writer maps each drawn glyph back to text through the font's own character table
only. Hindi is shaped: a conjunct or a half form is one glyph standing for several letters, and
a vowel sign such as ि is drawn before the consonant it follows. Copied out of Qt's PDF, such
text loses those letters and comes out in drawn order, not written order.

PDF has the answer (ISO 32000, 14.9.4): a run of drawn text marked with the text it stands for,
its "actual text", which readers (Poppler, PDFium, Acrobat) copy instead of the glyphs. Qt writes
none, so the entry is painted a second time on a device that only records what each text item
says, and each text object Qt wrote is marked with it. Marking adds words and changes no drawing;
where the two do not line up one to one, the page is left as Qt wrote it.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPaintDevice, QPaintEngine, QPainter, QTextItem
from PySide6.QtPrintSupport import QPrinter

# One text object as Qt's PDF engine writes it: "BT" and "ET" on lines of their own.
TEXT_OBJECT = re.compile(rb"(?m)^BT\n.*?^ET\n", re.DOTALL)

Metric = QPaintDevice.PaintDeviceMetric
MOST_BYTES = 256 << 20  # an entry's PDF is a few hundred kilobytes; past this it is not read back


class _TextRecorder(QPaintEngine):
    """A paint engine that draws nothing and keeps, page by page, the text of each text item."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.pages: list[list[str]] = [[]]

    def begin(self, device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: object) -> None:
        pass

    def _nothing(self, *drawn: object) -> None:
        """Everything but text is drawn nowhere. Each kind is overridden: Qt's fallbacks end in
        drawPolygon, which has no default."""

    # One no-op for every overload of each (mypy sees only the first overload's signature).
    drawPolygon = drawPath = drawLines = drawRects = drawEllipse = drawPoints = _nothing
    drawPixmap = drawImage = drawTiledPixmap = _nothing  # type: ignore[assignment]

    def drawTextItem(self, point: object, item: QTextItem) -> None:
        self.pages[-1].append(item.text())


class _RecordingDevice(QPaintDevice):
    """Measures as the printer does, so text is laid out and split into items as in the PDF."""

    def __init__(self, printer: QPrinter) -> None:
        super().__init__()
        self.engine = _TextRecorder()
        self._metrics = {
            Metric.PdmWidth: printer.width(), Metric.PdmHeight: printer.height(),
            Metric.PdmWidthMM: printer.widthMM(), Metric.PdmHeightMM: printer.heightMM(),
            Metric.PdmDpiX: printer.logicalDpiX(), Metric.PdmDpiY: printer.logicalDpiY(),
            Metric.PdmPhysicalDpiX: printer.physicalDpiX(), Metric.PdmPhysicalDpiY: printer.physicalDpiY(),
            Metric.PdmDepth: printer.depth(), Metric.PdmNumColors: printer.colorCount(),
            Metric.PdmDevicePixelRatio: 1, Metric.PdmDevicePixelRatioScaled: int(QPaintDevice.devicePixelRatioFScale()),
        }

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: Metric) -> int:
        return self._metrics.get(metric, 0)

    def new_page(self) -> None:
        self.engine.pages.append([])


def texts_drawn(printer: QPrinter, paint: Callable[[QPainter, Callable[[], object]], object]) -> list[list[str]]:
    """What ``paint(painter, new_page)`` says in each text item, page by page, laid out for ``printer``."""
    device = _RecordingDevice(printer)
    painter = QPainter()
    if not painter.begin(device):
        return []
    try:
        paint(painter, device.new_page)
    finally:
        painter.end()
    return device.engine.pages


def _actual_text(text: str) -> bytes:
    return b"/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">>> BDC\n"


def mark_text(content: bytes, texts: list[str]) -> bytes | None:
    """A page's content with each text object marked with its text; None when they do not pair."""
    objects = list(TEXT_OBJECT.finditer(content))
    if len(objects) != len(texts):
        return None
    marked, end = [], 0
    for found, text in zip(objects, texts, strict=True):
        marked += [content[end:found.start()], _actual_text(text), found.group(), b"EMC\n"]
        end = found.end()
    marked.append(content[end:])
    return b"".join(marked)


def add_actual_text(path: Path, pages: list[list[str]]) -> int:
    """Mark the text objects of the PDF at ``path`` (written whole by Qt: the caller checks) with
    what they say; returns how many pages were marked. The file is rewritten only when every page
    pairs; OSError when it could not be (the file Qt wrote is then left as it was)."""
    from pypdf.errors import PyPdfError

    staged = path.with_name(path.name + ".marking")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MOST_BYTES:
            return 0  # a device or a pipe (/dev/stdout), or not an entry's PDF: nothing read back
        return _rewrite(path, pages, staged)
    except (PyPdfError, ValueError, OSError) as exc:
        staged.unlink(missing_ok=True)
        raise OSError(str(exc)) from None


def _rewrite(path: Path, pages: list[list[str]], staged: Path) -> int:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    if len(reader.pages) != len(pages):
        return 0
    contents = []
    for page, texts in zip(reader.pages, pages, strict=True):
        content = page.get_contents()
        marked = mark_text(b"" if content is None else content.get_data(), texts)
        if marked is None:
            return 0
        contents.append(marked)
    writer = PdfWriter(clone_from=reader)
    for page, marked in zip(writer.pages, contents, strict=True):
        stream = DecodedStreamObject()
        stream.set_data(marked)
        page.replace_contents(stream.flate_encode())
    with open(staged, "wb") as handle:
        writer.write(handle)
    staged.replace(path)
    return len(contents)
