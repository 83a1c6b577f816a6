"""The window's looks as state: the text size (in zoom steps) and the chosen theme. The session
holds them and tells; the window draws them and the preferences remember them."""

from __future__ import annotations

from viewer.core.session.events import Event

ZOOM_MIN, ZOOM_MAX = -4, 10  # steps below and above the mode's own text size


class Looks:
    """Text size and theme, each with a change event (``zoom(level)``, ``theme(choice, scheme)``).
    ``scheme`` is the desktop's light or dark when the choice is to follow it (None: ask)."""

    def __init__(self, zoom: int = 0, theme: str = "system") -> None:
        self.zoom_changed = Event()  # (level: int)
        self.theme_changed = Event()  # (choice: str, scheme: object | None)
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._theme = theme

    @property
    def zoom(self) -> int:
        return self._zoom

    def zoom_by(self, step: int) -> None:
        """One step bigger (+1) or smaller (-1), or (0) back to the mode's size."""
        level = 0 if step == 0 else max(ZOOM_MIN, min(ZOOM_MAX, self._zoom + step))
        if level != self._zoom:
            self._zoom = level
            self.zoom_changed.emit(level)

    @property
    def theme(self) -> str:
        return self._theme

    def choose_theme(self, choice: str) -> None:
        self._theme = choice
        self.theme_changed.emit(choice, None)

    def desktop_scheme_changed(self, scheme: object) -> None:
        """The desktop switched between light and dark: only a theme that follows it changes."""
        if self._theme == "system":
            self.theme_changed.emit(self._theme, scheme)
