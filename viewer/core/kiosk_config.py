"""The kiosk's TOML configuration: read, checked, and turned into one frozen object."""

from __future__ import annotations

import hashlib
import hmac
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.pages.source import SourceError, decode
from viewer.core.words import QT_TRANSLATE_NOOP

DEFAULT_ATTRACT = QT_TRANSLATE_NOOP("Kiosk", "Touch to look up a combination")  # a config's own words stay its own


class ConfigError(ValueError):
    """A bad kiosk configuration: the message names the file, the key and the problem."""


@dataclass(frozen=True)
class KioskConfig:
    content: Path | None = None
    idle_seconds: float = 120.0
    font_scale: float = 1.4
    banner_text: str | None = None
    attract_text: str = DEFAULT_ATTRACT
    allow_print: bool = False
    printer: str | None = None  # None or "": the default printer
    exit_pin_sha256: str | None = None  # None: leaving the kiosk is disabled

    def pin_matches(self, pin: str) -> bool:
        """Whether a typed PIN is the exit PIN (compared in constant time); False when exit is disabled."""
        if not self.exit_pin_sha256:
            return False
        digest = hashlib.sha256(pin.encode("utf-8")).hexdigest()
        return hmac.compare_digest(digest, self.exit_pin_sha256.lower())


MAX_CONFIG_BYTES = 64 * 1024
_KEYS: dict[str, type | tuple[type, ...]] = {
    "content": str,
    "idle_seconds": (int, float),
    "font_scale": (int, float),
    "banner_text": str,
    "attract_text": str,
    "allow_print": bool,
    "printer": str,
    "exit_pin_sha256": str,
}


def load_config(path: Path | None) -> KioskConfig:
    """Read a kiosk config file (None: all defaults). Raises ConfigError naming file and key."""
    if path is None:
        return KioskConfig()
    data = _read_toml(path)

    def bad(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{path}: key '{key}': {problem}")

    _check_values(data, bad)
    pin = data.get("exit_pin_sha256")
    content = data.get("content")
    folder = None
    if content is not None:
        folder = (path.parent / content).expanduser() if not Path(content).is_absolute() else Path(content)
        if not folder.is_dir():
            raise bad("content", f"folder not found: {folder}")
    return KioskConfig(
        content=folder,
        idle_seconds=float(data.get("idle_seconds", 120)),
        font_scale=float(data.get("font_scale", 1.4)),
        banner_text=data.get("banner_text"),
        attract_text=data.get("attract_text", DEFAULT_ATTRACT),
        allow_print=bool(data.get("allow_print", False)),
        printer=data.get("printer") or None,
        exit_pin_sha256=pin.lower() if pin else None,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    if path.exists() and not path.is_file():
        raise ConfigError(f"{path}: the kiosk config is not a regular file (a folder, pipe or device)")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: the kiosk config is over {MAX_CONFIG_BYTES:,} bytes")
        return tomllib.loads(decode(raw).text)  # UTF-8, UTF-16 with a mark, or Windows-1252
    except FileNotFoundError:
        raise ConfigError(f"{path}: the kiosk config file does not exist") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except SourceError as exc:
        raise ConfigError(f"{path}: not a text file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _check_values(data: dict[str, Any], bad: Callable[[str, str], ConfigError]) -> None:
    """Every key known, of its kind and in its range; raises the first that is not."""
    for key, value in data.items():
        if key not in _KEYS:
            raise bad(key, f"unknown key (known keys: {', '.join(_KEYS)})")
        kinds = _KEYS[key]
        if (isinstance(value, bool) and kinds is not bool) or not isinstance(value, kinds):
            wanted = "text in quotes" if kinds is str else "true or false" if kinds is bool else "a number"
            raise bad(key, f"must be {wanted}, not {value!r}")
    if "idle_seconds" in data and not 10 <= data["idle_seconds"] <= 86_400:
        raise bad("idle_seconds", "must be between 10 and 86400 seconds")
    if "font_scale" in data and not 0.5 <= data["font_scale"] <= 4:
        raise bad("font_scale", "must be between 0.5 and 4")
    pin = data.get("exit_pin_sha256")
    if pin is not None and not re.fullmatch(r"[0-9a-fA-F]{64}", pin):
        raise bad("exit_pin_sha256", "must be the 64 hexadecimal digits of a SHA-256 hash")
    for key in ("banner_text", "attract_text"):
        if key in data and not data[key].strip():
            raise bad(key, "must not be empty")
    content = data.get("content")
    if content is not None and not content.strip():
        raise bad("content", "must name a folder; leave the key out for the bundled pages")
