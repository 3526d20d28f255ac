"""Alembic migrations for the dermcharge schema, run from code by `dermcharge.storage.migrate`."""
