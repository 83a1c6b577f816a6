"""A content folder as a static site publishes it: what is skipped, Liquid and Kramdown markup,
and permalinks back to the page files they name (Jekyll's conventions)."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from viewer.core.pages.frontmatter import FrontMatterError, parse
from viewer.core.pages.model import Problem, Severity
from viewer.core.pages.source import SourceError, decode

CONFIG_FILE = "_config.yml"
MAX_CONFIG_BYTES = 256 * 1024
# Folders a site's working copy holds that are never pages of the site: build output, caches,
# dependencies, and Jekyll's own templates and drafts.
SKIPPED_FOLDERS = {
    "node_modules": "dependencies (node_modules), not pages of the site",
    "_site": "the built site (_site), a copy of the pages",
    "vendor": "dependencies (vendor), not pages of the site",
    ".jekyll-cache": "a build cache",
    ".sass-cache": "a build cache",
    "_drafts": "drafts, not published",
    "_includes": "templates, not pages",
    "_layouts": "templates, not pages",
    "_sass": "style sheets, not pages",
    "_data": "site data, not pages",
}


@dataclass(frozen=True)
class Site:
    """What a folder's ``_config.yml`` says about its pages (nothing, for a plain folder)."""

    excluded: tuple[str, ...] = ()  # patterns from `exclude:`, relative to the root
    permalinks: tuple[tuple[str, str], ...] = ()  # (collection folder, permalink pattern)
    title: str = ""
    collection_names: tuple[tuple[str, str], ...] = ()  # (folder, the name readers see: "Composition")
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @cached_property
    def _excludes(self) -> tuple[frozenset[str], re.Pattern[str] | None]:
        """The patterns made into one set (for a path or any folder above it) and one regex (for
        the wildcards), once: matching costs the same however many patterns there are."""
        patterns = [pattern.strip("/") for pattern in self.excluded]
        globs = [pattern for pattern in patterns if any(ch in pattern for ch in "*?[")]
        regex = re.compile("|".join(f"(?:{fnmatch.translate(g)})" for g in globs)) if globs else None
        return frozenset(patterns), regex

    def exclusion(self, relative: str) -> str | None:
        """Why ``relative`` (a file or folder) is left out of the site, or None."""
        name = relative.rsplit("/", 1)[-1]
        if name in SKIPPED_FOLDERS:
            return SKIPPED_FOLDERS[name]
        literal, regex = self._excludes
        parts = relative.split("/")
        if any("/".join(parts[:end]) in literal for end in range(1, len(parts) + 1)) or (regex and regex.match(relative)):
            return f"excluded by {CONFIG_FILE}"
        return None


def read_site(root: Path) -> Site:
    """The site settings in ``root/_config.yml``; a broken file is reported, never raised."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Site()
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise FrontMatterError(f"{CONFIG_FILE} is over {MAX_CONFIG_BYTES:,} bytes; not read", None)
        config = parse(decode(data).text, 1, MAX_CONFIG_BYTES)
    except (OSError, SourceError, FrontMatterError) as exc:
        message = str(exc).replace("front matter", CONFIG_FILE)
        return Site(problems=(Problem(CONFIG_FILE, getattr(exc, "line", None), Severity.WARNING, message),))
    excluded = config.get("exclude")
    patterns = tuple(str(p) for p in excluded if isinstance(p, (str, int, float))) if isinstance(excluded, list) else ()
    permalinks: list[tuple[str, str]] = []
    collections = config.get("collections")
    if isinstance(collections, dict):
        folder = str(config.get("collections_dir") or "").strip("/")
        for name, settings in collections.items():
            if isinstance(settings, dict) and isinstance(settings.get("permalink"), str):
                permalinks.append((posixpath.join(folder, str(name)), settings["permalink"]))
                permalinks.append((posixpath.join(folder, f"_{name}"), settings["permalink"]))
    title = config.get("title")
    return Site(patterns, tuple(permalinks), str(title) if isinstance(title, (str, int, float)) else "",
                _collection_names(config))


def _collection_names(config: dict[str, object]) -> tuple[tuple[str, str], ...]:
    """Each collection's folder and the name a reader sees (a theme's ``name:`` for it, else the
    collection's own, capitalised): how namesakes in two collections are told apart."""
    collections = config.get("collections")
    theme = config.get("just_the_docs")
    named = theme.get("collections") if isinstance(theme, dict) else None
    found: list[tuple[str, str]] = []
    for name in collections if isinstance(collections, dict) else ():
        given = named.get(name) if isinstance(named, dict) else None
        shown = given.get("name") if isinstance(given, dict) else None
        label = str(shown) if isinstance(shown, (str, int)) else str(name).replace("_", " ").capitalize()
        found += [(str(name), label), (f"_{name}", label)]
    return tuple(found)


