"""services.output_files: whole-or-nothing private writes that never replace the database."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from dermcharge.app_dirs import data_dir
from dermcharge.services.output_files import (
    OutputRefused,
    sqlite_database_path,
    write_output_file,
)


def _database(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "clinic.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    return path, f"sqlite:///{path}"


def test_a_new_file_is_written_whole_and_private(tmp_path: Path) -> None:
    _, url = _database(tmp_path)
    target = tmp_path / "out.pdf"
    assert write_output_file(target, b"%PDF-1.7 data", database_url=url) == target
    assert target.read_bytes() == b"%PDF-1.7 data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    _, url = _database(tmp_path)
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(OutputRefused, match="already exists"):
        write_output_file(target, b"new", database_url=url)
    assert target.read_bytes() == b"old"
    write_output_file(target, b"new", force=True, database_url=url)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_companions_are_refused_even_with_force(
    tmp_path: Path, suffix: str
) -> None:
    live, url = _database(tmp_path)
    target = live.with_name(live.name + suffix)
    if not target.exists():
        target.write_bytes(b"companion")
    before = target.read_bytes()
    with pytest.raises(OutputRefused) as refused:
        write_output_file(target, b"%PDF", force=True, database_url=url)
    assert str(target) in str(refused.value) and "database" in str(refused.value)
    assert target.read_bytes() == before


def test_a_symlink_or_hard_link_to_the_database_is_refused(tmp_path: Path) -> None:
    live, url = _database(tmp_path)
    (tmp_path / "alias.pdf").symlink_to(live)
    os.link(live, tmp_path / "hard.pdf")
    for name in ("alias.pdf", "hard.pdf"):
        with pytest.raises(OutputRefused, match="open database"):
            write_output_file(tmp_path / name, b"%PDF", force=True, database_url=url)
    assert live.read_bytes().startswith(b"SQLite format 3")


def test_an_encrypted_database_url_is_understood(tmp_path: Path) -> None:
    live = tmp_path / "clinic.sqlite"
    live.write_bytes(os.urandom(4096))
    url = f"sqlite+pysqlcipher://:pass%2Fword@/{live}"
    assert sqlite_database_path(url) == live
    with pytest.raises(OutputRefused, match="open database"):
        write_output_file(live, b"%PDF", force=True, database_url=url)


@pytest.mark.parametrize(
    "name",
    [
        "clinic.before-restore-20261120T101010.sqlite",
        "clinic.unreadable-20261120T101010.sqlite",
        "clinic.sqlite.restore-check",
        "clinic.sqlite.plaintext-before-encryption",
    ],
)
def test_copies_dermcharge_keeps_of_the_database_are_refused(tmp_path: Path, name: str) -> None:
    _, url = _database(tmp_path)
    target = tmp_path / name
    target.write_bytes(b"copy")
    with pytest.raises(OutputRefused, match="copy of the database"):
        write_output_file(target, b"x", force=True, database_url=url)
    assert target.read_bytes() == b"copy"


def test_any_backup_file_is_refused_by_its_contents(tmp_path: Path) -> None:
    _, url = _database(tmp_path)
    sqlite_backup, pg_backup = tmp_path / "nightly.backup", tmp_path / "nightly.pgdump"
    with sqlite3.connect(sqlite_backup) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    pg_backup.write_bytes(b"PGDMP\x01\x0e\x00rest")
    for target in (sqlite_backup, pg_backup):
        with pytest.raises(OutputRefused, match="backup"):
            write_output_file(target, b"x", force=True, database_url=url)
    backups = data_dir() / "backups"
    backups.mkdir(exist_ok=True)
    with pytest.raises(OutputRefused, match="backup folder"):
        write_output_file(backups / "new.pdf", b"x", database_url=url)


def test_the_default_database_is_protected_when_no_url_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, _ = _database(tmp_path)
    monkeypatch.setenv("DERMCHARGE_DB", str(live))
    with pytest.raises(OutputRefused, match="open database"):
        write_output_file(live, b"%PDF", force=True)


def test_a_missing_folder_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    _, url = _database(tmp_path)
    with pytest.raises(OutputRefused, match="does not exist"):
        write_output_file(tmp_path / "no" / "out.pdf", b"x", database_url=url)
