#!/bin/sh
# Regenerate dermcharge/gui/forms/ui_*.py from the Qt Designer files in ui/ (run after editing one).
# The generated modules are committed; tests/gui/test_forms_up_to_date.py checks they match.
set -eu
cd "$(dirname "$0")/.."
UIC="${PYSIDE6_UIC:-.venv/bin/pyside6-uic}"
[ -x "$UIC" ] || UIC=pyside6-uic
for form in ui/*.ui; do
    name=$(basename "$form" .ui)
    out="dermcharge/gui/forms/ui_${name}.py"
    # --no-autoconnection: slots are connected by name in code, never by QMetaObject magic.
    "$UIC" --no-autoconnection "$form" -o "$out"
    echo "$form -> $out"
done
