"""A site's own brand pages: a product page whose front matter names the page of its composition
(``generic_slug`` or ``combination_slug``, as a later form of the site declares them in
``src/content/config.ts``), with its company, strength, pack size and price. Such a page is no
combination to list: it is a name that leads to one."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

from viewer.core.pages.model import Brand, Listing, Problem, Severity
from viewer.core.pages.source import without_controls

SLUG_KEYS = ("generic_slug", "combination_slug")
DETAIL_KEYS = ("company", "strength", "pack_size", "mrp")


def is_brand(meta: Mapping[str, Any]) -> bool:
    """Whether a page's front matter makes it a brand page."""
    return any(isinstance(meta.get(key), str) and meta[key].strip() for key in SLUG_KEYS)


def brand_record(meta: Mapping[str, Any], title: str) -> str:
    """A brand page's fields as one line of text (kept in the catalog as the page's reason)."""
    slug = next(meta[key].strip() for key in SLUG_KEYS if isinstance(meta.get(key), str) and meta[key].strip())
    details = {key: _text(meta.get(key)) for key in DETAIL_KEYS}
    return json.dumps({"name": title, "slug": slug, **details}, ensure_ascii=False)


def brand_of_record(path: str, record: str) -> Brand | None:
    """brand_record back to a Brand (None for a record that is not one)."""
    try:
        data = json.loads(record)
        return Brand(str(data["name"]), path, str(data["slug"]), **{key: str(data.get(key, "")) for key in DETAIL_KEYS})
    except (ValueError, KeyError, TypeError):
        return None


def find_targets(brands: Sequence[Brand], entries: Sequence[Listing]) -> tuple[list[Brand], list[Problem]]:
    """Each brand with the listed page its slug names (the page's file name without its suffix);
    a brand whose page is not listed is reported, and leads nowhere."""
    if not brands:
        return [], []  # most sites have none: no need to index every page's slug
    by_slug: dict[str, str] = {}
    for entry in entries:
        by_slug.setdefault(posixpath.splitext(posixpath.basename(entry.path))[0].casefold(), entry.path)
    found, problems = [], []
    for brand in brands:
        target = by_slug.get(brand.slug.casefold().removesuffix(".md"), "")
        if not target:
            problems.append(Problem(brand.path, None, Severity.WARNING,
                                    f"brand page '{brand.name}' names '{brand.slug}', which is no listed page; it leads nowhere"))
        found.append(Brand(brand.name, brand.path, brand.slug, target, brand.company, brand.strength, brand.pack_size, brand.mrp))
    return found, problems


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return ""
    return " ".join(without_controls(str(value)).split())
