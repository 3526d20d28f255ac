"""The audit trail is tamper-evident (issue 13 #7): a hash chain checked on open from the last
verified entry, the append-only triggers recreated when removed, a restore logged in the
restored database. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from dermcharge.cli.main import main
from dermcharge.security.accounts import local_admin
from dermcharge.services import audit_integrity, backup, visits
from dermcharge.services.database import open_app_database
from dermcharge.storage.audit_chain import GENESIS, missing_guard
from dermcharge.storage.audit_log import append_audit, audit_entries
from dermcharge.storage.audit_trail_check import check_audit_trail
from dermcharge.storage.database import open_database
from dermcharge.storage.migrate import alembic_config
from tests.storage.storage_samples import sample_record, stand_in_coder

ADMIN = local_admin("officer")


def _fill(url: str, visits_count: int = 3) -> None:
    db = open_database(url)
    try:
        for n in range(visits_count):
            visits.create_visit(
                db, sample_record(account=f"A-{n}"), actor="ma", coder=stand_in_coder
            )
    finally:
        db.dispose()


def _tamper(url: str, *statements: str) -> None:
    """What someone with a database tool does: drop the guard, then change the log."""
    engine = create_engine(url)
    postgresql = engine.dialect.name == "postgresql"
    drops = (
        ["DROP TRIGGER audit_log_no_update_delete ON audit_log"]
        if postgresql
        else ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
    )
    with engine.begin() as connection:
        for statement in (*drops, *statements):
            connection.execute(text(statement))
    engine.dispose()


def _status(url: str) -> audit_integrity.ChainStatus:
    db = open_app_database(url)
    try:
        return db.audit_status  # type: ignore[no-any-return]
    finally:
        db.dispose()


def test_each_entry_links_to_the_one_before(database_url: str) -> None:
    _fill(database_url)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT prev_hash, entry_hash FROM audit_log ORDER BY id")
        ).all()
    engine.dispose()
    assert len(rows) >= 3 and rows[0][0] == GENESIS
    assert all(later[0] == earlier[1] for earlier, later in pairwise(rows))
    first = _status(database_url)
    assert not first.broken and first.checked == len(rows)
    again = _status(database_url)  # incremental: nothing new to check
    assert not again.broken and again.checked == 0 and again.verified_up_to == first.verified_up_to


def test_a_row_deleted_around_the_triggers_is_found_and_the_triggers_come_back(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(database_url)
    _tamper(database_url, "DELETE FROM audit_log WHERE id = 2")
    status = _status(database_url)
    assert status.broken
    assert any("does not follow" in p for p in status.problems), status.problems
    assert status.guard_restored and any("triggers were missing" in p for p in status.problems)
    engine = create_engine(database_url)
    with engine.begin() as connection:
        assert missing_guard(connection) == []
        with pytest.raises(Exception, match="append-only"):
            connection.execute(text("DELETE FROM audit_log WHERE id = 3"))
    engine.dispose()
    db = open_database(database_url)
    with db.read() as session:
        assert [e.action for e in audit_entries(session, "database")][-1] == (
            "audit_guard_restored"
        )
    db.dispose()
    # Every command warns until an admin has dealt with it.
    assert main(["visits", "list", "--date", "2026-11-20", "--db", database_url]) == 0
    assert "warning: audit trail" in capsys.readouterr().err


def test_a_changed_entry_is_found(database_url: str) -> None:
    _fill(database_url)
    _tamper(database_url, "UPDATE audit_log SET actor = 'nobody' WHERE id = 2")
    status = _status(database_url)
    assert any("audit entry 2" in p and "changed" in p for p in status.problems), status.problems


def test_entries_cut_after_they_were_verified_are_found(database_url: str) -> None:
    _fill(database_url)
    assert not _status(database_url).broken  # verified up to the newest entry
    _tamper(database_url, "DELETE FROM audit_log WHERE id >= 3")
    status = _status(database_url)
    assert status.broken and any("gone" in p for p in status.problems), status.problems


def test_verify_audit_command(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(database_url)
    assert main(["users", "verify-audit", "--db", database_url]) == 0
    assert "audit trail intact" in capsys.readouterr().out
    _tamper(database_url, "UPDATE audit_log SET after = NULL WHERE id = 1")
    assert main(["users", "verify-audit", "--db", database_url]) == 1
    assert "audit entry 1" in capsys.readouterr().err


def test_an_admin_is_warned_and_others_are_not(database_url: str) -> None:
    from dermcharge.security.accounts import User
    from dermcharge.security.roles import Role

    _fill(database_url)
    _tamper(database_url, "DELETE FROM audit_log WHERE id = 1")
    db = open_app_database(database_url)
    try:
        warning = audit_integrity.admin_warning(db, ADMIN)
        assert warning is not None and warning.startswith("Audit trail broken")
        biller = User(id=7, username="bill", display_name="", roles=frozenset({Role.BILLER}))
        assert audit_integrity.admin_warning(db, biller) is None
    finally:
        db.dispose()


def test_a_restore_is_logged_in_the_restored_database(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(database_url, 1)
    if database_url.startswith("postgresql"):
        pytest.importorskip("psycopg")
    target = tmp_path / "monday.backup"
    assert main(["backup", str(target), "--db", database_url]) == 0
    assert main(["restore", str(target), "--db", database_url]) == 0, capsys.readouterr().err
    db = open_app_database(database_url)
    try:
        with db.read() as session:
            last = audit_entries(session, "database")[-1]
        assert last.action == "restore" and last.after is not None
        assert last.after["from"] == str(target)
        assert not db.audit_status.broken, db.audit_status.problems
        backup.restore(db, target, actor="officer")  # the service logs it the same way
        with db.read() as session:
            assert [e.actor for e in audit_entries(session, "database")][-1] == "officer"
    finally:
        db.dispose()


def test_concurrent_appends_keep_one_chain(database_url: str) -> None:
    db = open_database(database_url)
    errors: list[BaseException] = []

    def append(worker: int) -> None:
        try:
            for n in range(8):
                with db.write() as session:
                    append_audit(
                        session, at=datetime.now(UTC), actor=f"w{worker}", action="test",
                        entity="bench", entity_id=n, before=None, after={"n": n},
                    )  # fmt: skip
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=append, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    status = check_audit_trail(db.engine, from_start=True)
    db.dispose()
    assert not status.broken and status.checked == 32, status


def test_the_migration_chains_entries_written_before_it(database_url: str) -> None:
    config = alembic_config()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003_claim_fields")
    _fill_old = (
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES "
        "('2026-11-20 10:00:00.000000', 'ma', 'create', 'visit', '1', NULL, '{\"a\": 1}')"
    )
    with engine.begin() as connection:
        connection.execute(text(_fill_old))
        connection.execute(text(_fill_old.replace("'1'", "'2'")))
    engine.dispose()
    status = _status(database_url)
    assert not status.broken and status.checked == 2, status.problems
