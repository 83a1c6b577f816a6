"""The optional drug dictionary (drugs.yaml): generic name -> brand names and class."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from viewer.core.guarded import bounded, is_remote
from viewer.core.pages.frontmatter import FrontMatterError, parse
from viewer.core.pages.model import DrugInfo, Problem, Severity
from viewer.core.pages.source import SourceError, decode

DRUGS_FILE = "drugs.yaml"
MAX_DRUGS_BYTES = 1024 * 1024


NAME_KEY = "name"  # drugs.yaml may name the library: "name: Riverside Pharmacy reference"
MAX_NAME_CHARS = 120


def load_drugs(root: Path) -> tuple[tuple[tuple[str, DrugInfo], ...], list[Problem]]:
    """Read ``root/drugs.yaml`` when present: ((generic, info), ...) and its problems."""
    drugs, problems, _name = read_drugs(root)
    return drugs, problems


def read_drugs(root: Path) -> tuple[tuple[tuple[str, DrugInfo], ...], list[Problem], str]:
    """``root/drugs.yaml`` read once: its medicines, its problems, and the name it gives the
    library ("" when it gives none)."""
    path = root / DRUGS_FILE
    try:
        if not path.is_file():
            return (), [], ""
        raw = _read_capped(path) if not is_remote(str(root)) else bounded(lambda: _read_capped(path))
        if len(raw) > MAX_DRUGS_BYTES:
            raise FrontMatterError(f"{DRUGS_FILE} is over {MAX_DRUGS_BYTES:,} bytes; not read", None)
        text = decode(raw).text
        data = parse(text, 1, MAX_DRUGS_BYTES)
    except (OSError, SourceError, FrontMatterError) as exc:  # a folder gone (errno 107), a stuck read included
        line = getattr(exc, "line", None)
        message = str(exc).replace("front matter", DRUGS_FILE)
        return (), [Problem(DRUGS_FILE, line, Severity.ERROR, message)], ""
    name = data.get(NAME_KEY)
    name = " ".join(name.split())[:MAX_NAME_CHARS] if isinstance(name, str) else ""
    drugs: list[tuple[str, DrugInfo]] = []
    problems: list[Problem] = []

    def warn(generic: str, message: str) -> None:
        problems.append(Problem(DRUGS_FILE, _line_of(text, generic), Severity.WARNING, message))

    for generic, value in data.items():
        if generic == NAME_KEY:
            if not isinstance(value, str) or not value.strip():
                warn(generic, f"'{NAME_KEY}' should be the library's name, as text; left out")
            continue  # the library's own name, not a medicine
        if not _is_name(generic):
            warn(str(generic), f"'{generic}' is not a medicine name; left out")
            continue
        info = _drug(generic, value or {}, warn)
        if info is not None:
            drugs.append((generic.strip().casefold(), info))
    return tuple(drugs), problems, name


def _read_capped(path: Path) -> bytes:
    """Never more than the cap, however large the file says it is."""
    with open(path, "rb") as handle:
        return handle.read(MAX_DRUGS_BYTES + 1)


def _drug(generic: str, value: object, warn: Callable[[str, str], None]) -> DrugInfo | None:
    """One medicine's entry: its brands and classes (what is wrong with them warned of); or a
    combination brand with the medicines it combines."""
    if not isinstance(value, dict):
        warn(generic, f"'{generic}' should map to brands and class; left out")
        return None
    if "ingredients" in value:
        return _combination(generic, value, warn)
    brands, countries = _brands(generic, value.get("brands") or [], warn)
    classes = value.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    if not isinstance(classes, list) or not all(_is_name(c) for c in classes):
        warn(generic, f"'{generic}': class should be a name or a list of names; left out")
        classes = [c for c in classes if _is_name(c)] if isinstance(classes, list) else []
    return DrugInfo(generic=generic.strip(), brands=brands, drug_class=classes[0].strip() if classes else "",
                    classes=tuple(c.strip() for c in classes), countries=countries)


def _combination(name: str, value: dict[str, object], warn: Callable[[str, str], None]) -> DrugInfo | None:
    """``Combiflam: {ingredients: [ibuprofen, paracetamol], country: IN}``: a brand of several medicines."""
    ingredients = value.get("ingredients")
    if not isinstance(ingredients, list) or len(ingredients) < 1 or not all(_is_name(i) for i in ingredients):
        warn(name, f"'{name}': ingredients should be a list of medicine names; left out")
        return None
    country = value.get("country") or ""
    if isinstance(country, list) and all(isinstance(c, str) for c in country):
        country = ", ".join(country)
    if not isinstance(country, str):
        warn(name, f"'{name}': where it is sold should be text such as IN or UK; left out")
        country = ""
    return DrugInfo(generic=name.strip(), brands=(name.strip(),), countries=(country,),
                    ingredients=tuple(" ".join(i.split()).casefold() for i in ingredients))


@lru_cache(maxsize=1)
def fallback_drugs() -> tuple[tuple[str, DrugInfo], ...]:
    """The bundled drugs.yaml: the vocabulary every content folder falls back on ("nurofen",
    "ssri" on a site of its own), read once."""
    from viewer.paths import bundled_dir

    try:
        return read_drugs(bundled_dir("content"))[0]
    except (FileNotFoundError, OSError):
        return ()


def with_fallback(drugs: Iterable[tuple[str, DrugInfo]]) -> dict[str, DrugInfo]:
    """A folder's own drugs.yaml over the bundled one: its own entries win."""
    merged = dict(fallback_drugs())
    merged.update(drugs)
    return merged


def _brands(generic: str, value: object, warn: Callable[[str, str], None]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Brand names and, in the same order, where each is sold ("" when not said). Brands are a
    name, a list of names, or a mapping of names to countries (``{Valium: US, Zispin: UK}``)."""
    if isinstance(value, str):
        value = [value]
    if isinstance(value, dict):
        pairs = [(name, country) for name, country in value.items()]
    elif isinstance(value, list):
        pairs = []
        for item in value:
            pairs += list(item.items()) if isinstance(item, dict) else [(item, "")]
    else:
        warn(generic, f"'{generic}': brands should be a list of names, not {type(value).__name__}; brands left out")
        return (), ()
    good = [(name.strip(), country) for name, country in pairs if _is_name(name)]
    if len(good) != len(pairs):
        warn(generic, f"'{generic}': {len(pairs) - len(good)} brand(s) are not names (empty, a number or yes/no); left out")
    where = []
    for name, country in good:
        if country is None or country == "":
            where.append("")
        elif isinstance(country, str) or (isinstance(country, list) and all(isinstance(c, str) for c in country)):
            where.append(country if isinstance(country, str) else ", ".join(country))
        else:
            warn(generic, f"'{generic}': where {name} is sold should be text such as US or UK; left out")
            where.append("")
    return tuple(name for name, _ in good), tuple(where)


def _is_name(value: object) -> bool:
    """A usable name: text with a letter or digit in it."""
    return isinstance(value, str) and any(ch.isalnum() for ch in value)


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key:`` starts an entry of drugs.yaml, when it can be found."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return number
    return None
