"""Tells a screen reader what changed (Qt's accessibility announcements): a search's outcome once
the typing pauses, so a reader is not talked over on every key, and an entry's severity at once;
and names the scroll bars, which Qt leaves nameless."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from viewer.core.session.session import Session
from viewer.core.session.spoken import said_for_entry, said_for_search

SETTLE_MS = 700  # a pause in the typing this long: the search's outcome is said


class Announcer(QObject):
    """Listens to the session; says its words through ``window``."""

    def __init__(self, session: Session, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.window = session, window
        self._last = ""  # what was announced last: the same words are not said twice running
        self._settled = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settled.timeout.connect(lambda: self.say(said_for_search(self.session.state)))
        session.events.query.connect(lambda _query: self._settled.start())
        session.events.entry.connect(lambda entry: self.say(said_for_entry(entry)))
        session.events.status.connect(lambda message, _ms: self.say(message))
        window.destroyed.connect(self._settled.stop)
        for area in window.findChildren(QAbstractScrollArea):
            name_scroll_bars(area)

    def say(self, text: str) -> None:
        if not shiboken6.isValid(self.window):  # the window is gone (the session may outlive it)
            return
        if text and text != self._last:
            self._last = text
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.window, text))


def name_scroll_bars(area: QAbstractScrollArea) -> None:
    """The area's scroll bars named after what it scrolls ("Scroll Combinations")."""
    what = area.accessibleName() or area.objectName() or QCoreApplication.translate("Announcer", "the page")
    area.verticalScrollBar().setAccessibleName(QCoreApplication.translate("Announcer", "Scroll {0}").format(what))
    area.horizontalScrollBar().setAccessibleName(QCoreApplication.translate("Announcer", "Scroll {0} sideways").format(what))
