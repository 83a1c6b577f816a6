"""Kiosk mode: one full-screen window nobody can leave, touch-sized, back to the start when
people walk away. Only an administrator gesture followed by the PIN closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScroller

from viewer.core.kiosk_config import KioskConfig
from viewer.core.search.results import no_result
from viewer.core.session.medicines import MyMedicines
from viewer.core.session.states import PairCheck
from viewer.ui.controller import Controller
from viewer.ui.kiosk_finder import Chips, Finder
from viewer.ui.kiosk_guard import KioskGuard
from viewer.ui.kiosk_pin import PinLockout, PinPad
from viewer.ui.kiosk_widgets import AttractScreen
from viewer.ui.modes import kiosk_mode
from viewer.ui.printing import PrintContext, find_printer, print_to_printer

if TYPE_CHECKING:
    from pathlib import Path

    from viewer.core.catalog.prefetch import CatalogPrefetch
    from viewer.ui.settings import Preferences



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
        if controller.mode.name != "kiosk":
            raise ValueError("a kiosk is built on a controller made in kiosk mode (Kiosk.build)")
        self.controller = controller
        self.config = config
        self.window = window = controller.window
        self._may_close = False

        self.notice = QLabel()
        self.notice.setObjectName("KioskNotice")
        self.notice.setAccessibleName(self.tr("Message"))
        window.statusBar().addWidget(self.notice, 1)
        self.print_button = QPushButton(self.tr("Print this page"))
        self.print_button.setAccessibleName(self.print_button.text())
        self.print_button.clicked.connect(self.print_current)
        self.print_button.setVisible(config.allow_print)
        window.entry_view.add_header_action(self.print_button)

        # One suggestion a medicine, however its pages spell it (case, accents, invisible characters).
        self.medicines = MyMedicines(drug for item in controller.library.entries for drug in item.drugs)
        self.finder = Finder(self.medicines)
        window.welcome.set_body(self.finder)
        self.chips = Chips(self.medicines)
        self.chips.add_requested.connect(lambda: controller.show_start(self.medicines.query()))
        window.add_under_banner(self.chips)
        self.medicines.chosen_changed.connect(self._chosen)  # after the finder and chips have drawn the change
        window.splitter.setMinimumHeight(1)  # on the smallest screens the panels give way, never the banner
        toolbar = window.addToolBar("Kiosk")
        toolbar.setMovable(False)  # nothing a finger can drag off, float or hide
        toolbar.setFloatable(False)
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.start_again = toolbar.addAction(self.tr("Start again"))
        self.start_again.setObjectName("StartAgain")
        self.start_again.triggered.connect(self.go_home)
        controller.went_home.connect(self._went_home)  # Back after the first entry leads home (the mode's rule)
        self._share()
        window.first_shown.connect(self._share)  # after any list width a preference asks for
        for index in range(window.splitter.count()):
            window.splitter.handle(index).setEnabled(False)  # the list and the page keep their shares
        self.say("")

        for view in (window.list_panel.view, window.entry_view.page, *window.entry_view.views.values(),
                     self.finder.view):
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

    @classmethod
    def build(cls, content: Path, preferences: Preferences, config: KioskConfig,
              prefetch: CatalogPrefetch | None = None) -> Kiosk:
        """The controller and its window made in kiosk mode, and the kiosk's own widgets on them."""
        controller = Controller(content, preferences, open_urls=False, mode=kiosk_mode(config), prefetch=prefetch)
        return cls(controller, config)

    def show(self) -> None:
        self.window.showFullScreen()

    def stop(self) -> None:
        """Release the application (tests, and the administrator's exit)."""
        self.idle.stop()
        application().removeEventFilter(self.guard)
        self._may_close = True
        self.window.allow_close()

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
        """Start again: nothing typed, no medicine chosen, nothing open, the keyboard shown."""
        if self.medicines.chosen:
            self.medicines.clear()  # told to _chosen, which goes home
        else:
            self.controller.go_home()

    def _went_home(self) -> None:
        """Home by Start again, or by Back from the first entry: My medicines stays then, with
        what it asks listed beside the keyboard again."""
        self.say("")
        self.medicines.clear_typed()
        if self.medicines.chosen:
            self.controller.show_start(self.medicines.query())

    # --- the patient's own list --------------------------------------------------------------------

    def _chosen(self, names: list[str]) -> None:
        """The screen answers the chips and nothing else: none, the start; one, its combinations
        beside the keyboard; two, their entry (or the sentence that there is none); three or
        more, every pair checked."""
        controller = self.controller
        if not names:
            controller.go_home()
            return
        controller.show_start(self.medicines.query())  # one: its combinations; more: every pair checked
        state = controller.session.state
        if len(names) != 2 or state is None or isinstance(state, PairCheck):
            return  # the check says what has no entry
        path = controller.session.pair_path(state, names)
        if path is not None:
            controller.open_entry(path)
        else:  # only pages of more medicines hold the two: they are listed, and the pair has no entry
            others = self.tr("The pages listed hold them with others.")
            self.finder.say_first(f"{no_result(' + '.join(names))} {others}")

    # --- leaving, for the administrator ----------------------------------------------------------

    def ask_pin(self) -> None:
        if not self.config.exit_pin_sha256:
            self.say(self.tr("Leaving the kiosk is disabled on this screen."))
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
            self.pinpad.open_over(self.window, self.tr("Wrong PIN, try again"))
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
            self.say(self.tr("Could not print: {0}. Please ask at the desk.").format(exc))
            return False
        printed = self.tr("Printed 1 page on {1}.") if pages == 1 else self.tr("Printed {0} pages on {1}.")
        self.say(printed.format(pages, info.printerName()))
        return True

    def _share(self) -> None:
        """The list and the page keep their shares of the screen: 3 to 7."""
        width = self.window.width()
        self.window.splitter.setSizes([int(width * 0.3), int(width * 0.7)])

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
            self._share()
            if self.attract.isVisible():
                self.attract.setGeometry(self._area.geometry())
            if self.pinpad.isVisible():
                self.pinpad.setGeometry(self.window.rect())
        return False
