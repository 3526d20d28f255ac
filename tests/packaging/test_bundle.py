"""The PyInstaller bundle builds and works: scripts/build-bundle.sh builds packaging/
dermcharge.spec, then its console program codes a case and prints a superbill and its desktop
program starts offscreen. Skipped only where the bundler is not installed
(`pip install .[bundle]`); it takes minutes (about 5 on two shared cores)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
)
@pytest.mark.skipif(os.name == "nt", reason="the build script is bash; Windows runs the spec")
def test_the_bundle_builds_codes_prints_and_starts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DERMCHARGE_"))}
    env |= {
        "DERMCHARGE_BUNDLE_WORK": str(tmp_path / "work"),
        "DERMCHARGE_BUNDLE_DIST": str(tmp_path / "dist"),
    }
    done = subprocess.run(
        [str(ROOT / "scripts" / "build-bundle.sh"), sys.executable],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "bundle ok" in done.stdout
    bundle = tmp_path / "dist" / "dermcharge"
    assert (bundle / "dermcharge").is_file() and (bundle / "dermcharge-cli").is_file()
