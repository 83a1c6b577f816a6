"""Section labels by meaning: a label's words (any case, qualifiers and colon aside) to a key."""

from __future__ import annotations

import re
from functools import lru_cache

# The sections a page may have, in the order their tabs come; keys are Entry field names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "generic_name": (
        "generic name", "generic names", "generic", "generic drug name", "active ingredient",
        "active ingredients",
    ),
    "usage": (
        "usage", "uses", "use", "indications", "indication", "what it is used for",
        "what is it used for", "what they are used for", "used for", "therapeutic uses",
        "medical uses", "usage and indications", "indications and usage",
    ),
    "side_effects": (
        "side effects", "side effect", "common side effects", "possible side effects",
        "adverse effects", "adverse reactions", "adverse events",
    ),
    "mechanism": (
        "how it works", "how they work", "how does it work", "how do they work", "how it work",
        "mechanism", "mechanism of action", "mechanisms of action", "mode of action",
        "pharmacology",
    ),
    "faqs": (
        "faqs", "faq", "faq's", "frequently asked questions", "common questions",
        "questions and answers",
    ),
    "dosage": (
        "dosage", "dose", "doses", "dosing", "dosage and administration", "how to take",
        "how to take it", "how to use", "how to use it", "administration", "posology",
        "directions for use", "recommended dosage", "recommended dose",
    ),
    "precautions": (
        "precautions", "precaution", "warnings", "warning", "warnings and precautions",
        "precautions and warnings", "contraindications", "contraindication", "cautions",
        "who should not take it", "who should not take", "boxed warning", "black box warning",
        "contraindications and precautions", "precautions and contraindications",
        "safety information", "safety warnings",
    ),
    "interactions": (
        "interactions", "interaction", "drug interactions", "drug interaction",
        "drug-drug interactions", "interactions with other medicines",
        "interactions with other drugs", "interactions with other medications",
    ),
    "pregnancy": (
        "pregnancy", "pregnancy and breastfeeding", "pregnancy and breast-feeding",
        "pregnancy and lactation", "breastfeeding", "breast-feeding", "lactation",
        "pregnancy and nursing", "use in pregnancy", "pregnancy and breastfeeding warnings",
    ),
    "alternate_names": (
        "alternate names", "alternative names", "other names", "also known as", "synonyms",
        "brand names", "brands", "trade names", "brand name", "common brand names",
    ),
    "disclaimer": ("disclaimer", "medical disclaimer", "important disclaimer", "legal disclaimer"),
    "note": ("note", "notes", "important note", "please note", "important notes"),
}
LABELS: dict[str, str] = {name: key for key, names in SYNONYMS.items() for name in names}

# A label that is no exact synonym may still name its topic ("Less common but serious side
# effects include"): such a label belongs to the section of that topic.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("side_effects", re.compile(r"\b(?:side[- ]?effects?|adverse (?:effects?|reactions?|events?))\b")),
    ("interactions", re.compile(r"\binteractions?\b")),
    ("precautions", re.compile(r"\b(?:precautions?|contraindications?|warnings?)\b")),
    ("dosage", re.compile(r"\b(?:dosage|dosing)\b")),
    ("pregnancy", re.compile(r"\b(?:pregnan\w*|breast-?feeding|lactation)\b")),
    ("faqs", re.compile(r"\b(?:faqs?|frequently asked questions)\b")),
    ("mechanism", re.compile(r"\bmechanisms? of action\b|\bhow (?:it|they) works?\b")),
)

# The sections whose text is medicine (not the page's own notices).
MEDICINE_SECTIONS = frozenset(
    {"generic_name", "usage", "side_effects", "mechanism", "faqs", "dosage", "precautions",
     "interactions", "pregnancy"}
)
# Sections that hold a sub-label or deeper heading of their own topic inside them.
HOLDING_SECTIONS = MEDICINE_SECTIONS - {"generic_name"}

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
