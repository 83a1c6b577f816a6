"""Interface words in the reader's language. The core never imports Qt: it asks ``translate`` for
each sentence it says, by context and English text, and the window puts Qt's translator here when
it starts (viewer/ui/i18n.py). Until then (the command line, the tests of the core) every
sentence is said in English. Page text is never translated.

Qt's ``lupdate`` finds the words to translate in calls written ``words.translate("Context",
"text")`` and ``QT_TRANSLATE_NOOP("Context", "text")``; a sentence kept in a constant is marked
with the second and translated where it is said (docs/translating.md)."""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """``text`` in the reader's language (English when there is no translation of it)."""
    return _translator(context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation where it is kept; ``translate`` says it in the reader's language."""
    return text


def app_name() -> str:
    """The program's name in the reader's language: the window's title, the welcome, About."""
    from viewer import APP_NAME

    return translate("Application", APP_NAME)


def use(translator: Translator | None) -> None:
    """Say every sentence through ``translator`` from now on (None: in English again)."""
    global _translator
    _translator = translator or _english
