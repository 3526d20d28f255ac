"""The signed-in person as the rest of the app sees it, and the rules for user names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dermcharge.security.errors import AccessDenied
from dermcharge.security.roles import Action, Role, may, refusal

USERNAME_PATTERN = re.compile(r"^[\w.@-]{2,60}$")  # \w includes accented letters
LOCAL_ADMIN_PREFIX = "os:"  # the CLI's local-admin mode acts as "os:<login name>"


@dataclass(frozen=True)
class User:
    id: int  # 0 for the CLI's local administrator (not a database account)
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool = True

    def may(self, action: Action) -> bool:
        return self.active and may(self.roles, action)

    def require(self, action: Action) -> None:
        if not self.may(action):
            raise AccessDenied(f"{refusal(action)} ({self.username} may not)")

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.username})" if self.display_name else self.username


def local_admin(os_login: str) -> User:
    """The CLI's local mode: whoever holds the workstation account that can read the database
    file (or the PostgreSQL credentials) could read every record with sqlite3 or psql anyway, so
    the CLI grants that account every role rather than pretend otherwise; its actions are
    audited as "os:<login>"."""
    name = LOCAL_ADMIN_PREFIX + (os_login or "unknown")
    return User(0, name, "local administrator", frozenset(Role))


def normal_username(text: str) -> str:
    return text.strip().casefold()


def username_problems(text: str) -> list[str]:
    name = normal_username(text)
    if not USERNAME_PATTERN.fullmatch(name):
        return [
            f"username: {text!r} must be 2 to 60 letters, digits or . _ - @ (no spaces nor colons)"
        ]
    return []


def display_name_problems(text: str) -> list[str]:
    if len(text) > 200:
        return ["display name: at most 200 characters"]
    if any(ord(ch) < 32 for ch in text):
        return ["display name: no control characters"]
    return []
