#!/usr/bin/env bash
# Installs the desktop entry, icons and AppStream metainfo for this user (no root needed), so
# the program is in the applications menu and opens .md files: `make install-desktop`.
# PROGRAM (default: combo-viewer on PATH, else this checkout's .venv) is written into Exec=.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
program="${PROGRAM:-$(command -v combo-viewer || echo "$here/.venv/bin/combo-viewer")}"
mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
sed "s|^Exec=combo-viewer |Exec=$program |" "$here/resources/desktop/combo-viewer.desktop" > "$data/applications/combo-viewer.desktop"
cp "$here/resources/desktop/combo-viewer.metainfo.xml" "$data/metainfo/combo-viewer.metainfo.xml"
cp "$here/resources/icons/combo-viewer.svg" "$data/icons/hicolor/scalable/apps/combo-viewer.svg"
for size in 16 32 48 64 128 256; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$here/resources/icons/combo-viewer-$size.png" "$data/icons/hicolor/${size}x${size}/apps/combo-viewer.png"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "Installed $data/applications/combo-viewer.desktop (Exec=$program %f)"
