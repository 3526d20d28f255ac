"""Session-wide test settings: never touch the user's real data folder."""

from __future__ import annotations

import os
import tempfile

# Set before any dermcharge module reads it: imported code sets, databases and backups made by
# tests land in a throwaway folder.
os.environ.setdefault("DERMCHARGE_DATA_DIR", tempfile.mkdtemp(prefix="dermcharge-tests-"))
