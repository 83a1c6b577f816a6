"""The window and the kiosk stay responsive while hostile pages are opened and indexed, and
printing them ends: a stall detector watches the event loop (no sleeps, no speed goals).

A stall is told from a busy machine by the window thread's own processor time: work that
holds the window (a render that never ends, a parse gone quadratic) spends the thread's time,
while another process taking the cores only stretches the clock. A gap the clock measures in
seconds is a hang whatever the thread did (a wait that never returns)."""

from __future__ import annotations

import hashlib
import time

import pytest
from PySide6.QtCore import QObject, QTimer

from tests.core.test_hostile_properties import KNOWN_ATTACKS
from tests.helpers import FULL_BODY, page

STALL_LIMIT_S = 0.25  # of the window thread's own processor time between two ticks
HANG_LIMIT_S = 5.0  # of the clock between two ticks: no busy machine explains that


class StallDetector(QObject):
    """Ticks every 10 ms on the event loop and keeps, per task, the most processor time the
    window's thread spent between two ticks (its own work, whatever else the machine runs), and
    the longest gap by the clock (a wait that never ends shows there). A task may be tried again
    (``begin`` with the same name): it counts by its best try, since a stall the page causes comes
    back every time and a slower processor share under load does not."""

    def __init__(self) -> None:
        super().__init__()
        self.worst_wait = 0.0
        self.where_wait = ""
        self.doing = ""
        self.tries: dict[str, list[float]] = {"": [0.0]}
        self._last: tuple[float, float] | None = None
        self._timer = QTimer(self, interval=10)
        self._timer.timeout.connect(self._tick)

    def begin(self, task: str) -> None:
        self.doing = task
        self.tries.setdefault(task, []).append(0.0)

    @property
    def worst(self) -> float:
        return max(min(tries) for tries in self.tries.values())

    @property
    def where(self) -> str:
        return max(self.tries, key=lambda task: min(self.tries[task]))

    def start(self) -> None:
        self._last = (time.perf_counter(), time.thread_time())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = (time.perf_counter(), time.thread_time())  # the tick runs on the window's thread
        if self._last is not None:
            wall, busy = now[0] - self._last[0], now[1] - self._last[1]
            tries = self.tries.setdefault(self.doing, [0.0])
            tries[-1] = max(tries[-1], busy)
            if wall > self.worst_wait:
                self.worst_wait, self.where_wait = wall, self.doing
        self._last = now

    def check(self) -> None:
        assert self.worst < STALL_LIMIT_S, f"{self.worst * 1000:.0f} ms of the window's time stalled it while {self.where}"
        assert self.worst_wait < HANG_LIMIT_S, f"the window waited {self.worst_wait:.1f} s while {self.where_wait}"


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

    def open_page(path: str) -> None:
        detector.begin(f"opening {path}")
        QTimer.singleShot(0, lambda: controller.open_entry(path))
        qtbot.waitUntil(lambda: controller.current is not None and controller.current.path == path, timeout=5000)
        qtbot.wait(30)
        detector.begin(f"settling after {path}")

    paths = [f"hostile-{name.replace(' ', '-')}.md" for name in KNOWN_ATTACKS]
    for path in paths:
        open_page(path)
    for path in paths:  # over the limit: twice more, from another page (a busy moment passes; a stall stays)
        for _ in range(2):
            if min(detector.tries[f"opening {path}"]) >= STALL_LIMIT_S:
                controller.open_entry("ordinary.md")
                open_page(path)
    detector.begin("indexing")
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None, timeout=30_000)
    detector.stop()
    return detector


def test_the_stall_detector_tells_work_that_holds_the_window_from_a_busy_machine(qtbot):
    def run_on_the_loop(job) -> StallDetector:
        detector = StallDetector()
        detector.start()
        done = []
        QTimer.singleShot(20, lambda: (job(), done.append(True)))
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        qtbot.wait(30)
        detector.stop()
        return detector

    def spin(seconds: float) -> None:  # the window's thread working, as a runaway render does
        end = time.thread_time() + seconds
        while time.thread_time() < end:
            pass

    held = run_on_the_loop(lambda: spin(0.4))
    with pytest.raises(AssertionError, match="stalled it"):
        held.check()
    descheduled = run_on_the_loop(lambda: time.sleep(0.4))  # the thread off the processor, as under load
    descheduled.check()
    assert descheduled.worst_wait >= 0.4
    every_time, once = StallDetector(), StallDetector()  # a page tried three times, and twice
    every_time.tries["opening a.md"], once.tries["opening a.md"] = [0.4, 0.3, 0.3], [0.3, 0.02]
    with pytest.raises(AssertionError, match=r"stalled it while opening a\.md"):
        every_time.check()
    once.check()


def test_the_window_never_stalls_opening_or_indexing_hostile_pages(make_controller, hostile, qtbot):
    controller = make_controller(hostile, open_urls=False)
    detector = open_each_watching(qtbot, controller)
    detector.check()
    controller.open_entry("ordinary.md")
    assert controller.window.entry_view.views["usage"].toPlainText().startswith("Used for testing.")


def test_the_kiosk_never_stalls_opening_hostile_pages(qtbot, settings, hostile):
    from viewer.core.kiosk_config import KioskConfig
    from viewer.ui.kiosk import Kiosk
    from viewer.ui.settings import Preferences

    config = KioskConfig(exit_pin_sha256=hashlib.sha256(b"2468").hexdigest())
    kiosk = Kiosk.build(hostile, Preferences(settings), config)
    controller = kiosk.controller
    kiosk.show()
    qtbot.waitExposed(controller.window)
    try:
        detector = open_each_watching(qtbot, controller)
        detector.check()
    finally:
        kiosk.stop()
        controller.shutdown()
        controller.window.close()


def test_printing_hostile_pages_ends(hostile, tmp_path, qapp):
    from viewer.core.catalog.library import read_page
    from viewer.ui.printing import PrintContext, export_pdf

    for name in KNOWN_ATTACKS:
        entry = read_page(hostile, f"hostile-{name.replace(' ', '-')}.md").entry
        started = time.perf_counter()
        pages = export_pdf(entry, tmp_path / "out.pdf", PrintContext.for_folder(hostile))
        assert pages >= 1
        assert time.perf_counter() - started < 10, name  # a hang detector: `make bench` reports the times
