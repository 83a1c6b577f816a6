"""Section labels by meaning: a label's words (any case, qualifiers and colon aside) to a key."""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.core.pages.kinds import KINDS

# Every label of every kind (kinds.py), to its kind's key.
LABELS: dict[str, str] = {name: kind.key for kind in KINDS for name in kind.synonyms}

# A label that is no exact synonym may still name its topic ("Less common but serious side
# effects include"): such a label belongs to the section of that topic.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind.key, re.compile(kind.topic)) for kind in KINDS if kind.topic)

# The sections whose text is medicine (not the page's own notices).
MEDICINE_SECTIONS = frozenset(kind.key for kind in KINDS if kind.medicine)
# Sections that hold a sub-label or deeper heading of their own topic inside them.
HOLDING_SECTIONS = frozenset(kind.key for kind in KINDS if kind.medicine and kind.place == "tab")

_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+")


def normalise_label(text: str) -> str:
    """A label's words: no emphasis, numbering, qualifier in brackets or colon; any case."""
    text = text.replace("**", " ").replace("__", " ").strip().strip("*_ ")
    previous = None
    while previous != text:  # nested brackets, innermost first
        previous, text = text, _PARENTHESES.sub(" ", text)
    text = " ".join(text.replace("&", " and ").split()).casefold()
    text = _NUMBERING.sub("", text)
    return text.strip(" :.-–—*_")


@lru_cache(maxsize=8192)
def known_section(label: str) -> str | None:
    """The section key a label names exactly, qualifier aside ("Usage (Hypothetical):" -> usage)."""
    return LABELS.get(normalise_label(label))


@lru_cache(maxsize=8192)
def label_topic(label: str) -> str | None:
    """The key of the section a label is about: its exact name, else the first topic it names."""
    name = normalise_label(label)
    key = LABELS.get(name)
    if key is not None or not name or name.endswith("?"):
        return key  # a question is no label
    found = [(match.start(), key) for key, pattern in _TOPICS if (match := pattern.search(name))]
    return min(found)[1] if found else None
