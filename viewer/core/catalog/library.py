"""A content folder to a Library: every page read, every file accounted for."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from viewer.core.catalog.folder import NOT_UTF8, TOO_DEEP, Scan, read_bytes, scan
from viewer.core.pages.brands import brand_of_record, find_targets, is_brand
from viewer.core.pages.drugs import read_drugs
from viewer.core.pages.model import Brand, FileInfo, Ignored, Library, Listing, Page, PageKind, Problem, Severity
from viewer.core.pages.page import names_medicine, parse_page, quick_listing, read_head
from viewer.core.pages.site import Site, read_site
from viewer.core.pages.text import fold

L = TypeVar("L", bound=Listing)


def read_page(root: Path | str, relative: str) -> Page:
    """Read and parse one page completely; a file that cannot be read becomes an error."""
    data = read_bytes(root, relative)
    return Page(None, (data,)) if isinstance(data, Problem) else parse_page(relative, data)


@dataclass(frozen=True, slots=True)
class Read:
    """What one page gave: its listing (or none), problems, and whether it is a combination."""

    listing: Listing | None
    problems: tuple[Problem, ...]
    kind: PageKind = PageKind.COMBINATION
    reason: str = ""
    layout: str = ""
    quick: bool = False  # only the head was read: title and drugs, not the sections' problems


def read_listing_quickly(root: str, page: FileInfo) -> Read:
    """A medicine page's title and drugs only (a first start, before the full read in the
    background); a page that may be no medicine page, or has problems, is read in full."""
    return listing_quickly(page.path, read_bytes(root, page.path, page.signature[1]))


def listing_quickly(path: str, data: bytes | Problem) -> Read:
    """read_listing_quickly for bytes already read."""
    if isinstance(data, Problem):
        return Read(None, (data,))
    listing = quick_listing(path, data)
    if listing is not None:
        return Read(listing, (), quick=True)
    head = read_head(path, data)
    if head.title is not None and not head.unpublished and not head.problems and not is_brand(head.meta) and names_medicine(head.body):
        return Read(head.listing, (), quick=True)
    return _listing_of(parse_page(path, data), keep_entry=False)


def read_listing(root: str, page: FileInfo, keep_entry: bool) -> Read:
    """One page read completely; the catalog keeps only its listing."""
    return _listing_of(read_page(root, page.path), keep_entry)


def _listing_of(result: Page, keep_entry: bool) -> Read:
    entry = result.entry
    listing: Listing | None = entry
    if entry is not None and not keep_entry:
        listing = Listing(entry.path, entry.title, entry.drugs, severity=entry.severity, warning=entry.warning)
    return Read(listing, result.problems, result.kind, result.reason, result.layout)


def load_catalog(root: Path | str) -> Library:
    """What the list needs: every page's title and drugs, and every problem `check` reports."""
    return load_folder(Path(root), lambda root, page: read_listing(root, page, False))


def load_library(root: Path | str) -> Library:
    """Read every page under ``root`` completely. Raises NotADirectoryError when it is no folder."""
    return load_folder(Path(root), lambda root, page: read_listing(root, page, True))


Reader = Callable[[str, FileInfo], Read]


def load_folder(root: Path, reader: Reader, walked: tuple[Site, Scan] | None = None) -> Library:
    """The Library of ``root``, each page read by ``reader``; ``walked`` is the folder's settings
    and scan when they were just taken (a first start's readers took them)."""
    if not root.is_dir():
        raise NotADirectoryError(f"content folder not found: {root}")
    site, walk = walked or (read_site(root), None)
    walk = walk or scan(root, site)
    entries, problems, ignored, failed, found_brands = _sort_pages(site, walk, [(page, reader(str(root), page)) for page in walk.pages])
    drugs, drug_problems, name = read_drugs(root)
    entries, duplicate_problems = tell_apart(entries, dict(site.collection_names))
    brands, brand_problems = find_targets(found_brands, entries)
    entries.sort(key=lambda e: (e.display_title.casefold(), e.path))
    times = [page.signature[0] for page in walk.pages if page.signature[0] > 0]
    return Library(
        root=str(root),
        entries=tuple(entries),
        problems=(*problems, *drug_problems, *duplicate_problems, *brand_problems),
        ignored=tuple(ignored),
        failed=tuple(failed),
        drugs=drugs,
        brands=tuple(brands),
        newest_page=max(times) / 1e9 if times else None,
        site_title=site.title,
        name=name,
        permalinks=site.permalinks,
        pages=tuple(walk.pages),
        folders=tuple(walk.folders),
    )


