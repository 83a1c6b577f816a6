"""A kiosk patient's own list, without Qt: what they have typed on the on-screen keyboard, the
names it suggests, and the medicines they chose ("My medicines"), with what the list asks of the
reference (one medicine: its combinations; two or more: the pair check)."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.core.pages.text import fold
from viewer.core.search.typeahead import DELETE, TypeAhead
from viewer.core.session.events import Event


class MyMedicines:
    """Typed letters and chosen medicines; ``typed_changed`` and ``chosen_changed`` tell each change."""

    def __init__(self, names: Iterable[str]) -> None:
        self.finder = TypeAhead(names)
        self.typed = ""
        self.chosen: list[str] = []
        self.typed_changed = Event()  # (typed: str)
        self.chosen_changed = Event()  # (chosen: list[str])

    def suggestions(self) -> list[str]:
        """Names for what is typed, the ones already chosen left out."""
        taken = {fold(name) for name in self.chosen}
        return [name for name in self.finder.suggest(self.typed) if fold(name) not in taken]

    def press(self, key: str) -> None:
        """A key of the on-screen keyboard: a letter or digit, SPACE, or DELETE (the last one typed)."""
        typed = self.typed[:-1] if key == DELETE else (self.typed + key.lower()).lstrip()
        self.set_typed(typed.replace("  ", " "))

    def clear_typed(self) -> None:
        self.set_typed("")

    def set_typed(self, typed: str) -> None:
        """What the field holds (typed on the keys, or on a real keyboard where there is one)."""
        if typed != self.typed:
            self.typed = typed
            self.typed_changed.emit(typed)

    def choose(self, name: str) -> None:
        """A suggestion tapped: added to the list (once), and the typing starts afresh."""
        self.clear_typed()
        if fold(name) not in {fold(n) for n in self.chosen}:
            self.chosen.append(name)
            self.chosen_changed.emit(list(self.chosen))

    def remove(self, name: str) -> None:
        if name in self.chosen:
            self.chosen.remove(name)
            self.chosen_changed.emit(list(self.chosen))

    def clear(self) -> None:
        """Start again: nothing typed, nothing chosen."""
        self.clear_typed()
        if self.chosen:
            self.chosen = []
            self.chosen_changed.emit([])

    def query(self) -> str:
        """What the chosen medicines ask: one name lists its combinations; two or more, joined as
        a list, check every pair (the desk's pasted-list check)."""
        return ", ".join(self.chosen) if len(self.chosen) > 1 else "".join(self.chosen)
