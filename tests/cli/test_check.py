"""`combo-viewer check`: problem lines, a summary, JSON, and the exit statuses."""

from __future__ import annotations

import json

import pytest

from tests.helpers import seed_folder
from viewer.cli import main

SECTION_KEYS = ["generic_name", "intro", "usage", "side_effects", "mechanism", "disclaimer", "note"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_seed_folder_checks_clean(tmp_path, capsys):
    status, out, _ = run(capsys, "check", "--content", str(seed_folder(tmp_path)))
    assert (status, out) == (0, "2 of 2 pages state no severity (shown as unrated): "
                                "paroxetine-clonazepam.md, sertraline-clonazepam.md\n"
                                "2 entries, 0 errors, 0 warnings, 0 ignored\n")


def test_json_has_every_section_of_both_seeds(tmp_path, capsys):
    status, out, _ = run(capsys, "check", "--content", str(seed_folder(tmp_path)), "--json")
    data = json.loads(out)
    assert status == 0 and data["problems"] == [] and data["ignored"] == []
    by_path = {e["path"]: e for e in data["entries"]}
    paroxetine = by_path["paroxetine-clonazepam.md"]
    sertraline = by_path["sertraline-clonazepam.md"]
    assert paroxetine["title"] == "Paroxetine + Clonazepam"
    assert paroxetine["drugs"] == ["Paroxetine", "Clonazepam"]
    for key in SECTION_KEYS:
        assert paroxetine["sections"][key], key
        assert sertraline["sections"][key] or key == "intro", key  # seed 001 has no intro text
    assert len(paroxetine["sections"]["faqs"]) == 4 and len(sertraline["sections"]["faqs"]) == 5
    assert all(f["question"] and f["answer"] for f in sertraline["sections"]["faqs"])
    assert paroxetine["sections"]["other"] == []
    assert not paroxetine["sections"]["usage"].startswith("**Usage")


def test_problems_are_listed_with_path_and_line_and_errors_exit_1(tmp_path, capsys):
    seed_folder(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "broken.md").write_text("---\ntitle: ok\nx: [\n---\n\ntext\n")
    (tmp_path / "notes.txt").write_text("x")
    status, out, _ = run(capsys, "check", "--content", str(tmp_path))
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("sub/broken.md:4: error: invalid YAML")
    assert lines[-1] == "2 entries, 1 errors, 0 warnings, 1 ignored"


def test_warnings_alone_exit_0(tmp_path, capsys):
    (tmp_path / "a.md").write_text("# Alpha + Beta\n\n**Usage:** x\n")
    status, out, _ = run(capsys, "check", "--content", str(tmp_path))
    assert status == 0
    assert "a.md:1: warning: no title in the front matter; using the first heading" in out


def test_json_never_dumps_front_matter(tmp_path, capsys):
    (tmp_path / "a.md").write_text("---\ntitle: A + B\nsecret: s3cr3t\n---\n\n**Usage:** x\n")
    _, out, _ = run(capsys, "check", "--content", str(tmp_path), "--json")
    assert "s3cr3t" not in out


@pytest.mark.parametrize("args", [["check", "--content", "/no/such/folder"], ["check", "--bogus"]])
def test_usage_errors_exit_2_with_a_message_not_a_traceback(args, capsys):
    status, _out, err = run(capsys, *args)
    assert status == 2 and "combo-viewer" in err and "Traceback" not in err


def test_content_comes_from_the_environment_when_not_given(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COMBO_VIEWER_CONTENT", str(seed_folder(tmp_path)))
    _status, out, _ = run(capsys, "check")
    assert out.splitlines()[-1].startswith("2 entries")
