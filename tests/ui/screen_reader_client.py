"""A screen reader's side of the AT-SPI test, run with the system's Python (pyatspi, from
python3-pyatspi): finds the viewer on the accessibility bus, types into its search box through
AT-SPI, and prints as JSON what a screen reader hears after each step.

    python3 tests/ui/screen_reader_client.py APP_NAME"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]

heard: list[str] = []


def on_event(event) -> None:
    if event.type.startswith("object:announcement"):
        heard.append(str(event.any_data))


def pump(seconds: float) -> None:
    """Let events arrive for ``seconds`` (pyatspi delivers them from its main loop)."""
    from gi.repository import GLib  # type: ignore[import-not-found]

    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        context.iteration(False)
        time.sleep(0.01)


def pump_until(done, seconds: float = 15) -> None:
    """Events until ``done()`` (or ``seconds``, on a very busy machine), then a second more for
    anything said after."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        pump(0.05)
    pump(1.0)


def find_app(name: str, seconds: float = 30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    raise SystemExit(f"no application named {name!r} on the accessibility bus")


def walk(node, depth: int = 0):
    if node is None or depth > 40:
        return
    yield node
    for child in node:
        yield from walk(child, depth + 1)


def first(app, test):
    return next((n for n in walk(app) if test(n)), None)


def search(app, text: str) -> None:
    box = first(app, lambda n: n.getRoleName() == "text" and n.name == "Search combinations")
    if box is None:
        raise SystemExit("no search box named 'Search combinations'")
    box.queryEditableText().setTextContents(text)


def count_heard(app) -> str:
    label = first(app, lambda n: n.description == "Number of combinations shown")
    return label.name if label is not None else ""


def main() -> None:
    app_name = sys.argv[1]
    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    app = find_app(app_name)
    steps = {}
    for step, text in (("search", "sertraline"), ("no entry", "zzqqx"),
                       ("check", "sertraline, tramadol, sumatriptan"), ("entry", "oxycodone alprazolam")):
        before = len(heard)
        search(app, text)
        pump_until(lambda before=before: len(heard) > before)
        if step == "entry":
            subprocess.run(["xdotool", "key", "Return"], check=True)  # Enter opens the query's own entry
            pump_until(lambda before=before: any("everity" in said for said in heard[before:]))
        steps[step] = {"announced": heard[before:], "count": count_heard(app)}
        if step == "entry":
            title = first(app, lambda n: n.getRoleName() == "label" and n.name.startswith("Severity"))
            steps[step]["title"] = title.name if title is not None else ""
    print(json.dumps(steps))


if __name__ == "__main__":
    main()
