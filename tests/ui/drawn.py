"""What a window draws, read off its widgets: tests check the screen matches the session."""

from __future__ import annotations

from viewer.core.session.states import View


def showing(window) -> View:
    """The view in front of the window's stack (welcome, entry, no result or pair check)."""
    pages = {window.welcome: View.WELCOME, window.entry_view: View.ENTRY, window.no_result: View.NO_RESULT,
             window.check: View.CHECK}
    return pages.get(window.stack.currentWidget(), View.WELCOME)