def _sort_pages(site: Site, walk: Scan, reads: list[tuple[FileInfo, Read]]) -> tuple[
        list[Listing], list[Problem], list[Ignored], list[str], list[Brand]]:
    """The entries, the problems (the site's, the walk's, the pages'), what is left out, the
    pages that gave no entry and the site's brand pages."""
    # A page without medicine sections is still a combination page when it shares its layout
    # with pages that have them ("minimal-medicine"), never when its layout is the site's own
    # ("home", "about") or it has none.
    medicine_layouts = {read.layout for _, read in reads if read.kind is PageKind.COMBINATION and read.layout}
    entries: list[Listing] = []
    problems: list[Problem] = list(site.problems)
    problems += [Problem(i.path, None, Severity.WARNING, i.reason) for i in walk.ignored if i.reason in (NOT_UTF8, TOO_DEEP)]
    ignored = list(walk.ignored)
    failed: list[str] = []
    brands: list[Brand] = []
    for page, read in reads:
        if read.kind is PageKind.BRAND and (brand := brand_of_record(page.path, read.reason)) is not None:
            problems.extend(read.problems)
            brands.append(brand)
            continue
        if read.kind is PageKind.EXCLUDED or (read.kind is PageKind.OTHER and read.layout not in medicine_layouts):
            ignored.append(Ignored(page.path, read.reason or "not a combination page"))
            continue
        problems.extend(read.problems)
        if read.listing is None:
            failed.append(page.path)
        else:
            entries.append(read.listing)
    ignored.sort(key=lambda item: item.path)
    return entries, problems, ignored, failed, brands


def tell_apart(entries: list[L], collections: dict[str, str] | None = None) -> tuple[list[L], list[Problem]]:
    """Entries sharing a title are all kept, each told apart by what differs for a reader (its
    collection, "Composition" or "Generic", else its folder; a number when even that is the
    same), never a file path; the author is warned, with the paths."""
    folded = [fold(entry.title) for entry in entries]
    shared = {title for title, count in Counter(folded).items() if count > 1}  # usually none
    by_title: dict[str, list[int]] = defaultdict(list)
    for index, title in enumerate(folded):
        if title in shared:
            by_title[title].append(index)
    problems: list[Problem] = []
    result = list(entries)
    for indexes in by_title.values():
        if len(indexes) < 2:
            continue
        paths = [entries[i].path for i in indexes]
        for i in indexes:
            entry = entries[i]
            result[i] = replace(entry, distinguisher=reader_label(entry.path, paths, collections or {}))
            others = ", ".join(p for p in paths if p != entry.path)
            problems.append(
                Problem(entry.path, None, Severity.WARNING, f"title '{entry.title}' is also used by {others}; {'both' if len(paths) == 2 else 'all'} are listed")
            )
    return result, problems


def reader_label(path: str, paths: list[str], collections: dict[str, str]) -> str:
    """What tells ``path`` apart from its namesakes for a reader: the collection it is in (by
    its name in _config.yml), else its top folder's name; numbered when namesakes share it."""

    def place(page: str) -> str:
        top = page.split("/", 1)[0] if "/" in page else ""
        return collections.get(top) or top.strip("_").replace("-", " ").replace("_", " ")

    mine = place(path)
    same = sorted(p for p in paths if place(p) == mine)
    if len(same) == 1 and mine:
        return mine
    return f"{mine} {same.index(path) + 1}".strip()
