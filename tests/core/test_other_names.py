"""The brand and class names an exported library answers to (core/search/names.py)."""

from __future__ import annotations

from viewer.core.pages.model import DrugInfo, Listing
from viewer.core.search.names import names_of_entries, other_names

LISTINGS = [
    Listing("a.md", "Sertraline + Tramadol", ("Sertraline", "Tramadol")),
    Listing("b.md", "Ibuprofen + Paracetamol", ("Ibuprofen", "Paracetamol")),
    Listing("c.md", "Ethinyl estradiol + Rifampicin", ("Ethinyl estradiol", "Rifampicin")),
]
DICTIONARY = {
    "sertraline": DrugInfo("sertraline", brands=("Zoloft", "Lustral"), classes=("SSRI", "antidepressant")),
    "tramadol": DrugInfo("tramadol", brands=("Ultram",), classes=("opioid",)),
    "ethinylestradiol": DrugInfo("ethinylestradiol", brands=("Yaz",)),
    "combiflam": DrugInfo("Combiflam", ingredients=("ibuprofen", "paracetamol")),
    "codeine": DrugInfo("codeine", brands=("Tylex",), classes=("opioid",)),  # in no entry
    "fluoxetine": DrugInfo("fluoxetine", brands=("Zoloft  ",), classes=("SSRI",)),  # same name, other spacing
}


def test_each_brand_and_class_leads_to_the_entries_that_include_its_medicines():
    found = {(other.kind, other.name): other for other in other_names(LISTINGS, DICTIONARY)}
    assert found["brand", "Zoloft"].paths == ("a.md",) and found["brand", "Zoloft"].medicines == ("Sertraline",)
    assert found["class", "opioid"].paths == ("a.md",)  # codeine is in no entry: not named
    assert found["brand", "Combiflam"].medicines == ("Ibuprofen", "Paracetamol") and found["brand", "Combiflam"].paths == ("b.md",)
    assert found["brand", "Yaz"].paths == ("c.md",)  # "ethinylestradiol" and "Ethinyl estradiol" are one medicine
    assert ("brand", "Tylex") not in found


def test_an_entry_is_found_by_the_names_of_its_medicines():
    keywords = names_of_entries(other_names(LISTINGS, DICTIONARY))
    assert set(keywords["a.md"]) == {"Zoloft", "Lustral", "SSRI", "antidepressant", "Ultram", "opioid"}
    assert keywords["b.md"] == ("Combiflam",)
