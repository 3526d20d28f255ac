"""Roles and what each may do: the one table every check (GUI, CLI, services) asks.

The split follows the issue's division of work in a dermatology office: the medical assistant
captures and hands a visit to the provider, the provider signs, the biller reviews, prints and
exports, and the admin manages accounts and settings. A person who does two jobs holds two roles
(a solo physician is often `provider` and `admin`); permissions are the union of the roles held.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    PROVIDER = "provider"
    MEDICAL_ASSISTANT = "medical_assistant"
    BILLER = "biller"
    ADMIN = "admin"


class Action(StrEnum):
    VIEW_RECORDS = "view_records"  # open a patient's visits
    CAPTURE = "capture"  # create, edit and import visits
    MARK_READY = "mark_ready"
    SIGN = "sign"
    AMEND = "amend"
    PRINT_EXPORT = "print_export"  # superbills, billing exports, marking billed
    DECIDE_FINDINGS = "decide_findings"  # acknowledge or override a claim-check finding
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"  # idle lock, encryption, backups
    VIEW_AUDIT = "view_audit"


ROLE_WORDS = {
    Role.PROVIDER: "provider",
    Role.MEDICAL_ASSISTANT: "medical assistant",
    Role.BILLER: "biller",
    Role.ADMIN: "admin",
}

ACTION_WORDS = {
    Action.VIEW_RECORDS: "open patient records",
    Action.CAPTURE: "capture visits",
    Action.MARK_READY: "mark a visit ready for review",
    Action.SIGN: "sign a visit",
    Action.AMEND: "amend a signed visit",
    Action.PRINT_EXPORT: "print or export superbills",
    Action.DECIDE_FINDINGS: "acknowledge or override claim findings",
    Action.MANAGE_USERS: "manage users",
    Action.MANAGE_SETTINGS: "change security settings",
    Action.VIEW_AUDIT: "view the audit log",
}

# Each role's permissions. The admin holds no clinical permission: HIPAA's minimum-necessary
# standard keeps account management apart from patient data unless the person also holds a
# clinical role.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.PROVIDER: frozenset(
        {
            Action.VIEW_RECORDS,
            Action.CAPTURE,
            Action.MARK_READY,
            Action.SIGN,
            Action.AMEND,
            Action.PRINT_EXPORT,
            Action.DECIDE_FINDINGS,
        }
    ),
    Role.MEDICAL_ASSISTANT: frozenset({Action.VIEW_RECORDS, Action.CAPTURE, Action.MARK_READY}),
    Role.BILLER: frozenset({Action.VIEW_RECORDS, Action.PRINT_EXPORT, Action.DECIDE_FINDINGS}),
    Role.ADMIN: frozenset({Action.MANAGE_USERS, Action.MANAGE_SETTINGS, Action.VIEW_AUDIT}),
}


def may(roles: Iterable[Role], action: Action) -> bool:
    """Whether someone holding `roles` may do `action`."""
    return any(action in PERMISSIONS[role] for role in roles)


def roles_that_may(action: Action) -> tuple[Role, ...]:
    return tuple(role for role in Role if action in PERMISSIONS[role])


def refusal(action: Action) -> str:
    """Why an action is unavailable, for a tooltip or an error: "Only a provider may sign a visit"."""
    allowed = [ROLE_WORDS[role] for role in roles_that_may(action)]
    who = allowed[0] if len(allowed) == 1 else ", ".join(allowed[:-1]) + " or " + allowed[-1]
    article = "an" if who[0] in "aeiou" else "a"
    return f"Only {article} {who} may {ACTION_WORDS[action]}"


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    """Roles from "provider,admin" (or a list); raises ValueError naming an unknown role."""
    words = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    roles = set()
    for word in words:
        normal = word.strip().lower().replace("-", "_").replace(" ", "_")
        if normal in ("ma", "assistant"):
            normal = Role.MEDICAL_ASSISTANT.value
        try:
            roles.add(Role(normal))
        except ValueError:
            known = ", ".join(role.value for role in Role)
            raise ValueError(f"{word!r} is not a role (known roles: {known})") from None
    if not roles:
        raise ValueError("give at least one role")
    return frozenset(roles)


def roles_text(roles: Iterable[Role]) -> str:
    """The stored and printed form: role names in the table's order, space-separated."""
    held = set(roles)
    return " ".join(role.value for role in Role if role in held)
