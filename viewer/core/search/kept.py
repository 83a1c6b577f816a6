"""The search command's ranking, kept between runs: the engine built from the listings, with
the stamp of the folder it was built from and the signature of the full-text index it was
checked against, in one signed file (catalog/snapshot.py). While the folder and the index are
as they were, a search reads that one file and stats each page: nothing is parsed, ranked or
indexed again, and the index is not checked again."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from viewer.core.catalog.catalog import load_kept_catalog
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
from viewer.core.search.index import FullTextIndex
from viewer.core.search.search_engine import SearchEngine


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
    if not isinstance(pages, PageChecks) or not still_true_of(kept[0], root, pages.pages()):
        return None
    index = _index(root, checked)
    engine = unpickled(kept[1][2:3]) if isinstance(index, FullTextIndex) and index.file_signature() == checked else None
    if not engine or not isinstance(engine[0], SearchEngine) or not isinstance(index, FullTextIndex):
        return None
    engine[0].fulltext = index
    return engine[0]


def _index(root: Path, checked: tuple[int, ...] | None = None) -> FullTextIndex | str:
    try:
        return FullTextIndex(root, checked=checked)
    except (OSError, sqlite3.Error) as exc:
        return f"full-text search unavailable: {exc}"


def _built(root: Path) -> KeptSearch:
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
        write_snapshot(snapshot_file(root, "search"), [stamp, index.file_signature(), PageChecks.of(library), engine])
    engine.fulltext = index
    return KeptSearch(engine, problem)
