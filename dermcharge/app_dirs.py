"""Where the app keeps its data on this workstation (database, imported code sets, backups)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from dermcharge.file_modes import private_folder


def data_dir() -> Path:
    """$DERMCHARGE_DATA_DIR, else the platform's user data folder for dermcharge (created)."""
    return _data_dir(os.environ.get("DERMCHARGE_DATA_DIR"))


@cache
def _data_dir(override: str | None) -> Path:
    # Cached per setting: the recode-on-every-click path asks for it many times a visit.
    if override:
        path = Path(override)
    else:
        try:
            from platformdirs import user_data_dir
        except ModuleNotFoundError:  # the core-only environment: follow the XDG convention
            base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
            path = Path(base) / "dermcharge"
        else:
            path = Path(user_data_dir("dermcharge", appauthor=False))
    # The data folder holds the database, backups and crash reports: private (0700).
    return private_folder(path)


def code_sets_dir() -> Path:
    """Imported code-set releases and CMS tables, kept beside the shipped ones."""
    return _code_sets_dir(data_dir())


@cache
def _code_sets_dir(root: Path) -> Path:
    path = root / "code_sets"
    path.mkdir(parents=True, exist_ok=True)
    return path
