"""One job at a time off the GUI thread, safe to stop: the mechanism behind reloads and indexing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._job = job
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread, never lost in a thread
            result = exc
        self._relay.done.emit(result)


class SerialWorker(QObject):
    """Runs ``job`` in the thread pool, one run at a time. Asked again while busy, it runs once
    more afterwards. Once stopped it never starts again, and ``stop`` waits for a run under way,
    so nothing is left running behind a window that is gone. ``finished`` carries the job's
    result (or the exception it raised) on the GUI thread."""

    finished = Signal(object)

    def __init__(self, job: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._running = False
        self._again = False
        self._stopped = False
        self._pool = QThreadPool(self)  # its own: stopping waits for this worker's run only
        self._pool.setMaxThreadCount(1)

    def request(self) -> None:
        if self._stopped:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._pool.start(_Task(self._job, self._relay))

    def running(self) -> bool:
        return self._running

    def stopped(self) -> bool:
        return self._stopped

    def stop(self, wait_ms: int = 10_000) -> None:
        """No more runs; the one under way (of this worker only) is waited for."""
        self._stopped = True
        self._again = False
        self._pool.waitForDone(wait_ms)

    def _done(self, result: object) -> None:
        self._running = False
        if self._stopped:
            return
        self.finished.emit(result)
        if self._again:
            self._again = False
            self.request()
