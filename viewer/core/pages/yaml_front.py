"""Front matter that is more than plain lines, read by PyYAML's safe loader with every guard:
no aliases, capped in size, depth and nodes, dates left as text, every error on its line."""

from __future__ import annotations

import re
from typing import Any

import yaml

from viewer.core.pages.source import MAX_DEPTH, MAX_NODES, FrontMatterError

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


_RESOLVER = _TextDatesResolver()
# A run of block indicators on one line ("- - - -" or "? ? ?") nests one level each.
_INDICATOR_RUN = re.compile(r"^[ \t]*((?:[-?:][ \t]+){%d,})" % (MAX_DEPTH + 1), re.MULTILINE)


def tag_of(scalar: str) -> str:
    """The tag YAML gives a plain scalar, dates aside."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, scalar, (True, False)))  # type: ignore[no-untyped-call]


def parse_yaml(source: str, first_line: int, max_bytes: int) -> dict[str, Any]:
    """Front matter that is more than plain lines, read by YAML's safe loader."""
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
