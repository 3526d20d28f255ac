"""Where the shipped data tables, drawings and fonts live: the top-level `resources/` folder of
the source tree, or `dermcharge/resources` in an installed wheel (setup.py copies it there)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_INSTALLED_ROOT = Path(__file__).resolve().parent / "resources"
_SOURCE_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """The resources folder; DERMCHARGE_RESOURCES overrides it for a packaged build."""
    override = os.environ.get("DERMCHARGE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build (packaging/dermcharge.spec)
    if bundle:
        return Path(bundle) / "resources"
    return _INSTALLED_ROOT if _INSTALLED_ROOT.is_dir() else _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
