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


# What the app cannot work without, relative to the resources folder: the coding tables, the
# body-map drawings and the superbill's fonts. A wheel or bundle built without `resources/`
# must stop at start with these names, not run with an empty body map.
REQUIRED_RESOURCES: tuple[tuple[str, ...], ...] = (
    ("data", "anatomy_sites.json"),
    ("data", "coding_tables.json"),
    ("data", "cpt_hcpcs.json"),
    ("data", "finding_codes.json"),
    ("data", "payer_profiles.json"),
    ("data", "ncci_ptp_derm.json"),
    ("data", "demo_fee_schedule.json"),
    ("bodymap", "front.svg"),
    ("bodymap", "back.svg"),
    ("bodymap", "face.svg"),
    ("bodymap", "hands.svg"),
    ("bodymap", "feet.svg"),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
)


class MissingResources(RuntimeError):
    """The resources folder, or files the app needs from it, are not there."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            f"the app's resources are missing from {resources_root()}: {', '.join(missing)} "
            "(reinstall dermcharge, or point DERMCHARGE_RESOURCES at its resources folder)"
        )


def missing_resources() -> list[str]:
    """The required resources that are not there ("resources/" when the folder itself is not)."""
    if not resources_root().is_dir():
        return ["resources/"]
    return ["/".join(parts) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]


def require_resources() -> None:
    """Raise MissingResources naming every required resource that is not there."""
    if missing := missing_resources():
        raise MissingResources(missing)
