"""A Debian package of the bundle (`make deb`, after `make bundle`): the program in
/opt/combo-viewer, /usr/bin/combo-viewer and combo-viewer-cli, the desktop entry, icons,
metainfo, the manual page and every licence. Its Depends are the packages this machine's
libraries come from for what the bundle links outside itself (asked of ldd and dpkg -S), so
they are right for the system it was built on.

    python scripts/make_deb.py [DIST_FOLDER] [OUT_FOLDER]"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.man_page import page as manual_page  # noqa: E402
from viewer import APP_NAME, __version__  # noqa: E402

PREFIX = Path("opt/combo-viewer")


# What the program loads (the rest of Qt's plugins, Wayland's or GTK's theme, are optional: Qt
# skips one whose libraries are missing), relative to the bundle's _internal folder.
LOADED = ("PySide6/Qt*.abi3.so", "PySide6/libpyside6*", "PySide6/Qt/plugins/platforms/libqxcb.so",
          "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/xcbglintegrations/*.so",
          "PySide6/Qt/plugins/imageformats/*.so", "PySide6/Qt/plugins/printsupport/*.so", "lib-dynload/*.so")


def depends(bundle: Path) -> list[str]:
    """The packages that bring the libraries what the program loads takes from the system (ldd
    lists each file's whole chain, through the bundle's own libraries)."""
    found: set[str] = set()
    loaded = [path for pattern in LOADED for path in (bundle / "_internal").glob(pattern)]
    for library in [bundle / "combo-viewer", bundle / "combo-viewer-cli", *loaded]:
        linked = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
        for path in re.findall(r"=> (/\S+)", linked):
            if not Path(path).resolve().is_relative_to(bundle.resolve()):
                found.add(path)
    packages: set[str] = set()
    for path in sorted(found):
        owner = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", str(Path(path).resolve())], capture_output=True, text=True)
        if owner.returncode == 0:
            packages.add(owner.stdout.split(":")[0].strip())
    return sorted(packages)


def stage(bundle: Path, root: Path) -> None:
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    for program in ("combo-viewer", "combo-viewer-cli"):
        (root / "usr/bin" / program).symlink_to(f"/{PREFIX}/{program}")
    # The desktop entry, icons and metainfo, placed as `make install-desktop` places them.
    subprocess.run(["bash", str(REPO / "scripts/install-desktop.sh")], check=True, capture_output=True,
                   env={**os.environ, "XDG_DATA_HOME": str(root / "usr/share"), "PROGRAM": "combo-viewer", "REFRESH": "no"})
    manual = root / "usr/share/man/man1"
    manual.mkdir(parents=True)
    (manual / "combo-viewer.1.gz").write_bytes(gzip.compress(manual_page().encode(), mtime=0))
    doc = root / "usr/share/doc/combo-viewer"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"{APP_NAME} ({__version__})\n\n" + (REPO / "LICENSE").read_text(encoding="utf-8")
        + f"\nThe licences of everything the program carries (Qt, Qt for Python, Python and the other libraries,"
        f" with their versions) are in /{PREFIX}/_internal/LICENSES, /{PREFIX}/_internal/versions.txt and"
        f" /{PREFIX}/_internal/QT-NOTICE.md.\n", encoding="utf-8")


def control(root: Path, bundle: Path) -> str:
    """DEBIAN/control; returns the architecture it names."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN/control").write_text(
        f"Package: combo-viewer\nVersion: {__version__}\nArchitecture: {arch}\nMaintainer: combo-viewer developers"
        f" <combo-viewer@localhost>\nInstalled-Size: {size}\nDepends: {', '.join(depends(bundle))}\n"
        f"Section: science\nPriority: optional\nDescription: {APP_NAME}, an offline viewer for drug-combination pages\n"
        " Looks up what happens when medicines are taken together, offline: the severity and\n"
        " warning each page states first, a check of three or more medicines in pairs, print-outs,\n"
        " and a locked-down touch kiosk for a waiting room.\n", encoding="utf-8")
    return arch


def build(bundle: Path, out: Path) -> Path:
    if not (bundle / "combo-viewer").is_file():
        raise SystemExit(f"{bundle}: no bundle there; run 'make bundle' first")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "combo-viewer"
        stage(bundle, root)
        deb = out / f"combo-viewer_{__version__}_{control(root, bundle)}.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)], check=True,
                       capture_output=True)
    return deb


if __name__ == "__main__":
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dist/combo-viewer"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "dist"
    print(build(bundle, out))
