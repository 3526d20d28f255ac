"""The role x action table: who may capture, mark ready, sign, print, manage users and settings."""

from __future__ import annotations

import pytest

from dermcharge.security.accounts import User, local_admin, username_problems
from dermcharge.security.errors import AccessDenied
from dermcharge.security.roles import Action, Role, may, parse_roles, refusal, roles_text

A, R = Action, Role
EXPECTED = {
    R.PROVIDER: {
        A.VIEW_RECORDS,
        A.CAPTURE,
        A.MARK_READY,
        A.SIGN,
        A.AMEND,
        A.PRINT_EXPORT,
        A.DECIDE_FINDINGS,
    },
    R.MEDICAL_ASSISTANT: {A.VIEW_RECORDS, A.CAPTURE, A.MARK_READY},
    R.BILLER: {A.VIEW_RECORDS, A.PRINT_EXPORT, A.DECIDE_FINDINGS},
    R.ADMIN: {A.MANAGE_USERS, A.MANAGE_SETTINGS, A.VIEW_AUDIT},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_each_role_may_do_exactly_its_actions(role: Role, action: Action) -> None:
    assert may({role}, action) is (action in EXPECTED[role])


def test_two_roles_hold_the_union_of_their_permissions() -> None:
    assert may({R.PROVIDER, R.ADMIN}, A.SIGN) and may({R.PROVIDER, R.ADMIN}, A.MANAGE_USERS)
    assert not may(set(), A.VIEW_RECORDS)


def test_refusals_name_the_roles_that_may() -> None:
    assert refusal(A.SIGN) == "Only a provider may sign a visit"
    assert (
        refusal(A.MARK_READY)
        == "Only a provider or medical assistant may mark a visit ready for review"
    )
    assert refusal(A.PRINT_EXPORT).startswith("Only a provider or biller may print")
    assert refusal(A.MANAGE_USERS) == "Only an admin may manage users"


def test_roles_parse_from_text_and_print_in_table_order() -> None:
    assert parse_roles("Admin, provider") == {R.ADMIN, R.PROVIDER}
    assert parse_roles("medical-assistant") == {R.MEDICAL_ASSISTANT}
    assert roles_text({R.ADMIN, R.PROVIDER}) == "provider admin"
    with pytest.raises(ValueError, match="'nurse' is not a role"):
        parse_roles("nurse")
    with pytest.raises(ValueError, match="at least one role"):
        parse_roles(" , ")


def test_a_disabled_user_may_do_nothing() -> None:
    user = User(3, "kim", "Kim", frozenset({R.PROVIDER}), active=False)
    assert not user.may(A.VIEW_RECORDS)
    with pytest.raises(AccessDenied, match="Only a provider or"):
        user.require(A.CAPTURE)


def test_the_cli_local_admin_holds_every_role_under_the_os_login() -> None:
    admin = local_admin("alice")
    assert admin.username == "os:alice"
    assert all(admin.may(action) for action in Action)
    assert admin.roles == frozenset(Role)


@pytest.mark.parametrize("name", ["a", "has space", "os:alice", "x" * 61, "tab\there", ""])
def test_bad_usernames_are_refused(name: str) -> None:
    assert username_problems(name)


@pytest.mark.parametrize("name", ["kim", "dr.nguyen", "josé", "ma-1", "a@b"])
def test_good_usernames_pass(name: str) -> None:
    assert username_problems(name) == []
