#!/usr/bin/env bash
# System libraries the program needs beyond its wheels, found by asking the dynamic loader about
# Qt's own files (viewer/system_libs.py), so the list is right for this machine whatever it has:
#   desktop: what Qt's X11 platform plugin needs, for a real window.
#   print:   what Qt needs to print with no screen.
#   test:    desktop and print, plus Xvfb, xdotool and openbox for the end-to-end window tests
#            and poppler-utils for reading PDF pages back (pdftoppm, pdftotext); fuse3 for a folder whose reads never return;
#            dbus-x11, at-spi2-core and python3-pyatspi for what a screen reader hears;
#            desktop-file-utils and appstream to validate the desktop entry and metainfo; groff to check the manual page;
#            zim-tools (zimcheck) and kiwix-tools (kiwix-serve) for the exported ZIM file.
#   screenshots: test, plus chromium for the exported library drawn at phone size.
# Installs what is missing when run as root with apt-get (Debian/Ubuntu); otherwise prints the
# exact command for apt-get, dnf or pacman.
set -euo pipefail
use="${1:-desktop}"
python="${PYTHON:-$(dirname "$0")/../.venv/bin/python}"
[ -x "$python" ] || python=python3
here="$(cd "$(dirname "$0")/.." && pwd)"
packages=()
for part in desktop print; do
    [ "$use" = print ] && [ "$part" = desktop ] && continue
    while read -r pkg; do [ -n "$pkg" ] && packages+=("$pkg"); done \
        < <(cd "$here" && "$python" -m viewer.system_libs "$part" || true)
done
tools=()
if [ "$use" = test ] || [ "$use" = screenshots ]; then
    for tool in zimcheck:zim-tools kiwix-serve:kiwix-tools \
                Xvfb:xvfb xauth:xauth xdotool:xdotool openbox:openbox pdftoppm:poppler-utils fusermount3:fuse3 \
                dbus-launch:dbus-x11 desktop-file-validate:desktop-file-utils appstreamcli:appstream groff:groff-base; do
        command -v "${tool%%:*}" >/dev/null 2>&1 || tools+=("${tool#*:}")
    done
    # A screen reader's view: the accessibility bus, and pyatspi for the system's Python.
    [ -x /usr/libexec/at-spi-bus-launcher ] || tools+=(at-spi2-core)
    /usr/bin/python3 -c "import pyatspi" >/dev/null 2>&1 || tools+=(python3-pyatspi)
fi
[ "$use" = screenshots ] && { command -v chromium >/dev/null 2>&1 || tools+=(chromium); }
missing=($(printf '%s\n' "${packages[@]}" "${tools[@]}" | sort -u))
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "These system packages are missing: ${missing[*]}"
    if command -v apt-get >/dev/null 2>&1; then installer="sudo apt-get install"
    elif command -v dnf >/dev/null 2>&1; then installer="sudo dnf install"
    elif command -v pacman >/dev/null 2>&1; then installer="sudo pacman -S"
    else installer="install"; fi
    echo "Install them with: $installer ${missing[*]}"
    case "$use" in test|screenshots) exit 1 ;; *) exit 0 ;; esac
fi
