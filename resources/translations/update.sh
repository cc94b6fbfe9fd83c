#!/usr/bin/env bash
# Re-extract the interface strings of viewer/qt and viewer/render (what the map draws) into the translation sources (.ts), keeping the
# translations already made; new strings come in as "unfinished" for a translator to fill in
# (pyside6-linguist, or any editor). tests/qt/test_translations.py fails until every message is
# translated.
#   bash resources/translations/update.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
lupdate=${PYSIDE6_LUPDATE:-$repo/.venv/bin/pyside6-lupdate}
cd "$repo"
mapfile -t sources < <(ls viewer/qt/*.py viewer/render/*.py)
for lang in zh_TW ja; do
  # No line numbers: they would change with every edit of the sources.
  "$lupdate" -silent -no-obsolete -locations none -target-language "$lang" "${sources[@]}" \
    -ts "resources/translations/adiz_viewer_$lang.ts"
done
