#!/usr/bin/env bash
# Install ADIZ Viewer into the user's desktop menu (no root): a launcher, the .desktop entry, the
# icon in every hicolor size, and the briefing file type. Undo with uninstall-user.sh.
#
#   packaging/install-user.sh [--venv | --bundle]   from a checkout: the launcher runs the
#                                                   checkout's .venv (default) or the bundle
#                                                   built by build_bundle.sh (packaging/dist/)
#   ./install-user.sh                               from an unpacked bundle: runs that bundle
#
# Honours XDG_DATA_HOME (default ~/.local/share) and ADIZ_BIN_DIR for the launcher
# (default ~/.local/bin).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${ADIZ_BIN_DIR:-$HOME/.local/bin}
SIZES=(16 32 48 64 128 256 512)

if [ -x "$here/adiz-viewer" ] && [ -d "$here/_internal" ]; then
  root=$here/_internal  # inside a bundle: data files sit in _internal/, as in an installed package
  target=$here/adiz-viewer
  icons=$root/viewer/_data/resources/icons
else
  root=$(cd "$here/.." && pwd)
  case "${1:---venv}" in
    --venv)
      target=$root/.venv/bin/adiz-viewer
      [ -x "$target" ] || { echo "install-user.sh: no $target; run 'bash run.sh' once first (it creates .venv)" >&2; exit 1; } ;;
    --bundle)
      target=$root/packaging/dist/adiz-viewer/adiz-viewer
      [ -x "$target" ] || { echo "install-user.sh: no $target; run packaging/build_bundle.sh first" >&2; exit 1; } ;;
    *) echo "usage: install-user.sh [--venv | --bundle]" >&2; exit 2 ;;
  esac
  icons=$root/resources/icons
fi

mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
cat > "$bin/adiz-viewer" <<LAUNCH
#!/usr/bin/env bash
# ADIZ Viewer launcher written by install-user.sh; removed by uninstall-user.sh.
exec "$target" "\$@"
LAUNCH
chmod +x "$bin/adiz-viewer"
sed "s|^Exec=adiz-viewer|Exec=$bin/adiz-viewer|" "$root/packaging/adiz-viewer.desktop" \
  > "$data/applications/adiz-viewer.desktop"
cp "$icons/adiz-viewer.svg" "$data/icons/hicolor/scalable/apps/adiz-viewer.svg"
for size in "${SIZES[@]}"; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$icons/adiz-viewer-$size.png" "$data/icons/hicolor/${size}x${size}/apps/adiz-viewer.png"
done
cp "$root/packaging/adiz-viewer-mime.xml" "$data/mime/packages/adiz-viewer.xml"

# Refresh the desktop's caches when the tools are there (they are optional).
if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime" || true; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database "$data/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null; then gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true; fi
echo "installed: $data/applications/adiz-viewer.desktop, launcher $bin/adiz-viewer -> $target"
