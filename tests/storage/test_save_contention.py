"""A save of a visit another workstation is saving at that moment is refused at once as a
conflict (issue 13 #8: writers of a shared visit queued behind each other only to conflict
when their turn came; bench/bench_concurrent_saves.py shows the convoy)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from dermcharge.services import visits
from dermcharge.storage.database import open_database
from dermcharge.storage.errors import VisitConflict
from tests.storage.conftest import _fresh_pg_database
from tests.storage.storage_samples import sample_record, sample_visit, stand_in_coder


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    yield from _fresh_pg_database(pg_server_url)


@pytest.mark.postgres
def test_a_save_behind_a_save_in_progress_conflicts_at_once(pg_url: str) -> None:
    first, second = open_database(pg_url), open_database(pg_url)
    try:
        created = visits.create_visit(first, sample_record(), actor="ma", coder=stand_in_coder)
        holding = threading.Event()
        release = threading.Event()

        def save_in_progress() -> None:  # holds the visit's row like a save mid-way
            with first.write() as session:
                session.execute(
                    text("SELECT id FROM visits WHERE id = :id FOR UPDATE"), {"id": created.id}
                )
                holding.set()
                release.wait(10)

        holder = threading.Thread(target=save_in_progress)
        holder.start()
        assert holding.wait(10)
        began = time.perf_counter()
        try:
            with pytest.raises(VisitConflict):
                visits.save_visit(
                    second, created.id, sample_visit(count=3),
                    expected_version=created.version, actor="doc", coder=stand_in_coder,
                )  # fmt: skip
            waited = time.perf_counter() - began
        finally:
            release.set()
            holder.join()
        assert waited < 5, f"the save waited {waited:.1f} s for the other workstation"
        # Once the other save is done, the visit saves normally and nothing was lost.
        saved = visits.save_visit(
            second, created.id, sample_visit(count=3),
            expected_version=created.version, actor="doc", coder=stand_in_coder,
        )  # fmt: skip
        assert saved.version == created.version + 1
    finally:
        first.dispose()
        second.dispose()
