#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle (packaging/dermcharge.spec) into dist/dermcharge and
# smoke-test it: the desktop program starts offscreen, the console program codes a case and
# prints a superbill. Prints the bundle's size and the build time.
#   scripts/build-bundle.sh [PYTHON]      (default: .venv/bin/python; needs pip install pyinstaller)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
work="${DERMCHARGE_BUNDLE_WORK:-build/bundle}"
dist="${DERMCHARGE_BUNDLE_DIST:-dist}"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$work" --distpath "$dist" packaging/dermcharge.spec
seconds=$(( $(date +%s) - start ))
bundle="$(cd "$dist/dermcharge" && pwd)"
echo "bundle: $bundle, $(du -sh "$bundle" | cut -f1), built in ${seconds}s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/case.json" <<'JSON'
{"date_of_service": "2026-11-20", "payer": "medicare",
 "em": {"code": "99213", "diagnoses": [{"finding": "rosacea"}]},
 "procedures": [{"kind": "destruction_premalignant", "site": "cheek", "laterality": "left",
                 "count": 3, "finding": "actinic_keratosis"}]}
JSON
export DERMCHARGE_DATA_DIR="$scratch/data" QT_QPA_PLATFORM=offscreen
unset DERMCHARGE_DB PYTHONPATH
(cd "$scratch" && "$bundle/dermcharge-cli" code case.json > coded.json)
grep -q '"17000"' "$scratch/coded.json"
(cd "$scratch" && "$bundle/dermcharge-cli" superbill case.json -o superbill.pdf)
head -c 4 "$scratch/superbill.pdf" | grep -q '%PDF'
(cd "$scratch" && "$bundle/dermcharge" --exit-when-ready) | grep -q "dermcharge gui: interactive"
echo "bundle ok: codes a case, prints a superbill, the app starts"
