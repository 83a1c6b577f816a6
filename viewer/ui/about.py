"""Help > About (version, licences, the content and its date) and Help > How to use (F1)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6 import __version__ as qt_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from viewer import __version__
from viewer.core.pages.model import Library
from viewer.core.pages.safety import DISCLAIMER, safety_sentence
from viewer.core.words import app_name


def about_text(library: Library) -> str:
    """What the About box says, as rich text."""
    unknown = QCoreApplication.translate("About", "unknown")
    newest = dt.date.fromtimestamp(library.newest_page).isoformat() if library.newest_page else unknown
    count = len(library.entries)
    one, many = QCoreApplication.translate("About", "1 entry"), QCoreApplication.translate("About", "{0} entries")
    entries = one if count == 1 else many.format(f"{count:,}")
    content = QCoreApplication.translate("About", "{0}, {1}, newest page saved {2}")
    content = content.format(html.escape(library.display_name), entries, newest)
    licences = QCoreApplication.translate(
        "About", "the program is under the MIT licence; the bundled pages are under Creative Commons Attribution "
        "4.0 (CC BY 4.0). Qt for Python (PySide6 {0}) is used under the GNU LGPL version 3.")
    what = QCoreApplication.translate("About", "An offline viewer for drug-combination pages. It opens no network connection.")
    content_word, licences_word = QCoreApplication.translate("About", "Content:"), QCoreApplication.translate("About", "Licences:")
    return (
        f"<h3>{html.escape(app_name())} {html.escape(__version__)}</h3><p>{what}</p>"
        f"<p><b>{content_word}</b> {content}<br>{html.escape(library.root)}</p>"
        f"<p><b>{licences_word}</b> {licences.format(html.escape(qt_version))}</p>"
        f"<p><i>{html.escape(safety_sentence(DISCLAIMER))}</i></p>"
    )


def add_help_menu(window: QMainWindow, library: Callable[[], Library], usage: Callable[[], str]) -> dict[str, QAction]:
    """The Help menu: How to use (F1) and About."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("Help", "&Help"))
    how = QAction(QCoreApplication.translate("Help", "&How to use"), window)
    how.setObjectName("HelpAction")
    how.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    how.triggered.connect(lambda: _show(window, QCoreApplication.translate("Help", "How to use"), usage()))
    about = QAction(QCoreApplication.translate("Help", "&About {0}").format(app_name()), window)
    about.setObjectName("AboutAction")
    about.triggered.connect(lambda: _show(window, QCoreApplication.translate("Help", "About {0}").format(app_name()),
                                          about_text(library())))
    menu.addActions([how, about])
    window.addActions([how, about])
    return {"help": how, "about": about}


def _show(window: QMainWindow, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, text, QMessageBox.StandardButton.Close, window)
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setObjectName("AboutBox")
    box.open()
    return box
