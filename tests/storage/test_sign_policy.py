"""Signing is refused while the claim has open errors, unless the signer gives a reason.

The rule lives in services.visits.sign (one truth for the GUI and the CLI); an override is
recorded on each finding and in the audit log with the reason.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dermcharge.domain.claim import CodedClaim, Finding, Severity
from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.visit import Visit
from dermcharge.domain.workflow import VisitStatus
from dermcharge.services import visits
from dermcharge.services.errors import SignRefused
from dermcharge.storage.database import Database
from tests.storage.storage_samples import sample_record, stand_in_coder

UNDECIDABLE = "procedure 1: the lesion size is needed to choose the code"


def coder_with_an_error(visit: Visit) -> CodedClaim:
    claim = stand_in_coder(visit)
    error = Finding(Severity.ERROR, "lesion_size", UNDECIDABLE, procedures=(0,))
    return replace(claim, findings=(error, *claim.findings))


def _ready_with_an_error(db: Database) -> StoredVisit:
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=coder_with_an_error)
    return visits.mark_ready(db, stored.id, expected_version=stored.version, actor="ma")


def test_open_errors_block_signing_and_are_named(db: Database) -> None:
    ready = _ready_with_an_error(db)
    with pytest.raises(SignRefused, match="not signed: 1 error finding") as refused:
        visits.sign(db, ready.id, expected_version=ready.version, actor="dr.doe")
    assert any(UNDECIDABLE in problem for problem in refused.value.problems)
    after = visits.open_visit(db, ready.id)
    assert after.status is VisitStatus.READY
    assert after.version == ready.version
    # A blank reason is no reason.
    with pytest.raises(SignRefused):
        visits.sign(
            db, ready.id, expected_version=ready.version, actor="dr.doe", override_reason="  "
        )


def test_an_override_reason_signs_and_is_recorded_on_the_finding_and_in_the_audit(
    db: Database,
) -> None:
    ready = _ready_with_an_error(db)
    signed = visits.sign(
        db,
        ready.id,
        expected_version=ready.version,
        actor="dr.doe",
        override_reason="size is in the op note; coder to confirm",
    )
    assert signed.status is VisitStatus.SIGNED
    error = next(f for f in signed.findings if f.message == UNDECIDABLE)
    assert (error.decision, error.decided_by, error.reason) == (
        "overridden",
        "dr.doe",
        "size is in the op note; coder to confirm",
    )
    audit = visits.visit_audit(db, ready.id)
    overridden = [e for e in audit if e.action == "finding_overridden"]
    assert overridden and overridden[-1].after is not None
    assert overridden[-1].after["reason"] == "size is in the op note; coder to confirm"
    signing = [e for e in audit if e.action == "sign"][-1]
    assert signing.after is not None
    assert "size is in the op note" in signing.after["reason"]


def test_a_clean_claim_signs_without_a_reason(db: Database) -> None:
    stored = visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)
    ready = visits.mark_ready(db, stored.id, expected_version=stored.version, actor="ma")
    signed = visits.sign(db, ready.id, expected_version=ready.version, actor="dr.doe")
    assert signed.status is VisitStatus.SIGNED


def test_an_error_overridden_before_signing_no_longer_blocks(db: Database) -> None:
    ready = _ready_with_an_error(db)
    position = next(f.position for f in ready.findings if f.message == UNDECIDABLE)
    decided = visits.decide_finding(
        db, ready.id, position, decision="overridden", reason="checked", actor="dr.doe"
    )
    signed = visits.sign(db, ready.id, expected_version=decided.version, actor="dr.doe")
    assert signed.status is VisitStatus.SIGNED
