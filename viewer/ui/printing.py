"""Printing an entry: the whole entry, black on white, a header and footer on every page,
to a PDF file or a printer, with or without a preview. No dialog is opened here."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from viewer import __version__
from viewer.core.catalog.library import load_catalog
from viewer.core.pages.model import Entry, Library
from viewer.core.pages.safety import DISCLAIMER
from viewer.core.present.document import print_html, provenance_line, readable_date
from viewer.core.present.render import Renderer
from viewer.ui.pdf_text import add_actual_text, texts_drawn

# Qt's rich text ignores CSS margins in points; it takes pixels (as 1/96 inch, scaled to the
# printer), so margins are written here in points and converted by print_css.
PRINT_CSS = """
body { color: #000000; font-size: 10.5pt; }
h1 { font-size: 18pt; margin-top: 0; margin-bottom: {2}; }
h2 { font-size: 13pt; margin-top: {14}; margin-bottom: {4}; }
h3 { font-size: 11pt; margin-top: {9}; margin-bottom: {2}; }
p { margin-top: {2}; margin-bottom: {6}; }
ul { margin-top: {2}; margin-bottom: {4}; }
li { margin-bottom: {3}; }
.drugs { font-size: 11pt; color: #333333; margin-bottom: {6}; }
.safety { font-size: 12pt; margin-bottom: {6}; }
.badge-contraindicated, .badge-major { background-color: #000000; color: #ffffff; font-weight: bold; }
.badge-moderate, .badge-minor { font-weight: bold; }
table.callout { border-color: #000000; border-style: solid; margin-top: {4}; margin-bottom: {6}; }
.callout-word { font-weight: bold; margin-top: 0; margin-bottom: {2}; }
"""


def print_css() -> str:
    """PRINT_CSS with each {points} margin written in CSS pixels (1/96 inch)."""
    return re.sub(r"\{(\d+)\}", lambda m: f"{round(int(m.group(1)) * 96 / 72)}px", PRINT_CSS)
def paper_font(points: float) -> QFont:
    """The printed font, without ligatures: text copied out of the PDF reads as typed
    ("effects", not the "ﬀ" glyph), so a search in the PDF finds it."""
    font = QFont("DejaVu Sans")
    font.setFamilies(["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"])
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


MARGIN_MM = 15.0
HEADER_MM = 10.0
FOOTER_MM = 18.0
FOOTER_POINTS = 8.0  # never smaller: the disclaimer must be readable


@dataclass(frozen=True)
class PrintContext:
    """What every printed page says about where the entry comes from, and when."""

    name: str  # the content's name: drugs.yaml's name, the site's title, or its folder's name
    newest_page: dt.date | None
    printed: dt.date
    disclaimer: str = DISCLAIMER

    @classmethod
    def for_library(cls, library: Library, disclaimer: str = DISCLAIMER) -> PrintContext:
        return cls(
            name=library.display_name,
            newest_page=dt.date.fromtimestamp(library.newest_page) if library.newest_page else None,
            printed=dt.date.today(),
            disclaimer=disclaimer,
        )

    @classmethod
    def for_folder(cls, root: Path, disclaimer: str = DISCLAIMER) -> PrintContext:
        """For one-off use (the command line, tests): scans the folder for its newest page."""
        return cls.for_library(load_catalog(root), disclaimer)

    def source_line(self, entry: Entry) -> str:
        """The footer's second line: whose content, the page's own date, the print date."""
        parts = [QCoreApplication.translate("Printing", "From {0}").format(self.name)]
        dated = provenance_line(entry).replace("Reviewed", "reviewed").replace("Updated", "updated")
        if dated:
            parts.append(QCoreApplication.translate("Printing", "this page: {0}").format(dated))
        parts.append(QCoreApplication.translate("Printing", "printed {0}").format(readable_date(self.printed.isoformat())))
        return " · ".join(parts)


def locale_page_size(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale.system()).measurementSystem()
    letter = system == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def configure(printer: QPrinter, entry: Entry) -> None:
    """Page size by locale, margins, document name and creator (the PDF's metadata)."""
    printer.setPageLayout(
        QPageLayout(locale_page_size(), QPageLayout.Orientation.Portrait,
                    QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    )
    printer.setDocName(entry.display_title)
    printer.setCreator(f"combo-viewer {__version__}")
    printer.setColorMode(QPrinter.ColorMode.GrayScale)


EDGE_HAIR = 0.5  # device pixels (1/2400 inch at the printer's resolution): closer than this is on the edge


class EntryPrint:
    """One entry laid out for paper. ``paint`` draws it on any QPrinter (PDF, printer, preview)."""

    def __init__(self, entry: Entry, context: PrintContext, renderer: Renderer | None = None) -> None:
        self.entry = entry
        self.context = context
        self.html = print_html(entry, renderer or Renderer())
        self.pages = 0

    def paint(self, printer: QPrinter) -> int:
        """Draw every page; returns the number of pages."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"cannot print to {printer.outputFileName() or printer.printerName() or 'the printer'}")
        try:
            pages = self._paint(painter, printer, printer.newPage)
            to_file = painter.paintEngine().type() == QPaintEngine.Type.Pdf and printer.outputFileName()
        finally:
            painter.end()
        if to_file:  # a PDF, whether exported or printed to a file from the print dialog (not a preview)
            self._mark_text(printer)
        return pages

    def _mark_text(self, printer: QPrinter) -> None:
        path = Path(printer.outputFileName())
        try:
            check_pdf(path)
        except OSError:
            return  # not whole (a full disk): check_pdf says so to whoever asked for the file
        try:
            add_actual_text(path, self.texts(printer))
        except OSError as exc:  # the PDF Qt wrote stands; only copying text out of it is poorer
            logging.getLogger(__name__).warning("%s: the text was not marked for copying out: %s", path, exc)

    def texts(self, printer: QPrinter) -> list[list[str]]:
        """What each text item drawn on ``printer`` says, page by page (nothing is drawn)."""
        return texts_drawn(printer, lambda painter, new_page: self._paint(painter, printer, new_page))

    def _paint(self, painter: QPainter, printer: QPrinter, new_page: Callable[[], object]) -> int:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = float(area.width()), float(area.height())
        per_mm = printer.resolution() / 25.4
        header, footer = HEADER_MM * per_mm, FOOTER_MM * per_mm
        body = QRectF(0, header, width, height - header - footer)

        document = QTextDocument()
        document.documentLayout().setPaintDevice(printer)
        document.setDocumentMargin(0)
        document.setDefaultStyleSheet(print_css())
        document.setDefaultFont(paper_font(10.5))
        document.setHtml(self.html)
        document.setPageSize(QSizeF(body.width(), body.height()))
        keep_headings_with_text(document, body.height())  # lays the document out in full first
        total = document.pageCount()
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))

        for page in range(total):
            if page:
                new_page()
            self._header(painter, width, header, page + 1, total)
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            page_rect = QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(page_rect)
            # Qt draws a line that only touches the page's edge too (clipped, unseen, but its
            # text copies out of the PDF twice): the layout is told of a hair less.
            context.clip = page_rect.adjusted(0, EDGE_HAIR, 0, -EDGE_HAIR)
            document.documentLayout().draw(painter, context)
            painter.restore()
            self._footer(painter, width, height - footer, footer, page + 1, total)
        self.pages = total
        return total

    def _header(self, painter: QPainter, width: float, height: float, page: int, total: int) -> None:
        painter.save()
        painter.setPen(QColor("black"))
        font = QFont("DejaVu Sans", 9)
        font.setBold(True)
        painter.setFont(font)
        line = QRectF(0, 0, width, height * 0.7)
        number = QCoreApplication.translate("Printing", "Page {0} of {1}").format(page, total)
        metrics = QFontMetricsF(painter.fontMetrics())  # the printer's, not the screen's
        number_width = metrics.horizontalAdvance(number) + 20
        title = metrics.elidedText(self.entry.display_title, Qt.TextElideMode.ElideRight, width - number_width)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
        painter.drawLine(0, int(height * 0.8), int(width), int(height * 0.8))
        painter.restore()

    def _footer(self, painter: QPainter, width: float, top: float, height: float, page: int, total: int) -> None:
        painter.save()
        painter.setPen(QColor("black"))
        painter.drawLine(0, int(top + height * 0.1), int(width), int(top + height * 0.1))
        painter.setFont(paper_font(FOOTER_POINTS))
        metrics = QFontMetricsF(painter.fontMetrics())  # the printer's, not the screen's
        number = QCoreApplication.translate("Printing", "Page {0} of {1}").format(page, total)
        room = width - metrics.horizontalAdvance(number) - metrics.averageCharWidth() * 3
        text = QRectF(0, top + height * 0.16, room, height * 0.84)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(text, flags, f"{self.context.disclaimer}\n{self.context.source_line(self.entry)}")
        painter.drawText(QRectF(0, top + height * 0.16, width, height * 0.84),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, number)
        painter.restore()


MOST_HEADINGS_MOVED = 400  # a bound for a hostile page of headings; past it, pages break where they fall


def _line_top(layout: QAbstractTextDocumentLayout, block: QTextBlock, line: int) -> float:
    """Where a block's line (-1: its last) stands in the document, after the layout's page breaks."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    count = lines.lineCount() if lines is not None else 0
    return top + lines.lineAt(line % count).y() if count else top


def _is_heading(block: QTextBlock) -> bool:
    return block.isValid() and block.blockFormat().headingLevel() > 0


def keep_headings_with_text(document: QTextDocument, page_height: float) -> int:
    """No heading (a section's title, a FAQ question) ends a page without the start of the text
    under it: the heading, with any headings right above it on the same page (a section's title
    over its first question), starts the next page instead. Returns how many were moved.

    One pass from the top: a move changes the layout only from the moved heading on."""
    layout = document.documentLayout()
    document.size()  # laid out in full (Qt lays out a long document lazily): no stale rects

    def page_of(block: QTextBlock, line: int) -> int:
        # The layout places lines in 1/64 pixel steps: one pushed to a page's top may stand a
        # hair above it in floating point.
        return int((_line_top(layout, block, line) + EDGE_HAIR) // page_height)

    moved, block = 0, document.begin()
    while block.isValid() and moved < MOST_HEADINGS_MOVED:
        following = block.next()
        if _is_heading(block) and following.isValid():
            page = page_of(block, -1)
            if page_of(following, 0) > page:
                first = block
                while _is_heading(first.previous()) and page_of(first.previous(), -1) == page:
                    first = first.previous()
                if _line_top(layout, first, 0) - page * page_height > 1:  # not already at the top of a page
                    form = first.blockFormat()
                    form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(first).setBlockFormat(form)
                    document.size()
                    moved += 1
        block = following
    return moved


def export_pdf(entry: Entry, path: Path, context: PrintContext) -> int:
    """Write the entry to a PDF file; returns the number of pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    configure(printer, entry)
    pages = EntryPrint(entry, context).paint(printer)  # its text marked for copying out, as any PDF it writes
    check_pdf(path)
    return pages


def check_pdf(path: Path) -> None:
    """Raise OSError unless ``path`` is a complete PDF: Qt does not report a failed write
    (a full disk, a device), so the file itself is read back."""
    try:
        with open(path, "rb") as handle:
            if not handle.read(5) == b"%PDF-":
                raise OSError(f"the PDF could not be written to {path} (the file is empty or not a PDF)")
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 64))
            if b"%%EOF" not in handle.read():
                raise OSError(f"the PDF written to {path} is incomplete ({size:,} bytes): is the disk full?")
    except OSError as exc:
        if exc.strerror:
            raise OSError(f"the PDF could not be written to {path}: {exc.strerror}") from None
        raise


def find_printer(name: str | None) -> QPrinterInfo:
    """The printer called ``name``, or the default one for None or ""; null when there is none."""
    return QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()


def print_to_printer(entry: Entry, info: QPrinterInfo, context: PrintContext, wanted: str | None = None) -> int:
    """Send the entry to a printer with no dialog (the kiosk uses this too)."""
    if info.isNull():
        raise OSError(f"the printer '{wanted}' is not available" if wanted else "no default printer is set up")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    configure(printer, entry)
    pages = EntryPrint(entry, context).paint(printer)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise OSError(f"the printer {info.printerName()} reported an error")
    return pages
