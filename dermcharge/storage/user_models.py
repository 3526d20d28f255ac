"""Table rows for sign-in: the app's user accounts and its security settings.

They live on the same `Base.metadata` as `models.py` (same naming convention, same migration
check); the tables are created by migration 0002.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dermcharge.storage.models import Base


class UserRow(Base):
    """One person who signs in. The password is kept only as an Argon2id hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)  # stored case-folded
    display_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100))  # "provider admin" (security.roles)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    password_changed_at: Mapped[datetime]
    # The provider this account signs for (a provider account signs that provider's visits).
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id"))


class SettingRow(Base):
    """A practice-wide setting an admin changes (e.g. the idle-lock minutes)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(100))
