"""Starting on a database encrypted with a passphrase: asked until it opens, Cancel quits."""

from __future__ import annotations

import pytest

from dermcharge.gui.passphrase_prompt import open_asking_passphrase
from dermcharge.security.accounts import local_admin
from dermcharge.services import encryption
from dermcharge.services.database import open_app_database

pytestmark = pytest.mark.skipif(
    not encryption.sqlcipher_available(), reason="sqlcipher3 is not installed"
)
PASSPHRASE = "four words of passphrase"


@pytest.fixture
def encrypted_url(tmp_path, monkeypatch):
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(encryption, "stored_key", lambda _path: None)  # no keyring entry
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    open_app_database(url).dispose()
    encryption.encrypt_database(url, by=local_admin("t"), passphrase=PASSPHRASE)
    return url


def test_a_wrong_passphrase_asks_again_and_the_right_one_opens(encrypted_url):
    answers = iter(["wrong passphrase", PASSPHRASE])
    asked = []

    def ask(message):
        asked.append(message)
        return next(answers)

    db = open_asking_passphrase(encrypted_url, ask)
    assert db is not None
    db.dispose()
    assert "is encrypted" in asked[0] and "does not open" in asked[1]


def test_cancel_opens_nothing(encrypted_url):
    assert open_asking_passphrase(encrypted_url, lambda _m: None) is None


def test_a_plain_database_opens_without_asking(tmp_path):
    url = f"sqlite:///{tmp_path / 'plain.sqlite'}"
    db = open_asking_passphrase(url, lambda _m: pytest.fail("asked for a passphrase"))
    assert db is not None
    db.dispose()
