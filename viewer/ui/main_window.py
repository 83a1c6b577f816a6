"""The main window: banner, list | entry view, menus, toolbar, status bar. A dumb view:
it emits signals and shows what it is given; viewer.ui.controller decides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.core.pages.model import Listing
from viewer.core.present.document import EntryDocument
from viewer.core.search.results import Hit
from viewer.core.words import app_name
from viewer.paths import bundled_dir
from viewer.styles import fill_tokens
from viewer.ui.banner import DisclaimerBanner
from viewer.ui.entry_list import EntryListModel
from viewer.ui.entry_view import EntryView
from viewer.ui.list_panel import EntryListPanel
from viewer.ui.modes import DESK, Mode
from viewer.ui.panels import CheckPanel, NoResultPanel, WelcomePanel
from viewer.ui.theme import THEMES, Theme, palette, theme_label

ZOOM_STEP = 1.12  # each step of the session's zoom
DEFAULT_SIZE = (1180, 780)
FRAME = (16, 48)  # room for a window manager's frame and title bar


LIST_SHARE = 0.3  # the list pane's share of a window it was never widened in


def fitted(size: tuple[int, int], screen: QScreen | None) -> tuple[int, int]:
    """A window size that fits the screen's available area, frame included (1366x768 too)."""
    if screen is None:
        return size
    area = screen.availableGeometry()
    return min(size[0], area.width() - FRAME[0]), min(size[1], area.height() - FRAME[1])


def _action(parent: QWidget, text: str, shortcuts: list[str | QKeySequence.StandardKey], name: str | None = None) -> QAction:
    action = QAction(text, parent)
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:  # a standard key may equal a listed one: a duplicate is ambiguous
        for key in QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)]:
            if not key.isEmpty() and key not in keys:
                keys.append(key)
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if name:
        action.setObjectName(name)
    return action


