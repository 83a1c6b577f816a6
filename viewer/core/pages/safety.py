"""What a page says of its own risk: severity, a warning line, when it was reviewed, its sources.

All four are optional front matter. Nothing here is ever guessed: a page without a valid
``severity`` has none, and a value we cannot read is reported, never mapped to a tier."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from viewer.core import words
from viewer.core.pages.source import without_controls
from viewer.core.words import QT_TRANSLATE_NOOP

# Most serious first; the order the pair check lists them in.
SEVERITIES = ("contraindicated", "major", "moderate", "minor")
# As shown, in English (the command line); severity_word says them in the reader's language.
SEVERITY_WORDS = {
    "contraindicated": QT_TRANSLATE_NOOP("Severity", "Contraindicated"),
    "major": QT_TRANSLATE_NOOP("Severity", "Major"),
    "moderate": QT_TRANSLATE_NOOP("Severity", "Moderate"),
    "minor": QT_TRANSLATE_NOOP("Severity", "Minor"),
}
SERIOUS = frozenset({"contraindicated", "major"})  # these open on their warning
# The sentences every channel (window, kiosk, paper, command line, exported library) says them in.
DISCLAIMER = QT_TRANSLATE_NOOP(
    "Safety",
    "General information only, not medical advice. Always ask a doctor or pharmacist before "
    "starting, stopping or combining medicines.",
)
NOT_SAFE = QT_TRANSLATE_NOOP("Safety", "A missing entry does not mean the combination is safe.")


def severity_word(severity: str) -> str:
    """A severity (one of SEVERITIES) as the reader's language writes it: "Major"."""
    return words.translate("Severity", SEVERITY_WORDS[severity])


def severity_sentence(severity: str) -> str:
    """ "Severity Major.", or that the page states none, in the reader's language (what is heard)."""
    if not severity:
        return words.translate("Spoken", "This page states no severity.")
    return words.translate("Spoken", "Severity {0}.").format(severity_word(severity))


def safety_sentence(sentence: str) -> str:
    """DISCLAIMER or NOT_SAFE in the reader's language."""
    return words.translate("Safety", sentence)
MAX_WARNING_CHARS = 400
MAX_SOURCES = 50

# Paragraphs, list items and sub-labels that begin with one of these are drawn as a callout.
WARNING_WORDS = re.compile(
    r"^\W{0,3}(?:boxed\s+warning|black[\s-]+box(?:\s+warning)?|serious|warnings?|important\s+safety|"
    r"do\s+not|don['’]t|seek\s+(?:immediate\s+|urgent\s+)?(?:medical|emergency)|(?:get\s+)?emergency)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""

    def __str__(self) -> str:
        return f"{self.title} ({self.url})" if self.url and self.url != self.title else self.title

    @property
    def short(self) -> str:
        """For the screen: the title and the site it is on, not the whole address."""
        site = urlsplit(self.url).netloc if self.url and self.url != self.title else ""
        return f"{self.title} ({site})" if site else str(self)


@dataclass(frozen=True)
class Safety:
    severity: str = ""  # one of SEVERITIES, or "" when the page states none we can read
    warning: str = ""  # one line: what to watch for
    reviewed: str = ""  # ISO date (YYYY-MM-DD)
    sources: tuple[Source, ...] = ()


Report = Callable[[str, str], None]  # (front-matter key, message)


def severity_of(meta: Mapping[str, Any]) -> str:
    """The page's severity when it states a known one, else "" (quick: for the list)."""
    value = meta.get("severity")
    if isinstance(value, str):
        word = value.strip().lower()
        return word if word in SEVERITY_WORDS else ""
    return ""


def severity_rank(severity: str) -> int:
    """0 for the most serious; pages that state no severity come after every stated one."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def warning_of(meta: Mapping[str, Any]) -> str:
    """The page's one-line warning as the list shows it ("" when it has none we can read)."""
    value = meta.get("warning")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return " ".join(without_controls(str(value)).split())


def is_warning_text(text: str) -> bool:
    """Whether a paragraph or label begins with a warning word ("Serious", "Do not", ...)."""
    return bool(WARNING_WORDS.match(text.lstrip()))


def read_safety(meta: Mapping[str, Any], report: Report) -> Safety:
    """The safety fields of a page's front matter; each unreadable one is reported and left out."""
    severity = severity_of(meta)
    raw = meta.get("severity")
    if raw is not None and not severity:
        known = ", ".join(SEVERITIES[:-1]) + f" or {SEVERITIES[-1]}"
        report("severity", f"front matter 'severity' {_shown(raw)} is not one of {known}; no severity is shown")
    return Safety(severity, _warning(meta.get("warning"), report), _reviewed(meta.get("reviewed"), report),
                  _sources(meta.get("sources"), report))


def _shown(value: Any) -> str:
    text = " ".join(str(value).split())
    return repr(text[:60] + ("…" if len(text) > 60 else ""))


def _warning(value: Any, report: Report) -> str:
    if value is None:
        return ""
    text = warning_of({"warning": value})
    if not text:
        report("warning", "front matter 'warning' should be one line of text; it is not shown")
        return ""
    if len(text) > MAX_WARNING_CHARS:
        report("warning", f"front matter 'warning' is {len(text)} characters; a one-line warning reads best "
                          f"under {MAX_WARNING_CHARS} (shown in full)")
    return text


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _reviewed(value: Any, report: Report) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    found = _DATE.match(text)
    if found and (len(text) == 10 or text[10] in "T "):
        try:
            return dt.date.fromisoformat(found.group(0)).isoformat()
        except ValueError:
            pass
    report("reviewed", f"front matter 'reviewed' {_shown(value)} is not a date (write it as 2024-05-31); not shown")
    return ""


def _sources(value: Any, report: Report) -> tuple[Source, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    found: list[Source] = []
    bad: list[int] = []
    for number, item in enumerate(items[:MAX_SOURCES], start=1):
        source = _source(item)
        if source is None:
            bad.append(number)
        else:
            found.append(source)
    if bad:
        which = ", ".join(map(str, bad[:10])) + ("…" if len(bad) > 10 else "")
        report("sources", f"front matter 'sources': item{'s' if len(bad) > 1 else ''} {which} should be text or "
                          "{title, url}; left out")
    if len(items) > MAX_SOURCES:
        report("sources", f"front matter 'sources' lists {len(items)}; the first {MAX_SOURCES} are shown")
    return tuple(found)


def _source(item: Any) -> Source | None:
    if isinstance(item, str) and item.strip():
        return Source(" ".join(without_controls(item).split()))
    if isinstance(item, dict):
        title, url = item.get("title"), item.get("url")
        url_text = " ".join(without_controls(url).split()) if isinstance(url, str) else ""
        if isinstance(title, str) and title.strip():
            return Source(" ".join(without_controls(title).split()), url_text)
        if url_text:
            return Source(url_text, url_text)
    return None
