#!/usr/bin/env bash
# Install ADIZ Viewer into the user's desktop menu (no root): a launcher that runs this checkout's
# .venv, the .desktop entry, the icon and the briefing file type. Undo with uninstall-user.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${ADIZ_BIN_DIR:-$HOME/.local/bin}
[ -x "$here/.venv/bin/adiz-viewer" ] || { echo "run 'bash run.sh' once first (it creates .venv)" >&2; exit 1; }
mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/mime/packages"
cat > "$bin/adiz-viewer" <<LAUNCH
#!/usr/bin/env bash
exec "$here/.venv/bin/adiz-viewer" "\$@"
LAUNCH
chmod +x "$bin/adiz-viewer"
sed "s|^Exec=adiz-viewer|Exec=$bin/adiz-viewer|" "$here/packaging/adiz-viewer.desktop" \
  > "$data/applications/adiz-viewer.desktop"
cp "$here/resources/icons/adiz-viewer.svg" "$data/icons/hicolor/scalable/apps/adiz-viewer.svg"
cp "$here/packaging/adiz-viewer-mime.xml" "$data/mime/packages/adiz-viewer.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "installed: $data/applications/adiz-viewer.desktop, launcher $bin/adiz-viewer"
