"""Accounts on SQLite and PostgreSQL: first admin, add, sign in, passwords, disable, lockout."""

from __future__ import annotations

import pytest

from dermcharge.security.accounts import local_admin
from dermcharge.security.errors import AccessDenied, InvalidAccount, LoginFailed
from dermcharge.security.roles import Action, Role
from dermcharge.services import audit_view, users
from dermcharge.storage.database import Database

PASSWORD = "correct horse battery"


@pytest.fixture
def admin(db: Database) -> users.User:
    return users.create_first_admin(db, "Admin", "Office Admin", PASSWORD)


def test_first_run_creates_the_admin_once(db: Database) -> None:
    assert not users.users_exist(db)
    with pytest.raises(InvalidAccount, match="first user must be an admin"):
        users.create_first_admin(db, "kim", "Kim", PASSWORD, roles="provider")
    admin = users.create_first_admin(db, "Admin", "Office Admin", PASSWORD)
    assert admin.username == "admin" and admin.roles == {Role.ADMIN}
    assert users.users_exist(db)
    with pytest.raises(AccessDenied, match="users exist already"):
        users.create_first_admin(db, "other", "Other", PASSWORD)


def test_an_admin_adds_a_user_who_can_sign_in(db: Database, admin: users.User) -> None:
    added = users.add_user(
        db,
        username="Dr.Nguyễn",
        display_name="Dr Nguyễn",
        roles="provider",
        password=PASSWORD,
        by=admin,
    )
    assert added.username == "dr.nguyễn"
    signed_in = users.verify_login(db, " DR.NGUYỄN ", PASSWORD)
    assert signed_in.may(Action.SIGN) and not signed_in.may(Action.MANAGE_USERS)
    assert [u.username for u in users.list_users(db, by=admin)] == ["admin", "dr.nguyễn"]


def test_only_an_admin_manages_users(db: Database, admin: users.User) -> None:
    ma = users.add_user(
        db, username="ma", display_name="MA", roles="medical_assistant", password=PASSWORD, by=admin
    )
    with pytest.raises(AccessDenied, match="Only an admin may manage users"):
        users.add_user(db, username="x2", display_name="", roles="admin", password=PASSWORD, by=ma)
    with pytest.raises(AccessDenied):
        users.disable_user(db, "admin", by=ma)
    with pytest.raises(AccessDenied):
        users.list_users(db, by=ma)


def test_bad_account_details_are_all_named_and_nothing_is_stored(
    db: Database, admin: users.User
) -> None:
    with pytest.raises(InvalidAccount) as refused:
        users.add_user(
            db, username="a b", display_name="", roles="nurse", password="short", by=admin
        )
    assert len(refused.value.problems) == 3
    with pytest.raises(InvalidAccount, match="is taken"):
        users.add_user(
            db, username="ADMIN", display_name="", roles="biller", password=PASSWORD, by=admin
        )
    assert len(users.list_users(db, by=admin)) == 1


def test_wrong_password_unknown_user_and_disabled_account_are_refused(
    db: Database, admin: users.User
) -> None:
    users.add_user(
        db, username="bill", display_name="Bill", roles="biller", password=PASSWORD, by=admin
    )
    with pytest.raises(LoginFailed, match="unknown user name or wrong password"):
        users.verify_login(db, "bill", "wrong password")
    with pytest.raises(LoginFailed, match="unknown user name or wrong password"):
        users.verify_login(db, "nobody", PASSWORD)
    users.disable_user(db, "bill", by=admin)
    with pytest.raises(LoginFailed, match="disabled"):
        users.verify_login(db, "bill", PASSWORD)
    users.enable_user(db, "bill", by=admin)
    assert users.verify_login(db, "bill", PASSWORD).username == "bill"


def test_repeated_wrong_passwords_lock_the_account_for_a_while(
    db: Database, admin: users.User
) -> None:
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(LoginFailed, match="wrong password"):
            users.verify_login(db, "admin", "guess guess")
    with pytest.raises(LoginFailed, match="too many wrong passwords"):
        users.verify_login(db, "admin", PASSWORD)


def test_the_last_admin_cannot_be_disabled_or_demoted(db: Database, admin: users.User) -> None:
    with pytest.raises(InvalidAccount, match="last active admin"):
        users.disable_user(db, "admin", by=admin)
    with pytest.raises(InvalidAccount, match="last active admin"):
        users.set_roles(db, "admin", "provider", by=admin)
    users.add_user(
        db, username="admin2", display_name="", roles="admin provider", password=PASSWORD, by=admin
    )
    assert users.set_roles(db, "admin", "provider", by=admin).roles == {Role.PROVIDER}


def test_changing_a_password(db: Database, admin: users.User) -> None:
    kim = users.add_user(
        db, username="kim", display_name="Kim", roles="provider", password=PASSWORD, by=admin
    )
    with pytest.raises(LoginFailed, match="current password is wrong"):
        users.change_password(db, "kim", "a new passphrase", by=kim, old_password="nope nope")
    users.change_password(db, "kim", "a new passphrase", by=kim, old_password=PASSWORD)
    assert users.verify_login(db, "kim", "a new passphrase").username == "kim"
    users.change_password(db, "kim", "admin reset it", by=admin)  # no old password needed
    with pytest.raises(LoginFailed):
        users.verify_login(db, "kim", "a new passphrase")
    with pytest.raises(AccessDenied):
        users.change_password(db, "admin", "hijacked password", by=kim)


def test_account_changes_and_sign_ins_are_audited_without_hashes(
    db: Database, admin: users.User
) -> None:
    users.add_user(
        db, username="kim", display_name="Kim", roles="provider", password=PASSWORD, by=admin
    )
    users.change_password(db, "kim", "another passphrase", by=admin)
    with pytest.raises(LoginFailed):
        users.verify_login(db, "kim", PASSWORD)
    entries = audit_view.recent_audit(db, by=admin, entity="user")
    assert [(e.action, e.actor, e.entity_id) for e in reversed(entries)] == [
        ("create", "admin", "admin"),
        ("create", "admin", "kim"),
        ("change_password", "admin", "kim"),
        ("login_failed", "kim", "kim"),
    ]
    assert "argon2" not in repr(entries)


def test_the_idle_lock_setting(db: Database, admin: users.User) -> None:
    assert users.idle_minutes(db) == 10
    users.set_idle_minutes(db, 3, by=admin)
    assert users.idle_minutes(db) == 3
    with pytest.raises(InvalidAccount, match="between 1 and 240"):
        users.set_idle_minutes(db, 0, by=admin)
    assistant = users.add_user(
        db, username="ma", display_name="", roles="medical_assistant", password=PASSWORD, by=admin
    )
    with pytest.raises(AccessDenied, match="Only an admin may change security settings"):
        users.set_idle_minutes(db, 5, by=assistant)
    users.set_idle_minutes(db, 7, by=local_admin("alice"))
    assert users.idle_minutes(db) == 7
