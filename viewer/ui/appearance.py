"""The window's remembered looks, wired to the window: text size, theme, last tab, geometry."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from viewer.ui.main_window import ZOOM_MAX, ZOOM_MIN, MainWindow
from viewer.ui.settings import Preferences
from viewer.ui.theme import load_theme


class Appearance(QObject):
    """The window's remembered looks: text size, theme (following the desktop's light/dark
    switch when asked), the last tab and the window's geometry."""

    def __init__(self, window: MainWindow, preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._preferences = window, preferences
        window.restore(preferences.geometry)
        # Once shown: before, the splitter has no width of its own and would scale the sizes given.
        window.first_shown.connect(lambda: window.set_list_width(preferences.list_width))
        window.apply_zoom(preferences.zoom)
        self.set_theme(preferences.theme, remember=False)
        window.entry_view.select_tab(preferences.last_tab)
        window.zoom_requested.connect(self.zoom)
        window.theme_requested.connect(self.set_theme)
        window.tab_changed.connect(lambda key: setattr(preferences, "last_tab", key))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.follow_system_scheme)
        self._following = True

    def zoom(self, step: int) -> None:
        level = 0 if step == 0 else max(ZOOM_MIN, min(ZOOM_MAX, self._preferences.zoom + step))
        self._preferences.zoom = level
        self._window.apply_zoom(level)

    def set_theme(self, choice: str, remember: bool = True, scheme: Qt.ColorScheme | None = None) -> None:
        if remember:
            self._preferences.theme = choice
        self._window.apply_theme(load_theme(choice, scheme=scheme), choice)

    def follow_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark while the viewer is open."""
        if self._preferences.theme == "system":
            self.set_theme("system", remember=False, scheme=scheme)

    def save(self) -> None:
        self._preferences.geometry = self._window.saveGeometry()
        self._preferences.list_width = self._window.splitter.sizes()[0]
        self._preferences.sync()

    def stop(self) -> None:
        """The desktop's light/dark switch must not reach a window that is gone."""
        if self._following:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self.follow_system_scheme)
            self._following = False
