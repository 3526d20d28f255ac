"""Backups are consistent copies taken while the app runs; a restore checks before replacing."""

from __future__ import annotations

from pathlib import Path

import pytest

from dermcharge.services import backup, visits
from dermcharge.storage.database import Database, open_database
from dermcharge.storage.errors import BackupFailed, RestoreRefused
from tests.storage.storage_samples import sample_record, sample_visit, stand_in_coder


def test_backup_then_restore_brings_back_the_saved_state(db: Database, tmp_path: Path) -> None:
    kept = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    with db.read():  # a transaction open elsewhere in the app does not stop the backup
        target = backup.back_up(db, tmp_path / "monday.backup")
    assert target.stat().st_size > 0
    later = visits.save_visit(
        db, kept.id, sample_visit(count=2), expected_version=1, actor="ma", coder=stand_in_coder
    )
    extra = visits.create_visit(db, sample_record(account="A-2"), actor="ma", coder=stand_in_coder)
    assert later.version == 2

    result = backup.restore(db, target)

    restored = visits.open_visit(db, kept.id)
    assert restored.version == 1
    assert restored.record.visit.procedures[0].count == 12
    assert [s.id for s in visits.list_visits(db, sample_visit().date_of_service)] == [kept.id]
    with pytest.raises(Exception, match=f"no visit with id {extra.id}"):
        visits.open_visit(db, extra.id)
    assert result.safety_copy is not None and result.safety_copy.exists()


def test_backup_refuses_to_overwrite_a_file(db: Database, tmp_path: Path) -> None:
    existing = tmp_path / "taken.backup"
    existing.write_text("precious", encoding="utf-8")
    with pytest.raises(BackupFailed, match="already exists"):
        backup.back_up(db, existing)
    assert existing.read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize(
    "content",
    [b"", b"this is not a database at all", b"SQLite format 3\x00" + b"\x00" * 200],
)
def test_restore_refuses_a_bad_file_and_replaces_nothing(
    db: Database, tmp_path: Path, content: bytes
) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    bad = tmp_path / "bad.backup"
    bad.write_bytes(content)
    with pytest.raises(RestoreRefused, match="not"):
        backup.restore(db, bad)
    assert visits.open_visit(db, stored.id).version == stored.version
    assert bad.read_bytes() == content


def test_restore_refuses_a_sqlite_file_that_is_not_ours(tmp_path: Path) -> None:
    import sqlite3

    db = open_database(f"sqlite:///{tmp_path / 'live.sqlite'}")
    stranger = tmp_path / "stranger.sqlite"
    with sqlite3.connect(stranger) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    try:
        with pytest.raises(RestoreRefused, match="not a dermcharge database"):
            backup.restore(db, stranger)
        assert visits.open_visit(db, stored.id).id == stored.id
    finally:
        db.dispose()


def test_restore_refuses_a_corrupted_backup(db: Database, tmp_path: Path) -> None:
    visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    good = backup.back_up(db, tmp_path / "good.backup")
    damaged = tmp_path / "damaged.backup"
    data = bytearray(good.read_bytes())
    # Flip bytes well inside the file, past the headers both formats start with. In an SQLite
    # file, the head of page 2 (a b-tree page): flipped bytes in the middle of a record's text
    # are not damage SQLite can see, and where the middle falls depends on the rows' sizes.
    start = len(data) // 2
    if data.startswith(b"SQLite format 3\x00"):
        start = int.from_bytes(data[16:18], "big")  # the page size: page 2 starts there
    for offset in range(start, start + 64):
        data[offset] ^= 0xFF
    damaged.write_bytes(bytes(data))
    extra = visits.create_visit(db, sample_record(account="A-2"), actor="ma", coder=stand_in_coder)
    with pytest.raises(RestoreRefused):
        backup.restore(db, damaged)
    assert visits.open_visit(db, extra.id).id == extra.id
