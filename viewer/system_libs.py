"""Which system libraries Qt still needs here, found by asking the dynamic loader about Qt's own
files (not by package names), and the package that brings each on Debian/Ubuntu, Fedora, Arch.

`python -m viewer.system_libs [desktop|print]` prints the packages to install, one per line, and
exits 1 when some are missing (scripts/system-deps.sh uses it). Never imports Qt itself."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

# soname: (Debian/Ubuntu, Fedora, Arch)
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libGL.so.1": ("libgl1", "mesa-libGL", "libglvnd"),
    "libEGL.so.1": ("libegl1", "mesa-libEGL", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx", "libglvnd"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libSM.so.6": ("libsm6", "libSM", "libsm"),
    "libICE.so.6": ("libice6", "libICE", "libice"),
}
FAMILIES = ("debian", "fedora", "arch")
INSTALL = {"debian": "sudo apt-get install", "fedora": "sudo dnf install", "arch": "sudo pacman -S"}
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_MISSING_IMPORT = re.compile(r"(lib[\w.+-]+\.so[\d.]*): cannot open shared object file")


def qt_files(use: str) -> list[Path]:
    """The Qt files the program loads for ``use``: the window (xcb plugin) or print (offscreen)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    plugin = "libqxcb.so" if use == "desktop" else "libqoffscreen.so"
    files = [root / "plugins" / "platforms" / plugin, root / "lib" / "libQt6Gui.so.6", root / "lib" / "libQt6Widgets.so.6"]
    return [f for f in files if f.exists()]


def missing_libraries(use: str = "desktop") -> list[str]:
    """The shared libraries the dynamic loader cannot find for Qt's files ([] off Linux)."""
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        return []
    found: set[str] = set()
    for path in qt_files(use):
        try:
            out = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        found.update(_NOT_FOUND.findall(out))
    return sorted(found)


def family() -> str:
    """debian, fedora or arch, from /etc/os-release (debian when unknown)."""
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        return "debian"
    for name, words in (("fedora", ("fedora", "rhel", "centos")), ("arch", ("arch", "manjaro")), ("debian", ("debian", "ubuntu"))):
        if any(f"id={w}" in text or f"id_like={w}" in text or f'id_like="{w}' in text for w in words):
            return name
    return "debian"


def packages_for(libraries: list[str], distro: str | None = None) -> list[str]:
    index = FAMILIES.index(distro or family())
    return sorted({PACKAGES[lib][index] if lib in PACKAGES else lib for lib in libraries})


def sentence(libraries: list[str], what: str) -> str:
    """One sentence: what cannot run, and the command that fixes it."""
    distro = family()
    packages = packages_for(libraries, distro)
    return (f"{what} needs system libraries that are missing here ({', '.join(libraries)}); "
            f"install them with: {INSTALL[distro]} {' '.join(packages)}")


def import_problem(exc: ImportError, what: str) -> str:
    """An ImportError from loading Qt as one sentence naming the package, when it names a library."""
    found = _MISSING_IMPORT.search(str(exc))
    if found is None:
        return f"{what} cannot load Qt: {exc}"
    return sentence([found.group(1)], what)


def main(argv: list[str]) -> int:
    use = argv[0] if argv else "desktop"
    packages = packages_for(missing_libraries(use))
    print("\n".join(packages))
    return 1 if packages else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
