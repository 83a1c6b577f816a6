"""Matching as you type: drug names and title words, any order, any case, any accent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import needs_real_site
from viewer.core.pages.model import Listing
from viewer.core.pages.text import query_terms
from viewer.core.search.search_engine import SearchEngine
from viewer.core.search.title_index import TitleIndex

LISTINGS = [
    Listing("a.md", "Paroxetine + Clonazepam", ("Paroxetine", "Clonazepam")),
    Listing("b.md", "Sertraline + Clonazepam", ("Sertraline", "Clonazepam")),
    Listing("c.md", "Sertraline + Clonazepam + Tramadol", ("Sertraline", "Clonazepam", "Tramadol")),
    Listing("d.md", "Lithium + Ibuprofen", ("Lithium", "Ibuprofen")),
    Listing("e.md", "Café + Crème", ("Café", "Crème")),
]
INDEX = TitleIndex(LISTINGS)


def titles(query: str) -> list[str]:
    return [LISTINGS[r].title for r in INDEX.filter(query_terms(query))]


def test_query_words_split_on_every_separator_and_drop_joining_words():
    assert query_terms("Sertraline + Clonazepam") == ("sertraline", "clonazepam")
    assert query_terms("sertraline/clonazepam, tramadol & x") == ("sertraline", "clonazepam", "tramadol", "x")
    assert query_terms("sertraline and clonazepam with tramadol") == ("sertraline", "clonazepam", "tramadol")


def test_prefixes_in_any_order_and_case():
    assert titles("clon SERT") == ["Sertraline + Clonazepam", "Sertraline + Clonazepam + Tramadol"]
    assert titles("ibu") == ["Lithium + Ibuprofen"]
    assert titles("azepam") == []  # the start of a word, not the middle


def test_accents_never_matter():
    assert titles("cafe creme") == ["Café + Crème"] == titles("CAFÉ")


def test_an_empty_query_keeps_everything():
    assert len(INDEX.filter(())) == len(LISTINGS)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["s", "se", "ser", "sert", "c", "cl", "clon", "t", "tra", "l", "x", "p"]), max_size=3),
       st.sampled_from(["e", "r", "a", "o", " c", " t", "n"]))
def test_narrowing_from_earlier_results_equals_searching_afresh(words, more):
    before = " ".join(words)
    after = before + more
    earlier = INDEX.filter(query_terms(before))
    terms_before, terms_after = query_terms(before), query_terms(after)
    if len(terms_after) >= len(terms_before) and all(n.startswith(o) for o, n in zip(terms_before, terms_after, strict=False)):
        assert INDEX.filter(terms_after, earlier) == INDEX.filter(terms_after)


def test_nearest_matches_forgive_misspellings():
    assert [item.title for item in INDEX.nearest("sertralene")][:2] == [
        "Sertraline + Clonazepam", "Sertraline + Clonazepam + Tramadol"
    ]
    assert INDEX.nearest("zzzz qqqq") == []


def test_a_name_finds_its_exact_combination_in_any_order():
    def choose(name):
        return SearchEngine(LISTINGS).choose(name)[0]

    assert choose("clonazepam + sertraline").path == "b.md"
    assert choose("Clonazepam/Sertraline/Tramadol").path == "c.md"
    assert choose("lith").path == "d.md"  # the only match
    assert choose("clonazepam") is None  # several: no guess
    assert choose("klonazepam sertralin").path == "b.md"  # typos, as in the search box


@needs_real_site
def test_the_plain_title_shortcut_names_the_same_drugs_as_the_general_reading():
    """Titles of plain names joined by '+' skip the general reading; on every title of the real
    site and of awkward made-up ones, both give the same drugs."""

    from tests.helpers import REPO
    from viewer.core.pages.ingredients import _drugs_from_title, drugs_from_title
    from viewer.core.pages.page import read_head

    titles = {"Vaccine Group A + C", "A + B", "Sertraline +  Clonazepam", "St John's Wort + Warfarin", "- + Abc",
              "Ab + Cde", "Abc+Def", "Abc + Def + Abc", "Codeine and Paracetamol + Caffeine", "Alpha-Beta + Gamma"}
    site = REPO.parent / "shared" / "sites" / "rxhive-2024"
    for path in sorted(site.rglob("*.md"))[:3000]:
        head = read_head(path.name, path.read_bytes())
        if head.title:
            titles.add(head.title)
    assert len(titles) > 1000
    assert [t for t in titles if drugs_from_title(t) != _drugs_from_title(t)] == []
