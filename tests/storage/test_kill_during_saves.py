"""A workstation killed in the middle of saving leaves only whole visits behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dermcharge.storage.database import open_database
from dermcharge.storage.models import AuditRow, ClaimLineRow, PatientRow, VisitRow

SAVER = """
import sys
from sqlalchemy import event
from sqlalchemy.orm import Session
from dermcharge.services import visits
from dermcharge.storage.database import open_database
from tests.storage.storage_samples import sample_record, stand_in_coder

url, prefix, hold_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
saving = {"n": 0, "held": False}


@event.listens_for(Session, "after_flush")
def _hold_the_transaction_open(session, _context):
    # Inside the transaction, after its first writes: say so, then wait to be killed.
    if saving["n"] == hold_at and not saving["held"]:
        saving["held"] = True
        print(f"open {prefix}-{saving['n']}", flush=True)
        sys.stdin.readline()  # never answered: the kill comes while the transaction is open


db = open_database(url)
while True:
    saving["n"] += 1
    account = f"{prefix}-{saving['n']}"
    visits.create_visit(db, sample_record(account=account), actor="saver", coder=stand_in_coder)
    print(f"saved {account}", flush=True)
"""


KILLS = 3


def _kill_mid_save(database_url: str, root: Path, prefix: str, hold_at: int) -> tuple[str, int]:
    """Run a saver until its transaction for visit `hold_at` is open, kill it there; returns the
    account whose transaction was open and how many visits it had saved before."""
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, database_url, prefix, str(hold_at)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert saver.stdout is not None
        saved = 0
        for line in saver.stdout:
            if line.startswith("saved"):
                saved += 1
            elif line.startswith("open"):
                break  # the marker was written inside the open transaction
        else:
            raise AssertionError("the saver ended without opening the held transaction")
    finally:
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=30)
    return line.split()[1], saved


@pytest.mark.slow
def test_killing_the_process_mid_save_leaves_no_half_visit(database_url: str) -> None:
    open_database(database_url).dispose()  # migrate first: the kill is about saves
    root = Path(__file__).resolve().parents[2]
    killed_open: list[str] = []
    saved_before = 0
    for round_no in range(KILLS):
        account, saved = _kill_mid_save(database_url, root, f"K{round_no}", hold_at=3 + round_no)
        killed_open.append(account)
        saved_before += saved
    assert len(killed_open) == KILLS  # every kill landed inside an open transaction
    db = open_database(database_url)
    try:
        with db.read() as session:
            visit_rows = session.execute(select(VisitRow.id, VisitRow.claim_json)).all()
            line_counts = dict(
                session.execute(
                    select(ClaimLineRow.visit_id, func.count()).group_by(ClaimLineRow.visit_id)
                ).all()
            )
            accounts = set(session.scalars(select(PatientRow.account_number)))
            created = session.scalar(
                select(func.count())
                .select_from(AuditRow)
                .where(AuditRow.entity == "visit", AuditRow.action == "create")
            )
    finally:
        db.dispose()
    assert len(visit_rows) == saved_before == sum(2 + r for r in range(KILLS))
    for visit_id, claim_json in visit_rows:
        assert line_counts.get(visit_id) == len(claim_json["lines"])
    # The killed transactions left nothing: not their patient, visit or audit entry.
    assert accounts.isdisjoint(killed_open)
    assert len(accounts) == len(visit_rows) == created
