"""The entry view: header, tabs in order, FAQs, empty sections, the page's own notices."""

from __future__ import annotations

from tests.helpers import page
from viewer.core.present.document import empty_sentence


def test_the_header_shows_title_drugs_generic_name_and_intro(controller):
    controller.open_entry("paroxetine-clonazepam.md")
    view = controller.window.entry_view
    assert view.title.text() == "Paroxetine + Clonazepam"
    assert view.drugs.text() == "Paroxetine · Clonazepam"
    header = view.header.toPlainText()
    unrated, generic = header.splitlines()[:2]
    assert unrated == "This page states no severity, warning, sources or review date."  # the seed states none
    assert generic.startswith("Generic name: The generic names are Paroxetine and Clonazepam.")
    assert "It's crucial to understand that providing detailed information" in header


def test_tabs_come_in_order_and_more_only_for_unknown_sections(controller):
    view = controller.window.entry_view
    controller.open_entry("sertraline-clonazepam.md")
    labels = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert labels == ["Usage", "Side effects", "Mechanism", "FAQs"]
    controller.open_entry("extra/alpha-beta.md")
    labels = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert labels == ["Usage", "Side effects", "Mechanism", "FAQs", "More"]
    view.select_tab("more")
    assert "Storage" in view.views["more"].toPlainText() and "Keep dry." in view.views["more"].toPlainText()


def test_faqs_read_as_questions_with_their_answers(controller):
    controller.open_entry("sertraline-clonazepam.md")
    text = controller.window.entry_view.views["faqs"].toPlainText()
    assert "Is this a standard combination pill?\nNo. Sertraline and clonazepam" in text
    assert text.count("?") >= 5


def test_an_empty_section_says_so(controller, content):
    (content / "bare.md").write_text(page("Bare + Page", "**Usage:**\n\nOnly usage.\n"))
    controller.watcher.reload_now()
    controller.apply_reload(controller.loader.load())
    controller.open_entry("bare.md")
    assert controller.window.entry_view.views["mechanism"].toPlainText().startswith(empty_sentence("Mechanism"))


def test_the_pages_own_disclaimer_and_note_are_shown_with_the_entry(controller):
    controller.open_entry("sertraline-clonazepam.md")
    for key in ("usage", "side_effects", "mechanism", "faqs"):
        text = controller.window.entry_view.views[key].toPlainText()
        assert "Disclaimer (from this page): This information is for general knowledge" in text
        assert "Note (from this page): This information is AI-generated" in text


def test_the_chosen_tab_stays_when_another_entry_opens(controller):
    view = controller.window.entry_view
    controller.open_entry("sertraline-clonazepam.md")
    view.tabs.setCurrentIndex(2)
    controller.open_entry("paroxetine-clonazepam.md")
    assert view.current_tab() == "mechanism"
    view.select_tab("more")  # not on this entry: the first tab shows, but "more" is remembered
    controller.open_entry("extra/alpha-beta.md")
    assert view.current_tab() == "more"


def test_every_tab_starts_scrolled_to_the_top(controller):
    window = controller.window
    window.resize(700, 460)
    controller.open_entry("sertraline-clonazepam.md")
    bar = window.entry_view.views["usage"].verticalScrollBar()
    bar.setValue(bar.maximum())
    controller.open_entry("paroxetine-clonazepam.md")
    assert bar.value() == 0
