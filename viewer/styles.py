"""The style sheets in resources/ with a theme's colours from themes.toml filled in. No Qt: the
window and the exported library are drawn from the same colours."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from viewer.paths import bundled_dir

_TOKEN = re.compile(r"@([a-z_]+)")


def theme_colours(name: str, resources: Path | None = None) -> dict[str, str]:
    """The colours of the theme ``name`` ("light", "dark", "high-contrast")."""
    with open((resources or bundled_dir("resources")) / "themes.toml", "rb") as handle:
        colours: dict[str, str] = tomllib.load(handle)[name]
    return colours


def styled(sheet: str, colours: dict[str, str], resources: Path | None = None) -> str:
    """The style sheet file ``sheet`` of resources/ with its @names filled in."""
    return fill_tokens(((resources or bundled_dir("resources")) / sheet).read_text(encoding="utf-8"), colours)


def fill_tokens(text: str, values: dict[str, str]) -> str:
    """Replace each whole @name with its value; unknown names are left for a later pass."""
    return _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), text)
