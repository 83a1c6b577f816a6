"""The other names a library answers to: each brand and class drugs.yaml gives, with the entries
that include one of its medicines (for a reader with no drug-aware search, such as Kiwix)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from viewer.core.pages.model import DrugInfo, Listing
from viewer.core.search.vocabulary import key_of


def _key(name: str) -> str:
    """A medicine's name as one word: "Ethinyl estradiol", "ethinylestradiol" and "ethinyl-estradiol" are one."""
    return "".join(key_of(name).split())


@dataclass(frozen=True)
class OtherName:
    """A brand or class name, the medicines it stands for and the entries that include one."""

    name: str  # as drugs.yaml writes it ("Zoloft", "SSRI")
    kind: str  # "brand" (one product, perhaps of several medicines) or "class"
    medicines: tuple[str, ...]  # as the pages or drugs.yaml write them, in drugs.yaml's order
    paths: tuple[str, ...]  # the entries, in the listings' order


def other_names(listings: Sequence[Listing], dictionary: Mapping[str, DrugInfo]) -> list[OtherName]:
    """Every brand and class of ``dictionary`` that some entry answers, sorted by name; a name
    given twice (a brand of two makers) stands for all its medicines."""
    holding: dict[str, list[str]] = defaultdict(list)  # a medicine's key -> entries that include it
    written: dict[str, str] = {}  # a medicine's key -> as a page writes it
    for item in listings:
        for drug in item.drugs:
            holding[_key(drug)].append(item.path)
            written.setdefault(_key(drug), drug)
    stands_for: dict[tuple[str, str], dict[str, None]] = defaultdict(dict)  # (kind, name) -> medicine keys

    def add(kind: str, name: str, medicines: Iterable[str]) -> None:
        if name.split():  # a name written twice with other spacing is one name
            stands_for[kind, " ".join(name.split())].update(dict.fromkeys(map(_key, medicines)))

    for generic, info in dictionary.items():
        if info.ingredients:  # a combination brand: its own name, its medicines
            add("brand", info.generic or generic, info.ingredients)
            continue
        for brand in info.brands:
            add("brand", brand, (generic,))
        for drug_class in info.classes or ((info.drug_class,) if info.drug_class else ()):
            add("class", drug_class, (generic,))
    order = {item.path: position for position, item in enumerate(listings)}
    found = []
    for (kind, name), keys in stands_for.items():
        paths = {path for key in keys for path in holding.get(key, ())}
        if paths:
            medicines = tuple(written.get(key, key) for key in keys if key in holding)
            found.append(OtherName(name, kind, medicines, tuple(sorted(paths, key=order.__getitem__))))
    return sorted(found, key=lambda other: (other.name.casefold(), other.kind))


def names_of_entries(names: Sequence[OtherName]) -> dict[str, tuple[str, ...]]:
    """Each entry's path -> the brand and class names of its medicines (search keywords)."""
    found: dict[str, list[str]] = defaultdict(list)
    for other in names:
        for path in other.paths:
            found[path].append(other.name)
    return {path: tuple(names) for path, names in found.items()}
