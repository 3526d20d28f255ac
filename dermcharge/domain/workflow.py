"""A visit's life: draft -> ready for review -> signed (locked) -> billed; amendments reopen it.

A pure table, no database: the repository asks it before every change and the GUI asks it which
buttons to offer. An amendment keeps the signed version (`visit_versions`) and starts a new draft.
"""

from __future__ import annotations

from enum import StrEnum


class VisitStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"  # ready for the provider's review
    SIGNED = "signed"  # locked: only an amendment can change it
    BILLED = "billed"  # exported to billing; locked as signed


class VisitAction(StrEnum):
    EDIT = "edit"
    MARK_READY = "mark_ready"
    REOPEN = "reopen"
    SIGN = "sign"
    MARK_BILLED = "mark_billed"
    AMEND = "amend"


# (status, action) -> status afterwards. Anything not listed is refused.
TRANSITIONS: dict[tuple[VisitStatus, VisitAction], VisitStatus] = {
    (VisitStatus.DRAFT, VisitAction.EDIT): VisitStatus.DRAFT,
    (VisitStatus.READY, VisitAction.EDIT): VisitStatus.READY,
    (VisitStatus.DRAFT, VisitAction.MARK_READY): VisitStatus.READY,
    (VisitStatus.READY, VisitAction.REOPEN): VisitStatus.DRAFT,
    (VisitStatus.READY, VisitAction.SIGN): VisitStatus.SIGNED,
    (VisitStatus.SIGNED, VisitAction.MARK_BILLED): VisitStatus.BILLED,
    (VisitStatus.SIGNED, VisitAction.AMEND): VisitStatus.DRAFT,
    (VisitStatus.BILLED, VisitAction.AMEND): VisitStatus.DRAFT,
}

# What the refusal message calls each action ("visit 7 is draft; it cannot be signed").
ACTION_WORDS = {
    VisitAction.EDIT: "edited",
    VisitAction.MARK_READY: "marked ready for review",
    VisitAction.REOPEN: "reopened as a draft",
    VisitAction.SIGN: "signed",
    VisitAction.MARK_BILLED: "marked billed",
    VisitAction.AMEND: "amended",
}

LOCKED = frozenset({VisitStatus.SIGNED, VisitStatus.BILLED})


def next_status(status: VisitStatus, action: VisitAction) -> VisitStatus | None:
    """The status after `action`, or None when the workflow does not allow it."""
    return TRANSITIONS.get((status, action))


def allowed_actions(status: VisitStatus) -> tuple[VisitAction, ...]:
    return tuple(action for (start, action) in TRANSITIONS if start is status)


def refusal_hint(status: VisitStatus, action: VisitAction) -> str:
    """What to do instead, for the message that refuses an action."""
    if status in LOCKED and action in (VisitAction.EDIT, VisitAction.MARK_READY):
        return "it is signed and locked; amend it to make a change"
    if action is VisitAction.SIGN and status is VisitStatus.DRAFT:
        return "mark it ready for review first"
    if action is VisitAction.SIGN and status in LOCKED:
        return "it is already signed"
    if action is VisitAction.MARK_BILLED and status in (VisitStatus.DRAFT, VisitStatus.READY):
        return "only a signed visit can be billed"
    if action is VisitAction.MARK_BILLED:
        return "it is already billed"
    if action is VisitAction.AMEND:
        return "only a signed or billed visit is amended; edit the draft instead"
    if action is VisitAction.REOPEN:
        return "only a visit ready for review can be reopened"
    if action is VisitAction.MARK_READY:
        return "it is already ready for review"
    return ""
