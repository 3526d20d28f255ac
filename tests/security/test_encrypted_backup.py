"""Backup and restore of an SQLCipher database with its own key, end to end (issue 13 #3:
`dermcharge backup` said "file is not a database" and wrote nothing)."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.security.accounts import local_admin
from dermcharge.services import encryption, visits
from dermcharge.storage.database import open_database
from dermcharge.storage.encryption import SQLITE_HEADER, open_encrypted
from tests.storage.storage_samples import sample_record, stand_in_coder

pytestmark = pytest.mark.skipif(
    not encryption.sqlcipher_available(), reason="sqlcipher3 is not installed"
)
PASSPHRASE = "four words of passphrase"


def _tables(path: Path, key: str) -> dict[str, list[tuple[Any, ...]]]:
    connection = open_encrypted(path, key)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in names
        }
    finally:
        connection.close()


@pytest.fixture
def encrypted_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "clinic.sqlite"
    db = open_database(f"sqlite:///{path}")
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    db.dispose()
    encryption.encrypt_database(
        f"sqlite:///{path}", by=local_admin("tester"), passphrase=PASSPHRASE
    )
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    return path


def test_backup_then_restore_gives_back_every_table(
    encrypted_clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{encrypted_clinic}"
    target = tmp_path / "nightly.backup"
    assert main(["backup", str(target), "--db", url]) == 0, capsys.readouterr().err
    assert not target.read_bytes().startswith(SQLITE_HEADER)  # encrypted like the database
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    backed_up = _tables(target, PASSPHRASE)
    assert backed_up == _tables(encrypted_clinic, PASSPHRASE)
    assert len(backed_up["visits"]) == 1

    db = open_database(encryption.unlocked_url(url))
    visits.create_visit(db, sample_record(account="A-2"), actor="ma", coder=stand_in_coder)
    db.dispose()
    assert len(_tables(encrypted_clinic, PASSPHRASE)["visits"]) == 2

    assert main(["restore", str(target), "--db", url]) == 0, capsys.readouterr().err
    assert not encrypted_clinic.read_bytes().startswith(SQLITE_HEADER)
    restored = _tables(encrypted_clinic, PASSPHRASE)
    audit = restored.pop("audit_log")
    expected_audit = backed_up.pop("audit_log")
    assert restored == backed_up
    # The restored log is the backup's, plus the restore's own entries after it.
    assert audit[: len(expected_audit)] == expected_audit


def test_a_backup_under_another_key_is_refused_and_nothing_replaced(
    encrypted_clinic: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"sqlite:///{encrypted_clinic}"
    target = tmp_path / "nightly.backup"
    assert main(["backup", str(target), "--db", url]) == 0
    before = _tables(encrypted_clinic, PASSPHRASE)
    connection = open_encrypted(target, PASSPHRASE)
    connection.execute("PRAGMA rekey = 'another passphrase entirely'")
    connection.close()
    assert main(["restore", str(target), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "key" in err and "Traceback" not in err
    assert _tables(encrypted_clinic, PASSPHRASE) == before


def test_a_plain_backup_is_not_restored_into_an_encrypted_database(
    encrypted_clinic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.sqlite"
    db = open_database(f"sqlite:///{plain}")
    db.dispose()
    url = f"sqlite:///{encrypted_clinic}"
    before = _tables(encrypted_clinic, PASSPHRASE)
    assert main(["restore", str(plain), "--db", url]) == 2
    assert "not encrypted" in capsys.readouterr().err
    assert _tables(encrypted_clinic, PASSPHRASE) == before
