"""Builds and updates the full-text index off the GUI thread, reporting progress."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from viewer.core.index import FullTextIndex


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, int)  # the index, and how many pages were (re)indexed
    failed = Signal(str)


class _UpdateTask(QRunnable):
    def __init__(self, index: FullTextIndex, signals: _Signals, builder: FullTextBuilder) -> None:
        super().__init__()
        self._index = index
        self._signals = signals
        self._builder = builder

    def run(self) -> None:
        try:
            count = self._index.update(progress=self._signals.progress.emit, cancelled=self._builder.stopped)
        except (OSError, sqlite3.Error) as exc:
            self._signals.failed.emit(str(exc))
            return
        self._signals.finished.emit(self._index, count)


class FullTextBuilder(QObject):
    """Opens the cached index for a folder and keeps it up to date, one update at a time."""

    progress = Signal(int, int)
    ready = Signal(object, int)
    failed = Signal(str)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._index: FullTextIndex | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self._running = False
        self._again = False
        self._stopped = False

    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """No more updates; a running one ends after its current page, and is waited for."""
        self._stopped = True
        self._again = False
        QThreadPool.globalInstance().waitForDone(10_000)

    def update(self) -> None:
        """Bring the index up to date in the background (again after a running update)."""
        if self._stopped:
            return
        if self._running:
            self._again = True
            return
        try:
            if self._index is None:
                self._index = FullTextIndex(self._root)
        except (OSError, sqlite3.Error) as exc:
            self.failed.emit(str(exc))
            return
        self._running = True
        QThreadPool.globalInstance().start(_UpdateTask(self._index, self._signals, self))

    def running(self) -> bool:
        return self._running

    def _finished(self, index: FullTextIndex, count: int) -> None:
        self._running = False
        if self._stopped:
            return
        self.ready.emit(index, count)
        if self._again:
            self._again = False
            self.update()

    def _failed(self, message: str) -> None:
        self._running = False
        self.failed.emit(message)
