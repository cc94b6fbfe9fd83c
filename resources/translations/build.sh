#!/usr/bin/env bash
# Compile the translation sources (.ts) into the .qm files the app loads; only those whose .ts
# is newer than its .qm (or with no .qm). The .qm files are build output (.gitignore).
#   bash resources/translations/build.sh [LRELEASE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lrelease=${1:-${PYSIDE6_LRELEASE:-$here/../../.venv/bin/pyside6-lrelease}}
for ts in "$here"/*.ts; do
  qm=${ts%.ts}.qm
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$lrelease" -silent "$ts" -qm "$qm"
  fi
done
