"""How a visit is stored: our own versioned JSON, generic over the domain dataclasses, lenient.

The contract's visit JSON (`coding/visit_json.py`) is an edge format: its parser refuses what a
person has not finished entering (an excision without its size, a count past the contract's
limit). A draft in the exam room is all of that, and must save and reopen exactly, so storage
writes the `Visit` record itself: every dataclass field by name, values as JSON (Decimal and
date as text, enums by value, tuples as lists). Nothing is validated here; a field added to a
domain dataclass later is stored without a change to this module, and a stored row that lacks
it reads back with the field's default.

`{"codec": 1, ...the Visit's fields}`: rows written before this codec (contract JSON, no
"codec" key) are rewritten by migration 0007_visit_codec.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from dermcharge.domain.visit import Visit
from dermcharge.storage.errors import StorageError

CODEC_KEY = "codec"
CODEC_VERSION = 1


class UnreadableVisit(StorageError):
    """A stored visit this version cannot read (a newer codec, or a value of a removed kind)."""


def encode_visit(visit: Visit) -> dict[str, Any]:
    """The stored form of `visit`, complete or not."""
    encoded = _encode(visit)
    assert isinstance(encoded, dict)
    return {CODEC_KEY: CODEC_VERSION, **encoded}


def is_encoded(data: object) -> bool:
    """Whether `data` was written by this codec (else it is contract JSON of an older version)."""
    return isinstance(data, dict) and CODEC_KEY in data


def decode_visit(data: dict[str, Any]) -> Visit:
    """The `Visit` that `encode_visit` stored; UnreadableVisit when it cannot be."""
    version = data.get(CODEC_KEY)
    if version != CODEC_VERSION:
        raise UnreadableVisit(
            f"the visit is stored in format {version!r}; this version reads {CODEC_VERSION} "
            "(a newer dermcharge wrote it, or the database was not migrated)"
        )
    fields = {key: value for key, value in data.items() if key != CODEC_KEY}
    try:
        visit = _decode(Visit, fields)
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise UnreadableVisit(f"the stored visit cannot be read back: {error!r}") from error
    assert isinstance(visit, Visit)
    return visit


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    raise TypeError(f"the visit codec cannot store {type(value).__name__} {value!r}")


@cache
def _field_types(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _decode(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        return _decode(options[0], value)  # the domain's unions are all "X | None"
    if origin is tuple:
        item = get_args(kind)[0]
        return tuple(_decode(item, element) for element in value)
    if dataclasses.is_dataclass(kind):
        hints = _field_types(kind)  # type: ignore[arg-type]
        given = {
            f.name: _decode(hints[f.name], value[f.name])
            for f in dataclasses.fields(kind)
            if f.name in value  # a field added after the row was written keeps its default
        }
        return kind(**given)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind in (bool, int, str) and isinstance(value, kind):
        return value
    raise TypeError(f"{value!r} is not a {kind}")
