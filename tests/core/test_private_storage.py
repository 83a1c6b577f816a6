"""What the program keeps is its user's alone, and a bad cache is the cache's problem: a link
planted where the catalog or the key goes is never followed, files are 0600 in 0700 folders, a
cache that cannot be written leaves full-text search working from memory, and an index row the
program did not write is never shown."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FULL_BODY, page
from viewer.core.catalog import cache
from viewer.core.catalog.cache import catalog_file, signing_key
from viewer.core.catalog.catalog import CatalogLoader
from viewer.core.search.index import FullTextIndex


def folder_with_pages(tmp_path: Path, count: int = 3) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for number in range(count):
        body = FULL_BODY + f"\n**Dosage:**\n\nTake with quinceberry juice {number}.\n"
        (content / f"p{number}.md").write_text(page(f"Alpha{number} + Beta", body), encoding="utf-8")
    return content


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_the_catalog_and_its_folder_are_the_users_alone(tmp_path):
    content = folder_with_pages(tmp_path)
    folder = tmp_path / "cache"
    index = FullTextIndex(content, folder)
    index.update()
    loader = CatalogLoader(content, catalog_file(content, folder))
    loader.load()
    assert loader.save()
    assert mode(folder) == 0o700 and mode(index.path) == 0o600
    assert all(mode(p) & 0o077 == 0 for p in folder.iterdir())


def test_a_catalog_path_that_is_a_link_to_another_file_is_left_alone(tmp_path):
    content = folder_with_pages(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    foreign = tmp_path / "someone-elses.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE notes(text TEXT)")
        other.execute("INSERT INTO notes VALUES ('mine')")
    before = foreign.read_bytes()
    planted = catalog_file(content, folder)
    planted.symlink_to(foreign)
    index = FullTextIndex(content, folder)
    index.update()
    assert foreign.read_bytes() == before  # not adopted, not switched to WAL, not written
    assert planted.is_symlink() and index.path != planted and index.path.is_file() and not index.path.is_symlink()
    assert [path for path, *_ in index.search(["quinceberry"])] == ["p0.md", "p1.md", "p2.md"]


def test_the_signing_key_is_never_written_through_a_link(tmp_path, monkeypatch):
    keys = tmp_path / "config"
    keys.mkdir(mode=0o755)
    victim = tmp_path / "victim.txt"
    victim.write_text("do not overwrite")
    (keys / "cache-key").symlink_to(victim)
    monkeypatch.setenv(cache.KEY_ENV, str(keys))
    monkeypatch.setattr(cache, "_key", None)
    key = signing_key()
    assert len(key) == 32 and victim.read_text() == "do not overwrite"
    written = keys / "cache-key"
    assert not written.is_symlink() and written.read_bytes() == key
    assert mode(written) == 0o600 and mode(keys) == 0o700


def test_a_cache_that_cannot_be_made_leaves_full_text_search_working_from_memory(tmp_path):
    content = folder_with_pages(tmp_path)
    index = FullTextIndex(content, Path("/proc/self/combo-viewer-cache"))
    index.update()
    assert index.path is None and index.storage_problem
    assert len(index.search(["quinceberry"])) == 3


def test_the_search_command_says_once_that_the_cache_failed_and_still_answers(tmp_path):
    content = folder_with_pages(tmp_path)
    env = {**os.environ, "COMBO_VIEWER_CACHE": "/proc/self/combo-viewer-cache"}
    done = subprocess.run([sys.executable, "-m", "viewer", "search", "quinceberry", "--content", str(content)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and done.stdout.count("text: ") == 3
    assert done.stderr.count("could not keep the full-text index") == 1


@pytest.fixture
def full_disk(tmp_path):
    """A cache folder on a 96 KiB tmpfs (root only), removed again."""
    folder = tmp_path / "small"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k,mode=0700", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_leaves_full_text_search_working_from_memory(tmp_path, full_disk):
    content = folder_with_pages(tmp_path, 120)
    index = FullTextIndex(content, full_disk)
    index.update()
    assert index.path is None and "full" in index.storage_problem
    assert len(index.search(["quinceberry"], limit=200)) == 120


def test_an_index_row_the_program_did_not_write_is_never_shown(tmp_path):
    content = folder_with_pages(tmp_path, 2)
    index = FullTextIndex(content, tmp_path / "cache")
    index.update()
    with sqlite3.connect(index.path) as forger:
        forger.execute("UPDATE docs SET body = 'quinceberry juice is safe together: no interaction at all' WHERE path = 'p0.md' "
                       "AND section = 'dosage'")
        forger.execute("INSERT INTO sections(sections) VALUES ('rebuild')")
    found = index.search(["quinceberry"])
    assert [path for path, *_ in found] == ["p1.md"] and all("safe together" not in s for _, _, s, _ in found)
    assert index.update() == 1  # the altered page is indexed again
    assert sorted(path for path, *_ in index.search(["quinceberry"])) == ["p0.md", "p1.md"]
