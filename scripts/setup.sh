#!/usr/bin/env bash
# Set up dermcharge on Debian 12: system libraries (as root, or through sudo), a virtual
# environment at .venv with the app and its test tools, and the shipped code-set index.
#
#   scripts/setup.sh            # app + test tools (.venv)
#   scripts/setup.sh --core     # also .venv-core: the pure core without Qt/SQLAlchemy/ReportLab
#
# Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "setup: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        log "needs root for: $* (run as root or install sudo)"; exit 1; fi
}

# Qt offscreen, Qt under Xvfb (screenshots), pdftoppm (looking at superbills), fonts.
DEBS=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
      xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
      poppler-utils fonts-dejavu-core python3-venv)
missing=()
for deb in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    log "dermcharge needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)"
    exit 1
fi

make_venv() {  # make_venv DIR EXTRAS
    local dir="$1" extras="$2"
    if [ ! -x "$dir/bin/python" ]; then
        log "creating $dir"
        "$PYTHON" -m venv "$dir"
    fi
    "$dir/bin/python" -m pip install -q --upgrade pip >/dev/null
    log "installing dermcharge[$extras] into $dir"
    "$dir/bin/python" -m pip install -q -e ".[$extras]"
}

make_venv .venv dev
if [ "${1:-}" = "--core" ]; then
    make_venv .venv-core core-test
fi

# The FY2026 ICD-10-CM index ships in resources/; rebuild it only if it is missing.
if [ ! -s resources/data/icd10cm/icd10cm-fy2026.sqlite ]; then
    log "building the ICD-10-CM FY2026 index"
    .venv/bin/python scripts/build_icd_index.py
fi
log "ready"
