"""A window started from the list's snapshot (one file) shows the list at once, and then follows
what changed while it was closed: the list, and the full-text index."""

from __future__ import annotations

from tests.core.test_snapshot import library_folder, settled
from tests.helpers import FULL_BODY, page
from viewer.core.catalog import snapshot


def titles(controller) -> list[str]:  # noqa: ANN001
    model = controller.window.list_panel.proxy
    return sorted(model.index(row, 0).data() for row in range(model.rowCount()))


def settle(qtbot, controller) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: controller.session.engine.fulltext is not None and not controller.watcher.busy(), timeout=20000)


def test_a_later_start_lists_from_the_snapshot_and_follows_an_edit_made_while_closed(tmp_path, make_controller, qtbot):
    folder = library_folder(tmp_path)
    first = make_controller(folder, open_urls=False)
    settle(qtbot, first)
    first.shutdown()
    assert snapshot.read_list(folder) is not None  # the load after the first frame kept it
    edited = folder / "composition" / "gamma-delta.md"
    edited.write_text(page("Gamma + Epsilon", FULL_BODY.replace("Drowsiness", "Palpitations")), encoding="utf-8")
    settled(folder)  # an edit long enough ago to be stamped later
    later = make_controller(folder, open_urls=False)
    assert "Gamma + Delta" in titles(later)  # drawn at once from the snapshot, as it was
    qtbot.waitUntil(lambda: "Gamma + Epsilon" in titles(later), timeout=20000)
    assert "Gamma + Delta" not in titles(later)
    settle(qtbot, later)
    qtbot.waitUntil(lambda: any(path.endswith("gamma-delta.md") for path, *_ in later.session.engine.fulltext.search(["palpitations"])),
                    timeout=20000)  # the index caught the edit too, though the first list carried no page signatures


def test_a_start_from_the_snapshot_of_an_unchanged_folder_keeps_its_full_text(tmp_path, make_controller, qtbot):
    folder = library_folder(tmp_path)
    first = make_controller(folder, open_urls=False)
    settle(qtbot, first)
    first.shutdown()
    again = make_controller(folder, open_urls=False)
    settle(qtbot, again)
    found = again.session.engine.fulltext.search(["drowsiness"])
    assert sorted(path for path, *_ in found) == sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))
