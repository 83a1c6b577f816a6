"""Frozen data classes for what the library reads: entries, FAQs, problems, the library."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath

from viewer.core.pages.kinds import BY_KEY
from viewer.core.pages.quality import Flag
from viewer.core.pages.safety import Source
from viewer.core.pages.source import without_controls


class Severity(str, Enum):
    """How bad a problem is: errors lose a page (or part of it), warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one file, with the line it is on when known."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity.value}: {printable(self.message)}"


def printable(text: str) -> str:
    """Text for one line of output: a newline or other control character in a file name is
    shown escaped ("\\n"), so no name can forge a line of its own."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass(frozen=True)
class Faq:
    """One question with its answer, both Markdown source."""

    question: str
    answer: str


@dataclass(frozen=True)
class Listing:
    """What the combination list shows of a page, read without parsing its sections."""

    path: str  # relative to the content folder, with forward slashes
    title: str
    drugs: tuple[str, ...]
    distinguisher: str = ""  # set when another page has the same title
    severity: str = ""  # the page's own front-matter severity (safety.SEVERITIES), or ""
    warning: str = ""  # the page's own one-line warning (front matter), or ""

    @property
    def display_title(self) -> str:
        """The title as listed, told apart from a namesake when there is one."""
        return without_controls(f"{self.title} ({self.distinguisher})") if self.distinguisher else self.title


@dataclass(frozen=True)
class Entry(Listing):
    """One combination page, its sections kept as Markdown source (rendered only when shown)."""

    faqs: tuple[Faq, ...] = ()
    faq_intro: str = ""  # FAQ text that is not part of a question/answer pair
    intro: str = ""  # the page's opening text, before its first label
    sections: tuple[tuple[str, str], ...] = ()  # (kind key, Markdown) for the kinds of kinds.py the page has
    other: tuple[tuple[str, str], ...] = ()  # (label, Markdown) for sections we do not know
    # Where a page gives a tab's topic only inside other sections ("* **Usage:** ..." under
    # each ingredient): (section key, labels of the sections that hold it).
    given_under: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The page's own front matter, shown when present.
    description: str = ""  # a one-paragraph summary
    updated: str = ""  # lastModified, as the page writes it
    banned: bool = False  # is_banned: true
    brands: tuple[str, ...] = ()  # the site's brand pages of this composition, as the header names them
    reviewed: str = ""  # front matter: ISO date of the last review
    sources: tuple[Source, ...] = ()
    quality: tuple[Flag, ...] = ()  # unrated or unfinished: what a reader is told of the page (quality.py)

    def section(self, key: str) -> str:
        """The Markdown source of a section, by its kind's key ("" when the page has none); the
        FAQs as their text, questions and answers in turn."""
        if key == "faqs":
            return "\n\n".join([self.faq_intro, *(f"{faq.question}\n\n{faq.answer}" for faq in self.faqs)]).strip()
        return next((text for name, text in self.sections if name == key), "")

    def __getattr__(self, name: str) -> str:
        """A section by its kind's key as an attribute (``entry.usage``), for readers of an Entry."""
        if name in BY_KEY:
            return self.section(name)
        raise AttributeError(name)


@dataclass(frozen=True)
class FileInfo:
    """A page found by the scan: its relative path and its (mtime_ns, size) signature."""

    path: str
    signature: tuple[int, int]


@dataclass(frozen=True)
class Ignored:
    """A file or folder that is not a combination page, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Library:
    """Everything read from one content folder: every file seen is in exactly one bucket.

    ``load_catalog`` fills ``entries`` with Listings (titles only, fast); ``load_library`` with
    complete Entries and every problem a page has.
    """

    root: str
    entries: tuple[Listing, ...]
    problems: tuple[Problem, ...]
    ignored: tuple[Ignored, ...]
    failed: tuple[str, ...] = ()  # pages that gave no entry: unreadable, or empty
    drugs: tuple[tuple[str, DrugInfo], ...] = ()
    brands: tuple[Brand, ...] = ()  # the site's own brand pages (generic_slug / combination_slug)
    newest_page: float | None = None  # when the most recently saved page was saved (epoch seconds)
    site_title: str = ""  # the title in the folder's _config.yml, when it has one
    name: str = ""  # the name drugs.yaml gives the library, when it gives one
    permalinks: tuple[tuple[str, str], ...] = ()  # (collection folder, permalink pattern) from _config.yml
    # The walk this library came from, so watching and indexing need no walk of their own.
    pages: tuple[FileInfo, ...] = field(default=(), compare=False, repr=False)
    folders: tuple[str, ...] = field(default=(), compare=False, repr=False)  # relative, "" for the root

    @property
    def display_name(self) -> str:
        """What the library is called on paper: its drugs.yaml name, its site's title, or its
        folder's name (never a bundle's internal folder such as "_content")."""
        folder = PurePath(self.root).name
        if self.name or self.site_title:
            return self.name or self.site_title
        return folder if folder and not folder.startswith(("_", ".")) else "the bundled library"

    @property
    def files_seen(self) -> int:
        return len(self.entries) + len(self.failed) + len(self.ignored) + len(self.brands)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def brands_of(self, path: str) -> tuple[str, ...]:
        """The site's brand pages of the entry at ``path``, as its header names them."""
        return tuple(brand.details for brand in self.brands if brand.target == path)

    def problems_for(self, path: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.path == path)


@dataclass(frozen=True)
class DrugInfo:
    """What drugs.yaml says of one medicine."""

    generic: str
    brands: tuple[str, ...] = ()
    drug_class: str = ""  # the first of ``classes``
    classes: tuple[str, ...] = ()  # every class it belongs to ("SSRI", "antidepressant")
    countries: tuple[str, ...] = ()  # where each brand is sold ("US", "UK"; "" when not said)
    # A combination brand (``Combiflam: {ingredients: [ibuprofen, paracetamol], country: IN}``):
    # ``generic`` is then the brand's name and these the medicines it combines.
    ingredients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brand:
    """A product a site keeps a page of its own for (``src/content/medicines/crocin-650.md``):
    a name that leads to the page of its composition."""

    name: str  # the product ("Crocin 650")
    path: str  # the brand page's own file
    slug: str  # the file name (without suffix) of the composition's page it is a brand of
    target: str = ""  # that page's path, once found among the listed pages
    company: str = ""
    strength: str = ""
    pack_size: str = ""
    mrp: str = ""

    @property
    def details(self) -> str:
        """What the header says of it: "Crocin 650 (650 mg, GSK)"."""
        known = [part for part in (self.strength, self.company) if part]
        return f"{self.name} ({', '.join(known)})" if known else self.name


class PageKind(str, Enum):
    """What a file is to the reference: a combination page, or not."""

    COMBINATION = "combination"
    BRAND = "brand"  # a product's page that names the page of its composition
    OTHER = "other"  # no medicine sections: listed only when its layout is a medicine page's
    EXCLUDED = "excluded"  # the site does not publish it


@dataclass(frozen=True)
class Page:
    """The result of reading one file: an entry (or none) and its problems."""

    entry: Entry | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    kind: PageKind = PageKind.COMBINATION
    reason: str = ""  # why it is not a combination page, for kinds other than COMBINATION
    layout: str = ""  # the front matter's layout, "" when none
