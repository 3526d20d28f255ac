"""Alembic environment: runs on the connection (and inside the transaction) `migrate.py` opened."""

from __future__ import annotations

from alembic import context

from dermcharge.storage.schema import metadata  # every table module loaded

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
