"""The session is the one source of truth, and it tells: what it shows, the open entry, the
window's title, where Back and Forward lead and status messages are events a window (or a test,
with no Qt at all) listens to."""

from __future__ import annotations

from tests.helpers import DISCHARGE_LIST
from viewer import APP_NAME
from viewer.core.catalog.library import load_catalog
from viewer.core.session.session import PairCheck, Session, View, place_query
from viewer.paths import bundled_dir


def listening(session: Session) -> list[tuple[str, tuple[object, ...]]]:
    heard: list[tuple[str, tuple[object, ...]]] = []
    for name in ("query", "view", "entry", "title", "history", "status"):
        getattr(session.events, name).connect(lambda *args, name=name: heard.append((name, args)))
    return heard


def test_a_check_an_entry_opened_from_it_and_back_are_told_without_a_window():
    session = Session(bundled_dir("content"), load_catalog(bundled_dir("content")))
    heard = listening(session)
    session.query = DISCHARGE_LIST
    state = session.search(session.query)
    assert isinstance(state, PairCheck) and state.rows[0].title == "Warfarin + Ibuprofen"
    session.view = View.CHECK
    session.open("warfarin-ibuprofen.md", from_check=session.query)
    session.view = View.ENTRY
    session.history_changed()
    assert ("title", (f"{APP_NAME} — Warfarin + Ibuprofen",)) in heard
    assert heard[-1] == ("history", (True, False))
    assert place_query(session.back() or "") == DISCHARGE_LIST
    session.view = View.CHECK
    assert heard[-1] == ("title", (APP_NAME,))  # a check on screen: the entry's title is gone from the window


def test_going_home_and_messages_are_told():
    session = Session(bundled_dir("content"), load_catalog(bundled_dir("content")))
    session.open("sertraline-tramadol.md")
    session.view = View.ENTRY
    heard = listening(session)
    session.close()
    session.view = View.WELCOME
    session.say("No entry answers this search on its own: choose one from the list.")
    assert ("entry", (None,)) in heard and ("view", (View.WELCOME,)) in heard and ("title", (APP_NAME,)) in heard
    assert heard[-1] == ("status", ("No entry answers this search on its own: choose one from the list.", 5000))
