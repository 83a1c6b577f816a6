"""Preferences kept between runs (QSettings): zoom, theme, last tab, window geometry."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class Preferences:
    """Typed access to QSettings; tests hand in a QSettings on a temporary file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self._settings.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def zoom(self) -> int:
        value = self._get("view/zoom", 0, int)
        return value if isinstance(value, int) else 0

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._settings.setValue("view/zoom", int(value))

    @property
    def theme(self) -> str:
        return str(self._get("view/theme", "system", str))

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("view/theme", value)

    @property
    def last_tab(self) -> str:
        return str(self._get("view/last_tab", "usage", str))

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self._settings.setValue("view/last_tab", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def list_width(self) -> int:
        """The list pane's width as the user left it (0: never changed)."""
        value = self._get("window/list_width", 0, int)
        return value if isinstance(value, int) and value > 0 else 0

    @list_width.setter
    def list_width(self, value: int) -> None:
        self._settings.setValue("window/list_width", int(value))

    def sync(self) -> None:
        self._settings.sync()
