"""Without the sqlcipher3 package, encryption says so clearly and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermcharge.security.accounts import local_admin
from dermcharge.services import encryption
from dermcharge.storage import encryption as storage_encryption
from dermcharge.storage.database import open_database


def test_a_missing_sqlcipher_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plain.sqlite"
    open_database(f"sqlite:///{path}").dispose()
    before = path.read_bytes()

    def missing() -> None:
        raise storage_encryption.EncryptionUnavailable()

    monkeypatch.setattr(storage_encryption, "_sqlcipher", missing)
    monkeypatch.setattr(encryption, "sqlcipher_available", lambda: False)
    with pytest.raises(
        storage_encryption.EncryptionUnavailable, match="pip install 'sqlcipher3-binary'"
    ):
        encryption.encrypt_database(
            f"sqlite:///{path}", by=local_admin("x"), passphrase="long enough passphrase"
        )
    assert path.read_bytes() == before
    with pytest.raises(storage_encryption.EncryptionUnavailable):
        storage_encryption.encrypt_in_place(path, "long enough passphrase")
