"""Safe YAML front matter: a mapping of string keys, no aliases, capped in size and depth."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_DEPTH = 64  # libyaml's C composer recurses per level and crashes the process near 50,000
MAX_NODES = 10_000

_HANDLER = YAMLHandler()
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Resolvers = dict[Any, list[tuple[str, Any]]]


def _without_timestamps(resolvers: _Resolvers) -> _Resolvers:
    return {first: [(tag, regex) for tag, regex in found if tag != _TIMESTAMP] for first, found in resolvers.items()}


class _Loader(_SafeLoader):  # type: ignore[misc]
    """The safe loader with dates left as text: a page's date is shown as written, and an
    impossible one ("2023-02-30") is no error. A field meant to be a date is read as one later."""

    yaml_implicit_resolvers = _without_timestamps(_SafeLoader.yaml_implicit_resolvers)


class _TextDatesResolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers = _without_timestamps(yaml.resolver.Resolver.yaml_implicit_resolvers)
# A run of block indicators on one line ("- - - -" or "? ? ?") nests one level each.
_INDICATOR_RUN = re.compile(r"^[ \t]*((?:[-?:][ \t]+){%d,})" % (MAX_DEPTH + 1), re.MULTILINE)


class FrontMatterError(ValueError):
    """The front matter is unusable; ``line`` is the line in the file (1-based) when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Split:
    """A page cut into its front matter and body, with the file line the body starts on."""

    front_matter: str | None  # None when the page has none
    body: str
    body_line: int  # 1-based line of the body's first line
    front_matter_line: int = 1  # file line (1-based) of the front matter text's first line


def split(text: str) -> Split:
    """Cut the front matter (between ``---`` lines at the top) from the body."""
    if not _HANDLER.detect(text):
        return Split(None, text, 1)
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        raise FrontMatterError("front matter opened with '---' on line 1 is never closed", 1) from None
    opening = _HANDLER.FM_BOUNDARY.search(text)
    front_line = text.count("\n", 0, opening.end()) + 1 if opening else 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return Split(front, body, body_line, front_line)


# Front matter as most pages write it: one "name: plain value" a line, nothing YAML-special.
# Such text is read without building a YAML document; anything else goes to the YAML parser.
_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+([^-?:,\[\]{}#&*!|>'\"%@`\s][^#\n]*?))?[ \t]*")
_RESOLVER = _TextDatesResolver()


# Words YAML 1.1 reads as booleans or null; any other plain scalar starting with a letter is text.
_SPECIAL_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
_STR_TAG = "tag:yaml.org,2002:str"
_TRUE_FALSE = {word: word.lower() == "true" for word in ("true", "True", "TRUE", "false", "False", "FALSE")}  # YAML's spellings


def _tag_of(scalar: str) -> str:
    """The tag YAML gives a plain scalar ("true" -> bool, "12" -> int), dates aside."""
    if scalar[:1].isalpha() and scalar.isascii() and scalar.lower() not in _SPECIAL_WORDS:
        return _STR_TAG  # numbers, dates, .inf and ~ never start with a letter: asking YAML is slow
    return str(_RESOLVER.resolve(yaml.ScalarNode, scalar, (True, False)))  # type: ignore[no-untyped-call]


def parse_plain(source: str) -> dict[str, Any] | None:
    """The mapping for plain one-line front matter, or None when YAML must read it."""
    data: dict[str, Any] = {}
    for line in source.split("\n"):
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            if line.strip():
                return None
            continue
        key, value = found.groups()
        if "\t" in line or key in data or key.lower() in _SPECIAL_WORDS:
            return None  # tabs, repeated keys and keys YAML reads as something else are YAML's to judge
        if value is None:
            data[key] = None
        elif ": " in value or value.endswith(":"):
            return None  # a colon YAML would read as another mapping
        elif value in _TRUE_FALSE:
            data[key] = _TRUE_FALSE[value]
        elif _tag_of(value) == _STR_TAG:
            data[key] = value
        else:
            return None  # numbers, dates, yes/no...: let YAML decide
    return data


def parse(source: str, first_line: int = 2, max_bytes: int = MAX_FRONT_MATTER_BYTES) -> dict[str, Any]:
    """Parse YAML text into a dict of string keys, or raise FrontMatterError."""
    simple = parse_plain(source) if len(source) < 4096 else None
    if simple is not None:
        return simple
    size = len(source.encode("utf-8"))
    if size > max_bytes:
        raise FrontMatterError(f"front matter is {size:,} bytes, over the {max_bytes:,}-byte limit", first_line)
    _check_depth(source, first_line)
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        _check_graph(node, first_line)
        data = _construct(loader, node, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        if exc.problem == "found unhashable key":
            raise FrontMatterError("front matter must be a mapping of names to values: a key is a list or mapping", line) from None
        raise FrontMatterError(f"invalid YAML: {exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"invalid YAML: {exc}", first_line) from None
    except (RecursionError, MemoryError):
        raise FrontMatterError("front matter is nested too deeply", first_line) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        line = first_line + node.start_mark.line
        raise FrontMatterError(f"front matter must be a mapping of names to values, not {kind}", line)
    bad = [k for k in data if not isinstance(k, str)]
    if bad:
        line = _key_line(node, bad[0], first_line)
        raise FrontMatterError(
            f"front matter must be a mapping of names to values: key {bad[0]!r} is not a name", line
        )
    return data


def _construct(loader: Any, node: yaml.Node, first_line: int) -> Any:
    """Build the values; a value YAML cannot build (``!!int abc``, an integer of thousands of
    digits, ``!!timestamp x``) is an error naming its line, never an exception of the program."""
    try:
        return loader.construct_document(node)
    except (yaml.YAMLError, RecursionError, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise ValueError, TypeError, KeyError...
        line, what = first_line + node.start_mark.line, "a value"
        if isinstance(node, yaml.MappingNode):  # find the value that failed
            for key_node, value_node in node.value:
                try:
                    _Loader("").construct_object(value_node, deep=True)
                except Exception:  # noqa: BLE001
                    line = first_line + value_node.start_mark.line
                    what = f"the value of '{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else what
                    break
        reason = str(exc).split("\n", 1)[0][:100] or type(exc).__name__
        raise FrontMatterError(f"{what} cannot be read: {reason}", line) from None


def _check_depth(source: str, first_line: int) -> None:
    """Refuse nesting deep enough to endanger the parser, before the parser sees it."""
    depth = deepest = 0
    for i, ch in enumerate(source):
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    line = first_line + source.count("\n", 0, i)
                    raise FrontMatterError(f"front matter is nested more than {MAX_DEPTH} levels deep", line)
        elif ch in "]}" and depth:
            depth -= 1
    run = _INDICATOR_RUN.search(source)
    if run:
        line = first_line + source.count("\n", 0, run.start())
        raise FrontMatterError(f"front matter is nested more than {MAX_DEPTH} levels deep", line)


def _check_graph(root: yaml.Node, first_line: int) -> None:
    """Refuse aliases (a node reached twice) and oversized documents, before building values."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise FrontMatterError(
                "YAML anchors and aliases (&name / *name) are not allowed in front matter; "
                "this line's value is reused by an alias",
                first_line + node.start_mark.line,
            )
        seen.add(id(node))
        if len(seen) > MAX_NODES or depth > MAX_DEPTH:
            raise FrontMatterError("front matter is too large or nested too deeply", first_line)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def _key_line(root: yaml.Node, key: object, first_line: int) -> int:
    if isinstance(root, yaml.MappingNode):
        for key_node, _ in root.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                return first_line + key_node.start_mark.line
    return first_line