# --- markup a static site generator would have consumed ------------------------------------

# Every pattern is bounded and stops at the next opening brace, so text like "{%{%{%..." or
# "{:{:{:..." costs one pass, never a scan to the end from every start.
_KRAMDOWN_LINE = re.compile(r"^[ \t]*\{:[^{}\n]{0,300}\}[ \t]*$", re.MULTILINE)  # "{: .note }", "{:toc}"
_KRAMDOWN_INLINE = re.compile(r"\{:[^{}\n]{0,300}\}")
_LIQUID_LINK = re.compile(r"\{%-?[ \t]*(?:link|post_url)[ \t]+([^%{}\s]{1,300})[ \t]*-?%\}")
_LIQUID_BASEURL = re.compile(r"\{\{-?[ \t]*site\.(?:baseurl|url)[ \t]*-?\}\}")
_LIQUID_TAG = re.compile(r"\{%[^{}]{0,500}?%\}|\{\{[^{}]{0,500}?\}\}")


def strip_markup(text: str) -> str:
    """The text without Liquid tags and Kramdown attribute lists; a tag's line breaks are kept
    so line numbers stay true. Links made with ``{% link x.md %}`` or ``{{ site.baseurl }}``
    become site-absolute paths the viewer can follow."""
    if "{" not in text or ("{%" not in text and "{{" not in text and "{:" not in text):
        return text  # every pattern opens with one of these
    text = _LIQUID_LINK.sub(lambda m: "/" + m.group(1).lstrip("/"), text)
    text = _LIQUID_BASEURL.sub("", text)
    text = _LIQUID_TAG.sub(lambda m: "\n" * m.group().count("\n"), text)
    text = _KRAMDOWN_LINE.sub("", text)
    return _KRAMDOWN_INLINE.sub("", text)


# --- links ------------------------------------------------------------------------------------


def link_targets(current: str, href: str, site: Site) -> list[str]:
    """Page paths (relative to the root) a link on page ``current`` may mean, best first:
    a relative or site-absolute file path, its .md twin for a built .html address, and the
    page a collection permalink (``/composition/:path/``) names."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return []
    path = unquote(parts.path)
    if path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(current), path))
    if not target or target.startswith("..") or target == ".":
        return []
    candidates = [target]
    stem = target[:-5] if target.endswith(".html") else target.rstrip("/")
    candidates += [f"{stem}.md", f"{stem}.markdown", f"{stem}/index.md"]
    for folder, pattern in site.permalinks:
        found = _from_permalink(path, folder, pattern)
        if found:
            candidates[1:1] = [f"{found}.md", f"{found}.markdown"]
    return list(dict.fromkeys(candidates))


def _from_permalink(path: str, folder: str, pattern: str) -> str | None:
    """The page (without suffix) a permalink names, for patterns built from ``:path`` or ``:name``."""
    regex = re.escape(pattern.rstrip("/"))
    for placeholder, group in ((r"\:path", "(?P<path>.+?)"), (r"\:name", "(?P<name>[^/]+?)"), (r"\:title", "(?P<name>[^/]+?)")):
        regex = regex.replace(placeholder, group, 1)
    found = re.fullmatch(regex + r"(?:/|\.html)?", path)
    if not found:
        return None
    named = found.groupdict()
    if named.get("path"):
        return posixpath.join(folder, named["path"])
    if named.get("name"):
        return posixpath.join(folder, named["name"])
    return None
