"""Starts the desktop program: QApplication, preferences, the controller, the event loop."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from viewer import __version__

if TYPE_CHECKING:
    from viewer.cli import WindowOptions


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName("combo-viewer")
    QCoreApplication.setApplicationName("combo-viewer")
    QCoreApplication.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # the same look on every platform, fully driven by our style sheet
    return app


def run(options: WindowOptions) -> int:
    from viewer.ui.controller import Controller
    from viewer.ui.settings import Preferences

    app = make_application()
    controller = Controller(options.content, Preferences(QSettings()))
    controller.window.show()
    if options.entry:
        controller.open_by_name(options.entry)
    else:
        controller.window.focus_search()
    return app.exec()
