"""Fuzzing the shapes issue 13 found crashing or slipping through: a null in every position,
huge integers anywhere, invalid UTF-8 on standard input, unknown fields. Each is refused naming
a field (InvalidRecord / exit 2) or stored whole (unknown fields named in a warning); nothing
else — no internal error, no exit 1, and a visit the parser accepts always codes."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermcharge.cli.main import main
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import InvalidVisit, parse_visit
from dermcharge.services import visits
from dermcharge.services.visit_record_input import WORKFLOW_FIELDS, unknown_record_fields
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import InvalidRecord
from tests.fuzz.test_import_fuzz import BASE, PATHS, _mutate

pytestmark = pytest.mark.slow

HUGE_INTEGERS = st.builds(
    lambda digits, sign: sign * 10**digits, st.integers(18, 6000), st.sampled_from([1, -1])
)
FIELD_NAMES = st.sampled_from(["status", "signed_by", "colour", "seperate_lesion", "x", "id"])
FIELD_NAMES |= st.text(min_size=1, max_size=10)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('shapes') / 'fuzz.sqlite'}")
    yield database
    database.dispose()


def _import_cleanly(db: Database, data: Any) -> bool:
    """True when stored, False when refused with named fields; anything else fails the test."""
    try:
        visits.import_visit_record(db, data, actor="fuzz")
    except InvalidRecord as refused:
        assert refused.problems and all(":" in p for p in refused.problems), refused.problems
        return False
    return True


def _visit_codes(data: Any) -> None:
    try:
        visit = parse_visit(data, max_procedures=50)
    except InvalidVisit:
        return
    code_visit(visit)  # must not raise (a null margin_cm used to reach an assert)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(map(str, p)))
def test_a_null_in_any_position_is_refused_or_stored(db: Database, path: tuple[Any, ...]) -> None:
    data = _mutate(BASE, path, "replace", None)
    _import_cleanly(db, data)
    _visit_codes(data)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(PATHS), number=HUGE_INTEGERS)
def test_a_huge_integer_anywhere_is_refused_or_stored(
    db: Database, path: tuple[Any, ...], number: int
) -> None:
    data = _mutate(BASE, path, "replace", number)
    _import_cleanly(db, data)
    _visit_codes(data)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    where=st.sampled_from([(), ("patient",), ("provider",), ("procedures", 0), ("insurance", 0)]),
    name=FIELD_NAMES,
)
def test_an_unknown_field_is_named_or_refused(
    db: Database, where: tuple[Any, ...], name: str
) -> None:
    data = copy.deepcopy(BASE)
    block = data
    for step in where:
        block = block[step]
    if name in block:
        return
    block[name] = "signed"
    stored = _import_cleanly(db, data)
    if not where and name in WORKFLOW_FIELDS:
        assert not stored, f"{name!r} must be refused, not dropped"
    elif stored:
        named = unknown_record_fields(data)
        assert any(n.endswith(f".{name}") or n == name for n in named), (name, named)


@settings(max_examples=60, deadline=None)
@given(garbage=st.binary(min_size=1, max_size=8), at=st.integers(0, 60))
def test_any_bytes_on_stdin_exit_0_or_2(garbage: bytes, at: int) -> None:
    text = b'{"date_of_service": "2026-11-20", "procedures": [], "payer": "medicare"}'
    stdin = text[:at] + garbage + text[at:]
    with pytest.MonkeyPatch().context() as patch:
        patch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), errors="surrogateescape"))
        assert main(["code", "-"]) in (0, 2)
