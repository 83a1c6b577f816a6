"""One file's bytes to an Entry and its problems: decode, front matter, sections, checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from viewer.core.pages import frontmatter
from viewer.core.pages.brands import brand_record, is_brand
from viewer.core.pages.faqs import FaqSection, faqs_from_front_matter, parse_faqs
from viewer.core.pages.ingredients import drugs_from_title
from viewer.core.pages.kinds import BY_KEY, KINDS
from viewer.core.pages.labels import LABELS, MEDICINE_SECTIONS, known_section, label_topic
from viewer.core.pages.model import Entry, Listing, Page, PageKind, Problem, Severity
from viewer.core.pages.quality import Flag, read_quality
from viewer.core.pages.safety import Safety, read_safety, severity_of, warning_of
from viewer.core.pages.sections import Section, heading_text, normalise_title, split_sections
from viewer.core.pages.site import strip_markup
from viewer.core.pages.source import MAX_FILE_BYTES, TEXT_BYTES, SourceError, decode, without_controls
from viewer.core.pages.text import invisible_characters

_EXPECTED = tuple(kind for kind in KINDS if kind.expected)


_TITLE_HEADING = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}#[ \t]+([^\n]*)(?:\n|\Z)")  # closing "#"s: heading_text


@dataclass(frozen=True)
class Head:
    """What the list needs from a page, read without splitting its body into sections."""

    path: str
    title: str | None  # None: the page gives no entry (the problems say why)
    body: str
    body_line: int  # file line of the body's first line
    problems: tuple[Problem, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    unpublished: bool = False  # published: false
    front: str = ""  # the front matter's text
    front_line: int = 1  # its first line in the file

    @property
    def listing(self) -> Listing:
        assert self.title is not None
        return Listing(self.path, self.title, drugs_from_title(self.title), severity=severity_of(self.meta),
                       warning=warning_of(self.meta))

    def key_line(self, key: str) -> int:
        """The file line a front-matter key is on (the front matter's first line if not found)."""
        for number, line in enumerate(self.front.split("\n")):
            if line.startswith(f"{key}:"):
                return self.front_line + number
        return self.front_line


# A line opening with a heading or bold mark, and the words of the label it may be; then text
# after a label: on its own line, or on the next line that is no heading or bold label. In
# bytes too, for pages read before they are decoded (there \w is ASCII only: stricter).
_LABEL_START = re.compile(r"\n {0,3}(?:#{1,6}[ \t]+(?:\*\*|__)?|\*\*|__)([^\n*_:#]{1,80})")
_TEXT_AFTER = re.compile(r"[^\n\w]*\w|[^\n\w]*\n\s*(?!#|\*\*|__)[^\n]*?\w")
_LABEL_START_BYTES = re.compile(_LABEL_START.pattern.encode())
_TEXT_AFTER_BYTES = re.compile(_TEXT_AFTER.pattern.encode())
_LISTED_SECTIONS = MEDICINE_SECTIONS - {"faqs"}  # FAQs count only once their questions are read


def names_medicine(body: str) -> bool:
    """Whether a body gives text under two medicine sections labelled by their exact names
    ("**Usage:** ...", "## Side effects" and a paragraph): such a page is a medicine page, and
    the first start may list it from its head. A page that does not is read in full first (an
    "About" page must never be listed)."""
    text = "\n" + body  # a newline first: the search skips from line start to line start
    return _two_medicine_labels(_LABEL_START.finditer(text), lambda end: _TEXT_AFTER.match(text, end) is not None)


def _names_medicine_in_bytes(data: bytes, start: int) -> bool:
    """names_medicine for the body that follows ``data[start]``, a newline."""
    found = _LABEL_START_BYTES.finditer(data, start)
    return _two_medicine_labels(found, lambda end: _TEXT_AFTER_BYTES.match(data, end) is not None)


def _two_medicine_labels(labels: Iterator[re.Match[str]] | Iterator[re.Match[bytes]], has_text: Callable[[int], bool]) -> bool:
    found: set[str] = set()
    for match in labels:
        label = match.group(1)
        key = _label_key(label)
        if key in _LISTED_SECTIONS and key not in found and has_text(match.end()):
            found.add(key)
            if len(found) == 2:
                return True
    return False


# The same few labels begin most pages' lines ("**Usage:**", "## Side effects"): each spelling's
# section is worked out once (bounded: a hostile folder's labels cannot grow it for ever).
@lru_cache(maxsize=4096)
def _label_key(label: str | bytes) -> str | None:
    words = " ".join((label.decode("utf-8", "ignore") if isinstance(label, bytes) else label).split()).casefold()
    return LABELS.get(words) or (known_section(words) if "(" in words or "[" in words else None)


def quick_listing(path: str, data: bytes) -> Listing | None:
    """The listing of a page in the plain form most pages take (UTF-8 with LF line ends, no
    control characters, front matter of plain ``name: value`` lines between ``---`` lines, a
    title in it and text under two medicine labels), read without the general path's work:
    the same listing ``read_head`` gives such a page, which has no problems to report. None
    for any other page. The body is searched in the bytes unless it holds Liquid or Kramdown."""
    if not data.startswith(b"---\n") or len(data) > MAX_FILE_BYTES:
        return None
    end = data.find(b"\n---\n", 3)
    if end < 0 or end > 4096 or data.find(b"\n-", 3, end) >= 0 or b"\r" in data or data.translate(None, TEXT_BYTES):
        return None  # another "---" line, a long or odd front matter, CR or controls: the general path
    if not data.isascii():
        try:
            data.decode("utf-8")  # valid throughout: the general path warns of anything else
        except UnicodeDecodeError:
            return None
    meta = frontmatter.parse_plain(data[4:end].decode("utf-8"))
    if meta is None or meta.get("published") is False or is_brand(meta):
        return None
    body = end + 4  # the newline before the body's first line
    # Text under two labels is never empty, so that check of the general path is met too.
    if not (names_medicine(strip_markup(data[body + 1 :].decode())) if data.find(b"{", body) >= 0 else _names_medicine_in_bytes(data, body)):
        return None
    title = meta.get("title")
    title = normalise_title(title) if isinstance(title, str) else ""
    if not title:
        return None
    return Listing(path, title, drugs_from_title(title), severity=severity_of(meta), warning=warning_of(meta))


def read_head(path: str, data: bytes) -> Head:
    """Decode a page, read its front matter and settle its title; never raises for bad input."""
    problems: list[Problem] = []

    def report(severity: Severity, message: str, line: int | None = None) -> None:
        problems.append(Problem(path, line, severity, message))

    try:
        decoded = decode(data)
    except SourceError as exc:
        report(Severity.ERROR, str(exc), exc.line)
        return Head(path, None, "", 1, tuple(problems))
    if decoded.warning:
        report(Severity.WARNING, decoded.warning)
    parts, meta, broken_front_matter = _front_matter(decoded.text, report)
    body, body_line = strip_markup(parts.body), parts.body_line
    front = parts.front_matter or ""
    unpublished = meta.get("published") is False
    if not body.strip() and not is_brand(meta):  # a brand page needs no text: it names another page
        if not broken_front_matter:
            report(Severity.WARNING, "empty page: no text after the front matter", body_line)
        return Head(path, None, body, body_line, tuple(problems), meta, unpublished, front, parts.front_matter_line)

    title_value = _title_value(meta, lambda message: report(Severity.WARNING, message, parts.front_matter_line))
    title = normalise_title(str(title_value)) if title_value is not None else ""
    heading = _TITLE_HEADING.match(body)
    heading_title = normalise_title(heading_text(heading.group(1))) if heading else ""
    if heading is not None and heading_title and (not title or heading_title.casefold() == title.casefold()):
        # The heading that repeats (or supplies) the title is not content.
        body_line += body.count("\n", 0, heading.end())
        body = body[heading.end() :]
        title = title or heading_title
        if not broken_front_matter and title_value is None:
            report(Severity.WARNING, "no title in the front matter; using the first heading", 1)
    if not title:
        if broken_front_matter:
            return Head(path, None, body, body_line, tuple(problems), meta, unpublished)  # nothing to call it by
        title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ").strip() or path
        report(Severity.WARNING, "no title in the front matter or a heading; using the file name", 1)
    return Head(path, title, body, body_line, tuple(problems), meta, unpublished, front, parts.front_matter_line)


def _title_value(meta: dict[str, Any], warn: Callable[[str], None]) -> str | int | float | None:
    value = meta.get("title")
    if value is not None and not isinstance(value, (str, int, float)):
        warn("front matter 'title' is not text; ignored")
        return None
    return value


def _front_matter(text: str, report: Callable[..., None]) -> tuple[frontmatter.Split, dict[str, Any], bool]:
    """The page cut at its front matter, the front matter read, and whether it was broken."""
    try:
        parts = frontmatter.split(text)
        return parts, frontmatter.parse(parts.front_matter, parts.front_matter_line) if parts.front_matter else {}, False
    except frontmatter.FrontMatterError as exc:
        report(Severity.ERROR, str(exc), exc.line)
        if exc.line == 1:  # never closed: the whole text is the body
            return frontmatter.Split(None, text, 1), {}, True
        return parts, {}, True


def parse_page(path: str, data: bytes) -> Page:
    """Read one page completely; never raises for bad input, every trouble becomes a Problem."""
    head = read_head(path, data)
    layout = _text(head.meta.get("layout"))
    if head.unpublished or (head.title is not None and is_brand(head.meta)):
        return _no_entry(head, layout)
    if head.title is None:
        # An empty page is reported, unless its layout may say it is no medicine page ("home").
        errors = any(p.severity is Severity.ERROR for p in head.problems)
        kind = PageKind.OTHER if layout and not errors and not head.body.strip() else PageKind.COMBINATION
        return Page(None, head.problems, kind, "empty page", layout)
    problems = list(head.problems)

    def report(severity: Severity, message: str, line: int | None = None) -> None:
        problems.append(Problem(path, line, severity, message))

    if hidden := invisible_characters(head.title):
        report(Severity.WARNING, f"the title holds invisible characters ({', '.join(hidden)}); it is matched without them", 1)
    split = split_sections(head.body, head.body_line)
    sections = _Sections.of(split.sections)
    faqs = _faqs(head, sections, report)
    safety = read_safety(head.meta, lambda key, message: report(Severity.WARNING, message, head.key_line(key)))
    present = sections.present | ({"faqs"} if faqs.faqs else set())
    quality = _quality(head, split.sections, safety, report)
    if missing := [kind.title for kind in _EXPECTED if kind.key not in present]:
        report(Severity.WARNING, f"missing section{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    entry = Entry(
        path=path, title=head.title, drugs=drugs_from_title(head.title), intro=split.intro,
        faqs=faqs.faqs, faq_intro=faqs.intro, other=tuple(sections.other),
        given_under=_given_under(sections.other, present), description=_markdown(head.meta.get("description")),
        updated=_text(head.meta.get("lastModified") or head.meta.get("last_modified_at")),
        banned=head.meta.get("is_banned") is True, severity=safety.severity, warning=safety.warning,
        reviewed=safety.reviewed, sources=safety.sources, sections=sections.in_order(), quality=quality,
    )
    # Sections that speak of Usage, Side effects... under each ingredient count as medicine too.
    medicine = len(present & MEDICINE_SECTIONS) + len(entry.given_under)
    errors = any(p.severity is Severity.ERROR for p in problems)  # a broken page is always reported
    if errors or medicine >= 2 or medicine > sections.unknown:
        return Page(entry, tuple(problems), PageKind.COMBINATION, "", layout)
    return Page(entry, tuple(problems), PageKind.OTHER, "none of the medicine sections (Usage, Side effects, ...)", layout)


def _quality(head: Head, sections: Sequence[Section], safety: Safety, report: Callable[..., None]) -> tuple[Flag, ...]:
    """The page's quality flags; unfinished text is reported with its line (a page that states no
    severity is counted by `check` instead, since a whole site may state none)."""
    named = [(s.line, BY_KEY[s.key].title if s.key in BY_KEY else s.label) for s in sections]
    quality = read_quality(head.body, head.body_line, named, safety)
    for flag in quality:
        if flag.line:
            report(Severity.WARNING, flag.message, flag.line)
    return quality


def _no_entry(head: Head, layout: str) -> Page:
    """A page the site does not publish, or a brand page (a name that leads to another page)."""
    if head.unpublished:
        return Page(None, (), PageKind.EXCLUDED, "published: false in its front matter", layout)
    return Page(None, head.problems, PageKind.BRAND, brand_record(head.meta, head.title or ""), layout)


@dataclass
class _Sections:
    """A page's sections gathered by key: known ones joined per key, the others kept in order."""

    fields: dict[str, Any] = field(default_factory=dict)  # section key -> Markdown (Entry fields)
    other: list[tuple[str, str]] = field(default_factory=list)
    faq_text: str = ""
    faq_line: int = 0
    present: set[str] = field(default_factory=set)  # keys with text
    unknown: int = 0  # sections of no known key, with text

    def in_order(self) -> tuple[tuple[str, str], ...]:
        """(key, Markdown) of the known sections, in the order of the table of kinds."""
        return tuple((kind.key, self.fields[kind.key]) for kind in KINDS if kind.key in self.fields)

    @classmethod
    def of(cls, sections: Sequence[Section]) -> _Sections:
        gathered = cls()
        for section in sections:
            content = section.text
            if section.key and content:
                gathered.present.add(section.key)
            if section.key is None:
                gathered.other.append((section.label, content))
                gathered.unknown += bool(content)
            elif section.key == "faqs":
                gathered.faq_text = f"{gathered.faq_text}\n\n{content}" if gathered.faq_text else content
                gathered.faq_line = gathered.faq_line or section.line
            else:
                previous = gathered.fields.get(section.key)
                gathered.fields[section.key] = f"{previous}\n\n{content}" if previous else content
        return gathered


def _faqs(head: Head, sections: _Sections, report: Callable[..., None]) -> FaqSection:
    """The page's FAQs: from its FAQs section, else from its front matter's ``faqs`` list."""
    faqs = parse_faqs(sections.faq_text)
    in_page = sections.faq_text.strip()
    if in_page and not faqs.faqs:
        report(Severity.WARNING, "FAQs section has no question and answer pairs; shown as text", sections.faq_line)
    listed = head.meta.get("faqs")
    if listed is not None:
        from_front, trouble = faqs_from_front_matter(listed)
        if trouble:
            report(Severity.WARNING, f"front matter 'faqs' {trouble}", 1)
        if in_page and from_front:
            report(Severity.WARNING, "FAQs are both in the front matter and in the page; the page's are shown", 1)
        elif from_front:
            faqs = FaqSection(from_front, "")
    return faqs


def _markdown(value: Any) -> str:
    """A front-matter value that is Markdown (a description with a list): its lines kept."""
    if not isinstance(value, str):
        return _text(value)
    return "\n".join(line.rstrip() for line in without_controls(value, keep_lines=True).strip().split("\n"))


def _text(value: Any) -> str:
    """A front-matter scalar as text ("" for anything else)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return ""
    return " ".join(without_controls(str(value)).split())


_NESTED_LABEL = re.compile(r"^[ \t]{0,3}(?:[*+-][ \t]+)?(?:\*\*|__)([^*_\n]{1,60}?)(?:\*\*|__)", re.MULTILINE)


def _given_under(other: list[tuple[str, str]], present: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each tab the page lacks a section for: the other sections that speak of it under a
    label of their own ("* **Usage:** ..." under each ingredient)."""
    found: dict[str, list[str]] = {}
    for label, text in other:
        for match in _NESTED_LABEL.finditer(text):
            key = label_topic(match.group(1))
            if key and key not in present and label not in found.setdefault(key, []):
                found[key].append(label)
    return tuple((key, tuple(labels)) for key, labels in found.items())
