"""User accounts: first-run admin, sign-in, adding and disabling users, passwords, idle lock.

Each call is one transaction. Changes to accounts need a `by` user allowed to manage users
(the CLI's local administrator counts, see SECURITY.md) and are written to the audit log.
Sign-ins, good and bad, are audited too; after MAX_FAILURES bad passwords in LOCKOUT_WINDOW an
account refuses sign-in until the window has passed.
"""

from __future__ import annotations

from datetime import timedelta

from dermcharge.domain.npi import npi_problem
from dermcharge.security.accounts import (
    User,
    display_name_problems,
    normal_username,
    username_problems,
)
from dermcharge.security.errors import AccessDenied, InvalidAccount, LoginFailed
from dermcharge.security.idle_lock import IDLE_SETTING, idle_minutes_problems, parse_idle_minutes
from dermcharge.security.passwords import (
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from dermcharge.security.roles import Action, Role, parse_roles, roles_text
from dermcharge.storage import audit_queries, provider_roster, user_repository
from dermcharge.storage.audit_log import append_audit
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord, NotFound
from dermcharge.storage.user_repository import UserAccount

MAX_FAILURES = 5
LOCKOUT_WINDOW = timedelta(minutes=15)

__all__ = ["MAX_FAILURES", "User"]


def _user(account: UserAccount) -> User:
    return User(
        account.id,
        account.username,
        account.display_name,
        parse_roles(account.roles),
        account.active,
    )


def users_exist(db: Database) -> bool:
    with db.read() as session:
        return user_repository.count_users(session) > 0


def list_users(db: Database, *, by: User) -> list[User]:
    by.require(Action.MANAGE_USERS)
    with db.read() as session:
        return [_user(account) for account in user_repository.list_users(session)]


def _check_new_account(
    username: str, display_name: str, roles: object, password: str, provider_npi: str | None
) -> tuple[str, frozenset[Role]]:
    problems = username_problems(username) + display_name_problems(display_name)
    problems += password_problems(password) + _provider_npi_problems(provider_npi)
    parsed: frozenset[Role] = frozenset()
    try:
        parsed = parse_roles(roles)  # type: ignore[arg-type]
    except (ValueError, TypeError) as error:
        problems.append(f"roles: {error}")
    if problems:
        raise InvalidAccount(problems)
    return normal_username(username), parsed


def _provider_npi_problems(provider_npi: str | None) -> list[str]:
    if provider_npi is None or (problem := npi_problem(provider_npi)) is None:
        return []
    return [f"npi: {problem}"]


def create_first_admin(
    db: Database,
    username: str,
    display_name: str,
    password: str,
    roles: object = "admin",
    *,
    provider_npi: str | None = None,
) -> User:
    """The first account, on a database with none; it must hold the admin role. With
    `provider_npi` it is the account that signs for that provider."""
    name, parsed = _check_new_account(username, display_name, roles, password, provider_npi)
    if Role.ADMIN not in parsed:
        raise InvalidAccount(["roles: the first user must be an admin"])
    password_hash = hash_password(password)
    with db.write() as session:
        if user_repository.count_users(session) > 0:
            raise AccessDenied("users exist already; an admin adds the next one")
        user_repository.add_user(
            session,
            username=name,
            display_name=display_name.strip(),
            roles=roles_text(parsed),
            password_hash=password_hash,
            actor=name,
            at=db.clock(),
        )
        if provider_npi is not None:
            provider_roster.link_account_to_npi(
                session,
                name,
                provider_npi,
                actor=name,
                at=db.clock(),
                name_if_new=display_name.strip() or name,
            )
        account = user_repository.find_user(session, name)
    assert account is not None
    return _user(account)


def add_user(
    db: Database,
    *,
    username: str,
    display_name: str,
    roles: object,
    password: str,
    by: User,
    provider_npi: str | None = None,
) -> User:
    """A new account; with `provider_npi` it is the account that signs for that provider
    (users.provider_id); a provider not yet on file is added under the display name."""
    by.require(Action.MANAGE_USERS)
    name, parsed = _check_new_account(username, display_name, roles, password, provider_npi)
    password_hash = hash_password(password)
    with db.write() as session:
        try:
            user_repository.add_user(
                session,
                username=name,
                display_name=display_name.strip(),
                roles=roles_text(parsed),
                password_hash=password_hash,
                actor=by.username,
                at=db.clock(),
            )
        except InvalidRecord as taken:
            raise InvalidAccount(taken.problems) from None
        if provider_npi is not None:
            provider_roster.link_account_to_npi(
                session,
                name,
                provider_npi,
                actor=by.username,
                at=db.clock(),
                name_if_new=display_name.strip() or name,
            )
        account = user_repository.find_user(session, name)
    assert account is not None
    return _user(account)


def verify_login(db: Database, username: str, password: str) -> User:
    """The user, when the name and password match an active account; else LoginFailed."""
    name = normal_username(username)
    with db.read() as session:
        account = user_repository.find_user(session, name) if name else None
        since = db.clock() - LOCKOUT_WINDOW
        failures = audit_queries.count_since(
            session, action="login_failed", entity="user", entity_id=name, since=since
        )
    if failures >= MAX_FAILURES:
        _audit_sign_in(db, name, "login_refused")
        minutes = int(LOCKOUT_WINDOW.total_seconds() // 60)
        raise LoginFailed(
            f"too many wrong passwords for {name!r}; try again in {minutes} minutes or ask an "
            f"admin to reset the password"
        )
    # An unknown name costs the same hashing work as a known one: timing tells no names apart.
    stored_hash = account.password_hash if account is not None else _decoy_hash()
    if not verify_password(stored_hash, password) or account is None:
        _audit_sign_in(db, name or "?", "login_failed")
        raise LoginFailed()
    if not account.active:
        _audit_sign_in(db, name, "login_refused")
        raise LoginFailed(f"the account {name!r} is disabled; ask an admin")
    _audit_sign_in(db, name, "login")
    if needs_rehash(account.password_hash):  # stronger defaults since the hash was made
        with db.write() as session:
            user_repository.set_password_hash(
                session, name, hash_password(password), actor=name, at=db.clock()
            )
    return _user(account)


_DECOY: list[str] = []


def _decoy_hash() -> str:
    if not _DECOY:
        _DECOY.append(hash_password("decoy password that matches no account"))
    return _DECOY[0]


def _audit_sign_in(db: Database, username: str, action: str) -> None:
    with db.write() as session:
        append_audit(
            session,
            at=db.clock(),
            actor=username[:100],
            action=action,
            entity="user",
            entity_id=username[:40],
            before=None,
            after=None,
        )


def change_password(
    db: Database, username: str, new_password: str, *, by: User, old_password: str | None = None
) -> None:
    """Your own password (with the old one), or anyone's when `by` may manage users."""
    name = normal_username(username)
    own = by.username == name
    if not own:
        by.require(Action.MANAGE_USERS)
    if problems := password_problems(new_password):
        raise InvalidAccount(problems)
    with db.read() as session:
        account = user_repository.find_user(session, name)
    if account is None:
        raise InvalidAccount([f"username: there is no user {name!r}"])
    needs_old = own and not by.may(Action.MANAGE_USERS)
    if needs_old and (
        old_password is None or not verify_password(account.password_hash, old_password)
    ):
        raise LoginFailed("the current password is wrong; the password was not changed")
    new_hash = hash_password(new_password)
    with db.write() as session:
        user_repository.set_password_hash(session, name, new_hash, actor=by.username, at=db.clock())


def _ensure_an_admin_remains(db: Database, changing: str, *, stays_admin: bool) -> None:
    if stays_admin:
        return
    with db.read() as session:
        admins = [
            a
            for a in user_repository.list_users(session)
            if a.active and Role.ADMIN.value in a.roles.split() and a.username != changing
        ]
    if not admins:
        raise InvalidAccount([f"{changing!r} is the last active admin; add another admin first"])


def disable_user(db: Database, username: str, *, by: User) -> User:
    by.require(Action.MANAGE_USERS)
    name = normal_username(username)
    _ensure_an_admin_remains(db, name, stays_admin=False)
    with db.write() as session:
        try:
            account = user_repository.update_user(
                session, name, active=False, actor=by.username, at=db.clock()
            )
        except NotFound:
            raise InvalidAccount([f"username: there is no user {name!r}"]) from None
    return _user(account)


def enable_user(db: Database, username: str, *, by: User) -> User:
    by.require(Action.MANAGE_USERS)
    with db.write() as session:
        try:
            account = user_repository.update_user(
                session, normal_username(username), active=True, actor=by.username, at=db.clock()
            )
        except NotFound:
            raise InvalidAccount([f"username: there is no user {username!r}"]) from None
    return _user(account)


def set_roles(db: Database, username: str, roles: object, *, by: User) -> User:
    by.require(Action.MANAGE_USERS)
    name = normal_username(username)
    try:
        parsed = parse_roles(roles)  # type: ignore[arg-type]
    except (ValueError, TypeError) as error:
        raise InvalidAccount([f"roles: {error}"]) from None
    _ensure_an_admin_remains(db, name, stays_admin=Role.ADMIN in parsed)
    with db.write() as session:
        try:
            account = user_repository.update_user(
                session, name, roles=roles_text(parsed), actor=by.username, at=db.clock()
            )
        except NotFound:
            raise InvalidAccount([f"username: there is no user {name!r}"]) from None
    return _user(account)


def idle_minutes(db: Database) -> int:
    with db.read() as session:
        return parse_idle_minutes(user_repository.get_setting(session, IDLE_SETTING))


def set_idle_minutes(db: Database, minutes: int, *, by: User) -> None:
    by.require(Action.MANAGE_SETTINGS)
    if problems := idle_minutes_problems(minutes):
        raise InvalidAccount(problems)
    with db.write() as session:
        user_repository.put_setting(
            session, IDLE_SETTING, str(minutes), actor=by.username, at=db.clock()
        )
