#!/usr/bin/env bash
# Installs the desktop entry, icons and AppStream metainfo for this user (no root needed), so
# the program is in the applications menu and opens .md files: `make install-desktop`; with
# `uninstall` (`make uninstall-desktop`) removes exactly those files again.
# PROGRAM (default: combo-viewer on PATH, else this checkout's .venv) is written into Exec=;
# REFRESH=no leaves the menu and icon caches alone (a package being staged: scripts/make_deb.py).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
program="${PROGRAM:-$(command -v combo-viewer || echo "$here/.venv/bin/combo-viewer")}"
# The application id (reverse DNS) is the desktop entry's file name; the metainfo and icons take it too.
desktop_file="$(ls "$here"/resources/desktop/*.desktop)"
id="$(basename "$desktop_file" .desktop)"
entry="$data/applications/$id.desktop"

files() {  # each file copied as it is: where it comes from, a tab, where it goes
    printf '%s\t%s\n' "$here/resources/desktop/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
    printf '%s\t%s\n' "$here/resources/icons/combo-viewer.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
    for size in 16 32 48 64 128 256; do
        printf '%s\t%s\n' "$here/resources/icons/combo-viewer-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
    done
}

before_the_id() {  # what 0.1.0 installed under the program's plain name: removed, or the menu shows two
    rm -f "$data/applications/combo-viewer.desktop" "$data/metainfo/combo-viewer.metainfo.xml" \
        "$data/icons/hicolor/scalable/apps/combo-viewer.svg"
    for size in 16 32 48 64 128 256; do rm -f "$data/icons/hicolor/${size}x${size}/apps/combo-viewer.png"; done
}

refresh() {
    [ "${REFRESH:-yes}" = no ] && return 0
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
        update-desktop-database "$data/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
        gtk-update-icon-cache -q "$data/icons/hicolor" || true
    fi
}

before_the_id
if [ "${1:-}" = uninstall ]; then
    rm -f "$entry"
    files | while IFS=$'\t' read -r _ target; do rm -f "$target"; done
    refresh
    echo "Removed $entry, its icons and metainfo"
    exit 0
fi
mkdir -p "$(dirname "$entry")"
sed "s|^Exec=combo-viewer |Exec=$program |" "$desktop_file" > "$entry"
files | while IFS=$'\t' read -r source target; do
    mkdir -p "$(dirname "$target")"
    cp "$source" "$target"
done
refresh
echo "Installed $entry (Exec=$program %f)"
