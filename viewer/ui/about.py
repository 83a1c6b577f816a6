"""Help > About (version, licences, the content and its date) and Help > How to use (F1)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6 import __version__ as qt_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from viewer import APP_NAME, __version__
from viewer.core.pages.model import Library
from viewer.core.pages.safety import DISCLAIMER, safety_sentence


def about_text(library: Library) -> str:
    """What the About box says, as rich text."""
    newest = dt.date.fromtimestamp(library.newest_page).isoformat() if library.newest_page else "unknown"
    count = len(library.entries)
    return (
        f"<h3>{html.escape(APP_NAME)} {html.escape(__version__)}</h3>"
        "<p>An offline viewer for drug-combination pages. It opens no network connection.</p>"
        f"<p><b>Content:</b> {html.escape(library.display_name)}, {count:,} entr{'y' if count == 1 else 'ies'}, "
        f"newest page saved {newest}<br>{html.escape(library.root)}</p>"
        "<p><b>Licences:</b> the program is under the MIT licence; the bundled pages are under "
        "Creative Commons Attribution 4.0 (CC BY 4.0). "
        f"Qt for Python (PySide6 {html.escape(qt_version)}) is used under the GNU LGPL version 3.</p>"
        f"<p><i>{html.escape(safety_sentence(DISCLAIMER))}</i></p>"
    )


def add_help_menu(window: QMainWindow, library: Callable[[], Library], usage: Callable[[], str]) -> dict[str, QAction]:
    """The Help menu: How to use (F1) and About."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("Help", "&Help"))
    how = QAction(QCoreApplication.translate("Help", "&How to use"), window)
    how.setObjectName("HelpAction")
    how.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    how.triggered.connect(lambda: _show(window, QCoreApplication.translate("Help", "How to use"), usage()))
    about = QAction(QCoreApplication.translate("Help", "&About {0}").format(APP_NAME), window)
    about.setObjectName("AboutAction")
    about.triggered.connect(lambda: _show(window, QCoreApplication.translate("Help", "About {0}").format(APP_NAME),
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