class MainWindow(QMainWindow):
    entry_requested = Signal(str)
    text_hit_requested = Signal(str, str)  # path, section of a full-text match
    back_requested = Signal()
    forward_requested = Signal()
    zoom_requested = Signal(int)  # +1, -1, or 0 to reset
    theme_requested = Signal(str)
    link_activated = Signal(QUrl)
    problems_requested = Signal()
    print_requested = Signal()
    export_pdf_requested = Signal()
    query_changed = Signal(str)
    tab_changed = Signal(str)
    closing = Signal()
    first_shown = Signal()  # once, when the window is first shown

    def __init__(self, model: EntryListModel, mode: Mode = DESK) -> None:
        super().__init__()
        self.mode = mode
        self.setWindowTitle(app_name())
        self.setMinimumSize(*mode.minimum_size)
        self.resize(*fitted(DEFAULT_SIZE, self.screen()))
        self.banner = DisclaimerBanner(mode.banner_text) if mode.banner_text else DisclaimerBanner()
        self.list_panel = EntryListPanel(model)
        self.entry_view = EntryView()
        self.welcome = WelcomePanel()
        self.no_result = NoResultPanel()
        self.check = CheckPanel()
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Entry"))
        for page in (self.welcome, self.entry_view, self.no_result, self.check):
            self.stack.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 860])
        self.list_panel.setMinimumWidth(200)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.problems_button = QPushButton()
        self.problems_button.setObjectName("ProblemsButton")
        self.problems_button.setAccessibleName(self.tr("Show problems in the content folder"))
        self.problems_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.problems_button.hide()
        self.statusBar().addPermanentWidget(self.problems_button)

        self._build_actions()
        self.list_panel.entry_chosen.connect(self.entry_requested)
        self.list_panel.text_hit_chosen.connect(self.text_hit_requested)
        self.check.entry_chosen.connect(self.entry_requested)
        self.list_panel.query_changed.connect(self.query_changed)
        self.no_result.suggestion_chosen.connect(self.entry_requested)
        self.entry_view.link_activated.connect(self.link_activated)
        self.entry_view.tab_changed.connect(self.tab_changed)
        self.problems_button.clicked.connect(self.problems_requested)
        self._base_point_size = max(10.0, self.font().pointSizeF()) * mode.font_scale
        self._text_size = self._base_point_size  # drawn from the session's zoom (apply_zoom)
        self._theme: Theme | None = None
        self.extra_qss = (bundled_dir("resources") / mode.style).read_text(encoding="utf-8") if mode.style else ""
        self._shown_once = False
        self._may_close = not mode.frameless  # a kiosk's window closes only once released (allow_close)
        if not mode.menus:
            self._lock_down()
        if mode.wrapping_rows:
            self.list_panel.wrap_rows()
        self.list_panel.follow_mode(mode.search_box, mode.list_before_asked)

    def add_under_banner(self, widget: QWidget) -> None:
        """A strip of the mode's own across the window under the banner (the kiosk's chosen medicines)."""
        layout = self.centralWidget().layout()  # type: ignore[union-attr]  # made in __init__
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, widget)

    def _build_actions(self) -> None:
        self.back_action = _action(self, self.tr("&Back"), [QKeySequence.StandardKey.Back, "Alt+Left"], "BackAction")
        self.forward_action = _action(self, self.tr("&Forward"), [QKeySequence.StandardKey.Forward, "Alt+Right"], "ForwardAction")
        self.search_action = _action(self, self.tr("&Search"), ["Ctrl+L", "Ctrl+K"])
        self.find_action = _action(self, self.tr("&Find in this entry…"), [QKeySequence.StandardKey.Find, "Ctrl+F"], "FindAction")
        self.zoom_in_action = _action(self, self.tr("&Larger text"), ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn])
        self.zoom_out_action = _action(self, self.tr("&Smaller text"), ["Ctrl+-", QKeySequence.StandardKey.ZoomOut])
        self.zoom_reset_action = _action(self, self.tr("&Normal text size"), ["Ctrl+0"])
        self.quit_action = _action(self, self.tr("&Quit"), [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.print_action = _action(self, self.tr("&Print…"), [QKeySequence.StandardKey.Print, "Ctrl+P"], "PrintAction")
        self.problems_action = _action(self, self.tr("Problems for &authors…"), [], "ProblemsAction")
        self.problems_action.setEnabled(False)
        self.problems_action.triggered.connect(self.problems_requested)
        self.export_action = _action(self, self.tr("&Export PDF…"), ["Ctrl+Shift+E"], "ExportPdfAction")
        for action in (self.print_action, self.export_action, self.find_action):
            action.setEnabled(False)  # until an entry is open
        self.find_action.triggered.connect(self.entry_view.find_bar.open_bar)
        self.print_action.triggered.connect(self.print_requested)
        self.export_action.triggered.connect(self.export_pdf_requested)
        for action in (self.back_action, self.forward_action):
            action.setEnabled(False)
        self.back_action.triggered.connect(self.back_requested)
        self.forward_action.triggered.connect(self.forward_requested)
        self.search_action.triggered.connect(self.focus_search)
        self.zoom_in_action.triggered.connect(lambda: self.zoom_requested.emit(1))
        self.zoom_out_action.triggered.connect(lambda: self.zoom_requested.emit(-1))
        self.zoom_reset_action.triggered.connect(lambda: self.zoom_requested.emit(0))
        self.quit_action.triggered.connect(self.close)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.print_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        view_menu.addAction(self.problems_action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for name in THEMES:
            action = QAction(theme_label(name), self, checkable=True)
            action.triggered.connect(lambda _=False, n=name: self.theme_requested.emit(n))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action
        go_menu = menu.addMenu(self.tr("&Go"))
        go_menu.addActions([self.back_action, self.forward_action, self.search_action, self.find_action])

        toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("NavigationToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        toolbar.toggleViewAction().setEnabled(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addAction(self.zoom_out_action)
        toolbar.addAction(self.zoom_in_action)
        for action in (self.back_action, self.forward_action, self.zoom_out_action, self.zoom_in_action):
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a toolbar's buttons take none by default
                button.setAccessibleName(action.text().replace("&", ""))
                button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")

    # --- what the controller calls -----------------------------------------------------------

    def focus_search(self) -> None:
        self.list_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list_panel.search.selectAll()

    def _show_page(self, page: QWidget) -> None:
        """Bring ``page`` to the front; find in page is offered only while it is the entry."""
        self.stack.setCurrentWidget(page)
        self.find_action.setEnabled(page is self.entry_view)
        if page is not self.entry_view:
            self.entry_view.find_bar.close_bar()

    def show_welcome(self, count: int, folder: str) -> None:
        self.welcome.set_count(count, folder)
        self._show_page(self.welcome)

    def show_entry(self, document: EntryDocument, root: Path | None = None, folder: Path | None = None) -> None:
        self.entry_view.show_document(document, root, folder)
        self._show_page(self.entry_view)
        self.print_action.setEnabled(True)
        self.export_action.setEnabled(True)

    def return_to_entry(self) -> None:
        """Show again the entry that was last shown (after a search that found nothing)."""
        self._show_page(self.entry_view)

    def show_no_result(self, query: str, nearest: list[Listing], notes: tuple[str, ...] = (), suggestions: tuple[Hit, ...] = ()) -> None:
        self.no_result.show_query(query, nearest, notes, suggestions)
        self._show_page(self.no_result)

    def show_check(self, heading: str, pairs: list[Hit], notes: tuple[str, ...] = (), suggestions: tuple[Hit, ...] = (), medicines: int = 3) -> None:
        self.check.show_check(heading, pairs, notes, suggestions, medicines)
        self._show_page(self.check)

    def reset_view(self) -> None:
        """Back to the start: no search, nothing selected, first tab, scrolled up, nothing marked."""
        self.list_panel.search.clear()
        self.list_panel.select_path(None)
        self.list_panel.view.scrollToTop()
        self.entry_view.select_tab("usage")
        self.entry_view.page.verticalScrollBar().setValue(0)
        for view in (self.entry_view.header, *self.entry_view.views.values()):
            view.verticalScrollBar().setValue(0)
            view.setExtraSelections([])
        self.print_action.setEnabled(False)
        self.export_action.setEnabled(False)
        self.find_action.setEnabled(False)
        self.entry_view.find_bar.close_bar()

    def _lock_down(self) -> None:
        """No menus, no action of the desk's, no context menu, no frame: the public screen."""
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.menuBar().hide()
        self.menuBar().setEnabled(False)
        for action in (self.quit_action, self.print_action, self.export_action, self.zoom_in_action,
                       self.zoom_out_action, self.zoom_reset_action, self.search_action, self.problems_action,
                       self.find_action):
            action.setEnabled(False)
            action.setVisible(False)
            self.removeAction(action)
        for widget in self.findChildren(QWidget):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def allow_close(self) -> None:
        """A kiosk's window may close now (the administrator's exit; tests)."""
        self._may_close = True

    def set_history_state(self, can_back: bool, can_forward: bool) -> None:
        self.back_action.setEnabled(can_back)
        self.forward_action.setEnabled(can_forward)

    def set_problem_count(self, errors: int, warnings: int) -> None:
        """The status bar says what a reader loses (unreadable pages); lint waits in View > Problems. Not in the kiosk."""
        self.problems_action.setText(self.tr("Problems for &authors ({0})…").format(f"{errors + warnings:,}"))
        self.problems_action.setEnabled(bool(errors or warnings) and self.mode.menus)
        if not errors or not self.mode.menus:
            self.problems_button.hide()
            return
        unread = self.tr("1 page could not be read — show") if errors == 1 else self.tr("{0} pages could not be read — show")
        self.problems_button.setText(unread.format(f"{errors:,}"))
        self.problems_button.show()

    def apply_zoom(self, zoom: int) -> None:
        self._text_size = round(self._base_point_size * (ZOOM_STEP**zoom), 1)
        self._restyle()

    def apply_theme(self, theme: Theme, choice: str) -> None:
        self._theme = theme
        self.setPalette(palette(theme))
        self._restyle()
        self.entry_view.set_highlight_colour(theme.colours["highlight"])
        self.entry_view.set_content_css(theme.content_css)
        if choice in self.theme_actions:
            self.theme_actions[choice].setChecked(True)

    def text_point_size(self) -> float:
        return self._text_size

    def _restyle(self) -> None:
        """The theme's style sheet with the text sizes of the current zoom filled in."""
        if self._theme is None:
            return
        size = self.text_point_size()
        values = dict(self._theme.colours)
        values.update(font_size=f"{size}pt", title_size=f"{size * 1.55:.1f}pt", heading_size=f"{size * 1.3:.1f}pt",
                      attract_size=f"{size * 2.6:.1f}pt")
        qss = fill_tokens(self._theme.window_qss + "\n" + self.extra_qss, values)
        self.setStyleSheet(qss)
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.list_panel.set_marker_style(self._theme.colours, font)

    def set_list_width(self, width: int = 0) -> None:
        """The list pane ``width`` pixels wide, or (0) about a third of the window, at least 320."""
        total = max(self.width(), 640)
        wanted = width or max(320, int(total * LIST_SHARE))
        self.splitter.setSizes([min(wanted, total - 320), max(320, total - wanted)])

    def restore(self, geometry: QByteArray | None) -> None:
        if geometry is not None:
            self.restoreGeometry(geometry)

    # Qt API
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._may_close:
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)
