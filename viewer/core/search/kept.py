"""The search command's ranking, kept between runs: the engine built from the listings, with
the stamp of the folder it was built from and the signature of the full-text index it was
checked against, in one signed file (catalog/snapshot.py). While the folder and the index are
as they were, a search reads that one file and stats each page: nothing is parsed, ranked or
indexed again, and the index is not checked again."""

from __future__ import annotations

import copy
import pickle
import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import TypeVar, overload

from viewer.core.catalog.snapshot import (
    PageChecks,
    read_kept,
    snapshot_file,
    stamp_of,
    started,
    still_true_of,
    unpickled,
    write_snapshot,
)
from viewer.core.pages.model import Listing
from viewer.core.search.index import FullTextIndex
from viewer.core.search.search_engine import SearchEngine

T = TypeVar("T")
V = TypeVar("V")


class _Packed(Sequence[T]):
    """Items kept packed, each made when first asked for (and kept); pickled without what was made."""

    _made: dict[int, T]

    def _make(self, position: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        made = self._made.get(position)
        if made is None:
            made = self._made[position] = self._make(position)
        return made


class PackedListings(_Packed[Listing]):
    """Listings kept in one bytes object, each pickled on its own: the kept ranking unpickles in
    a moment whatever the library's size (100,000 listing objects took 0.13 s), and a listing is
    made when a result first asks for it. The bytes come from the signed file with the rest."""

    def __init__(self, listings: Iterable[Listing]) -> None:
        parts = [pickle.dumps(listing, protocol=pickle.HIGHEST_PROTOCOL) for listing in listings]
        self._ends = array("Q", accumulate(map(len, parts)))
        self._bytes = b"".join(parts)
        self._made = {}

    def __len__(self) -> int:
        return len(self._ends)

    def _make(self, position: int) -> Listing:
        start = self._ends[position - 1] if position else 0
        listing: Listing = pickle.loads(self._bytes[start : self._ends[position]])
        return listing

    def __getstate__(self) -> tuple[array[int], bytes]:
        return self._ends, self._bytes

    def __setstate__(self, state: tuple[array[int], bytes]) -> None:
        self._ends, self._bytes = state
        self._made = {}


class PackedDrugSets(_Packed[frozenset[str]]):
    """Each listing's set of folded drug names, kept as one string (100,000 sets took 0.05 s to
    unpickle); a set is made when a ranking first asks for it."""

    def __init__(self, sets: Iterable[frozenset[str]]) -> None:
        self._names = [FIELD.join(sorted(names)) for names in sets]
        self._made = {}

    def __len__(self) -> int:
        return len(self._names)

    def _make(self, position: int) -> frozenset[str]:
        names = self._names[position]
        return frozenset(names.split(FIELD) if names else ())

    def __getstate__(self) -> str:
        return RECORD.join(self._names)

    def __setstate__(self, state: str) -> None:
        self._names = state.split(RECORD) if state else []
        self._made = {}


FIELD, RECORD = "\x1f", "\x1e"  # unit and record separators: in no folded drug name


class PackedLookup(Mapping[str, V]):
    """A mapping from text to positions, kept as one string of sorted keys and arrays of where
    each key and value ends, looked up by bisection: unpickled in a moment whatever the size
    (the engine's four dicts of 100,000 keys took 0.08 s), each value made when asked for."""

    def __init__(self, mapping: Mapping[str, int] | Mapping[str, Iterable[int]], make: Callable[[array[int]], V]) -> None:
        keys = sorted(mapping)
        self._keys = "".join(keys)
        self._key_ends = array("Q", accumulate(map(len, keys)))
        values = [[found] if isinstance(found := mapping[key], int) else sorted(found) for key in keys]
        self._flat = array("q", (position for value in values for position in value))
        self._value_ends = array("Q", accumulate(map(len, values)))
        self._make = make

    def _key(self, place: int) -> str:
        return self._keys[self._key_ends[place - 1] if place else 0 : self._key_ends[place]]

    def __getitem__(self, key: str) -> V:
        low = bisect_left(range(len(self._key_ends)), key, key=self._key)  # the first key not less than ``key``
        if low == len(self._key_ends) or self._key(low) != key:
            raise KeyError(key)
        return self._make(self._flat[self._value_ends[low - 1] if low else 0 : self._value_ends[low]])

    def __len__(self) -> int:
        return len(self._key_ends)

    def __iter__(self) -> Iterator[str]:
        return (self._key(place) for place in range(len(self)))


def _one(positions: array[int]) -> int:
    return positions[0]


def _packed(engine: SearchEngine) -> SearchEngine:
    """The engine as kept: its listings (the title index's are the same ones), drug sets and
    lookups packed."""
    kept = copy.copy(engine)
    kept.titles = copy.copy(engine.titles)
    kept.listings = kept.titles.listings = PackedListings(engine.listings)
    drugs = engine._drugs  # noqa: SLF001 - the engine's own, as kept
    if not any(FIELD in name or RECORD in name for names in drugs for name in names):  # a page's control characters
        kept._drugs = PackedDrugSets(drugs)  # noqa: SLF001
    kept._paths = PackedLookup(engine._paths, _one)  # noqa: SLF001 - and the engine's other lookups
    kept._folded_titles = PackedLookup(engine._folded_titles, _one)  # noqa: SLF001
    kept._by_drugs = PackedLookup(engine._by_drugs, list)  # noqa: SLF001
    kept._postings = PackedLookup(engine._postings, set)  # noqa: SLF001
    return kept


@dataclass
class KeptSearch:
    """An engine ready to search, and what the user is told about its full-text index."""

    engine: SearchEngine
    problem: str = ""  # why full-text search is unavailable or not kept ("" when all is well)
    kept: bool = False  # read from the kept file (nothing rebuilt)


def kept_search(root: Path) -> KeptSearch:
    """The engine for ``root``: the kept one when still true of the folder, else built (and kept)."""
    engine = _kept_engine(root)
    return KeptSearch(engine, kept=True) if engine is not None else _built(root)


def _kept_engine(root: Path) -> SearchEngine | None:
    """The kept engine with its index, when the folder and the index file are as they were
    (checked before the engine itself is unpickled)."""
    kept = read_kept(root, "search")
    checks = unpickled(kept[1][:2]) if kept is not None else None
    if kept is None or checks is None:
        return None
    try:
        checked, pages = checks
    except (TypeError, ValueError):  # not of this form
        return None
    if not isinstance(pages, PageChecks) or not still_true_of(kept[0], root, pages):
        return None
    index = _index(root, checked)
    if not isinstance(index, FullTextIndex) or index.file_signature() != checked:
        return None
    engine = unpickled(kept[1][2:3])
    if not engine or not isinstance(engine[0], SearchEngine):
        return None
    engine[0].fulltext = index
    return engine[0]


def _index(root: Path, checked: tuple[int, ...] | None = None) -> FullTextIndex | str:
    try:
        return FullTextIndex(root, checked=checked)
    except (OSError, sqlite3.Error) as exc:
        return f"full-text search unavailable: {exc}"


def _built(root: Path) -> KeptSearch:
    from viewer.core.catalog.catalog import load_kept_catalog  # here: a kept search reads no page

    began = started()
    library = load_kept_catalog(root)
    engine = SearchEngine.for_library(library)
    index = _index(root)
    if isinstance(index, str):
        return KeptSearch(engine, index)
    try:
        index.update(library.pages)  # the catalog's walk: no second one
    except (OSError, sqlite3.Error) as exc:
        return KeptSearch(engine, f"full-text search unavailable: {exc}")
    problem = (f"the cache folder could not keep the full-text index ({index.storage_problem}); searching without it"
               if index.storage_problem else "")
    stamp = stamp_of(library, began)
    if stamp is not None and not problem and not index.damaged:
        index.close()  # its file as it will stay: the signature a later run compares
        write_snapshot(snapshot_file(root, "search"), [stamp, index.file_signature(), PageChecks.of(library), _packed(engine)])
    engine.fulltext = index
    return KeptSearch(engine, problem)
