"""Work off the window's thread: each worker's stop waits for its own work only, never for
another's (a full-text index being built must not hold up closing a search)."""

from __future__ import annotations

import threading
import time

from viewer.ui.background import SerialWorker
from viewer.ui.text_search import TextSearcher


def test_stopping_one_worker_never_waits_for_another(qtbot):
    release = threading.Event()
    busy = SerialWorker(lambda: release.wait(10))
    busy.request()
    quick = SerialWorker(lambda: 1)
    quick.request()
    qtbot.waitUntil(lambda: not quick.running(), timeout=5000)
    started = time.monotonic()
    quick.stop()
    searcher = TextSearcher()
    searcher.stop()
    assert time.monotonic() - started < 1.0  # the busy worker's run is not waited for
    release.set()
    busy.stop()
    assert not busy.running() or busy.stopped()
