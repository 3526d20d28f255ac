"""draft -> ready -> signed (locked) -> billed; amendments keep the signed version."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.workflow import (
    TRANSITIONS,
    VisitAction,
    VisitStatus,
    allowed_actions,
    next_status,
)
from dermcharge.services import visits
from dermcharge.storage.database import Database
from dermcharge.storage.errors import IllegalTransition, VisitLocked
from tests.storage.storage_samples import sample_record, sample_visit, stand_in_coder


def _new(db: Database) -> StoredVisit:
    return visits.create_visit(db, sample_record(), actor="ma", coder=stand_in_coder)


def _signed(db: Database) -> StoredVisit:
    stored = _new(db)
    stored = visits.mark_ready(db, stored.id, expected_version=stored.version, actor="ma")
    return visits.sign(db, stored.id, expected_version=stored.version, actor="dr.doe")


def test_the_table_only_moves_forward_through_review_and_amendment() -> None:
    assert next_status(VisitStatus.DRAFT, VisitAction.SIGN) is None
    assert next_status(VisitStatus.SIGNED, VisitAction.EDIT) is None
    assert next_status(VisitStatus.BILLED, VisitAction.MARK_BILLED) is None
    assert allowed_actions(VisitStatus.SIGNED) == (VisitAction.MARK_BILLED, VisitAction.AMEND)
    # Every locked state is left only by an amendment or billing.
    for (start, action), _end in TRANSITIONS.items():
        if start in (VisitStatus.SIGNED, VisitStatus.BILLED):
            assert action in (VisitAction.MARK_BILLED, VisitAction.AMEND)


def test_the_whole_way_from_draft_to_billed(db: Database) -> None:
    stored = _signed(db)
    assert stored.status is VisitStatus.SIGNED
    assert stored.signed_by == "dr.doe"
    assert stored.signed_at is not None
    billed = visits.mark_billed(db, stored.id, expected_version=stored.version, actor="billing")
    assert billed.status is VisitStatus.BILLED
    assert billed.billed_at is not None
    assert billed.version == 4


def test_a_draft_cannot_be_signed_and_says_what_to_do(db: Database) -> None:
    stored = _new(db)
    with pytest.raises(IllegalTransition, match=r"is draft; it cannot be signed \(mark it ready"):
        visits.sign(db, stored.id, expected_version=stored.version, actor="dr.doe")
    assert visits.open_visit(db, stored.id).status is VisitStatus.DRAFT


def test_billing_an_unsigned_visit_is_refused(db: Database) -> None:
    stored = _new(db)
    with pytest.raises(IllegalTransition, match="only a signed visit can be billed"):
        visits.mark_billed(db, stored.id, expected_version=stored.version, actor="billing")


def test_a_ready_visit_can_be_reopened_and_edited(db: Database) -> None:
    stored = _new(db)
    ready = visits.mark_ready(db, stored.id, expected_version=stored.version, actor="ma")
    edited = visits.save_visit(
        db,
        ready.id,
        sample_visit(count=3),
        expected_version=ready.version,
        actor="ma",
        coder=stand_in_coder,
    )
    assert edited.status is VisitStatus.READY
    draft = visits.reopen(db, edited.id, expected_version=edited.version, actor="ma")
    assert draft.status is VisitStatus.DRAFT


def test_a_signed_visit_is_locked(db: Database) -> None:
    stored = _signed(db)
    with pytest.raises(VisitLocked, match="only an amendment can change it"):
        visits.save_visit(
            db,
            stored.id,
            sample_visit(count=3),
            expected_version=stored.version,
            actor="ma",
            coder=stand_in_coder,
        )
    with pytest.raises(IllegalTransition):
        visits.reopen(db, stored.id, expected_version=stored.version, actor="ma")
    with pytest.raises(VisitLocked):
        visits.decide_finding(db, stored.id, 0, decision="acknowledged", reason="", actor="ma")
    assert visits.open_visit(db, stored.id).record.visit == sample_visit()


def test_an_amendment_keeps_the_signed_version_and_reopens_a_draft(db: Database) -> None:
    signed = _signed(db)
    with pytest.raises(IllegalTransition, match="needs a reason"):
        visits.amend(db, signed.id, expected_version=signed.version, actor="dr.doe", reason=" ")
    amended = visits.amend(
        db, signed.id, expected_version=signed.version, actor="dr.doe", reason="wrong count"
    )
    assert amended.status is VisitStatus.DRAFT
    assert amended.amendment == 1
    assert amended.signed_by is None
    changed = visits.save_visit(
        db,
        amended.id,
        sample_visit(count=3),
        expected_version=amended.version,
        actor="dr.doe",
        coder=stand_in_coder,
    )
    kept = visits.signed_versions(db, signed.id)
    assert len(kept) == 1
    assert kept[0].status is VisitStatus.SIGNED
    assert kept[0].signed_by == "dr.doe"
    assert kept[0].reason == "wrong count"
    assert kept[0].visit_json["procedures"][0]["count"] == 12
    assert changed.record.visit.procedures[0].count == 3
    resigned = visits.sign(
        db,
        changed.id,
        expected_version=visits.mark_ready(
            db, changed.id, expected_version=changed.version, actor="ma"
        ).version,
        actor="dr.doe",
    )
    assert resigned.status is VisitStatus.SIGNED


def test_a_billed_visit_can_be_amended_for_a_corrected_claim(db: Database) -> None:
    signed = _signed(db)
    billed = visits.mark_billed(db, signed.id, expected_version=signed.version, actor="billing")
    amended = visits.amend(
        db, billed.id, expected_version=billed.version, actor="dr.doe", reason="payer denial"
    )
    assert amended.status is VisitStatus.DRAFT
    assert [v.status for v in visits.signed_versions(db, billed.id)] == [VisitStatus.BILLED]


def test_findings_are_acknowledged_with_who_and_why_and_survive_recoding(db: Database) -> None:
    stored = _new(db)
    with pytest.raises(Exception, match="overriding a finding needs a reason"):
        visits.decide_finding(db, stored.id, 0, decision="overridden", reason="", actor="ma")
    decided = visits.decide_finding(
        db, stored.id, 0, decision="acknowledged", reason="path sent", actor="dr.doe"
    )
    finding = decided.findings[0]
    assert (finding.decision, finding.decided_by, finding.reason) == (
        "acknowledged",
        "dr.doe",
        "path sent",
    )
    recoded = visits.save_visit(
        db,
        stored.id,
        replace(sample_visit(), payer=sample_visit().payer),
        expected_version=decided.version,
        actor="ma",
        coder=stand_in_coder,
    )
    assert recoded.findings[0].decision == "acknowledged"
    assert recoded.findings[0].decided_by == "dr.doe"
