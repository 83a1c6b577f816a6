"""Installed from a wheel, the program still finds its bundled pages and styles."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import REPO
from viewer.paths import DESKTOP_ID

FIND = "from viewer.paths import bundled_dir; print(bundled_dir('content')); print(bundled_dir('resources'))"


def test_a_wheel_carries_content_and_resources_and_finds_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("combo_viewer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "viewer/_resources/style.qss" in names and "viewer/_resources/themes.toml" in names
    assert any(n.startswith("viewer/_content/") and n.endswith(".md") for n in names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    found = subprocess.run([sys.executable, "-c", FIND], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                           capture_output=True, text=True, check=True).stdout.split()
    assert found == [str(target / "viewer" / "_content"), str(target / "viewer" / "_resources")]


def test_the_wheel_installed_in_a_fresh_virtualenv_checks_searches_and_prints(tmp_path):
    """Built, installed into a new virtualenv outside the checkout, and run as a user would. The
    new environment finds its dependencies through the test environment's site-packages (a .pth
    file), so no download is needed; the program itself comes only from the wheel."""
    import os
    import sysconfig

    import pypdf

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("combo_viewer-*.whl")
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = sysconfig.get_path("purelib")
    (Path(purelib) / "test-deps.pth").write_text(ours + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    program = venv / "bin" / "combo-viewer"
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COMBO_VIEWER_CONTENT")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), COMBO_VIEWER_CACHE=str(tmp_path / "cache"))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *args], cwd=away, env=env, capture_output=True, text=True, timeout=300)

    located = subprocess.run([str(python), "-c", "import viewer; print(viewer.__file__)"], cwd=away, env=env,
                             capture_output=True, text=True, check=True).stdout
    assert located.startswith(purelib) and str(REPO) not in located  # the wheel's copy, not the checkout
    checked = run("check")
    assert checked.returncode == 0 and " 0 errors, 0 warnings" in checked.stdout
    found = run("search", "warfarin, ibuprofen, omeprazole")
    assert found.returncode == 0 and "[MAJOR] Warfarin + Ibuprofen" in found.stdout
    printed = run("print", "oxycodone alprazolam", "--pdf", str(away / "out.pdf"))
    assert printed.returncode == 0, printed.stderr
    first = " ".join(pypdf.PdfReader(away / "out.pdf").pages[0].extract_text().split())
    assert "Oxycodone + Alprazolam" in first and "MAJOR" in first


def test_install_desktop_puts_an_entry_icons_and_metainfo_in_the_users_data_folder(tmp_path):
    data = tmp_path / "share"
    out = subprocess.run(["bash", str(REPO / "scripts" / "install-desktop.sh")], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data),
                              "PROGRAM": "/opt/combo/bin/combo-viewer"})
    desktop = (data / "applications" / f"{DESKTOP_ID}.desktop").read_text()
    assert "Exec=/opt/combo/bin/combo-viewer %f" in desktop and f"Icon={DESKTOP_ID}\n" in desktop
    assert "MimeType=text/markdown;" in desktop and "Installed" in out.stdout
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_ID}.png").is_file()
    assert f"<id>{DESKTOP_ID}</id>" in (data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").read_text()
    (data / "applications" / "someone-else.desktop").write_text("[Desktop Entry]\n")  # not ours: it stays
    out = subprocess.run(["bash", str(REPO / "scripts" / "install-desktop.sh"), "uninstall"], capture_output=True,
                         text=True, check=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)})
    left = sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file() and "cache" not in p.name)
    assert left == ["applications/someone-else.desktop"], left


def test_an_entry_installed_before_the_application_id_is_replaced_not_doubled(tmp_path):
    """0.1.0 installed combo-viewer.desktop: after installing this one the menu lists the program once."""
    data = tmp_path / "share"
    old = [data / "applications" / "combo-viewer.desktop", data / "metainfo" / "combo-viewer.metainfo.xml",
           data / "icons" / "hicolor" / "48x48" / "apps" / "combo-viewer.png"]
    for path in old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("before")
    subprocess.run(["bash", str(REPO / "scripts" / "install-desktop.sh")], capture_output=True, text=True, check=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)})
    assert sorted((data / "applications").glob("*.desktop")) == [data / "applications" / f"{DESKTOP_ID}.desktop"]
    assert not any(path.exists() for path in old)


def test_one_application_id_names_the_entry_the_metainfo_and_the_icon_and_validates_pedantically():
    """A reverse-DNS id, as software centres and Wayland expect, the same in every file that says it."""
    import shutil

    folder = REPO / "resources" / "desktop"
    assert sorted(p.name for p in folder.iterdir()) == [f"{DESKTOP_ID}.desktop", f"{DESKTOP_ID}.metainfo.xml"]
    metainfo = (folder / f"{DESKTOP_ID}.metainfo.xml").read_text()
    assert f"<id>{DESKTOP_ID}</id>" in metainfo and f">{DESKTOP_ID}.desktop</launchable>" in metainfo
    assert f"Icon={DESKTOP_ID}\n" in (folder / f"{DESKTOP_ID}.desktop").read_text()
    validate = shutil.which("appstreamcli")
    assert validate, "appstreamcli is missing: 'make test' installs appstream (scripts/system-deps.sh test)"
    done = subprocess.run([validate, "validate", "--pedantic", "--no-net", str(folder / f"{DESKTOP_ID}.metainfo.xml")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "✔ Validation was successful.", done.stdout + done.stderr


def test_the_desktop_entry_passes_desktop_file_validate_with_no_hint():
    """One main category (the menu lists the program once), every key as the specification says."""
    import shutil

    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: 'make test' installs desktop-file-utils (scripts/system-deps.sh test)"
    done = subprocess.run([validate, str(REPO / "resources" / "desktop" / f"{DESKTOP_ID}.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_the_manual_page_says_what_help_says_and_man_renders_it_without_a_warning():
    import os
    import shutil

    page = subprocess.run([sys.executable, str(REPO / "scripts" / "man_page.py")], capture_output=True, text=True,
                          check=True).stdout
    groff = shutil.which("groff")
    assert groff, "groff is missing (man-db brings it)"
    checked = subprocess.run([groff, "-man", "-ww", "-z"], input=page, capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    for argv in ([], ["check"], ["search"], ["print"], ["export"]):
        shown = subprocess.run([sys.executable, "-m", "viewer", *argv, "--help"], capture_output=True, text=True,
                               env={**os.environ, "COLUMNS": "80"}, cwd=REPO).stdout
        missing = [line for line in shown.splitlines() if line.strip() and line.replace("\\", "\\e") not in page]
        assert shown and missing == [], f"combo-viewer {' '.join(argv)} --help says what the page does not: {missing}"
