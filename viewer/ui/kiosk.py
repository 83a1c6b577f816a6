"""Kiosk mode: one full-screen window nobody can leave, touch-sized, back to the start when
people walk away. Only an administrator gesture followed by the PIN closes it."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScroller, QWidget

from viewer.core.kiosk_config import KioskConfig
from viewer.core.title_index import fold
from viewer.paths import bundled_dir
from viewer.ui.controller import Controller
from viewer.ui.kiosk_widgets import AttractScreen, DrugPicker, PinPad
from viewer.ui.printing import PrintContext, find_printer, print_to_printer

CORNER = 90  # pixels: the top-left square where five taps ask for the PIN
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
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._press(watched, event)
        return False

    def _press(self, watched: QObject, event: QEvent) -> None:
        """A press, wherever Qt delivers it (window, widget, parents): counted once, in window coordinates."""
        stamp = event.timestamp()
        if stamp == self._last_press:
            return
        if watched is self._window.windowHandle():
            point = event.position().toPoint() if hasattr(event, "position") else event.points()[0].position().toPoint()
        elif isinstance(watched, QWidget) and watched.window() is self._window and hasattr(event, "position"):
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

    def _tap(self, point) -> None:
        if point.x() > CORNER or point.y() > CORNER:
            return
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < TAP_WINDOW] + [now]
        if len(self._taps) >= TAPS:
            self._taps = []
            self.admin_requested.emit()


class Kiosk(QObject):
    """Locks a Controller's window down for public use."""

    exit_requested = Signal()

    def __init__(self, controller: Controller, config: KioskConfig) -> None:
        super().__init__(controller)
        self.controller = controller
        self.config = config
        self.window = window = controller.window
        controller.open_urls = False
        self._may_close = False
        window.close_guard = lambda: self._may_close
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.menuBar().hide()
        window.menuBar().setEnabled(False)
        for action in (window.quit_action, window.print_action, window.export_action, window.zoom_in_action,
                       window.zoom_out_action, window.zoom_reset_action, window.search_action):
            action.setEnabled(False)
            action.setVisible(False)
            window.removeAction(action)
        window.problems_shown = False  # no list of files for the public
        window.problems_button.hide()
        window.extra_qss = (bundled_dir("resources") / "kiosk.qss").read_text(encoding="utf-8")
        window.set_base_scale(config.font_scale)
        for widget in window.findChildren(QWidget):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.notice = QLabel()
        self.notice.setObjectName("KioskNotice")
        self.notice.setAccessibleName("Message")
        window.statusBar().addWidget(self.notice, 1)
        self.print_button = QPushButton("Print this page")
        self.print_button.setAccessibleName("Print this page")
        self.print_button.clicked.connect(self.print_current)
        self.print_button.setVisible(config.allow_print)
        window.entry_view.add_header_action(self.print_button)

        self.picker = DrugPicker()
        names: dict[str, str] = {}  # one button a medicine, however its pages spell it (case, invisible characters)
        for item in controller.library.entries:
            for drug in item.drugs:
                names.setdefault(fold(drug), drug)
        self.picker.set_drugs(sorted(names.values(), key=fold))
        self.picker.drug_chosen.connect(window.list_panel.set_query)
        window.welcome.add_body(self.picker)
        window.welcome.help.setText("Type a medicine's name in the search box.")
        window.splitter.setSizes([int(window.width() * 0.3), int(window.width() * 0.7)])
        self.say("")

        for view in (window.list_panel.view, window.entry_view.header, *window.entry_view.views.values(),
                     self.picker.view):
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

        area = window.splitter
        self.attract = AttractScreen(config.attract_text, window.centralWidget())
        self.attract.dismissed.connect(self._restart_idle)
        self.pinpad = PinPad(window.centralWidget())
        self.pinpad.entered.connect(self._check_pin)
        self._area = area

        self.guard = KioskGuard(window, self)
        self.guard.activity.connect(self._restart_idle)
        self.guard.admin_requested.connect(self.ask_pin)
        QApplication.instance().installEventFilter(self.guard)
        window.installEventFilter(self)
        self.idle = QTimer(self, singleShot=True, interval=int(config.idle_seconds * 1000))
        self.idle.timeout.connect(self.reset)
        self.idle.start()

    def show(self) -> None:
        self.window.showFullScreen()

    def stop(self) -> None:
        """Release the application (tests, and the administrator's exit)."""
        self.idle.stop()
        QApplication.instance().removeEventFilter(self.guard)
        self._may_close = True

    # --- idle reset ----------------------------------------------------------------------------

    def _restart_idle(self) -> None:
        self.idle.start()

    def reset(self) -> None:
        """After idle_seconds without a touch: close popups, back to the start, attract screen."""
        app = QApplication.instance()
        for popup in (app.activePopupWidget(), app.activeModalWidget()):
            if popup is not None and popup is not self.window:
                popup.close()
        self.pinpad.cancel()
        self.say("")
        self.controller.go_home()
        self.picker.view.clearSelection()
        self.picker.view.scrollToTop()
        self.attract.cover(self._area)

    # --- leaving, for the administrator ----------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.exit_pin_sha256:
            self.say("Leaving the kiosk is disabled on this screen.")
            return
        self.pinpad.open_over(self._area)

    def _check_pin(self, pin: str) -> None:
        if self.config.pin_matches(pin):
            self.pinpad.hide()
            self.stop()
            self.exit_requested.emit()
            self.window.close()
        else:
            self.pinpad.open_over(self._area, "Wrong PIN, try again")

    def say(self, text: str) -> None:
        """A message on screen for the person at the kiosk (hidden when there is none)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.window.statusBar().setVisible(bool(text))

    # --- printing --------------------------------------------------------------------------------

    def print_current(self) -> bool:
        """Straight to the configured printer, no dialog; the outcome is said on screen."""
        entry = self.controller.current
        if not self.config.allow_print or entry is None:
            return False
        try:
            info = find_printer(self.config.printer)
            context = PrintContext.for_library(self.controller.library, self.window.banner.text)
            pages = print_to_printer(entry, info, context, self.config.printer)
        except OSError as exc:
            self.say(f"Could not print: {exc}. Please ask at the desk.")
            return False
        self.say(f"Printed {pages} page{'s' if pages != 1 else ''} on {info.printerName()}.")
        return True

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange and not self._may_close:
            if not self.window.isFullScreen():
                QTimer.singleShot(0, self.window, self.window.showFullScreen)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            width = self.window.width()
            self.window.splitter.setSizes([int(width * 0.3), int(width * 0.7)])
            for overlay in (self.attract,):
                if overlay.isVisible():
                    overlay.setGeometry(self._area.geometry())
        return False
