"""Live reload: watch the content folder, debounce, reload the catalog off the GUI thread."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from viewer.core.catalog.catalog import CatalogLoader
from viewer.core.catalog.folder import PAGE_SUFFIXES
from viewer.core.catalog.snapshot import folder_times
from viewer.core.pages.model import Library
from viewer.ui.background import SerialWorker

# Past this many pages, files are not watched one by one (inotify limits); a poll finds edits.
MAX_WATCHED_FILES = 4000
POLL_MS = 1500
# A poll runs always, more slowly where files are watched: on a network share (NFS, SMB, 9p)
# the watcher never fires, and a folder deleted and made again is not the one watched.
SLOW_POLL_MS = 5000
DEBOUNCE_MS = 250
# A poll of a very large folder takes long (a second at 100,000 pages): the next one waits five
# times as long, so polling never takes more than a fifth of one processor.
POLL_SHARE = 5
# Past MAX_WATCHED_FILES a poll first compares the folders' modification times (a page added,
# removed or renamed changes its folder's); only every FULL_SCAN_EVERY-th poll, or when a folder
# changed, looks at every page (an edit in place changes only the page's own time).
FULL_SCAN_EVERY = 6


class ContentWatcher(QObject):
    """Emits ``reloaded(library)`` after pages are added, edited, removed or renamed.

    Folders are watched (an atomic save by rename shows there); files are watched too for
    in-place edits, re-added after every reload since a rename drops a file's watch.
    """

    reloaded = Signal(object)
    failed = Signal(str)  # the folder went away or cannot be read (once, until it is back)
    restored = Signal()

    def __init__(self, loader: CatalogLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._worker = SerialWorker(self._reload, self)
        self._worker.finished.connect(self._finished)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._worker.request)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_tick)
        self._polls = 0
        self._large = False  # past MAX_WATCHED_FILES: pages are not watched one by one
        self._folders_only = False  # this run may stop at the folders' times (a large library's poll)
        self._walked: tuple[str, tuple[str, ...]] = ("", ())  # the root and its folders (relative), for their times
        self._folder_times: tuple[tuple[str, int], ...] = ()
        self._root_identity: tuple[int, int] | None = None
        self.missing = False  # the folder is gone or unreadable; the poll looks for its return
        self._last_reload_s = 0.0  # how long the last reload took (set in the pool thread)

    def watch(self, library: Library) -> None:
        """Watch every folder and (for folders of moderate size) every page of ``library``."""
        root = Path(library.root)
        try:
            info = os.stat(root)
            identity: tuple[int, int] | None = (info.st_dev, info.st_ino)
        except OSError:
            identity = None
        if identity != self._root_identity and self.watched_paths():
            self._watcher.removePaths(self.watched_paths())  # a new folder of the same name: watch it afresh
        self._root_identity = identity
        folders = [str(root / folder) if folder else str(root) for folder in library.folders] or [str(root)]
        self._walked = (str(root), library.folders or ("",))
        watch_files = len(library.entries) + len(library.failed) < MAX_WATCHED_FILES
        self._large = not watch_files
        files: list[str] = []
        if watch_files:
            prefix = str(root) + os.sep
            files = [prefix + e.path for e in library.entries] + [prefix + p for p in library.failed]
            if (root / "drugs.yaml").is_file():
                files.append(str(root / "drugs.yaml"))
        wanted = set(folders) | (set(files) if watch_files else set())
        watched = set(self._watcher.directories()) | set(self._watcher.files())
        gone = [p for p in watched - wanted]
        if gone:
            self._watcher.removePaths(gone)
        # Re-adding a watched file is harmless; it restores watches lost to atomic renames.
        stale = [p for p in self._watcher.files() if not os.path.exists(p)]
        if stale:
            self._watcher.removePaths(stale)
        new = sorted(p for p in wanted - (set(self._watcher.directories()) | set(self._watcher.files())) if os.path.exists(p))
        if new:
            self._watcher.addPaths(new)
        interval = max(SLOW_POLL_MS if watch_files else POLL_MS, int(self._last_reload_s * 1000 * POLL_SHARE))
        if self._poll.interval() != interval or not self._poll.isActive():
            self._poll.start(interval)

    def stop(self) -> None:
        """Stop watching (the window is closing); a reload under way is waited for."""
        self._debounce.stop()
        self._poll.stop()
        paths = self.watched_paths()
        if paths:
            self._watcher.removePaths(paths)
        self._worker.stop()

    def busy(self) -> bool:
        """Whether a reload is under way (its library not yet handed to the window)."""
        return self._worker.running()

    def reload_now(self) -> None:
        self._folders_only = False
        self._worker.request()

    def _poll_tick(self) -> None:
        self._polls += 1
        self._folders_only = self._large and self._polls % FULL_SCAN_EVERY != 0
        self._worker.request()

    def watched_paths(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _changed(self, path: str) -> None:
        if path.endswith((*PAGE_SUFFIXES, ".yaml")) or os.path.isdir(path) or not os.path.exists(path):
            self._folders_only = False
            self._debounce.start()

    def _reload(self) -> Library | None:  # in a pool thread
        times = folder_times(*self._walked) if self._large else ()  # only a large library's poll compares them
        if self._folders_only and times and times == self._folder_times:
            return None  # no folder changed since the last full look: nothing added, removed or renamed
        started = time.perf_counter()
        library = self._loader.load()
        self._loader.save()
        self._last_reload_s = time.perf_counter() - started
        self._folder_times = times
        return library

    def _finished(self, result: object) -> None:
        if isinstance(result, Library):
            came_back, self.missing = self.missing, False
            self.watch(result)
            self.reloaded.emit(result)
            if came_back:
                self.restored.emit()
        elif isinstance(result, OSError):  # the folder itself vanished or became unreadable
            self._root_identity = None
            if not self.missing:
                self.missing = True
                self.failed.emit(str(result))
            if self._poll.interval() != POLL_MS or not self._poll.isActive():
                self._poll.start(POLL_MS)  # look for its return often
        elif isinstance(result, BaseException):
            raise result


class FolderStatus(QObject):
    """Tells the status bar when the content folder goes away and when it is back."""

    def __init__(self, watcher: ContentWatcher, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        failed = self.tr("The content folder cannot be read ({0}). Showing the pages read before; "
                         "the list follows again when the folder is back.")
        back = self.tr("The content folder is back; the list is up to date.")
        watcher.failed.connect(lambda reason: bar.showMessage(failed.format(reason)))
        watcher.restored.connect(lambda: bar.showMessage(back, 8000))
