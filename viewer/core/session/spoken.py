"""What a screen reader is told when the screen changes, as words (the window announces them):
a search's outcome once the typing settles, and the severity of an entry as it opens."""

from __future__ import annotations

from viewer.core.pages.model import Entry
from viewer.core.pages.safety import severity_word
from viewer.core.search.results import no_result
from viewer.core.session.states import Listed, NoResult, PairCheck, SearchState


def said_for_search(state: SearchState | None) -> str:
    """A search's outcome: how many are listed, the no-entry sentence, or what the check checks."""
    if isinstance(state, NoResult):
        return no_result(state.query)
    if isinstance(state, PairCheck):
        return f"{state.heading}. {len(state.rows)} pair{'s' if len(state.rows) != 1 else ''} listed."
    if isinstance(state, Listed) and state.results.asked:
        found = len(state.results)
        searching = " Searching the text…" if state.results.text_wanted else ""
        return f"{found} combination{'s' if found != 1 else ''} listed.{searching}"
    return ""


def said_for_entry(entry: Entry | None) -> str:
    """An opened entry: its title and the severity it states, or that it states none."""
    if entry is None:
        return ""
    severity = f"Severity {severity_word(entry.severity)}." if entry.severity else "This page states no severity."
    return f"{entry.title}. {severity}"
