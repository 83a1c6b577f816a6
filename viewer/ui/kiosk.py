"""Kiosk mode: one full-screen window nobody can leave, touch-sized, back to the start when
people walk away. Only an administrator gesture followed by the PIN closes it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScroller, QWidget

from viewer.core.kiosk_config import KioskConfig
from viewer.core.pages.text import fold
from viewer.core.session.session import View
from viewer.paths import bundled_dir
from viewer.ui.controller import Controller
from viewer.ui.kiosk_guard import KioskGuard
from viewer.ui.kiosk_pin import PinLockout, PinPad
from viewer.ui.kiosk_widgets import AttractScreen, DrugPicker, WrappingDelegate
from viewer.ui.printing import PrintContext, find_printer, print_to_printer

KIOSK_MIN_SIZE = (320, 240)


def application() -> QApplication:
    """The running application (the kiosk is only ever made inside one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
RESTORE_DELAY_MS = 300  # after losing activation, the kiosk takes the front again


class Kiosk(QObject):
    """Locks a Controller's window down for public use."""

    exit_requested = Signal()

    def __init__(self, controller: Controller, config: KioskConfig) -> None:
        super().__init__(controller)
        self.controller = controller
        self.config = config
        self.window = window = controller.window
        controller.open_urls = False
        controller.builder.web_links_as_text = True  # drawn as text and address, never a dead link
        self._may_close = False
        window.close_guard = lambda: self._may_close
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setMinimumSize(KIOSK_MIN_SIZE[0], KIOSK_MIN_SIZE[1])  # the screen decides, down to 480x320
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
        self.picker.chosen_changed.connect(self._chosen)
        results = window.list_panel.view  # titles wrap, never cut: "Sertraline + Clonazepam + Tramadol" in full
        results.setUniformItemSizes(False)
        results.setWordWrap(True)
        results.setTextElideMode(Qt.TextElideMode.ElideNone)
        window.list_panel.use_plain_delegate(WrappingDelegate(results))
        window.welcome.add_body(self.picker)
        self.start_again = window.addToolBar("Kiosk").addAction("Start again")
        self.start_again.setObjectName("StartAgain")
        self.start_again.triggered.connect(self.go_home)
        # Back always works: after the first entry it returns to the start.
        window.back_requested.disconnect(controller.go_back)
        window.back_requested.connect(self._back)
        window.history_rule = self._back_leads_home
        window.stack.currentChanged.connect(lambda _index: controller.update_history())
        window.welcome.help.setText("Type a medicine's name in the search box.")
        window.splitter.setSizes([int(window.width() * 0.3), int(window.width() * 0.7)])
        self.say("")

        for view in (window.list_panel.view, window.entry_view.header, *window.entry_view.views.values(),
                     self.picker.view):
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

        area = window.splitter
        self.attract = AttractScreen(config.attract_text, window.centralWidget())
        self.attract.dismissed.connect(self._restart_idle)
        self.pinpad = PinPad(window)
        self.pinpad.entered.connect(self._check_pin)
        self.pinpad.leave.connect(self._leave)
        self.lockout = PinLockout(self.pinpad, self)
        self._area = area

        self.guard = KioskGuard(window, self)
        self.guard.activity.connect(self._restart_idle)
        self.guard.admin_requested.connect(self.ask_pin)
        application().installEventFilter(self.guard)
        window.installEventFilter(self)
        self.idle = QTimer(self, singleShot=True, interval=int(config.idle_seconds * 1000))
        self.idle.timeout.connect(self.reset)
        self.idle.start()

    def show(self) -> None:
        self.window.showFullScreen()

    def stop(self) -> None:
        """Release the application (tests, and the administrator's exit)."""
        self.idle.stop()
        application().removeEventFilter(self.guard)
        self._may_close = True

    # --- idle reset ----------------------------------------------------------------------------

    def _restart_idle(self) -> None:
        self.idle.start()

    def reset(self) -> None:
        """After idle_seconds without a touch: close popups, back to the start, attract screen."""
        for popup in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if popup is not None and popup is not self.window:
                popup.close()
        self.pinpad.cancel()
        self.go_home()
        self.attract.cover(self._area)

    def go_home(self) -> None:
        """Start again: no search, no medicine chosen, nothing open, the medicine buttons shown."""
        self.say("")
        self.controller.go_home()
        self.picker.clear()
        self.picker.view.scrollToTop()

    def _back_leads_home(self, can_back: bool, can_forward: bool) -> tuple[bool, bool]:
        """Back is on whenever there is somewhere to go back to, the start included."""
        return can_back or self.controller.session.view != View.WELCOME, can_forward

    def _back(self) -> None:
        if self.controller.history.can_go_back():
            self.controller.go_back()
        else:
            self.go_home()

    # --- building a pair by taps -------------------------------------------------------------------

    def _chosen(self, names: list[str]) -> None:
        """One medicine lists its combinations; two open their pair's entry (or say there is
        none); three or more check every pair."""
        window = self.window
        if len(names) <= 1:
            window.list_panel.set_query(names[0] if names else "")
            return
        if len(names) >= 3:
            window.list_panel.set_query(", ".join(names))
            return
        rows = self.controller.session.engine.pair_check([fold(n) for n in names])
        exact = [row for row in rows if row.path and row.score == 1.0]
        if exact:
            self.controller.open_entry(exact[0].path or "")
        else:
            self.controller.show_check(f"{names[0]} and {names[1]}", list(rows), medicines=2)

    # --- leaving, for the administrator ----------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.exit_pin_sha256:
            self.say("Leaving the kiosk is disabled on this screen.")
            return
        self.pinpad.open_over(self.window)
        self.lockout.show_wait()

    def _check_pin(self, pin: str) -> None:
        if self.lockout.waiting():
            return
        if self.config.pin_matches(pin):
            self.lockout.succeeded()
            problems = self.controller.library.problems
            if problems:  # the administrator sees what the public never does, then chooses
                self.pinpad.show_problems([str(p) for p in problems])
                return
            self._leave()
        else:
            self.pinpad.open_over(self.window, "Wrong PIN, try again")
            self.lockout.failed()

    def _leave(self) -> None:
        self.pinpad.hide()
        self.stop()
        self.exit_requested.emit()
        self.window.close()

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

    def _restore(self) -> None:
        """Full screen, shown and in front again (after a minimise, a hide or another window)."""
        if self._may_close:
            return
        window = self.window
        state = window.windowState()
        if state & Qt.WindowState.WindowMinimized or not state & Qt.WindowState.WindowFullScreen or not window.isVisible():
            window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowFullScreen)
            window.showFullScreen()
        window.raise_()
        window.activateWindow()

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self.window and not self._may_close:
            if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Hide):
                QTimer.singleShot(0, self.window, self._restore)
            elif kind == QEvent.Type.WindowDeactivate:
                QTimer.singleShot(RESTORE_DELAY_MS, self.window, self._restore)
        if watched is self.window and event.type() == QEvent.Type.Resize:
            width = self.window.width()
            self.window.splitter.setSizes([int(width * 0.3), int(width * 0.7)])
            if self.attract.isVisible():
                self.attract.setGeometry(self._area.geometry())
            if self.pinpad.isVisible():
                self.pinpad.setGeometry(self.window.rect())
        return False
