"""Themes: the style sheets in resources/ with colours from themes.toml, and the palette."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from viewer.core import words
from viewer.core.words import QT_TRANSLATE_NOOP
from viewer.styles import styled, theme_colours

THEMES = ("system", "light", "dark", "high-contrast")
THEME_LABELS = {  # in English; theme_label says them in the reader's language
    "system": QT_TRANSLATE_NOOP("Theme", "Follow the system"), "light": QT_TRANSLATE_NOOP("Theme", "Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "Dark"), "high-contrast": QT_TRANSLATE_NOOP("Theme", "High contrast"),
}


@dataclass(frozen=True)
class Theme:
    name: str
    colours: dict[str, str]
    window_qss: str
    content_css: str


def theme_label(name: str) -> str:
    return words.translate("Theme", THEME_LABELS[name])


def resolve(choice: str, scheme: Qt.ColorScheme | None = None) -> str:
    """A concrete theme name: "system" becomes light or dark as the desktop prefers."""
    if choice in THEMES and choice != "system":
        return choice
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def load_theme(choice: str, resources: Path | None = None, scheme: Qt.ColorScheme | None = None) -> Theme:
    name = resolve(choice, scheme)
    colours = theme_colours(name, resources)
    return Theme(name, colours, styled("style.qss", colours, resources), styled("content.css", colours, resources))


def palette(theme: Theme) -> QPalette:
    """A palette to match the style sheet, so unstyled parts (text views, dialogs) agree."""
    c = {k: QColor(v) for k, v in theme.colours.items()}
    pal = QPalette()
    for role, key in (
        (QPalette.ColorRole.Window, "panel"),
        (QPalette.ColorRole.WindowText, "text"),
        (QPalette.ColorRole.Base, "base"),
        (QPalette.ColorRole.AlternateBase, "panel"),
        (QPalette.ColorRole.Text, "text"),
        (QPalette.ColorRole.Button, "panel"),
        (QPalette.ColorRole.ButtonText, "text"),
        (QPalette.ColorRole.Highlight, "selection"),
        (QPalette.ColorRole.HighlightedText, "selection_text"),
        (QPalette.ColorRole.Link, "accent"),
        (QPalette.ColorRole.ToolTipBase, "base"),
        (QPalette.ColorRole.ToolTipText, "text"),
        (QPalette.ColorRole.PlaceholderText, "muted"),
    ):
        pal.setColor(role, c[key])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, c["disabled"])
    return pal

