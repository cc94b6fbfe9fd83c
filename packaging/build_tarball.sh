#!/usr/bin/env bash
# Pack the Linux bundle as one download: packaging/dist/adiz-viewer-VERSION-linux-ARCH.tar.gz
#   bash packaging/build_tarball.sh       (builds the bundle first when packaging/dist/adiz-viewer
#                                          is missing: build_bundle.sh)
# No registry package (PyPI, Debian) provides appimagetool or an AppImage runtime (the PyPI tools
# that make AppImages download both from GitHub at build time), so the single-file download is a
# .tar.gz. Unpacked, it holds:
#   adiz-viewer/adiz-viewer          the program (./adiz-viewer, ./adiz-viewer render ..., --version)
#   adiz-viewer/adiz-viewer.desktop  the menu entry (Exec=adiz-viewer: install-user.sh fills the path)
#   adiz-viewer/install-user.sh      writes the launcher script ~/.local/bin/adiz-viewer, the menu
#                                    entry, the icons and the briefing file type; uninstall-user.sh
#   adiz-viewer/LICENSE, NOTICE, LICENSES/, README.txt, _internal/ (Python, Qt, data)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
dist=$here/dist
bundle=$dist/adiz-viewer
[ -x "$bundle/adiz-viewer" ] || bash "$here/build_bundle.sh" --no-test

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$repo/viewer/__init__.py")
[ -n "$version" ] || { echo "build_tarball.sh: no __version__ in viewer/__init__.py" >&2; exit 1; }
name=adiz-viewer-$version-linux-$(uname -m)
cp "$here/adiz-viewer.desktop" "$bundle/adiz-viewer.desktop"
cat > "$bundle/README.txt" <<EOF
ADIZ Viewer $version for Linux ($(uname -m)); no Python needed.

  ./adiz-viewer                 open the app (on the default briefing)
  ./adiz-viewer FILE...         open track files or a briefing
  ./adiz-viewer render --help   render a map or a video without a display
  ./install-user.sh             add it to your desktop menu (launcher ~/.local/bin/adiz-viewer,
                                menu entry, icons, briefing file type); ./uninstall-user.sh
                                removes them

Needs a glibc at least as new as the build machine's ($(ldd --version | head -n 1 | awk '{print $NF}')), X11 or Wayland,
and a CJK font (e.g. fonts-noto-cjk) for Chinese and Japanese names. Licences: LICENSE, NOTICE.
EOF
start=$(date +%s)
tar -C "$dist" --owner=0 --group=0 -czf "$dist/$name.tar.gz" adiz-viewer
echo "build_tarball.sh: wrote $dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1), $(( $(date +%s) - start )) s)" >&2
