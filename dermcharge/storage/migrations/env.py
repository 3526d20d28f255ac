"""Alembic environment: runs on the connection (and inside the transaction) `migrate.py` opened."""

from __future__ import annotations

from alembic import context

# Every row class must be on Base.metadata; modules beyond models.py register themselves here.
import dermcharge.storage.user_models  # noqa: F401
from dermcharge.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
