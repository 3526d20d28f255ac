"""User accounts and security settings in the database; every change lands in the audit log.

The repository stores what the services decided (names already checked, passwords already
hashed). Audit entries never carry a password hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermcharge.storage.audit_log import add_audited, append_audit
from dermcharge.storage.errors import InvalidRecord, NotFound
from dermcharge.storage.user_models import SettingRow, UserRow


@dataclass(frozen=True)
class UserAccount:
    id: int
    username: str
    display_name: str
    roles: str  # "provider admin"
    active: bool
    created_at: datetime
    created_by: str
    password_changed_at: datetime
    password_hash: str  # for verification only; never shown nor logged


def _account(row: UserRow) -> UserAccount:
    return UserAccount(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        roles=row.roles,
        active=row.active,
        created_at=row.created_at,
        created_by=row.created_by,
        password_changed_at=row.password_changed_at,
        password_hash=row.password_hash,
    )


def _public(row: UserRow) -> dict[str, Any]:
    return {
        "username": row.username,
        "display_name": row.display_name,
        "roles": row.roles,
        "active": row.active,
    }


def count_users(session: Session, *, active_only: bool = False) -> int:
    query = select(func.count()).select_from(UserRow)
    if active_only:
        query = query.where(UserRow.active.is_(True))
    return int(session.scalar(query) or 0)


def list_users(session: Session) -> list[UserAccount]:
    return [_account(row) for row in session.scalars(select(UserRow).order_by(UserRow.username))]


def find_user(session: Session, username: str) -> UserAccount | None:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    return _account(row) if row is not None else None


def _row(session: Session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    if row is None:
        raise NotFound(f"there is no user {username!r}")
    return row


def add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    roles: str,
    password_hash: str,
    actor: str,
    at: datetime,
) -> int:
    if find_user(session, username) is not None:
        raise InvalidRecord([f"username: {username!r} is taken; choose another"])
    row = UserRow(
        username=username,
        display_name=display_name,
        roles=roles,
        password_hash=password_hash,
        active=True,
        created_at=at,
        created_by=actor,
        password_changed_at=at,
    )
    after = _public(row)
    return add_audited(session, row, "user", after=after, actor=actor, at=at, entity_id=username)


def set_password_hash(
    session: Session, username: str, password_hash: str, *, actor: str, at: datetime
) -> None:
    row = _row(session, username)
    row.password_hash = password_hash
    row.password_changed_at = at
    append_audit(
        session,
        at=at,
        actor=actor,
        action="change_password",
        entity="user",
        entity_id=username,
        before=None,
        after=None,
    )


def update_user(
    session: Session,
    username: str,
    *,
    actor: str,
    at: datetime,
    active: bool | None = None,
    roles: str | None = None,
    display_name: str | None = None,
) -> UserAccount:
    row = _row(session, username)
    before = _public(row)
    if active is not None:
        row.active = active
    if roles is not None:
        row.roles = roles
    if display_name is not None:
        row.display_name = display_name
    after = _public(row)
    if after != before:
        action = "disable" if before["active"] and not after["active"] else "update"
        append_audit(
            session,
            at=at,
            actor=actor,
            action=action,
            entity="user",
            entity_id=username,
            before=before,
            after=after,
        )
    session.flush()
    return _account(row)


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(SettingRow, key)
    return row.value if row is not None else None


def put_setting(session: Session, key: str, value: str, *, actor: str, at: datetime) -> None:
    row = session.get(SettingRow, key)
    before = {key: row.value} if row is not None else None
    if row is None:
        session.add(SettingRow(key=key, value=value, updated_at=at, updated_by=actor))
    else:
        row.value, row.updated_at, row.updated_by = value, at, actor
    append_audit(
        session,
        at=at,
        actor=actor,
        action="change_setting",
        entity="setting",
        entity_id=key,
        before=before,
        after={key: value},
    )
