"""The optional drug dictionary (drugs.yaml): generic name -> brand names and class."""

from __future__ import annotations

from pathlib import Path

from viewer.core.frontmatter import FrontMatterError, parse
from viewer.core.model import DrugInfo, Problem, Severity
from viewer.core.source import SourceError, decode

DRUGS_FILE = "drugs.yaml"
MAX_DRUGS_BYTES = 1024 * 1024


def load_drugs(root: Path) -> tuple[tuple[tuple[str, DrugInfo], ...], list[Problem]]:
    """Read ``root/drugs.yaml`` when present: ((generic, info), ...) and its problems."""
    path = root / DRUGS_FILE
    if not path.is_file():
        return (), []
    try:
        text = decode(path.read_bytes()).text
        data = parse(text, 1, MAX_DRUGS_BYTES)
    except (OSError, SourceError, FrontMatterError) as exc:
        line = getattr(exc, "line", None)
        message = str(exc).replace("front matter", DRUGS_FILE)
        return (), [Problem(DRUGS_FILE, line, Severity.ERROR, message)]
    drugs: list[tuple[str, DrugInfo]] = []
    problems: list[Problem] = []
    for generic, value in data.items():
        value = value or {}
        if not isinstance(value, dict):
            problems.append(Problem(DRUGS_FILE, None, Severity.WARNING, f"'{generic}' should map to brands and class"))
            continue
        brands = value.get("brands") or []
        if isinstance(brands, str):
            brands = [brands]
        info = DrugInfo(
            generic=generic,
            brands=tuple(str(b) for b in brands if b is not None),
            drug_class=str(value.get("class") or ""),
        )
        drugs.append((generic.casefold(), info))
    return tuple(drugs), problems
