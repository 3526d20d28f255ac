"""The small records the main window lists: patients found and providers to choose from.

Apart from `app_backend` so the first window can show them before the services have loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the first window lists providers before the domain loads
    from dermcharge.domain.record import Provider


@dataclass(frozen=True)
class PatientHit:
    id: int
    name: str  # "Last, First"
    dob: date
    account_number: str


@dataclass(frozen=True)
class ProviderChoice:
    id: int
    label: str
    provider: Provider


def provider_label(name: str, credentials: str) -> str:
    return f"{name} {credentials}".strip()


def provider_choices(found: list[tuple[int, Provider]]) -> list[ProviderChoice]:
    return [ProviderChoice(pid, provider_label(p.name, p.credentials), p) for pid, p in found]
