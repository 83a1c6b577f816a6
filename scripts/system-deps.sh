#!/usr/bin/env bash
# Debian packages the program needs beyond its wheels.
#   desktop: Qt 6's X11 platform plugin libraries, for a real window.
#   test:    those, plus Xvfb, xdotool and openbox for the end-to-end window tests, poppler-utils for PDF pages.
# Installs them when run as root with apt-get; otherwise prints the exact command.
set -euo pipefail
packages=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0)
if [ "${1:-desktop}" = test ]; then
    packages+=(xvfb xauth xdotool poppler-utils openbox)
fi
command -v dpkg-query >/dev/null 2>&1 || exit 0  # not a Debian system: nothing we can check
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "These system packages are missing: ${missing[*]}"
    echo "Install them with: sudo apt-get install ${missing[*]}"
    [ "${1:-desktop}" = test ] && exit 1 || exit 0
fi
