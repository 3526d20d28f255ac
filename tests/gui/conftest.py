"""GUI tests run offscreen in one session QApplication (pytest-qt's); Qt warnings fail them."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The offscreen platform plugin says "This plugin does not support propagateSizeHints()/raise()/
# grabbing the keyboard" when a window or a completer popup shows; that is about the test
# platform, not the app, so only these are let through (every other Qt warning still fails).
OFFSCREEN_NOISE = (
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def dos() -> date:
    return date(2026, 11, 20)
