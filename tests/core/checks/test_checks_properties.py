"""Properties: the checks never raise on any claim built from valid records."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dermcharge.anatomy.sites import Site, site_table
from dermcharge.checks.context import CheckContext, PriorVisit
from dermcharge.checks.registry import CHECK_FAILED, CHECKS, run_checks, verdict
from dermcharge.coding.diagnoses import known_findings
from dermcharge.coding.engine import code_visit
from dermcharge.coding.visit_json import InvalidVisit, parse_visit
from dermcharge.domain.claim import ClaimLine, CodedClaim, Finding, NotBilled
from dermcharge.domain.visit import Kind, Visit
from tests.core.checks.claim_builders import DOS, icd

SITES = sorted(site_table().sites)
CODES = [
    "10060", "10061", "11102", "11103", "11104", "11105", "11200", "11201", "11301", "11402",
    "11602", "11643", "11900", "11901", "12032", "13121", "13122", "14040", "17000", "17003",
    "17004", "17110", "17111", "17262", "17311", "17312", "17315", "96920", "99203", "99213",
    "99211", "J3301", "G2211", "11100", "1130",
]  # fmt: skip
DIAGNOSES = [
    "L57.0", "L82.1", "L82.0", "D22.5", "C44.519", "C44.90", "C44.31", "D48.5", "L70.0",
    "L40.0", "L91.8", "Z41.1", "L72.0", "B07.8", "C44.612", "XYZ", "",
]  # fmt: skip
MODIFIERS = ["25", "57", "59", "XS", "RT", "LT", "GA", "GZ", "GY", "GX", "24", "58", "79", "51",
             "F1", "5", "XSS"]  # fmt: skip


@st.composite
def procedure_json(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(list(Kind)))
    site_id = draw(st.sampled_from(SITES))
    site: Site | None = site_table()[site_id]
    if kind in (Kind.NAIL_AVULSION, Kind.NAIL_MATRIX_EXCISION, Kind.NAIL_DEBRIDEMENT):
        site_id, site = draw(st.sampled_from(["finger", "toe"])), None
    data: dict[str, Any] = {"kind": kind.value, "site": site_id}
    if site is None or site.sides:
        data["laterality"] = draw(st.sampled_from(["left", "right"]))
    if site is None or site.digit:
        data["digit"] = draw(st.integers(1, 5))
    cm = st.decimals(Decimal("0.1"), Decimal("6"), places=1)
    data.update(
        count=draw(st.integers(0, 40)),
        lesion_cm=draw(cm),
        margin_cm=draw(st.decimals(Decimal("0"), Decimal("1"), places=1)),
        length_cm=draw(cm),
        defect_sq_cm=draw(st.decimals(Decimal("1"), Decimal("80"), places=0)),
        stages=draw(st.lists(st.integers(1, 9), min_size=1, max_size=4)),
        area_sq_cm=draw(st.decimals(Decimal("10"), Decimal("900"), places=0)),
        modality=draw(st.sampled_from(["uvb", "uvb_with_topical", "puva"])),
        symptomatic=draw(st.booleans()),
        cosmetic=draw(st.booleans()),
        path_pending=draw(st.booleans()),
        separate_lesion=draw(st.booleans()),
        abn=draw(st.sampled_from(["none", "signed", "voluntary"])),
    )
    if draw(st.booleans()):
        data.update(drug="triamcinolone_acetonide", dose_mg=draw(st.integers(1, 80)))
    if draw(st.booleans()):
        data["finding"] = draw(st.sampled_from(sorted(known_findings())))
    return data


@st.composite
def visit_json(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date_of_service": str(DOS - timedelta(days=draw(st.integers(0, 1500)))),
        "payer": draw(st.sampled_from(["medicare", "medicaid", "commercial", "self_pay"])),
        "patient_status": draw(st.sampled_from(["new", "established"])),
        "procedures": draw(st.lists(procedure_json(), max_size=6)),
    }
    if draw(st.booleans()):
        code = draw(st.sampled_from(["99202", "99203", "99211", "99213", "99215"]))
        data["em"] = {"code": code, "diagnoses": [{"finding": "rosacea"}]}
    return data


def parsed(data: dict[str, Any]) -> Visit:
    try:
        return parse_visit(data, catalog_for=lambda on: icd())
    except InvalidVisit:
        assume(False)
        raise


@st.composite
def hand_built_claim(draw: st.DrawFn, procedures: int) -> CodedClaim:
    index = st.one_of(st.none(), st.integers(-1, procedures + 1))
    lines = draw(
        st.lists(
            st.builds(
                ClaimLine,
                cpt=st.sampled_from(CODES),
                units=st.integers(-1, 20),
                modifiers=st.lists(st.sampled_from(MODIFIERS), max_size=5).map(tuple),
                diagnoses=st.lists(st.sampled_from(DIAGNOSES), max_size=5).map(tuple),
                description=st.just(""),
                why=st.just(""),
                procedures=st.lists(index, max_size=3).map(tuple),
            ),
            max_size=8,
        )
    )
    listed = draw(st.lists(st.sampled_from(DIAGNOSES), max_size=14).map(tuple))
    left_off = draw(
        st.lists(st.builds(NotBilled, st.sampled_from(CODES), st.just(""),
                           st.lists(index, max_size=2).map(tuple)), max_size=2)
    )  # fmt: skip
    return CodedClaim(tuple(lines), listed, not_billed=tuple(left_off))


def assert_checks_run(ctx: CheckContext) -> None:
    found = run_checks(ctx)
    assert all(isinstance(f, Finding) for f in found)
    assert not [f for f in found if f.check == CHECK_FAILED]
    for _name, check in CHECKS:  # each check on its own raises nothing either
        check(ctx)
    verdict(found)


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@PROPERTY
@given(visit_json(), st.lists(visit_json(), max_size=2))
def test_checks_never_raise_on_engine_coded_claims(
    data: dict[str, Any], earlier: list[dict[str, Any]]
) -> None:
    visit = parsed(data)
    history = []
    for item in earlier:
        prior = parsed(item)
        history.append(
            PriorVisit(prior.date_of_service, prior, code_visit(prior, run_checks=False))
        )
    claim = code_visit(visit, catalog_for=lambda on: icd(), run_checks=False)
    assert_checks_run(CheckContext(visit, claim, None, icd(), tuple(history)))


@PROPERTY
@given(st.data())
def test_checks_never_raise_on_hand_built_claims(data: st.DataObject) -> None:
    visit = parsed(data.draw(visit_json()))
    claim = data.draw(hand_built_claim(len(visit.procedures)))
    earlier = data.draw(hand_built_claim(0))
    on = data.draw(st.dates(date(2018, 1, 1), date(2027, 12, 31)))
    fees = tuple(data.draw(st.lists(st.decimals(-10, 500, places=2), max_size=len(claim.lines))))
    ctx = CheckContext(visit, claim, None, icd(), (PriorVisit(on, visit, earlier),), fees)
    assert_checks_run(ctx)
