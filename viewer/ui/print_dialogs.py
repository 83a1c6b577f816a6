"""The print dialogs: where to save a PDF, and the preview from which an entry is printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QToolBar, QWidget

from viewer.core.pages.model import Entry, Library
from viewer.paths import with_suffix
from viewer.ui.printing import EntryPrint, PrintContext, configure, export_pdf

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def preview_entry(window: MainWindow, entry: Entry | None, library: Library) -> QPrintPreviewDialog | None:
    """File > Print...: a preview of the whole entry, printable from there (None: no entry open)."""
    return None if entry is None else show_print_preview(window, _job(window, entry, library))


def export_entry_pdf(window: MainWindow, entry: Entry | None, library: Library) -> Path | None:
    """File > Export PDF...: ask where, write it, and say in the status bar how it went."""
    return None if entry is None else export_pdf_asking(window, _job(window, entry, library))


def _job(window: MainWindow, entry: Entry, library: Library) -> EntryPrint:
    return EntryPrint(entry, PrintContext.for_library(library, window.banner.text))


def ask_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save a PDF (.pdf added when the name has none); None when cancelled."""
    title, kinds = QCoreApplication.translate("Printing", "Export PDF"), QCoreApplication.translate("Printing", "PDF files (*.pdf)")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), kinds)
    if not name:
        return None
    return with_suffix(Path(name), ".pdf")


def show_print_preview(parent: QWidget, job: EntryPrint) -> QPrintPreviewDialog:
    """A preview of the whole entry, printable from there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer, job.entry)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview — {0}").format(job.entry.display_title))
    dialog.paintRequested.connect(job.paint)
    # Never taller than the screen (its Print button stays in reach at 1366x768), and showing
    # a whole page at once.
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    toolbar = dialog.findChild(QToolBar)
    width = max(900, toolbar.sizeHint().width() + 40 if toolbar is not None else 0)  # every button, Print last
    height = 1000
    if room is not None:
        width, height = min(width, int(room.width() * 0.9)), min(height, int(room.height() * 0.9))
    dialog.resize(width, height)
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
    add_labelled_buttons(dialog, toolbar)
    dialog.open()
    return dialog


def add_labelled_buttons(dialog: QPrintPreviewDialog, toolbar: QToolBar | None) -> None:
    """Print and Close as buttons with words, at the foot of the preview where a dialog's buttons
    are (the toolbar's own Print is an icon a pharmacist has to guess)."""
    names = ("print", QCoreApplication.translate("QPrintPreviewDialog", "Print").replace("&", "").lower())  # Qt's own words
    printing = next((a for a in toolbar.actions() if a.text().replace("&", "").lower().startswith(names)), None) \
        if toolbar is not None else None
    buttons = QDialogButtonBox(dialog)
    buttons.setObjectName("PreviewButtons")
    if printing is not None:
        print_button = buttons.addButton(QCoreApplication.translate("Printing", "&Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        print_button.setAccessibleName(QCoreApplication.translate("Printing", "Print"))
        print_button.clicked.connect(printing.trigger)
        print_button.setDefault(True)
    close_button = buttons.addButton(QCoreApplication.translate("Printing", "&Close"), QDialogButtonBox.ButtonRole.RejectRole)
    close_button.setAccessibleName(QCoreApplication.translate("Printing", "Close the preview"))
    close_button.clicked.connect(dialog.reject)
    layout = dialog.layout()
    if layout is not None:
        layout.addWidget(buttons)


def export_pdf_asking(window: MainWindow, job: EntryPrint) -> Path | None:
    """File > Export PDF...: ask where, write it, and say in the status bar how it went."""
    path = ask_pdf_path(window, Path.home() / f"{Path(job.entry.path).stem}.pdf")
    if path is None:
        return None
    try:
        pages = export_pdf(job.entry, path, job.context)
    except OSError as exc:
        window.statusBar().showMessage(QCoreApplication.translate("Printing", "Could not write {0}: {1}").format(path, exc), 10000)
        return None
    one, many = QCoreApplication.translate("Printing", "Saved {0} (1 page)."), QCoreApplication.translate("Printing", "Saved {0} ({1} pages).")
    saved = one if pages == 1 else many
    window.statusBar().showMessage(saved.format(path, pages), 8000)
    return path
