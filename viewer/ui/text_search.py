"""Full-text searches off the window's thread: one at a time, only the newest one's answer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from viewer.core.search.search_engine import Results, SearchEngine

PAUSE_MS = 150  # a pause in the typing this long, and text hits below listed titles are looked for


class _Relay(QObject):
    done = Signal(object)


class _Task(QRunnable):
    def __init__(self, engine: SearchEngine, results: Results, generation: int, relay: _Relay) -> None:
        super().__init__()
        self._engine, self._results, self._generation, self._relay = engine, results, generation, relay

    def run(self) -> None:
        try:
            answer = self._engine.with_text(self._results)
        except Exception:  # noqa: BLE001 - said on the window's thread as a failed text search, never lost here
            answer = replace(self._results, text_wanted=0, text_failed=True)
        try:
            self._relay.done.emit((self._generation, answer))
        except RuntimeError:  # the window closed meanwhile
            pass


class TextSearcher(QObject):
    """``search(engine, results)`` looks for the full-text hits of ``results`` in the thread
    pool and emits ``arrived(results)``, for the newest request only: a keystroke never waits
    for SQL, and an answer to an older query is never shown. Text hits that would only add to
    titles already listed are looked for once the typing pauses (PAUSE_MS): a search per
    keystroke would compete with the keystrokes for the interpreter."""

    arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._running = False
        self._waiting: tuple[SearchEngine, Results] | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._pool = QThreadPool(self)  # its own: stop() waits for this searcher's work only
        self._pool.setMaxThreadCount(1)
        self._stopped = False
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._next)

    def search(self, engine: SearchEngine, results: Results) -> None:
        self._generation += 1
        self._waiting = (engine, results)
        if results.positions:
            self._pause.start(PAUSE_MS)
        else:
            self._pause.stop()
            self._next()

    def cancel(self) -> None:
        """Whatever is under way is for a query that is gone."""
        self._generation += 1
        self._waiting = None
        self._pause.stop()

    def stop(self, wait_ms: int = 10_000) -> None:
        """No more searches (the window is closing); one under way is waited for."""
        self._stopped = True
        self.cancel()
        self._pool.waitForDone(wait_ms)

    def _next(self) -> None:
        if self._running or self._waiting is None or self._stopped or self._pause.isActive():
            return
        engine, results = self._waiting
        self._waiting = None
        self._running = True
        self._pool.start(_Task(engine, results, self._generation, self._relay))

    def _done(self, payload: object) -> None:
        self._running = False
        assert isinstance(payload, tuple)
        generation, answer = payload
        if generation == self._generation and self._waiting is None:
            self.arrived.emit(answer)
        self._next()
