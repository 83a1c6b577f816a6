"""The interface in the reader's language: Qt's own words (dialog buttons, shortcuts) and ours
(resources/translations/combo-viewer_LANG.qm), for the first language of the desktop's list that
has them (LANGUAGE=hi:en, else LC_ALL, LC_MESSAGES, LANG). The core's sentences are said through
the same translator (viewer/core/words.py). Page text is never translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from viewer.core import words
from viewer.paths import bundled_dir

OURS = "combo-viewer"
_installed: list[QTranslator] = []  # kept alive while installed: Qt holds no reference of its own


def translations_dir() -> str:
    return str(bundled_dir("resources") / "translations")


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> str:
    """Load the translations for ``locale`` (the system's); the language they are in, "" for English."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale or QLocale()
    found = ""
    for name, folder in ((OURS, translations_dir()), ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator()  # kept alive by _installed while installed; dropped when it loads nothing
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            _installed.append(translator)
            found = found or (translator.language() if name == OURS else "")
    words.use(lambda context, text: QCoreApplication.translate(context, text))
    return found
