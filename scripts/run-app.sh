#!/usr/bin/env bash
# Set up (first run) and start the dermcharge desktop app on a local SQLite database.
# A new database gets the demo practice (3 providers, 200 patients, a month of visits).
#   scripts/run-app.sh [--db URL]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export DERMCHARGE_DB="${DERMCHARGE_DB:-}"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run-app: no display found; starting the app on a virtual screen (Xvfb) is possible with" >&2
    echo "         xvfb-run -a scripts/run-app.sh" >&2
fi
.venv/bin/dermcharge demo --if-empty "$@" >/dev/null || true
exec .venv/bin/dermcharge gui "$@"
