"""SQLCipher at rest: in-place encryption that keeps the data and never half-finishes, keys from
a passphrase or a (fake, in-memory) OS keyring, and the CLI command."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from dermcharge.cli.main import main
from dermcharge.security.accounts import local_admin
from dermcharge.security.errors import AccessDenied
from dermcharge.services import audit_view, encryption, users, visits
from dermcharge.storage.database import open_database
from dermcharge.storage.encryption import SQLITE_HEADER, EncryptionFailed
from dermcharge.storage.errors import DatabaseUnavailable
from tests.storage.storage_samples import DOS, sample_record, stand_in_coder

pytestmark = pytest.mark.skipif(
    not encryption.sqlcipher_available(), reason="sqlcipher3 is not installed"
)
ADMIN = local_admin("tester")
PASSPHRASE = "four words of passphrase"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(previous)


@pytest.fixture
def clinic_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    path = tmp_path / "clinic.sqlite"
    db = open_database(f"sqlite:///{path}")
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    ready = visits.mark_ready(db, stored.id, expected_version=stored.version, actor="ma")
    visits.sign(db, ready.id, expected_version=ready.version, actor="doc")
    db.dispose()
    return path


def _signed_visits(url: str) -> list[str]:
    db = open_database(url)
    try:
        return [str(v.status) for v in visits.list_visits(db, DOS)]
    finally:
        db.dispose()


def test_keyring_mode_encrypts_in_place_and_reopens_with_the_stored_key(
    clinic_file: Path, memory_keyring: MemoryKeyring
) -> None:
    url = f"sqlite:///{clinic_file}"
    result = encryption.encrypt_database(url, by=ADMIN, use_keyring=True)
    assert result.rows > 0
    assert clinic_file.read_bytes()[:16] != SQLITE_HEADER
    assert b"O'Brien" not in clinic_file.read_bytes()  # no patient name in the clear
    assert sorted(p.name for p in clinic_file.parent.glob("clinic.sqlite*")) == ["clinic.sqlite"]
    assert encryption.is_encrypted(url)
    with pytest.raises(DatabaseUnavailable, match="file is not a database"):
        open_database(url)
    assert _signed_visits(encryption.unlocked_url(url)) == ["signed"]
    db = open_database(encryption.unlocked_url(url))
    try:
        [entry] = audit_view.recent_audit(db, by=ADMIN, entity="database")
    finally:
        db.dispose()
    assert (entry.action, entry.actor, entry.after) == (
        "encrypt",
        "os:tester",
        {"key": "os keyring"},
    )
    [(_, stored_for)] = memory_keyring.secrets
    assert stored_for == str(clinic_file.resolve())


def test_passphrase_mode_needs_the_passphrase_each_time(
    clinic_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{clinic_file}"
    encryption.encrypt_database(url, by=ADMIN, passphrase=PASSPHRASE)
    monkeypatch.setattr(encryption, "stored_key", lambda _path: None)
    with pytest.raises(encryption.NeedsPassphrase, match="DERMCHARGE_DB_PASSPHRASE"):
        encryption.unlocked_url(url)
    with pytest.raises(DatabaseUnavailable):
        open_database(encryption.unlocked_url(url, "the wrong passphrase"))
    assert _signed_visits(encryption.unlocked_url(url, PASSPHRASE)) == ["signed"]
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    assert _signed_visits(encryption.unlocked_url(url)) == ["signed"]


def test_a_failure_before_the_swap_leaves_the_plain_database_untouched(
    clinic_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = clinic_file.read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("dermcharge.storage.encryption.os.replace", refuse)
    with pytest.raises(EncryptionFailed, match="not encrypted and is unchanged: disk full"):
        encryption.encrypt_database(f"sqlite:///{clinic_file}", by=ADMIN, passphrase=PASSPHRASE)
    monkeypatch.undo()
    assert clinic_file.read_bytes()[:16] == SQLITE_HEADER
    assert not (clinic_file.parent / "clinic.sqlite.encrypting").exists()
    assert _signed_visits(f"sqlite:///{clinic_file}") == ["signed"]
    assert len(before) > 0


def test_refusals(clinic_file: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{clinic_file}"
    biller = users.User(5, "bill", "Bill", frozenset({users.Role.BILLER}))
    with pytest.raises(AccessDenied, match="Only an admin may change security settings"):
        encryption.encrypt_database(url, by=biller, passphrase=PASSPHRASE)
    with pytest.raises(EncryptionFailed, match="at least 8 characters"):
        encryption.encrypt_database(url, by=ADMIN, passphrase="short")
    with pytest.raises(EncryptionFailed, match="either a passphrase or the OS keyring"):
        encryption.encrypt_database(url, by=ADMIN)
    with pytest.raises(EncryptionFailed, match="PostgreSQL server"):
        encryption.encrypt_database(
            "postgresql+psycopg://u:p@h/db", by=ADMIN, passphrase=PASSPHRASE
        )
    (tmp_path / "clinic.sqlite.encrypting").write_bytes(b"left over")
    with pytest.raises(EncryptionFailed, match="earlier attempt"):
        encryption.encrypt_database(url, by=ADMIN, passphrase=PASSPHRASE)
    os.remove(tmp_path / "clinic.sqlite.encrypting")
    encryption.encrypt_database(url, by=ADMIN, passphrase=PASSPHRASE)
    with pytest.raises(EncryptionFailed, match="not a plain SQLite database"):
        encryption.encrypt_database(url, by=ADMIN, passphrase=PASSPHRASE)


def test_the_cli_command(
    clinic_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    for name in ("DERMCHARGE_USER", "DERMCHARGE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{clinic_file}"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["--db", url, "users", "encrypt-database", "--passphrase-stdin"]) == 0
    assert "encrypted" in capsys.readouterr().out
    assert main(["--db", url, "users", "encrypt-database", "--keyring"]) == 2
    assert "encrypted already" in capsys.readouterr().err
    assert _signed_visits(encryption.unlocked_url(url, PASSPHRASE)) == ["signed"]
