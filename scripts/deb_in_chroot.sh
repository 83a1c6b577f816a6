#!/usr/bin/env bash
# The .deb of `make deb` on a machine that has never seen the program: a fresh Debian 12
# (bookworm, debootstrap's minbase) in a chroot. apt installs it with what its Depends bring,
# the program runs there with no display (check, search, a PDF), and apt removes it leaving no
# file of it behind. Needs root, debootstrap and Debian's mirror.
#   bash scripts/deb_in_chroot.sh [DEB] [CHROOT]      (make deb-in-chroot)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
deb="$(realpath "${1:-$(ls "$here"/dist/combo-viewer_*.deb | tail -1)}")"
root="${2:-/tmp/combo-viewer-bookworm}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
say() { printf '== %s\n' "$*"; }

if [ ! -x "$root/usr/bin/apt-get" ]; then
    say "a fresh Debian 12 in $root (debootstrap minbase)"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
fi
mount -t proc proc "$root/proc"
trap 'umount "$root/proc"' EXIT
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
name="$(basename "$deb")"
cp "$deb" "$root/tmp/$name"
in_root apt-get update -qq
say "apt install ./$name"
before="$(in_root dpkg-query -W -f '${Package}\n' | sort)"
in_root apt-get install -y -qq "/tmp/$name" >/dev/null
added="$(comm -13 <(echo "$before") <(in_root dpkg-query -W -f '${Package}\n' | sort) | grep -vx combo-viewer | wc -l)"
say "installed, with $added packages its Depends brought"
say "combo-viewer --version: $(in_root combo-viewer-cli --version)"
say "combo-viewer check: $(in_root combo-viewer-cli check | tail -1)"
say "combo-viewer search: $(in_root combo-viewer-cli search 'sertraline tramadol' --limit 1 | head -1)"
in_root env QT_QPA_PLATFORM=offscreen combo-viewer-cli print "apixaban aspirin" --pdf /tmp/apixaban.pdf
[ -s "$root/tmp/apixaban.pdf" ] || { echo "no PDF was written in the chroot" >&2; exit 1; }
files="$(in_root dpkg -L combo-viewer | grep -v '^/\.$')"
say "apt remove --purge combo-viewer"
in_root apt-get remove --purge -y -qq combo-viewer >/dev/null
left=0
while read -r path; do
    if [ -e "$root$path" ] && [ ! -d "$root$path" ]; then echo "left behind: $path" >&2; left=$((left + 1)); fi
done <<< "$files"
[ -e "$root/opt/combo-viewer" ] && { echo "left behind: /opt/combo-viewer" >&2; left=$((left + 1)); }
[ "$left" -eq 0 ] || exit 1
say "removed: none of its $(echo "$files" | wc -l) files is left"
