"""The kiosk config: defaults, every key, and a clear message for every mistake."""

from __future__ import annotations

import hashlib

import pytest

from viewer.core.kiosk_config import DEFAULT_ATTRACT, ConfigError, KioskConfig, load_config

PIN_HASH = hashlib.sha256(b"2468").hexdigest()


def write(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    return path


def test_defaults_without_a_file():
    config = load_config(None)
    assert (config.idle_seconds, config.font_scale, config.allow_print) == (120.0, 1.4, False)
    assert config.attract_text == DEFAULT_ATTRACT and config.exit_pin_sha256 is None


def test_every_key_is_read(tmp_path):
    (tmp_path / "pages").mkdir()
    config = load_config(write(tmp_path, f"""
content = "pages"
idle_seconds = 45
font_scale = 1.6
banner_text = "Ask at the desk."
attract_text = "Tap to start"
allow_print = true
printer = "Front desk"
exit_pin_sha256 = "{PIN_HASH.upper()}"
"""))
    assert config == KioskConfig(tmp_path / "pages", 45.0, 1.6, "Ask at the desk.", "Tap to start", True, "Front desk", PIN_HASH)


def test_the_pin_is_checked_against_its_hash():
    config = KioskConfig(exit_pin_sha256=PIN_HASH)
    assert config.pin_matches("2468") and not config.pin_matches("1234") and not config.pin_matches("")
    assert not KioskConfig().pin_matches("2468")  # no PIN configured: exit is disabled


@pytest.mark.parametrize(
    "text, message",
    [
        ("idle_seconds = 'soon'", "key 'idle_seconds': must be a number, not 'soon'"),
        ("idle_seconds = 2", "key 'idle_seconds': must be between 10 and 86400 seconds"),
        ("font_scale = 9", "key 'font_scale': must be between 0.5 and 4"),
        ("allow_print = 'yes'", "key 'allow_print': must be true or false, not 'yes'"),
        ("idle_seconds = true", "key 'idle_seconds': must be a number, not True"),
        ("exit_pin_sha256 = '1234'", "key 'exit_pin_sha256': must be the 64 hexadecimal digits of a SHA-256 hash"),
        ("content = 'no/such/folder'", "key 'content': folder not found"),
        ("colour = 'red'", "key 'colour': unknown key"),
        ("banner_text = '  '", "key 'banner_text': must not be empty"),
        ("idle_seconds = ", "not valid TOML"),
    ],
)
def test_a_bad_config_names_file_key_and_problem(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_a_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_a_config_in_another_encoding_is_read(tmp_path, encoding):
    path = tmp_path / "kiosk.toml"
    path.write_bytes('banner_text = "Caf\u00e9 pharmacy: ask us"\n'.encode(encoding))
    assert load_config(path).banner_text == "Caf\u00e9 pharmacy: ask us"


def test_a_pipe_as_config_is_refused_at_once(tmp_path):
    import os

    os.mkfifo(tmp_path / "kiosk.toml")
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(tmp_path / "kiosk.toml")


def test_an_empty_content_folder_name_is_a_mistake(tmp_path):
    with pytest.raises(ConfigError, match="key 'content': must name a folder"):
        load_config(write(tmp_path, 'content = ""\n'))
