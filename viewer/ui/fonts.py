"""The fonts in resources/fonts, for the window and for paper alike."""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFontDatabase

from viewer.paths import bundled_dir

_loaded: list[str] = []


def load_bundled_fonts() -> None:
    """Fonts shipped in resources/fonts (Noto Sans Devanagari, so Hindi is drawn on a machine with no
    Indic font; a standalone bundle adds DejaVu Sans): text is drawn whatever the machine has."""
    folder = bundled_dir("resources") / "fonts"
    if folder.is_dir():
        for font in sorted(folder.glob("*.ttf")):
            if str(font) not in _loaded:  # once a process, however many windows and print-outs
                QFontDatabase.addApplicationFont(str(font))
                _loaded.append(str(font))
    # Qt says, once a font and script, that a Latin font has no Devanagari tables before it
    # falls back to the one above: noise on every Hindi print-out. QT_LOGGING_RULES still wins.
    QLoggingCategory.setFilterRules("qt.text.font.db=false")
