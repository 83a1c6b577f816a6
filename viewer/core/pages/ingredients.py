"""A title to the medicines it names: split where names are separated, strengths left out."""

from __future__ import annotations

import re
from functools import lru_cache

# A strength: "300mg", "1.5% w/w", "400mg/5ml", "10 IU", "2.5 lac CFU", "5000 IU/ml", "0.025%".
_UNIT = r"(?:mcg|µg|ug|mg|gm|g|kg|ml|l|iu|u|units?|mmol|meq|lac|lakh|million|billion|cfu|au|%)"
STRENGTH = re.compile(
    rf"(?<![\w.])\d+(?:[.,]\d+)?\s*{_UNIT}(?:\s*/\s*(?:\d+(?:\.\d+)?\s*)?{_UNIT}?)?(?:\s*[wv]/[wv])?(?![\w])"
    rf"|(?<![\w/])[wv]/[wv](?![\w/])",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Separators alone, without the spaces around them (each piece is stripped): a leading "\s*"
# would rescan a run of spaces from every position of it.
_PLUS = re.compile(r"\+")
_LIST_SEPARATOR = re.compile(r",|&|/|\band\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_EDGES = " \t.,;:-–—/&*_"


def _top_level_spans(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` between matches of ``separator`` found outside brackets."""
    spans, depth, last, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (found := separator.match(text, index)) and found.end() > index:
            spans.append((last, index))
            last = index = found.end()
            continue
        index += 1
    spans.append((last, len(text)))
    return spans


def drug_name(part: str) -> str:
    """The name used for matching: no strength, no bracketed aside, first of "A/B" names."""
    text = STRENGTH.sub(" ", part)
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(" ", text)
    if "/" in text:  # "Paracetamol/Acetaminophen": one medicine under two names
        text = next((name for name in text.split("/") if plausible(name)), text.split("/")[0])
    return " ".join(text.split()).strip(_EDGES)


def plausible(name: str) -> bool:
    """A name that could be a medicine: three letters in a row, brackets balanced."""
    name = name.strip(_EDGES)
    if name.count("(") != name.count(")") or name.count("[") != name.count("]"):
        return False
    return bool(_LETTERS.search(STRENGTH.sub(" ", name)))


# Most titles are plain names joined by '+' ("Sertraline + Clonazepam"): nothing to hide,
# split or merge, so they skip the general path (a third of a first start's parsing).
_PLAIN_TITLE = re.compile(r"[A-Za-z][A-Za-z' -]*(?:\+[ ]*[A-Za-z][A-Za-z' -]*)+")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def drugs_from_title(title: str) -> tuple[str, ...]:
    """The medicines a title names, in order, each once (see ``_drugs_from_title``)."""
    if _PLAIN_TITLE.fullmatch(title):
        parts = [" ".join(part.split()).strip(_EDGES) for part in title.split("+")]
        if all(_THREE_LETTERS.search(part) for part in parts):
            return tuple(dict.fromkeys(part for part in parts if part))
    return _drugs_from_title(title)


@lru_cache(maxsize=65536)
def _drugs_from_title(title: str) -> tuple[str, ...]:
    """The medicines a title names, in order, each once.

    '+' separates medicines; without one, ',', '&', 'and' and '/' do, but only when every
    piece is a plausible name ("Codeine & Paracetamol", not "Group A, C, W135 and Y vaccine",
    "400mg/5ml" or "(FSH/LH)"). A piece that is no name alone ("C" in "Vaccine Group A + C")
    stays with the name before it."""
    parts = [title[i:j] for i, j in _top_level_spans(title, _PLUS)]
    if len(parts) == 1:
        # Strengths hidden, so "400mg/5ml" and "w/w" never separate anything.
        masked = STRENGTH.sub(lambda m: "#" * len(m.group()), title)
        pieces = [title[i:j] for i, j in _top_level_spans(masked, _LIST_SEPARATOR)]
        if len(pieces) > 1 and all(plausible(drug_name(p)) for p in pieces):
            parts = pieces
    merged: list[str] = []
    for part in parts:
        if merged and not plausible(drug_name(part)):
            merged[-1] = f"{merged[-1]} + {part.strip()}"
        else:
            merged.append(part.strip())
    if len(merged) > 1 and not plausible(drug_name(merged[0])):
        merged[1] = f"{merged[0]} + {merged[1]}"
        del merged[0]
    names = (drug_name(part) for part in merged)
    return tuple(dict.fromkeys(name for name in names if name))
