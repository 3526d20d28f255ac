"""Installed like an application: the wheel built from this tree, installed into a new virtual
environment outside it, codes a case, searches ICD-10-CM, prints a superbill and starts the app.

The new environment gets the project's dependencies from the running one by a path entry (not
a site dir, so the running environment's own dermcharge — often an editable install — is never
picked up) and the wheel itself through pip with no index: no network, a few seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VISIT = {
    "date_of_service": "2026-11-20",
    "payer": "medicare",
    "em": {"code": "99213", "diagnoses": [{"finding": "rosacea"}]},
    "procedures": [
        {
            "kind": "destruction_premalignant",
            "site": "cheek",
            "laterality": "left",
            "count": 3,
            "finding": "actinic_keratosis",
        }
    ],
}
SKIPPED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench", "docs"
)


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 180) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=SKIPPED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DERMCHARGE_"))}
    _run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
         "-w", str(work / "dist"), "-q"],
        work, env,
    )  # fmt: skip
    (wheel,) = (work / "dist").glob("dermcharge-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], work, env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True, env=env,
    ).stdout.strip()  # fmt: skip
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "dermcharge_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "-q", str(wheel)],
        work, env,
    )  # fmt: skip
    env |= {
        "DERMCHARGE_DATA_DIR": str(work / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
    }
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [str(python), "-c", "import dermcharge; print(dermcharge.__file__)"], elsewhere, env
    )
    assert Path(where.strip()).is_relative_to(venv), where
    return elsewhere, env


def test_the_wheel_carries_every_resource_and_the_migrations(
    installed: tuple[Path, dict[str, str]],
) -> None:
    (wheel,) = (installed[0].parent / "dist").glob("dermcharge-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    missing = {name for name in shipped if f"dermcharge/{name}" not in names}
    assert not missing, missing
    assert "dermcharge/resources/data/icd10cm/icd10cm-fy2026.sqlite" in names
    assert "dermcharge/storage/migrations/script.py.mako" in names
    migrations = {p.name for p in (ROOT / "dermcharge/storage/migrations/versions").glob("0*.py")}
    assert {f"dermcharge/storage/migrations/versions/{m}" for m in migrations} <= names


def test_installed_cli_codes_a_case_and_prints_a_superbill(
    installed: tuple[Path, dict[str, str]],
) -> None:
    folder, env = installed
    case = folder / "case.json"
    case.write_text(json.dumps(VISIT), encoding="utf-8")
    coded = json.loads(_run(["dermcharge", "code", str(case)], folder, env))
    assert [line["cpt"] for line in coded["lines"]][:2] == ["99213", "17000"], coded["lines"]
    assert "L57.0" in _run(["dermcharge", "icd", "search", "actinic keratosis"], folder, env)
    _run(["dermcharge", "superbill", str(case), "-o", str(folder / "out.pdf")], folder, env)
    assert (folder / "out.pdf").read_bytes().startswith(b"%PDF")


def test_installed_app_starts_and_migrates_a_new_database(
    installed: tuple[Path, dict[str, str]],
) -> None:
    folder, env = installed
    out = _run(["dermcharge", "gui", "--exit-when-ready"], folder, env)
    assert "dermcharge gui: interactive" in out
    assert "No such file" not in out
