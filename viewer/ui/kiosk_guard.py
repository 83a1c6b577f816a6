"""The kiosk's application-wide filter: no context menus, no escape keys, activity noticed,
and the administrator's gestures (five taps in the top-right corner, or Ctrl+Alt+Shift+X)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPointerEvent, QSinglePointEvent
from PySide6.QtWidgets import QWidget

CORNER = 90  # pixels: the top-right square where five taps ask for the PIN (away from Back and Start again)
TAPS, TAP_WINDOW = 5, 3.0
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
}
# Keys that keep working: typing, moving, opening; everything with Ctrl, Alt or Meta is dropped
# except these (back and forward, and the administrator's gesture).
_ALLOWED_CHORDS = {
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Left),
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Right),
}
_ADMIN_CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    Qt.Key.Key_X,
)


class KioskGuard(QObject):
    """Application-wide filter: no context menus, no escape keys, activity resets the idle timer."""

    activity = Signal()
    admin_requested = Signal()

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._taps: list[float] = []
        self._last_press = -1

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _ACTIVITY:
            self.activity.emit()
        if kind == QEvent.Type.ContextMenu:
            return True  # right click, long press, Menu key, Shift+F10: nothing
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            blocked = self._key(event)
            if blocked and kind == QEvent.Type.ShortcutOverride:
                event.accept()  # claimed, so no shortcut anywhere fires for it
            return blocked
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and isinstance(event, QPointerEvent):
            self._press(watched, event)
        return False

    def _press(self, watched: QObject, event: QPointerEvent) -> None:
        """A press, wherever Qt delivers it (window, widget, parents): counted once, in window coordinates."""
        stamp = event.timestamp()
        if stamp == self._last_press:
            return
        if watched is self._window.windowHandle():
            point = event.position().toPoint() if isinstance(event, QSinglePointEvent) else event.points()[0].position().toPoint()
        elif isinstance(watched, QWidget) and watched.window() is self._window and isinstance(event, QSinglePointEvent):
            point = watched.mapTo(self._window, event.position().toPoint())
        else:
            return
        self._last_press = stamp
        self._tap(point)

    def _key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if (modifiers, key) == _ADMIN_CHORD:
            if event.type() == QEvent.Type.KeyPress:
                self.admin_requested.emit()
            return True
        chord = modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)
        if chord and (chord, key) not in _ALLOWED_CHORDS:
            return True
        if Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35 or key in (Qt.Key.Key_Menu, Qt.Key.Key_Close, Qt.Key.Key_Print):
            return True
        return False

    def _tap(self, point: QPoint) -> None:
        if point.x() < self._window.width() - CORNER or point.y() > CORNER:
            return
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < TAP_WINDOW] + [now]
        if len(self._taps) >= TAPS:
            self._taps = []
            self.admin_requested.emit()
