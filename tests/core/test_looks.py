"""Text size and theme are session state: changed in one place, told to whoever draws them."""

from __future__ import annotations

from viewer.core.session.looks import ZOOM_MAX, ZOOM_MIN, Looks


def test_zoom_steps_stop_at_the_ends_and_reset_to_the_modes_size():
    looks, told = Looks(), []
    looks.zoom_changed.connect(told.append)
    for _ in range(ZOOM_MAX + 3):
        looks.zoom_by(1)
    assert looks.zoom == ZOOM_MAX and told == list(range(1, ZOOM_MAX + 1))  # nothing told past the end
    looks.zoom_by(0)
    for _ in range(-ZOOM_MIN + 3):
        looks.zoom_by(-1)
    assert looks.zoom == ZOOM_MIN and told[-1] == ZOOM_MIN and told[ZOOM_MAX] == 0


def test_a_remembered_zoom_out_of_range_is_brought_back_in():
    assert Looks(zoom=99).zoom == ZOOM_MAX and Looks(zoom=-99).zoom == ZOOM_MIN


def test_only_a_theme_that_follows_the_desktop_changes_with_it():
    looks, told = Looks(theme="dark"), []
    looks.theme_changed.connect(lambda choice, scheme: told.append((choice, scheme)))
    looks.desktop_scheme_changed("light")
    assert told == []
    looks.choose_theme("system")
    looks.desktop_scheme_changed("dark")
    assert told == [("system", None), ("system", "dark")] and looks.theme == "system"
