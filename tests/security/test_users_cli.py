"""`dermcharge users ...` in-process: local-admin mode, signed-in mode, clear refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dermcharge.cli.main import main

PASSWORD = "correct horse battery"


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    for name in ("DERMCHARGE_DB", "DERMCHARGE_USER", "DERMCHARGE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def run(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(args)


def test_local_admin_mode_adds_the_first_admin_and_more_users(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, ["--db", db_url, "users", "list"]) == 0
    assert "no accounts yet" in capsys.readouterr().out
    add = ["--db", db_url, "users", "add", "boss", "--password-stdin", "--roles"]
    assert run(monkeypatch, [*add, "provider"], PASSWORD + "\n") == 2
    assert "the first user must be an admin" in capsys.readouterr().err
    assert run(monkeypatch, [*add, "admin,provider", "--name", "Dr Bóss"], PASSWORD + "\n") == 0
    add_ma = ["--db", db_url, "users", "add", "ma1", "--roles", "ma", "--password-stdin"]
    assert run(monkeypatch, add_ma, PASSWORD + "\n") == 0
    capsys.readouterr()
    assert run(monkeypatch, ["--db", db_url, "users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["username"], u["roles"]) for u in listed] == [
        ("boss", ["provider", "admin"]),
        ("ma1", ["medical_assistant"]),
    ]


def test_credentials_in_the_environment_sign_in_and_hold_to_roles(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["--db", db_url, "users", "add", "--password-stdin"]
    assert run(monkeypatch, [*add, "boss", "--roles", "admin"], PASSWORD + "\n") == 0
    assert run(monkeypatch, [*add, "ma1", "--roles", "ma"], PASSWORD + "\n") == 0
    monkeypatch.setenv("DERMCHARGE_USER", "ma1")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert run(monkeypatch, ["--db", db_url, "users", "list"]) == 1
    assert "Only an admin may manage users" in capsys.readouterr().err
    monkeypatch.setenv("DERMCHARGE_PASSWORD", "wrong password")
    assert run(monkeypatch, ["--db", db_url, "users", "disable", "boss"]) == 1
    assert "wrong password" in capsys.readouterr().err
    monkeypatch.setenv("DERMCHARGE_USER", "boss")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert run(monkeypatch, ["--db", db_url, "users", "disable", "ma1"]) == 0
    assert "ma1: medical_assistant (disabled)" in capsys.readouterr().out


def test_a_password_without_a_user_is_refused(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DERMCHARGE_PASSWORD", PASSWORD)
    assert run(monkeypatch, ["--db", db_url, "users", "list"]) == 1
    assert "DERMCHARGE_USER is not" in capsys.readouterr().err


def test_passwords_never_come_from_arguments_and_need_a_terminal_or_stdin(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, ["--db", db_url, "users", "add", "x1", "--roles", "admin"]) == 2
    assert "--password-stdin" in capsys.readouterr().err
    add = ["--db", db_url, "users", "add", "x1", "--roles", "admin", "--password-stdin"]
    assert run(monkeypatch, add, "") == 2
    assert run(monkeypatch, add, "short\n") == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_passwd_and_idle_lock(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["--db", db_url, "users", "add", "boss", "--roles", "admin", "--password-stdin"]
    assert run(monkeypatch, add, PASSWORD + "\n") == 0
    passwd = ["--db", db_url, "users", "passwd", "BOSS", "--password-stdin"]
    assert run(monkeypatch, passwd, "a brand new one\n") == 0
    monkeypatch.setenv("DERMCHARGE_USER", "boss")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", "a brand new one")
    assert run(monkeypatch, ["--db", db_url, "users", "idle-lock", "4"]) == 0
    assert "after 4 idle minutes" in capsys.readouterr().out
    assert run(monkeypatch, ["--db", db_url, "users", "idle-lock", "9999"]) == 2
    assert "between 1 and 240" in capsys.readouterr().err
