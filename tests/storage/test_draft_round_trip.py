"""Whatever the capture flow can hold saves and reopens as it was (issue 12, fault 1).

Before the visit codec, storage wrote the contract's visit JSON and read it back through the
strict contract parser: an excision without its size, a 31 cm lesion or a count of 501 — all
states the capture flow accepts while a person types — could not be saved or reopened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermcharge.domain.visit import Kind, Laterality, Modality, PatientStatus, RepairType
from dermcharge.services import visits
from dermcharge.services.capture_flow import CaptureFlow
from dermcharge.storage.database import Database
from tests.storage.storage_samples import sample_record, stand_in_coder

Action = Callable[[CaptureFlow], Any]

_SITES = [
    ("upper_back", None),
    ("cheek", Laterality.LEFT),
    ("finger", Laterality.RIGHT),
    ("scalp", None),
]
_sizes = st.one_of(st.none(), st.decimals(Decimal("0"), Decimal("400"), places=1))


def _on_current(act: Callable[[CaptureFlow], Any]) -> Action:
    def action(flow: CaptureFlow) -> None:
        if flow.current_procedure is not None:
            act(flow)

    return action


def _select(flow: CaptureFlow, index: int) -> None:
    if flow.visit.procedures:
        flow.select_procedure(index % len(flow.visit.procedures))


def _remove(flow: CaptureFlow, index: int) -> None:
    if flow.visit.procedures:
        flow.remove_procedure(index % len(flow.visit.procedures))


def _em(flow: CaptureFlow, index: int) -> None:
    codes = flow.em_codes()
    flow.set_em(codes[index % len(codes)])


_site = st.sampled_from(_SITES).map(lambda s: lambda flow: flow.select_site(s[0], s[1], 2))
ACTIONS: st.SearchStrategy[Action] = st.one_of(
    _site,
    st.sampled_from(list(Kind)).map(lambda kind: lambda flow: flow.choose_kind(kind)),
    st.one_of(st.none(), st.integers(-3, 900)).map(
        lambda n: _on_current(lambda flow: flow.set_count(n))
    ),
    _sizes.map(lambda v: _on_current(lambda flow: flow.set_lesion(v, "cm"))),
    _sizes.map(lambda v: _on_current(lambda flow: flow.set_margin(v, "mm"))),
    _sizes.map(lambda v: _on_current(lambda flow: flow.set_length(v))),
    st.tuples(st.sampled_from([None, *RepairType]), _sizes).map(
        lambda r: _on_current(lambda flow: flow.set_repair(r[0], r[1]))
    ),
    st.lists(st.integers(0, 60), max_size=4).map(
        lambda s: _on_current(lambda flow: flow.set_stages(s))
    ),
    st.sampled_from([None, *Modality]).map(
        lambda m: _on_current(lambda flow: flow.set_field(modality=m))
    ),
    _sizes.map(lambda v: _on_current(lambda flow: flow.set_field(defect_sq_cm=v, area_sq_cm=v))),
    st.sampled_from(["actinic_keratosis", "seborrheic_keratosis", "no_such_finding"]).map(
        lambda f: _on_current(lambda flow: flow.set_finding(f))
    ),
    st.sampled_from(["L57.0", "C44.311", "XYZ"]).map(
        lambda c: _on_current(lambda flow: flow.set_icd10(c))
    ),
    st.booleans().map(lambda b: _on_current(lambda flow: flow.set_path_pending(b))),
    st.just(lambda flow: flow.finish_procedure()),
    st.integers(0, 5).map(lambda i: lambda flow: _select(flow, i)),
    st.integers(0, 5).map(lambda i: lambda flow: _remove(flow, i)),
    st.sampled_from(list(PatientStatus)).map(lambda s: lambda flow: flow.set_patient_status(s)),
    st.integers(0, 4).map(lambda i: lambda flow: _em(flow, i)),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=st.lists(ACTIONS, min_size=1, max_size=12))
def test_every_capture_state_saves_and_reopens_the_same(
    db: Database, actions: list[Action]
) -> None:
    stored = visits.create_visit(
        db, sample_record(account="RT-1"), actor="dr.doe", coder=stand_in_coder
    )
    flow = CaptureFlow(replace(stored.record.visit, procedures=()), coder=stand_in_coder)
    for action in actions:
        action(flow)
    saved = visits.save_visit(
        db,
        stored.id,
        flow.visit,
        expected_version=stored.version,
        actor="dr.doe",
        coder=stand_in_coder,
    )
    assert saved.record.visit == flow.visit
    assert visits.open_visit(db, stored.id).record.visit == flow.visit


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": Kind.EXCISION_BENIGN},  # no size yet
        {"kind": Kind.SHAVE_REMOVAL, "lesion_cm": Decimal(31)},  # past the contract's limit
        {"kind": Kind.SKIN_TAG_REMOVAL, "count": 501},
    ],
)
def test_a_half_entered_procedure_saves_with_the_real_engine(
    db: Database, changes: dict[str, Any]
) -> None:
    stored = visits.create_visit(
        db, sample_record(account="RT-2"), actor="dr.doe", coder=stand_in_coder
    )
    first = stored.record.visit.procedures[0]
    visit = replace(
        stored.record.visit,
        procedures=(
            replace(first, **{"count": None, **changes}),
            *stored.record.visit.procedures[1:],
        ),
    )
    saved = visits.save_visit(db, stored.id, visit, expected_version=stored.version, actor="dr")
    assert visits.open_visit(db, saved.id).record.visit == visit
    assert saved.claim is not None  # the complete procedures are coded; the rest flagged
