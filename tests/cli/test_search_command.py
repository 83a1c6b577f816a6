"""`combo-viewer search`: the window's ranking on the command line."""

from __future__ import annotations

import json

from viewer.cli import main
from viewer.core.search.answers import not_known_line
from viewer.core.search.search_engine import MISSING_PAIR, NO_RESULT


def run(capsys, *args):
    status = main(["search", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_human_output_is_one_result_a_line(capsys):
    status, out, _ = run(capsys, "zoloft klonopin")
    assert status == 0
    assert out.splitlines()[0] == "Sertraline + Clonazepam  (sertraline-clonazepam.md)"


def test_json_lists_title_path_kind_score_snippet_and_severity(capsys):
    status, out, _ = run(capsys, "naloxone", "--json", "--limit", "2")
    data = json.loads(out)
    assert status == 0 and len(data) == 2
    assert set(data[0]) == {"title", "path", "kind", "score", "snippet", "severity", "warning"}
    assert data[0]["kind"] == "fulltext" and "**naloxone**" in data[0]["snippet"]


def test_the_pair_check_on_the_command_line(capsys):
    _status, out, _ = run(capsys, "metformin, sertraline, lithium, ibuprofen", "--json")
    data = json.loads(out)
    assert data[0] == {"kind": "unknown", "name": "metformin", "sentence": not_known_line(("metformin",))}
    assert [(d["title"], d["kind"]) for d in data[1:4]] == [
        ("Lithium + Ibuprofen", "check"), ("Lithium + Sertraline", "check"), ("Sertraline + Ibuprofen", "check")]
    assert not any("Metformin +" in (d.get("title") or "") for d in data)  # no pair sentence about an unknown name


def test_no_result_prints_the_sentence_and_exits_1(capsys):
    status, out, _ = run(capsys, "qqqzz")
    assert status == 1 and out.strip() == NO_RESULT.format(query="qqqzz")


def test_usage_errors_exit_2(capsys):
    assert run(capsys, "")[0] == 2
    assert run(capsys, "x", "--limit", "0")[0] == 2
    assert run(capsys, "x", "--content", "/no/such/folder")[0] == 2


def test_the_pair_check_prints_each_pages_severity_and_warning(capsys):
    status, out, _ = run(capsys, "oxycodone, alprazolam, sertraline")
    assert status == 0
    lines = out.splitlines()
    assert lines[1].startswith("pair: [MAJOR] Oxycodone + Alprazolam")
    assert "slow or stopped breathing" in lines[2]
    assert lines[-1] == f"pair: Oxycodone + Sertraline: {MISSING_PAIR}"


def test_a_list_on_standard_input_is_checked_with_its_major_pair_first(capsys, monkeypatch):
    import io

    from tests.helpers import DISCHARGE_LIST

    monkeypatch.setattr("sys.stdin", io.StringIO(DISCHARGE_LIST + "\n"))
    status, out, _ = run(capsys, "-")
    lines = out.splitlines()
    assert status == 0
    assert lines[0] == "Checking 5 medicines in pairs: Atorvastatin, Warfarin, Omeprazole, Sertraline, Ibuprofen"
    assert lines[1].startswith("pair: [MAJOR] Warfarin + Ibuprofen")


def test_unknown_names_and_duplicates_have_a_line_of_their_own(capsys):
    _, out, _ = run(capsys, "zzqqx, ibuprofen, naproxen")
    lines = out.splitlines()
    assert lines[:2] == ["duplicate: NSAID: Ibuprofen; Naproxen", "unknown: zzqqx"]
    _, out, _ = run(capsys, "ibuprofen, sertralinn, naproxen")
    assert "read as: sertralinn: Sertraline" in out.splitlines()  # a guess is said, so a wrong one is seen
    _, out, _ = run(capsys, "combiflam crocin")
    assert out.splitlines()[0] == "duplicate: paracetamol: Combiflam; Crocin"


def test_json_carries_unknown_names_and_duplicates_beside_the_results(capsys):
    _, out, _ = run(capsys, "zzqqx, ibuprofen, naproxen", "--json")
    data = json.loads(out)
    assert {"kind": "duplicate", "what": "NSAID", "between": ["Ibuprofen", "Naproxen"],
            "sentence": "Two NSAIDs: ibuprofen and naproxen."} in data
    assert {"kind": "unknown", "name": "zzqqx", "sentence": not_known_line(("zzqqx",))} in data
    assert any(d["kind"] == "check" and d["snippet"] == MISSING_PAIR for d in data)


def test_a_second_search_reads_only_the_pages_changed_since_the_first(tmp_path, capsys, monkeypatch):
    """The command keeps the catalog the window keeps: a later run parses no unchanged page,
    and still finds what an edit changed."""
    import os
    import shutil

    from tests.helpers import REPO
    from viewer.core.catalog import library

    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    parsed: list[str] = []
    real = library.read_page
    monkeypatch.setattr(library, "read_page", lambda root, path: parsed.append(path) or real(root, path))
    assert run(capsys, "sertraline tramadol", "--content", str(content))[0] == 0
    assert len(parsed) > 90  # the first run reads every page, once
    parsed.clear()
    page = content / "sertraline-tramadol.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Sertraline + Tramadol", "title: Sertraline + Tramadol (edited)"),
                    encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    status, out, _ = run(capsys, "sertraline tramadol", "--content", str(content))
    assert status == 0 and set(parsed) == {"sertraline-tramadol.md"}  # by the list, and by the text index
    assert "Sertraline + Tramadol (edited)  (sertraline-tramadol.md)" in out
