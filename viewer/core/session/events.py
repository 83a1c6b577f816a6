"""Change events without Qt (psygnal's idea, in a few lines): the session announces what changed,
and widgets and tests alike listen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Event:
    """Listeners called, in the order they connected, each time the event is emitted."""

    def __init__(self) -> None:
        self._listeners: list[Callable[..., Any]] = []

    def connect(self, listener: Callable[..., Any]) -> Callable[..., Any]:
        self._listeners.append(listener)
        return listener

    def disconnect(self, listener: Callable[..., Any]) -> None:
        self._listeners.remove(listener)

    def emit(self, *args: Any) -> None:
        for listener in tuple(self._listeners):
            listener(*args)


class SessionEvents:
    """What a session announces: its query, what the right-hand side shows, the open entry, the
    window's title, where Back and Forward lead, and a message for the status bar."""

    def __init__(self) -> None:
        self.query = Event()  # (query: str)
        self.view = Event()  # (view: View)
        self.entry = Event()  # (entry: Entry | None)
        self.title = Event()  # (title: str)
        self.history = Event()  # (can_back: bool, can_forward: bool)
        self.status = Event()  # (message: str, milliseconds: int)
