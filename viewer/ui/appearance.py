"""The window's remembered looks, wired to the window: text size, theme, last tab, geometry."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from viewer.core.session.looks import Looks
from viewer.ui.main_window import MainWindow
from viewer.ui.settings import Preferences
from viewer.ui.theme import load_theme


class Appearance(QObject):
    """Draws the session's looks (text size, theme) on the window and remembers them, with the
    last tab and the window's geometry. The theme follows the desktop's light/dark switch when
    the choice is to follow the system."""

    def __init__(self, window: MainWindow, looks: Looks, preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._looks, self._preferences = window, looks, preferences
        window.restore(preferences.geometry)
        # Once shown: before, the splitter has no width of its own and would scale the sizes given.
        window.first_shown.connect(lambda: window.set_list_width(preferences.list_width))
        window.apply_zoom(looks.zoom)
        self._draw_theme(looks.theme, None)
        window.entry_view.select_tab(preferences.last_tab)
        looks.zoom_changed.connect(self._zoomed)
        looks.theme_changed.connect(self._theme_chosen)
        window.zoom_requested.connect(looks.zoom_by)
        window.theme_requested.connect(looks.choose_theme)
        window.tab_changed.connect(lambda key: setattr(preferences, "last_tab", key))
        QGuiApplication.styleHints().colorSchemeChanged.connect(looks.desktop_scheme_changed)
        self._following = True

    def _zoomed(self, level: int) -> None:
        self._preferences.zoom = level
        self._window.apply_zoom(level)

    def _theme_chosen(self, choice: str, scheme: Qt.ColorScheme | None) -> None:
        self._preferences.theme = choice
        self._draw_theme(choice, scheme)

    def _draw_theme(self, choice: str, scheme: Qt.ColorScheme | None) -> None:
        self._window.apply_theme(load_theme(choice, scheme=scheme), choice)

    def save(self) -> None:
        self._preferences.geometry = self._window.saveGeometry()
        self._preferences.list_width = self._window.splitter.sizes()[0]
        self._preferences.sync()

    def stop(self) -> None:
        """The desktop's light/dark switch must not reach a window that is gone."""
        if self._following:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._looks.desktop_scheme_changed)
            self._following = False
