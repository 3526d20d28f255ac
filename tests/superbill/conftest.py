"""Fixtures for the superbill tests; the sample records and PDF readers live in
superbill_samples.py, registered here so the test modules can import it by name (the suite runs
with --import-mode=importlib, which puts no test folder on sys.path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dermcharge.domain.superbill_record import SuperbillRecord


def _register_samples() -> None:
    if "superbill_samples" in sys.modules:
        return
    path = Path(__file__).with_name("superbill_samples.py")
    spec = importlib.util.spec_from_file_location("superbill_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["superbill_samples"] = module
    spec.loader.exec_module(module)


_register_samples()


@pytest.fixture
def record() -> SuperbillRecord:
    from superbill_samples import typical_record

    return typical_record()
