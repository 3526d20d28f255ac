"""The audit log records who, when, what, before and after, and cannot be rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dermcharge.services import visits
from dermcharge.storage import audit_log
from dermcharge.storage.database import Database
from tests.storage.storage_samples import sample_record, sample_visit, stand_in_coder


def test_each_change_records_who_when_what_before_and_after(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma.kim", coder=stand_in_coder)
    saved = visits.save_visit(
        db,
        stored.id,
        sample_visit(count=3),
        expected_version=1,
        actor="ma.kim",
        coder=stand_in_coder,
    )
    visits.mark_ready(db, saved.id, expected_version=saved.version, actor="ma.kim")
    entries = visits.visit_audit(db, stored.id)
    assert [(e.action, e.actor) for e in entries] == [
        ("create", "ma.kim"),
        ("edit", "ma.kim"),
        ("mark_ready", "ma.kim"),
    ]
    create, edit, ready = entries
    assert create.before is None
    assert edit.before is not None and edit.after is not None
    assert edit.before["visit"]["procedures"][0]["count"] == 12
    assert edit.after["visit"]["procedures"][0]["count"] == 3
    assert edit.after["claim"][1] == "17000 x3 (L57.0)"
    assert ready.before is not None and ready.after is not None
    assert (ready.before["status"], ready.after["status"]) == ("draft", "ready")
    assert create.at < edit.at < ready.at


def test_the_module_offers_no_way_to_change_or_remove_entries() -> None:
    public = {name for name in dir(audit_log) if not name.startswith("_")}
    assert not {n for n in public if any(w in n for w in ("update", "delete", "remove", "edit"))}


def test_the_database_refuses_to_rewrite_the_audit_log(db: Database) -> None:
    visits.create_visit(db, sample_record(), actor="ma.kim", coder=stand_in_coder)
    statements = ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"]
    if db.backend == "postgresql":
        statements.append("TRUNCATE audit_log")
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text(statement))
    with db.read() as session:
        actors = session.execute(text("SELECT actor FROM audit_log")).scalars().all()
    assert sorted(actors) == ["ma.kim"] * 3
