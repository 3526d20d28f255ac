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
# The demo takes only --db; the app takes the rest too (e.g. --exit-when-ready for a smoke test).
demo_args=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--db" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
        demo_args=(--db "${args[$((i + 1))]}")
    fi
done
.venv/bin/dermcharge demo --if-empty "${demo_args[@]}" >/dev/null || true
exec .venv/bin/dermcharge gui "$@"
