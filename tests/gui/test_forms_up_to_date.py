"""The generated form modules match their Qt Designer files (run scripts/compile_ui.sh if not)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "ui").glob("*.ui"))


def _uic() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside_python) if beside_python.exists() else shutil.which("pyside6-uic")
    assert found, "pyside6-uic is part of PySide6; it must be installed with the GUI"
    return found


def test_every_form_has_a_generated_module():
    generated = {p.name for p in (ROOT / "dermcharge" / "gui" / "forms").glob("ui_*.py")}
    assert {f"ui_{form.stem}.py" for form in FORMS} == generated
    assert len(FORMS) >= 3


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_generated_module_is_current(form: Path, tmp_path: Path):
    fresh = tmp_path / f"ui_{form.stem}.py"
    subprocess.run([_uic(), "--no-autoconnection", str(form), "-o", str(fresh)], check=True)
    committed = ROOT / "dermcharge" / "gui" / "forms" / f"ui_{form.stem}.py"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{committed.name} is stale: run scripts/compile_ui.sh"
    )
