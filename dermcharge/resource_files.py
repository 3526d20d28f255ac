"""Where the shipped data tables, drawings and fonts live (the top-level `resources/` folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """The resources folder; DERMCHARGE_RESOURCES overrides it for a packaged build."""
    override = os.environ.get("DERMCHARGE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build (packaging/dermcharge.spec)
    return Path(bundle) / "resources" if bundle else _DEFAULT_ROOT


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
