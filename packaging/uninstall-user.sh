#!/usr/bin/env bash
# Remove what install-user.sh installed.
set -euo pipefail
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${ADIZ_BIN_DIR:-$HOME/.local/bin}
rm -f "$bin/adiz-viewer" "$data/applications/adiz-viewer.desktop" \
  "$data/icons/hicolor/scalable/apps/adiz-viewer.svg" "$data/mime/packages/adiz-viewer.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
echo "removed ADIZ Viewer from the desktop menu"
