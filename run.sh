#!/usr/bin/env bash
# ADIZ Viewer: set up what is missing, then run the app or the tests.
#   bash run.sh [FILE...]     open the app (on the bundled default briefing when no file is given)
#   bash run.sh test [ARGS]   run the lint checks and the test suite (ARGS go to pytest)
# Installs, when missing: Debian/Ubuntu packages for Qt (with sudo when not root), a virtual
# environment in .venv and the Python packages of pyproject.toml; compiles the translations.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1
  fontconfig fonts-noto-cjk fonts-dejavu-core
  xvfb xauth xdotool
  desktop-file-utils unzip
  postgresql postgis postgresql-postgis
)

log() { printf 'run.sh: %s\n' "$*" >&2; }
PIP_LOG=.venv/pip-install.log

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { log "not a Debian/Ubuntu system: install the Qt runtime libraries (EGL, xkbcommon-x11, xcb-cursor), fontconfig and CJK fonts yourself"; return 0; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo="sudo"
  fi
  log "installing system packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

pick_python() {
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  log "Python 3.11 or newer is needed (Debian 12+, Ubuntu 24.04+ ship it)"; exit 1
}

ensure_venv() {
  local py stamp want
  py=$(pick_python)
  if [ ! -x .venv/bin/python ]; then
    log "creating the virtual environment .venv with $py"
    "$py" -m venv .venv
  fi
  stamp=.venv/.adiz-installed
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages into .venv (first run takes a few minutes)"
    # pip's and the build backend's chatter goes to the log; it is shown only when pip fails.
    if ! { .venv/bin/python -m pip install --upgrade pip \
           && .venv/bin/python -m pip install -e ".[test]"; } >"$PIP_LOG" 2>&1; then
      tail -n 30 "$PIP_LOG" >&2
      log "the Python packages did not install (the whole of pip's output: $PIP_LOG)"; exit 1
    fi
    .venv/bin/python -c "import viewer, PySide6, geopandas" || { log "the Python packages did not install"; exit 1; }
    echo "$want" > "$stamp"
  fi
}

build_translations() {
  # The interface languages: compile each resources/translations/*.ts newer than its .qm.
  bash resources/translations/build.sh .venv/bin/pyside6-lrelease \
    || log "could not compile the translations (pyside6-lrelease): the interface stays in English"
}

install_system_packages
ensure_venv
build_translations

if [ "${1:-}" = "test" ]; then
  shift
  export QT_QPA_PLATFORM=offscreen
  export ADIZ_REQUIRE_POSTGRES=1  # PostgreSQL and PostGIS are installed above: their tests must run
  log "ruff"; .venv/bin/ruff check .
  log "ruff format"; .venv/bin/ruff format --check . >/dev/null || { .venv/bin/ruff format --check .; exit 1; }
  log "import contracts (the core never imports Qt)"; .venv/bin/lint-imports
  log "mypy"; .venv/bin/mypy
  log "pytest"; exec .venv/bin/python -m pytest "$@"
fi
exec .venv/bin/adiz-viewer "$@"
