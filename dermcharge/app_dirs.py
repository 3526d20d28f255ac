"""Where the app keeps its data on this workstation (database, imported code sets, backups)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """$DERMCHARGE_DATA_DIR, else the platform's user data folder for dermcharge (created)."""
    override = os.environ.get("DERMCHARGE_DATA_DIR")
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
    path.mkdir(parents=True, exist_ok=True)
    return path


def code_sets_dir() -> Path:
    """Imported code-set releases and CMS tables, kept beside the shipped ones."""
    path = data_dir() / "code_sets"
    path.mkdir(parents=True, exist_ok=True)
    return path
