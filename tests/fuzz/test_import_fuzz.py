"""Fuzzing the visit import (the path `dermcharge visits import` takes): clear errors only, and a
refused import writes nothing.

Each example starts from a valid visit record and breaks it: a field gets a value of another
type or an odd string, a key goes missing, or an unknown key appears. The import must either
store exactly one visit or raise InvalidRecord (a storage error with a message) and store
nothing — never any other exception.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from dermcharge.services import visits
from dermcharge.services.visit_record_input import visit_record_to_json
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import StorageError
from tests.storage.storage_samples import sample_record

pytestmark = pytest.mark.slow

ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "x" * 5000,
        "Ñúñez",
        "أحمد",
        "שלום",
        "👩🏽‍⚕️",
        "\x00",
        "\u202e",
        "NaN",
        "-1",
        "2026-02-30",
        "9999-12-31",
        "0001-01-01",
        "99213",
        "forearm",
        "left",
        "C44.311",
        "null",
    ]
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | ODD_TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


BASE = visit_record_to_json(sample_record())
PATHS = [p for p in _paths(BASE) if p]


def _mutate(data: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "extra" and isinstance(parent, dict):
        parent[f"unexpected_{last}"] = value
    else:
        parent[last] = value
    return data


MUTATION = st.tuples(
    st.sampled_from(PATHS), st.sampled_from(["replace", "replace", "delete", "extra"]), JSON_VALUES
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("import_fuzz")
    database = open_database(f"sqlite:///{folder / 'fuzz.sqlite'}")
    yield database
    database.dispose()


def _visit_count(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM visits")).scalar_one())


def _counts(db: Database) -> tuple[int, ...]:
    tables = ("visits", "patients", "providers", "insurance", "visit_procedures", "claim_lines")
    with db.read() as session:
        return tuple(
            int(session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables
        )


@settings(
    max_examples=1200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_a_broken_record_is_refused_cleanly_or_stored_whole(
    db: Database, mutations: list[tuple[tuple[Any, ...], str, Any]]
) -> None:
    data: Any = BASE
    for path, how, value in mutations:
        try:
            data = _mutate(data, path, how, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or retyped this path
    before = _counts(db)
    try:
        stored = visits.import_visit_record(db, data, actor="fuzz")
    except StorageError as refused:
        assert str(refused).strip(), "a refusal must say what is wrong"
        assert _counts(db) == before, "a refused import wrote something"
        return
    assert _visit_count(db) == before[0] + 1
    assert visits.open_visit(db, stored.id).record.patient is not None


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=JSON_VALUES)
def test_any_json_at_all_is_refused_with_a_message(db: Database, data: Any) -> None:
    before = _counts(db)
    with pytest.raises(StorageError):
        visits.import_visit_record(db, data, actor="fuzz")
    assert _counts(db) == before


def test_the_base_record_imports(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'base.sqlite'}")
    try:
        stored = visits.import_visit_record(database, copy.deepcopy(BASE), actor="fuzz")
        assert stored.record.patient is not None
        assert stored.record.patient.last_name == "O'Brien-Núñez"
    finally:
        database.dispose()
