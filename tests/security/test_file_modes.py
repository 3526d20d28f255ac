"""Files holding patient data are created 0600 and their folders 0700 (issue 13 #2): the
database and its -wal/-shm, backups, exports, restore copies, crash reports, the data folder.

Each test runs under the usual 022 umask, so it checks the explicit modes, not only the
start-up umask (which the last test checks on its own)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from dermcharge import app_dirs
from dermcharge.cli import main as cli_main
from dermcharge.services import backup, visits
from dermcharge.storage.database import open_database
from tests.storage.storage_samples import sample_record, stand_in_coder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_new_sqlite_database_and_its_wal_and_shm_are_private(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    db = open_database(f"sqlite:///{path}")
    try:
        visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
        companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
        assert all(c.exists() for c in companions)
        assert [_mode(p) for p in (path, *companions)] == [0o600] * 3
    finally:
        db.dispose()


def test_a_database_an_older_version_left_world_readable_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    open_database(f"sqlite:///{path}").dispose()
    os.chmod(path, 0o644)
    open_database(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600


def test_backups_and_the_copy_kept_by_a_restore_are_private(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    db = open_database(f"sqlite:///{path}")
    try:
        visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
        target = backup.back_up(db, tmp_path / "monday.backup")
        assert _mode(target) == 0o600
        result = backup.restore(db, target)
        assert result.safety_copy is not None and "before-restore" in result.safety_copy.name
        assert _mode(result.safety_copy) == 0o600
        assert _mode(path) == 0o600
    finally:
        db.dispose()


def test_a_database_restored_over_an_unreadable_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    db = open_database(f"sqlite:///{path}")
    target = backup.back_up(db, tmp_path / "monday.backup")
    db.dispose()
    path.unlink()
    path.write_bytes(b"garbage" * 100)
    os.chmod(path, 0o644)
    backup.restore_url(f"sqlite:///{path}", target, stamp=db.clock())
    assert path.read_bytes().startswith(b"SQLite format 3") and _mode(path) == 0o600


def test_csv_and_json_exports_are_private(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    open_database(url).dispose()
    for form in ("csv", "json"):
        out = tmp_path / f"day.{form}"
        assert cli_main.main(
            ["visits", "export", "--date", "2026-11-20", "--format", form, "-o", str(out),
             "--db", url]
        ) == 0  # fmt: skip
        assert _mode(out) == 0o600


def test_crash_reports_and_their_folder_are_private(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("O'Brien, Zoë: something broke")

    from dermcharge.cli import code_cmd

    monkeypatch.setattr(code_cmd, "register", _register_with(code_cmd.register, broken))
    assert cli_main.main(["code", "-"]) == 1
    report = Path(capsys.readouterr().err.rsplit("Details: ", 1)[1].strip())
    os.umask(0o022)
    assert report.is_file() and _mode(report) == 0o600
    assert _mode(report.parent) == 0o700


def _register_with(original: object, handler: object) -> object:
    def register(subparsers: object, common: object) -> None:
        original(subparsers, common)  # type: ignore[operator]
        subparsers.choices["code"].set_defaults(handler=handler)  # type: ignore[attr-defined]

    return register


def test_the_data_folder_is_created_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "fresh" / "dermcharge"))
    assert _mode(app_dirs.data_dir()) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(loose))
    assert _mode(app_dirs.data_dir()) == 0o700


def test_the_command_line_makes_everything_it_creates_private(tmp_path: Path) -> None:
    cli_main.main(["--help"])
    assert os.umask(0o022) == 0o077
