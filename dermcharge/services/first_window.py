"""What the first window shows before the full storage layer has loaded (the start-up fast path).

The GUI and the CLI reach it here, as they reach everything of storage through services; it
imports neither SQLAlchemy nor the mapped models (see `storage/startup_reader.py` for why).
"""

from __future__ import annotations

from dermcharge.storage.database_url import resolve_database_url
from dermcharge.storage.startup_reader import StartupReader, open_startup_reader

__all__ = ["StartupReader", "open_startup_reader", "resolve_database_url"]
