"""A damaged or foreign database file: a clear message, never a traceback, and a way back from a
backup that does not need the damaged file to open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dermcharge.cli.main import main


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.mark.parametrize("content", [b"patient,code\nAda,11102\n", os.urandom(5000)])
def test_a_foreign_or_damaged_file_gets_a_clear_message(
    data_dir: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    broken = data_dir / "clinic.sqlite"
    broken.write_bytes(content)
    assert main(["visits", "list", "--date", "2026-11-20", "--db", _url(broken)]) == 1
    err = capsys.readouterr().err
    assert "is not a dermcharge database" in err and "dermcharge restore" in err
    assert "Traceback" not in err
    assert broken.read_bytes() == content  # untouched


def test_restore_replaces_a_damaged_file_and_keeps_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, backup, broken = (data_dir / n for n in ("good.sqlite", "backup.sqlite", "clinic.sqlite"))
    assert main(["demo", "--db", _url(good), "--today", "2026-11-20"]) == 0
    assert main(["backup", str(backup), "--db", _url(good)]) == 0
    damage = os.urandom(8192)
    broken.write_bytes(damage)
    assert main(["restore", str(backup), "--db", _url(broken)]) == 0
    kept = [p for p in data_dir.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damage
    capsys.readouterr()
    assert main(["visits", "list", "--date", "2026-11-20", "--db", _url(broken), "--json"]) == 0
    assert '"id"' in capsys.readouterr().out


def test_the_app_says_so_instead_of_waiting_for_a_passphrase(data_dir: Path) -> None:
    broken = data_dir / "clinic.sqlite"
    broken.write_bytes(os.urandom(8192))  # looks like an encrypted file: no key anywhere
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DERMCHARGE_DB_PASSPHRASE", None)
    result = subprocess.run(
        [sys.executable, "-m", "dermcharge", "gui", "--exit-when-ready", "--db", _url(broken)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 1
    assert "encrypted" in result.stderr and "dermcharge restore" in result.stderr
    assert "Traceback" not in result.stderr
