#!/usr/bin/env bash
# Remove what install-user.sh installed (same XDG_DATA_HOME and ADIZ_BIN_DIR).
set -euo pipefail
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${ADIZ_BIN_DIR:-$HOME/.local/bin}
SIZES=(16 32 48 64 128 256 512)

rm -f "$bin/adiz-viewer" "$data/applications/adiz-viewer.desktop" \
  "$data/icons/hicolor/scalable/apps/adiz-viewer.svg" "$data/mime/packages/adiz-viewer.xml"
for size in "${SIZES[@]}"; do
  rm -f "$data/icons/hicolor/${size}x${size}/apps/adiz-viewer.png"
done

if [ -d "$data/mime/packages" ] && command -v update-mime-database >/dev/null; then
  update-mime-database "$data/mime" || true
fi
# What update-mime-database generated for the briefing type, in case it is not installed.
rm -f "$data/mime/application/x-adiz-briefing.xml"
if [ -d "$data/applications" ] && command -v update-desktop-database >/dev/null; then
  update-desktop-database "$data/applications" || true
fi
if [ -d "$data/icons/hicolor" ] && command -v gtk-update-icon-cache >/dev/null; then
  gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
fi
echo "removed ADIZ Viewer from the desktop menu"
