"""The kiosk full screen on a real X server, driven by real pointer input (xdotool), in a process
of its own (the test process draws offscreen). Run by test_kiosk_under_x.py:

    python -m tests.ui.kiosk_under_x CONTENT taps|drags

and prints one JSON line of what it saw."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

from viewer.core.kiosk_config import KioskConfig
from viewer.core.search.typeahead import SPACE
from viewer.ui.app import make_application
from viewer.ui.kiosk import Kiosk
from viewer.ui.settings import Preferences

XDOTOOL = shutil.which("xdotool") or "xdotool"


def pump(app: QApplication, seconds: float = 0.15) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def xdotool(*args: object) -> None:
    subprocess.run([XDOTOOL, *map(str, args)], check=True)


class Finger:
    """Taps and drags where a widget is on the screen, counted."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.taps = 0

    def tap(self, widget: QWidget, point: QPoint | None = None) -> None:
        at = widget.mapToGlobal(point if point is not None else widget.rect().center())
        xdotool("mousemove", "--sync", at.x(), at.y(), "click", "1")
        self.taps += 1
        pump(self.app)

    def drag(self, start: QPoint, end: QPoint) -> None:
        xdotool("mousemove", start.x(), start.y(), "mousedown", "1")
        for step in range(1, 9):  # in steps, past every drag threshold
            xdotool("mousemove", start.x() + (end.x() - start.x()) * step // 8, start.y() + (end.y() - start.y()) * step // 8)
            pump(self.app, 0.03)
        xdotool("mouseup", "1")
        pump(self.app, 0.3)


def find(finger: Finger, kiosk: Kiosk, name: str) -> int:
    """The fewest keys that bring ``name`` on screen, tapped, then the name: the taps it took."""
    before = finger.taps
    typed = kiosk.medicines.finder.typing_to_find(name)
    if typed is None:
        raise SystemExit(f"no typing finds {name}")
    for letter in typed:
        finger.tap(kiosk.finder.keyboard.keys[SPACE if letter == " " else letter.upper()])
    view = kiosk.finder.view
    names = kiosk.finder.model.stringList()
    if name not in kiosk.finder.shown_names():
        raise SystemExit(f"{name} is not on screen after {typed!r}: {names[:10]}")
    finger.tap(view.viewport(), view.visualRect(kiosk.finder.model.index(names.index(name))).center())
    return finger.taps - before


def taps(app: QApplication, kiosk: Kiosk) -> dict:
    """Two medicines found by taps alone, their entry, a third added, one removed, start again."""
    finger = Finger(app)
    seen: dict = {"taps": {}}
    for name in ("Paracetamol", "Aceclofenac"):
        seen["taps"][name] = find(finger, kiosk, name)
    seen["chips after two"] = list(kiosk.chips.chips)
    seen["open after two"] = kiosk.controller.current.title if kiosk.controller.current else None
    proxy = kiosk.window.list_panel.proxy
    seen["listed after two"] = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    finger.tap(kiosk.chips.add)
    third = next(n for n in ("Serratiopeptidase", "Chlorzoxazone", "Ibuprofen") if n in kiosk.medicines.finder.names)
    seen["taps"][third] = find(finger, kiosk, third)
    seen["chips after three"] = list(kiosk.chips.chips)
    seen["view after three"] = kiosk.controller.session.view.value
    seen["check heading"] = kiosk.window.check.heading.text()
    finger.tap(kiosk.chips.chips[third])
    seen["chips after removing"] = list(kiosk.chips.chips)
    seen["open after removing"] = kiosk.controller.current.title if kiosk.controller.current else None
    toolbar = next(t for t in kiosk.window.findChildren(QToolBar) if kiosk.start_again in t.actions())
    finger.tap(toolbar.widgetForAction(kiosk.start_again))
    seen["chips after start again"] = list(kiosk.chips.chips)
    seen["view after start again"] = kiosk.controller.session.view.value
    seen["total taps"] = finger.taps
    return seen


def layout(kiosk: Kiosk) -> dict:
    """Where everything a finger could move is."""
    window = kiosk.window
    parts = {"window": window, "banner": window.banner, "chips": kiosk.chips, "list": window.list_panel,
             "page": window.stack, "keyboard": kiosk.finder.keyboard}
    parts.update({f"toolbar {t.windowTitle()}": t for t in window.findChildren(QToolBar)})
    found = {name: list(w.geometry().getRect()) + [w.isVisible()] for name, w in parts.items()}
    found["splitter"] = window.splitter.sizes()
    found["windows"] = sorted(w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
    return found


def drags(app: QApplication, kiosk: Kiosk) -> dict:
    """Every grip and edge dragged: the toolbars' ends, the splitter's handle, the window's
    edges and corners, the borders between the strips."""
    window = kiosk.window
    finger = Finger(app)
    before = layout(kiosk)
    width, height = window.width(), window.height()
    handle = window.splitter.handle(1)
    points = {"splitter handle": handle.mapToGlobal(handle.rect().center())}
    for toolbar in window.findChildren(QToolBar):
        points[f"grip of {toolbar.windowTitle()}"] = toolbar.mapToGlobal(QPoint(3, toolbar.height() // 2))
        points[f"end of {toolbar.windowTitle()}"] = toolbar.mapToGlobal(QPoint(toolbar.width() - 3, toolbar.height() // 2))
    for name, widget in (("banner", window.banner), ("chips", kiosk.chips), ("keyboard", kiosk.finder.keyboard)):
        points[f"bottom edge of the {name}"] = widget.mapToGlobal(QPoint(widget.width() // 3, widget.height() - 1))
    edges = {"top left": (0, 0), "top": (width // 2, 0), "top right": (width - 1, 0), "right": (width - 1, height // 2),
             "bottom right": (width - 1, height - 1), "bottom": (width // 2, height - 1),
             "bottom left": (0, height - 1), "left": (0, height // 2)}
    points.update({f"window's {name}": window.mapToGlobal(QPoint(*xy)) for name, xy in edges.items()})
    # Each dragged to the screen's left edge, its bottom, its middle and along its row: where a
    # toolbar would dock, a panel would stretch, a window would move.
    ends = {"to the left": QPoint(4, height // 2), "to the bottom": QPoint(width // 2, height - 4),
            "to the middle": QPoint(width // 2, height // 2)}
    changed = {}
    for name, point in points.items():
        along = QPoint(min(max(point.x() + 300, 0), width - 1) if point.x() < width - 310 else point.x() - 300, point.y())
        for where, end in {**ends, "along": along}.items():
            finger.drag(point, end)
            after = layout(kiosk)
            if after != before:
                changed[f"{name} {where}"] = {k: (before[k], after[k]) for k in after if after[k] != before.get(k)}
    return {"dragged": sorted(points), "changed": changed, "layout": before}


def main() -> None:
    content, scenario = Path(sys.argv[1]), sys.argv[2]
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "kiosk.ini"), QSettings.Format.IniFormat)
        config = KioskConfig(exit_pin_sha256=hashlib.sha256(b"2468").hexdigest(), font_scale=1.4)
        kiosk = Kiosk.build(content, Preferences(settings), config)
        kiosk.show()
        screen = app.primaryScreen().geometry()
        deadline = time.monotonic() + 20
        while (kiosk.window.geometry() != screen or not kiosk.window.isActiveWindow()) and time.monotonic() < deadline:
            pump(app, 0.05)
        pump(app, 0.5)
        seen = taps(app, kiosk) if scenario == "taps" else drags(app, kiosk)
        seen["screen"] = [screen.width(), screen.height()]
        print(json.dumps(seen))
        kiosk.stop()
        kiosk.controller.shutdown()


if __name__ == "__main__":
    main()
