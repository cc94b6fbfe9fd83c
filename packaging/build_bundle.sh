#!/usr/bin/env bash
# Build the one-folder bundle packaging/dist/adiz-viewer/ with PyInstaller, then smoke-test it.
#   bash packaging/build_bundle.sh            build (+ smoke test)
#   bash packaging/build_bundle.sh --no-test  build only
# Uses the repository's .venv (bash run.sh creates it) and installs PyInstaller into it when
# missing. The bundle runs on Linux systems with a glibc at least as new as the build machine's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
py=${ADIZ_PYTHON:-$repo/.venv/bin/python}
[ -x "$py" ] || { echo "build_bundle.sh: no $py; run 'bash run.sh' once first (it creates .venv)" >&2; exit 1; }

if ! "$py" -c 'import PyInstaller, sys; sys.exit(tuple(map(int, PyInstaller.__version__.split(".")[:2])) < (6, 10))' 2>/dev/null; then
  echo "build_bundle.sh: installing PyInstaller into the venv" >&2
  log=$(dirname "$py")/../pip-pyinstaller.log
  "$py" -m pip install 'pyinstaller>=6.10' >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; echo "build_bundle.sh: could not install PyInstaller ($log)" >&2; exit 1; }
fi

start=$(date +%s)
cd "$repo"
# The interface translations (.qm, build output) go into the bundle with resources/.
bash "$repo/resources/translations/build.sh" "$(dirname "$py")/pyside6-lrelease"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$here/dist" --workpath "$here/build" "$here/adiz-viewer.spec"
bundle="$here/dist/adiz-viewer"
echo "build_bundle.sh: built $bundle in $(( $(date +%s) - start )) s, $(du -sh "$bundle" | cut -f1)" >&2

[ "${1:-}" = "--no-test" ] && exit 0
out=$(mktemp --suffix=.png)
trap 'rm -f "$out"' EXIT
# Smoke test with no Python around: an empty environment apart from the display platform.
env -i HOME="$HOME" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$bundle/adiz-viewer" render --out "$out" --size 640x400
"$py" - "$out" <<'PY'
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
assert not image.isNull() and (image.width(), image.height()) == (640, 400), image.size()
colours = {image.pixel(x, y) for x in range(0, 640, 7) for y in range(0, 400, 7)}
assert len(colours) > 10, f"the rendered PNG is nearly one colour ({len(colours)} colours)"
print(f"build_bundle.sh: smoke test passed ({len(colours)} colours in the render)", file=sys.stderr)
PY
