"""What the bundle owes the code it carries: every runtime dependency's own licence files (from
its installed metadata) under LICENSES/<name>/, and versions.txt naming each with its version and
licence, so the notices follow the dependencies as they change. Called by combo-viewer.spec."""

from __future__ import annotations

import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def runtime(project: str = "combo-viewer") -> list[metadata.Distribution]:
    """The project's runtime dependencies and theirs (not the test extras), each once."""
    found: dict[str, metadata.Distribution] = {}
    waiting = [project]
    while waiting:
        name = waiting.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in found:
            continue
        found[key] = dist
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                waiting.append(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0])
    return [dist for key, dist in sorted(found.items()) if key != project]


def licence_of(dist: metadata.Distribution) -> str:
    """Its licence as its metadata states it (an SPDX expression, else the first line)."""
    meta = dist.metadata
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    first = (meta.get("License") or "").strip().splitlines()
    return first[0] if first else "see its licence files"


def write_notices(folder: Path) -> Path:
    """Write LICENSES/<name>/... and versions.txt into ``folder``; returns it."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "LICENSES").mkdir(parents=True)
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"
    lines = [f"Python {sys.version.split()[0]}: PSF-2.0; licence text: "
             + ("LICENSES/Python/" if python.is_file() else "https://docs.python.org/3/license.html")]
    if python.is_file():
        (folder / "LICENSES" / "Python").mkdir()
        shutil.copyfile(python, folder / "LICENSES" / "Python" / "LICENSE.txt")
    for dist in runtime():
        name = dist.metadata["Name"]
        files = [f for f in dist.files or [] if LICENCE_FILE.match(f.name)]
        for file in files:
            target = folder / "LICENSES" / name / file.name
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(Path(str(dist.locate_file(file))), target)
        shipped = f"LICENSES/{name}/" if files else "the LGPL and GPL texts in LICENSES/ (QT-NOTICE.md)"
        lines.append(f"{name} {dist.version}: {licence_of(dist)}; licence text: {shipped}")
    (folder / "versions.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
