"""`-o` of superbill and visits export: never over an existing file without --force, never over
the database even with it (issue 13: `superbill --visit 1 -o x.sqlite` turned it into a PDF)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from dermcharge.cli.main import main
from tests.storage.test_cli_commands import TODAY, _import


@pytest.fixture
def sqlite_db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "x.sqlite"
    return path, f"sqlite:///{path}"


def _commands(visit_id: int, output: Path) -> list[list[str]]:
    return [
        ["superbill", "--visit", str(visit_id), "-o", str(output)],
        ["visits", "export", "--date", TODAY.isoformat(), "--format", "csv", "-o", str(output)],
        ["visits", "export", "--date", TODAY.isoformat(), "-o", str(output)],
    ]


@pytest.mark.parametrize("which", [0, 1, 2])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_is_never_an_output_even_with_force(
    sqlite_db: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    which: int,
    suffix: str,
) -> None:
    live, url = sqlite_db
    visit_id = _import(url, tmp_path, capsys)
    target = live.with_name(live.name + suffix)
    if not target.exists():
        target.write_bytes(b"")
    before = target.read_bytes()
    for force in ([], ["--force"]):
        assert main([*_commands(visit_id, target)[which], "--db", url, *force]) == 2
        err = capsys.readouterr().err
        assert str(target) in err and "database" in err and "Traceback" not in err
    # SQLite itself removes an empty -wal/-shm when the last connection closes; nothing else may.
    assert not target.exists() if suffix else target.read_bytes() == before
    assert before == b"" or suffix == ""
    assert live.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize("which", [0, 1, 2])
def test_an_existing_output_needs_force(
    sqlite_db: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], which: int
) -> None:
    _, url = sqlite_db
    visit_id = _import(url, tmp_path, capsys)
    target = tmp_path / "report.out"
    target.write_bytes(b"keep me")
    assert main([*_commands(visit_id, target)[which], "--db", url]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == b"keep me"
    assert main([*_commands(visit_id, target)[which], "--db", url, "--force"]) == 0
    assert target.read_bytes() != b"keep me"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
