"""The kiosk's keyboard finder without a window: any medicine of the real site within a few keys
and one tap, and "My medicines" asking the reference what the chosen ones ask at the desk."""

from __future__ import annotations

import collections

import pytest

from tests.helpers import REAL_SITE, needs_real_site
from viewer.core.catalog.library import load_library
from viewer.core.search.typeahead import DELETE, FIRST_SCREEN, KEY_ROWS, SPACE, TypeAhead
from viewer.core.session.medicines import MyMedicines

NAMES = ["Paracetamol", "Paraffin, Liquid", "Calcium Carbonate", "Carbamazepine", "Vitamin B12", "Vitamin B1",
         "Iron", "Iron Sucrose", "Sertraline", "SERTRALINE", "Sertral\u200bine", "2-Deoxy-D-Glucose"]


def test_the_start_of_any_word_finds_a_name_and_first_words_come_first():
    finder = TypeAhead(NAMES)
    assert finder.suggest("carb") == ["Carbamazepine", "Calcium Carbonate"]
    assert finder.suggest("liq") == ["Paraffin, Liquid"]
    assert finder.suggest("b12") == ["Vitamin B12"]
    assert finder.suggest("gluc") == ["2-Deoxy-D-Glucose"]
    assert finder.suggest("ca carb") == ["Calcium Carbonate"]  # the start of two of its words
    assert finder.suggest("iron") == ["Iron", "Iron Sucrose"]  # the name typed whole first
    assert finder.suggest("zzz") == []


def test_a_medicine_spelt_several_ways_is_suggested_once():
    assert TypeAhead(NAMES).suggest("sert") == ["Sertraline"]


def test_keys_counted_to_bring_a_name_into_the_first_screen():
    finder = TypeAhead(NAMES)
    assert finder.keys_to_find("Paracetamol", shown=1) == 1
    assert finder.keys_to_find("Paraffin, Liquid", shown=1) == 1  # "l": the start of its second word
    assert finder.keys_to_find("Carbamazepine", shown=1) == 3  # Calcium Carbonate comes first until "car"
    assert finder.keys_to_find("Vitamin B12", shown=1) == 3  # "b12"
    assert finder.keys_to_find("Iron Sucrose", shown=1) == 2  # "su": Sertraline comes first at "s"
    assert finder.keys_to_find("Iron Sucrose", shown=2) == 1  # "i": Iron, then Iron Sucrose
    assert finder.keys_to_find("Not a medicine") is None


def test_the_keyboard_types_deletes_and_never_starts_with_a_space():
    mine = MyMedicines(NAMES)
    for key in (SPACE, "P", "A", "R", SPACE, SPACE, DELETE, DELETE, "A"):
        mine.press(key)
    assert mine.typed == "paa"
    assert {letter for row in KEY_ROWS for letter in row} >= set("ABCXYZ0123456789")


def test_my_medicines_ask_what_the_desk_asks_and_chosen_ones_leave_the_suggestions():
    mine = MyMedicines(NAMES)
    heard: list[list[str]] = []
    mine.chosen_changed.connect(heard.append)
    for letter in "SER":
        mine.press(letter)
    mine.choose(mine.suggestions()[0])
    assert mine.chosen == ["Sertraline"] and mine.typed == "" and mine.query() == "Sertraline"
    mine.choose("sertraline")  # the same medicine again: not twice
    mine.choose("Iron")
    mine.choose("Paracetamol")
    assert mine.query() == "Sertraline, Iron, Paracetamol"  # a list: every pair checked
    assert "Iron" not in mine.suggestions() and "Iron Sucrose" in mine.suggestions()
    mine.remove("Iron")
    mine.clear()
    assert heard == [["Sertraline"], ["Sertraline", "Iron"], ["Sertraline", "Iron", "Paracetamol"],
                     ["Sertraline", "Paracetamol"], []]


@needs_real_site
def test_any_medicine_of_the_real_site_within_six_keys_for_99_percent_and_eight_for_all():
    names = [drug for entry in load_library(REAL_SITE).entries for drug in entry.drugs]
    finder = TypeAhead(names)
    assert len(finder.names) > 1500
    keys = {name: finder.keys_to_find(name, FIRST_SCREEN) for name in finder.names}
    beyond_eight = {name: count for name, count in keys.items() if count is None or count > 8}
    assert not beyond_eight, f"not within 8 keys and a tap: {beyond_eight}"
    within_six = sum(1 for count in keys.values() if count is not None and count <= 6)
    counts = collections.Counter(keys.values())
    assert within_six >= 0.99 * len(keys), f"keys needed, how many names: {sorted(counts.items())}"


@pytest.mark.parametrize("typed", ["", "x"])
def test_nothing_typed_lists_every_name_and_a_letter_no_name_has_lists_none(typed):
    finder = TypeAhead(NAMES)
    assert len(finder.suggest(typed)) == (len(finder.names) if not typed else 0)
