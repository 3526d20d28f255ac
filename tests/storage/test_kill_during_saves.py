"""A workstation killed in the middle of saving leaves only whole visits behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dermcharge.storage.database import open_database
from dermcharge.storage.models import AuditRow, ClaimLineRow, PatientRow, VisitRow

SAVER = """
import sys
from dermcharge.services import visits
from dermcharge.storage.database import open_database
from tests.storage.storage_samples import sample_record, stand_in_coder

db = open_database(sys.argv[1])
n = 0
while True:
    n += 1
    visits.create_visit(db, sample_record(account=f"K-{n}"), actor="saver", coder=stand_in_coder)
    if n == 5:
        print("saving", flush=True)
"""


@pytest.mark.slow
def test_killing_the_process_mid_save_leaves_no_half_visit(database_url: str) -> None:
    open_database(database_url).dispose()  # migrate first: the kill is about saves
    root = Path(__file__).resolve().parents[2]
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, database_url],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert saver.stdout is not None and saver.stdout.readline().strip() == "saving"
        time.sleep(0.7)  # mid-stream: some transaction is almost surely open now
    finally:
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=30)
    db = open_database(database_url)
    try:
        with db.read() as session:
            visit_rows = session.execute(select(VisitRow.id, VisitRow.claim_json)).all()
            line_counts = dict(
                session.execute(
                    select(ClaimLineRow.visit_id, func.count()).group_by(ClaimLineRow.visit_id)
                ).all()
            )
            patients = session.scalar(select(func.count()).select_from(PatientRow))
            created = session.scalar(
                select(func.count())
                .select_from(AuditRow)
                .where(AuditRow.entity == "visit", AuditRow.action == "create")
            )
    finally:
        db.dispose()
    assert len(visit_rows) >= 5
    for visit_id, claim_json in visit_rows:
        assert line_counts.get(visit_id) == len(claim_json["lines"])
    # Each visit brought a new patient; a patient without its visit would be a half-save.
    assert patients == len(visit_rows) == created
