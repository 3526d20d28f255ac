"""Refusals from sign-in and permission checks; str() is the message to show."""

from __future__ import annotations


class SecurityError(Exception):
    pass


class LoginFailed(SecurityError):
    """Unknown user, wrong password or disabled account: one message, so names are not probed."""

    def __init__(self, message: str = "unknown user name or wrong password") -> None:
        super().__init__(message)


class AccessDenied(SecurityError):
    pass


class InvalidAccount(SecurityError):
    """A user name, role or password that may not be used; nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))
