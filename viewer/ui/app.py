"""Starts the desktop program: QApplication, preferences, the controller, the event loop."""

from __future__ import annotations

import gc
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.paths import DESKTOP_ID, bundled_dir
from viewer.ui.fonts import load_bundled_fonts
from viewer.ui.i18n import install_translations

if TYPE_CHECKING:
    from viewer.core.catalog.prefetch import CatalogPrefetch
    from viewer.options import WindowOptions


ICON_SIZES = (16, 32, 48, 64, 128, 256)
KIOSK_RUNNING = ("combo-viewer: a kiosk is already running for this user on this computer; nothing else "
                 "is started beside it (leave it with the administrator's gesture first)")
WINDOW_RUNNING = ("combo-viewer: the viewer is already open for this user; close it before starting the "
                  "kiosk")
GUI_SWITCH_INTERVAL_S = 0.001
FULL_COLLECTION_EVERY = 1000  # middle-generation collections between full ones (Python's default: 10)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    QCoreApplication.setOrganizationName("combo-viewer")
    QCoreApplication.setApplicationName("combo-viewer")
    QCoreApplication.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # the same look on every platform, fully driven by our style sheet
    app.setWindowIcon(application_icon())  # every window, dialogs included
    load_bundled_fonts()
    install_translations(app)  # the desktop's language (LANGUAGE=hi), where there is a translation
    QGuiApplication.setDesktopFileName(DESKTOP_ID)  # Wayland's app id: the .desktop file's name
    # Background reads and searches run Python in worker threads; the window's thread gets the
    # interpreter back within a millisecond instead of five, so a keystroke is never kept waiting.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    # A full collection stops every thread, the window's too, for as long as it walks the heap
    # (50 ms after a reload of 100,000 pages). Objects here are freed by reference counting;
    # the rare cycle waits for a full collection every few million allocations instead.
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    return app


def application_icon() -> QIcon:
    icon = QIcon()
    folder = bundled_dir("resources") / "icons"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"combo-viewer-{size}.png"), QSize(size, size))
    return icon


def run(options: WindowOptions, prefetch: CatalogPrefetch | None = None) -> int:
    from viewer.ui.controller import Controller
    from viewer.ui.instance import InstanceServer, hand_over
    from viewer.ui.launch import open_request
    from viewer.ui.settings import Preferences

    app = make_application()
    content = str(options.content.resolve())
    request: dict[str, object] = {"entry": options.entry, "page": options.page, "content": content, "kiosk": options.kiosk}
    answer = hand_over(request)
    if answer is not None and prefetch is not None:
        prefetch.cancel()  # another window takes the request: nothing to read here
    if answer is not None and answer.get("kind") == "kiosk":
        print(KIOSK_RUNNING, file=sys.stderr)
        return 1
    if answer is not None and options.kiosk:
        print(WINDOW_RUNNING, file=sys.stderr)
        return 1
    if answer is not None and answer.get("accepted"):
        print("combo-viewer: handed to the window already open", file=sys.stderr)
        return 0
    server = InstanceServer("kiosk" if options.kiosk else "window", content)
    server.listen()  # false when another folder's window has the name: this one simply runs alone
    if options.kiosk:
        return run_kiosk(options, app, prefetch)
    controller = Controller(options.content, Preferences(QSettings()), prefetch=prefetch)
    server.message.connect(lambda message: open_request(controller, message))
    controller.window.show()
    open_request(controller, request)
    status = app.exec()
    server.close()
    return status


def run_kiosk(options: WindowOptions, app: QApplication, prefetch: CatalogPrefetch | None = None) -> int:
    """The kiosk keeps no preferences between runs: every start is the same clean screen."""
    import tempfile
    from pathlib import Path

    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk import Kiosk
    from viewer.ui.settings import Preferences

    config = options.config or KioskConfig()
    if not logging.getLogger().handlers:  # wrong PINs and exits go to standard error (the journal)
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "kiosk.ini"), QSettings.Format.IniFormat)
        kiosk = Kiosk.build(options.content, Preferences(settings), config, prefetch)
        controller = kiosk.controller
        app.setQuitOnLastWindowClosed(False)
        kiosk.exit_requested.connect(app.quit)
        kiosk.show()
        if options.entry:
            controller.open_by_name(options.entry)
        status = app.exec()
        controller.shutdown()
        return status
