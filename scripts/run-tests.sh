#!/usr/bin/env bash
# Set up and run every check and test, as CI does (.ci/run calls this script).
#   scripts/run-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "setup"
scripts/setup.sh --core

step "lint and format (ruff)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

step "types on the pure core (mypy --strict)"
.venv/bin/mypy

step "layering contracts (import-linter)"
.venv/bin/lint-imports

step "core tests without Qt, SQLAlchemy or ReportLab installed (.venv-core)"
if .venv-core/bin/python -c "import PySide6" 2>/dev/null; then
    echo "run-tests: .venv-core must not contain PySide6" >&2; exit 1
fi
# pytest-qt is absent here on purpose, so its options in pyproject.toml are unknown to pytest
# (the full run below, with pytest-qt, still warns about any option that is really unknown).
.venv-core/bin/python -m pytest tests/core -q -p no:cacheprovider \
    -W "ignore:Unknown config option:pytest.PytestConfigWarning"

step "PostgreSQL on loopback for the storage tests"
eval "$(scripts/start_test_postgres.sh)"
export DERMCHARGE_REQUIRE_PG=1

step "example coding cases (../shared/cases)"
if [ -f ../shared/tools/check_cases.py ]; then
    python3 ../shared/tools/check_cases.py ../shared/cases
else
    echo "no ../shared/cases here: skipped"
fi

step "all tests (storage on SQLite and PostgreSQL, superbill, GUI offscreen)"
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -q -p no:cacheprovider
