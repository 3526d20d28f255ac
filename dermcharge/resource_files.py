"""Where the shipped data tables, drawings and fonts live (the top-level `resources/` folder)."""

from __future__ import annotations

import os
from pathlib import Path

_DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """The resources folder; DERMCHARGE_RESOURCES overrides it for a packaged build."""
    override = os.environ.get("DERMCHARGE_RESOURCES")
    return Path(override) if override else _DEFAULT_ROOT


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
