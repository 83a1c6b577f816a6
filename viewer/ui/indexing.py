"""Builds and updates the full-text index off the GUI thread, reporting progress."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from viewer.core.pages.model import FileInfo
from viewer.core.search.index import FullTextIndex
from viewer.core.words import QT_TRANSLATE_NOOP
from viewer.ui.background import SerialWorker


class FullTextBuilder(QObject):
    """Opens the cached index for a folder and keeps it up to date, one update at a time."""

    progress = Signal(int, int)
    ready = Signal(object, int)  # the index, and how many pages were (re)indexed
    failed = Signal(str)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = root
        self._index: FullTextIndex | None = None
        self._pages: Sequence[FileInfo] | None = None
        self._worker = SerialWorker(self._update, self)
        self._worker.finished.connect(self._finished)

    def update(self, pages: Sequence[FileInfo] | None = None) -> None:
        """Bring the index up to date in the background (again after a running update), with
        the pages a library's walk found (no walk of its own), or walking when not given."""
        self._pages = pages
        self._worker.request()

    def running(self) -> bool:
        return self._worker.running()

    def stopped(self) -> bool:
        return self._worker.stopped()

    def stop(self) -> None:
        """No more updates; a running one ends after its current page, and is waited for."""
        self._worker.stop()

    def _update(self) -> tuple[FullTextIndex, int]:  # in a pool thread
        if self._index is None:
            self._index = FullTextIndex(self._root)
        pages = self._pages or None
        return self._index, self._index.update(pages, progress=self.progress.emit, cancelled=self._worker.stopped)

    def _finished(self, result: object) -> None:
        if isinstance(result, tuple):
            self.ready.emit(*result)
        elif isinstance(result, (OSError, sqlite3.Error)):
            self.failed.emit(str(result))
        elif isinstance(result, BaseException):
            raise result


STORAGE_MESSAGE = QT_TRANSLATE_NOOP("IndexStatus", "The cache folder could not keep the full-text index ({reason}); "
                                                   "full-text search works from memory this time.")
INDEX_QUIET_SECONDS = 0.5  # indexing progress is shown only when it takes longer than this


class IndexStatus(QObject):
    """Tells the status bar how indexing goes, once it takes long enough to notice."""

    def __init__(self, builder: FullTextBuilder, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._started = 0.0
        self._shown = False  # a progress message stands in the status bar
        self._told_storage = False  # the cache's trouble is said once
        builder.progress.connect(self._progress)
        builder.ready.connect(self._ready)
        builder.failed.connect(self._failed)

    def started(self) -> None:
        self._started = time.monotonic()

    def _slow(self) -> bool:
        return time.monotonic() - self._started > INDEX_QUIET_SECONDS

    def _progress(self, done: int, total: int) -> None:
        if self._slow():
            self._shown = True
            self._bar.showMessage(self.tr("Indexing page text for full-text search: {0} of {1}").format(f"{done:,}", f"{total:,}"))

    def _ready(self, index: object, count: int) -> None:
        """Indexing ended: its progress never stays behind (it said "4,000 of 4,220" long after).
        When the cache could not hold the index, that is said once, with why."""
        problem = getattr(index, "storage_problem", "")
        if problem and not self._told_storage:
            self._told_storage = True
            self._bar.showMessage(self.tr(STORAGE_MESSAGE).format(reason=problem), 15000)
        elif self._shown or (count and self._slow()):
            self._bar.showMessage(self.tr("Full-text search is ready."), 4000)
        self._shown = False

    def _failed(self, message: str) -> None:
        self._shown = False
        self._bar.showMessage(self.tr("Full-text search is unavailable: {0}").format(message), 8000)
