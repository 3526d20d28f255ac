"""Fixtures shared by the code-set tests: the CMS fixture files and a private data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

CMS_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cms"


@pytest.fixture
def cms_fixtures() -> Path:
    return CMS_FIXTURES


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """DERMCHARGE_DATA_DIR in tmp_path: tests never touch the real user folder."""
    folder = tmp_path / "dermcharge-data"
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(folder))
    return folder
