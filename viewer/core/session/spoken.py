"""What a screen reader is told when the screen changes, as words (the window announces them):
a search's outcome once the typing settles, and the severity of an entry as it opens."""

from __future__ import annotations

from viewer.core import words
from viewer.core.pages.model import Entry
from viewer.core.pages.safety import severity_sentence
from viewer.core.search.results import no_result
from viewer.core.session.states import Listed, NoResult, PairCheck, SearchState


def said_for_search(state: SearchState | None) -> str:
    """A search's outcome: how many are listed, the no-entry sentence, or what the check checks."""
    if isinstance(state, NoResult):
        return no_result(state.query)
    if isinstance(state, PairCheck):
        pairs = words.translate("Spoken", "1 pair listed.") if len(state.rows) == 1 else words.translate("Spoken", "{0} pairs listed.")
        return f"{state.heading}. {pairs.format(len(state.rows))}"
    if isinstance(state, Listed) and state.results.asked:
        found = len(state.results)
        listed = words.translate("Spoken", "1 combination listed.") if found == 1 else words.translate("Spoken", "{0} combinations listed.")
        searching = " " + words.translate("Spoken", "Searching the text…") if state.results.text_wanted else ""
        return listed.format(found) + searching
    return ""


def said_for_entry(entry: Entry | None) -> str:
    """An opened entry: its title and the severity it states, or that it states none."""
    if entry is None:
        return ""
    return f"{entry.title}. {severity_sentence(entry.severity)}"
