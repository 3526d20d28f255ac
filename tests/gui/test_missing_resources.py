"""A build without its resources stops at start naming what is missing (never an empty map)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from dermcharge.cli.main import main
from dermcharge.gui.body_map_widget import available_views
from dermcharge.resource_files import MissingResources, resources_root
from dermcharge.services.capture_flow import default_coder


def test_exit_when_ready_fails_naming_the_missing_drawings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    partial = tmp_path / "resources"
    shutil.copytree(resources_root() / "data", partial / "data")
    shutil.copytree(resources_root() / "fonts", partial / "fonts")  # no bodymap/
    monkeypatch.setenv("DERMCHARGE_RESOURCES", str(partial))
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(tmp_path / "data"))
    code = main(["gui", "--exit-when-ready", "--db", f"sqlite:///{tmp_path / 'c.sqlite'}"])
    assert code == 1
    err = capsys.readouterr().err
    assert "bodymap/front.svg" in err and "bodymap/feet.svg" in err and str(partial) in err


def test_a_missing_drawing_folder_is_an_error_not_an_empty_map(tmp_path: Path) -> None:
    with pytest.raises(MissingResources, match="no-such-folder"):
        available_views(tmp_path / "no-such-folder")


def test_the_capture_flow_does_not_hide_an_engine_that_fails_to_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "dermcharge.coding.engine", None)
    with pytest.raises(ImportError):
        default_coder()
