"""Visits stored in storage's own codec (storage/visit_codec.py) instead of the contract JSON.

Each visit (and kept signed version) written as contract JSON is read with the contract parser,
as the old version read it, and written back in the codec. A row the parser refuses (written by
an older version whose rules were looser) is left as it was: it did not open before either, and
it is reported by `load_visit` with the parser's reason instead of being guessed at.

Revision ID: 0007_visit_codec
Revises: 0006_audit_chain
Create Date: 2026-12-03 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_visit_codec"
down_revision = "0006_audit_chain"
branch_labels = None
depends_on = None

_TABLES = ("visits", "visit_versions")


def _rewrite(convert: object) -> None:
    connection = op.get_bind()
    for name in _TABLES:
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("visit_json", sa.JSON))
        for row_id, data in connection.execute(sa.select(table.c.id, table.c.visit_json)).all():
            converted = convert(data)  # type: ignore[operator]
            if converted is not None:
                connection.execute(
                    table.update().where(table.c.id == row_id).values(visit_json=converted)
                )


def _to_codec(data: object) -> dict[str, object] | None:
    from dermcharge.coding.visit_json import InvalidVisit, parse_visit
    from dermcharge.storage.visit_codec import encode_visit, is_encoded

    if is_encoded(data):
        return None
    try:
        return encode_visit(parse_visit(data))
    except InvalidVisit:
        return None


def _to_contract(data: object) -> dict[str, object] | None:
    from dermcharge.coding.visit_json import visit_to_json
    from dermcharge.storage.visit_codec import decode_visit, is_encoded

    if not is_encoded(data):
        return None
    return visit_to_json(decode_visit(data))  # type: ignore[arg-type]


def upgrade() -> None:
    _rewrite(_to_codec)


def downgrade() -> None:
    _rewrite(_to_contract)
