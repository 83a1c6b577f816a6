"""What a launch asked the window for: a page file, a combination by name, or just the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.ui.controller import Controller


def open_request(controller: Controller, request: dict[str, object]) -> None:
    """Open what ``request`` names and bring the window to the front (a second launch's hand-over
    arrives here too)."""
    page, entry = request.get("page"), request.get("entry")
    window = controller.window
    if isinstance(page, str) and page:
        controller.open_entry(page)
    elif isinstance(entry, str) and entry.strip():
        controller.open_by_name(entry)
    else:
        window.focus_search()
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
