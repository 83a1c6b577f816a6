"""The window and the kiosk stay responsive while hostile pages are opened and indexed, and
printing them ends: a stall detector watches the event loop (no sleeps, no speed goals)."""

from __future__ import annotations

import hashlib
import time

import pytest
from PySide6.QtCore import QObject, QTimer

from tests.core.test_hostile_properties import KNOWN_ATTACKS
from tests.helpers import FULL_BODY, page

STALL_LIMIT_S = 0.25


class StallDetector(QObject):
    """Ticks every 10 ms on the event loop; the longest gap between ticks is the worst stall."""

    def __init__(self) -> None:
        super().__init__()
        self.worst = 0.0
        self.where = ""
        self.doing = ""
        self._last: float | None = None
        self._timer = QTimer(self, interval=10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None and now - self._last > self.worst:
            self.worst, self.where = now - self._last, self.doing
        self._last = now


@pytest.fixture
def hostile(content):
    for name, body in KNOWN_ATTACKS.items():
        (content / f"hostile-{name.replace(' ', '-')}.md").write_text(
            page(f"{name.title()} + Beta", f"**Usage:**\n\n{body}\n\n**Side effects:** s\n"), encoding="utf-8")
    (content / "ordinary.md").write_text(page("Ordinary + Page", FULL_BODY))
    return content


def open_each_watching(qtbot, controller) -> StallDetector:
    """Open every hostile page in turn from the event loop, then wait for the full-text index,
    with the detector running throughout."""
    detector = StallDetector()
    detector.start()
    for name in KNOWN_ATTACKS:
        path = f"hostile-{name.replace(' ', '-')}.md"
        detector.doing = f"opening {path}"
        QTimer.singleShot(0, lambda path=path: controller.open_entry(path))
        qtbot.waitUntil(lambda path=path: controller.current is not None and controller.current.path == path, timeout=5000)
        qtbot.wait(30)
    detector.doing = "indexing"
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=30_000)
    detector.stop()
    return detector


def test_the_window_never_stalls_opening_or_indexing_hostile_pages(make_controller, hostile, qtbot):
    controller = make_controller(hostile, open_urls=False)
    detector = open_each_watching(qtbot, controller)
    assert detector.worst < STALL_LIMIT_S, f"{detector.worst * 1000:.0f} ms stall while {detector.where}"
    controller.open_entry("ordinary.md")
    assert controller.window.entry_view.views["usage"].toPlainText().startswith("Used for testing.")


def test_the_kiosk_never_stalls_opening_hostile_pages(qtbot, settings, hostile):
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.controller import Controller
    from viewer.ui.kiosk import Kiosk
    from viewer.ui.settings import Preferences

    config = KioskConfig(exit_pin_sha256=hashlib.sha256(b"2468").hexdigest())
    controller = Controller(hostile, Preferences(settings), open_urls=False, banner_text=config.banner_text)
    kiosk = Kiosk(controller, config)
    kiosk.show()
    qtbot.waitExposed(controller.window)
    try:
        detector = open_each_watching(qtbot, controller)
        assert detector.worst < STALL_LIMIT_S, f"{detector.worst * 1000:.0f} ms stall while {detector.where}"
    finally:
        kiosk.stop()
        controller.shutdown()
        controller.window.close()


def test_printing_hostile_pages_ends(hostile, tmp_path, qapp):
    from viewer.core.library import read_page
    from viewer.ui.printing import PrintContext, export_pdf

    for name in KNOWN_ATTACKS:
        entry = read_page(hostile, f"hostile-{name.replace(' ', '-')}.md").entry
        started = time.perf_counter()
        pages = export_pdf(entry, tmp_path / "out.pdf", PrintContext.for_folder(hostile))
        assert pages >= 1
        assert time.perf_counter() - started < 10, name  # a hang detector: `make bench` reports the times
