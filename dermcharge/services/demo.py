"""`dermcharge demo`: fill a new database with a realistic, entirely synthetic month of clinic.

One practice, three providers, 200 patients and a month of visits ending today (today always has
visits), each coded by the engine and moved along the workflow as a real month would be: older
visits billed, recent ones signed or ready, today's still drafts. The same seed and today give
the same content. A database that already holds anything is refused.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from dermcharge.coding.visit_json import parse_visit
from dermcharge.domain.record import Provider
from dermcharge.domain.visit import Payer
from dermcharge.domain.workflow import VisitAction
from dermcharge.fees.demo import demo_fee_schedule
from dermcharge.services.demo_people import (
    COMMERCIAL_PLANS,
    MEDICAID_NAME,
    MEDICARE_NAME,
    age_on,
    demo_insurance,
    demo_patient,
    demo_practice,
    demo_providers,
    payer_for_age,
)
from dermcharge.services.demo_visits import demo_visit_json
from dermcharge.services.visits import Coder, engine_coder
from dermcharge.storage import payer_repository, visit_repository
from dermcharge.storage import people_repository as people
from dermcharge.storage.database import Database
from dermcharge.storage.errors import DatabaseNotEmpty

DEMO_ACTOR = "demo"
DEFAULT_SEED = 1
PATIENTS = 200
DAYS = 30
# A demo visit only moves forward, so its version says where it stands.
STATUS_BY_VERSION = {1: "draft", 2: "ready", 3: "signed", 4: "billed"}


@dataclass(frozen=True)
class DemoSummary:
    practice: str
    providers: tuple[Provider, ...]
    patients: int
    visits: int
    first_day: date
    last_day: date
    visits_today: int
    by_status: dict[str, int]


def _steps_for(days_ago: int, rng: random.Random) -> tuple[VisitAction, ...]:
    """How far along the workflow a visit of that age has come."""
    ready = (VisitAction.MARK_READY,)
    signed = (*ready, VisitAction.SIGN)
    if days_ago == 0:
        return ready if rng.random() < 0.3 else ()
    if days_ago <= 2:
        return signed if rng.random() < 0.5 else ready
    if days_ago <= 6:
        return signed
    return (*signed, VisitAction.MARK_BILLED) if rng.random() < 0.85 else signed


def is_empty(db: Database) -> bool:
    with db.read() as session:
        return (
            people.get_practice(session) is None
            and not people.list_providers(session)
            and people.count_patients(session) == 0
        )


def fill_demo_database(
    db: Database,
    *,
    today: date,
    seed: int = DEFAULT_SEED,
    patients: int = PATIENTS,
    days: int = DAYS,
    coder: Coder = engine_coder,
) -> DemoSummary:
    """Fill an empty database in one transaction; raises DatabaseNotEmpty otherwise."""
    if not is_empty(db):
        raise DatabaseNotEmpty(
            "the database already holds data; the demo fills only a new, empty database "
            "(give another --db, or a new file)"
        )
    rng = random.Random(seed)
    at = db.clock()
    practice = demo_practice(rng)
    providers = demo_providers(rng)
    statuses: Counter[str] = Counter()
    visits_today = 0
    with db.write() as session:
        people.save_practice(session, practice, actor=DEMO_ACTOR, at=at)
        provider_ids = [people.add_provider(session, p, actor=DEMO_ACTOR, at=at) for p in providers]
        for name, payer in (
            (MEDICARE_NAME, Payer.MEDICARE),
            (MEDICAID_NAME, Payer.MEDICAID),
            *((plan_name, Payer.COMMERCIAL) for plan_name, _ in COMMERCIAL_PLANS),
        ):
            payer_repository.add_payer_profile(
                session, payer_repository.NamedPayer(name, payer), actor=DEMO_ACTOR, at=at
            )
        payer_repository.add_fee_schedule(session, demo_fee_schedule(), actor=DEMO_ACTOR, at=at)
        roster = []
        for number in range(1, patients + 1):
            patient = demo_patient(rng, number, today)
            payer = payer_for_age(rng, age_on(patient.dob, today))
            insurance = demo_insurance(rng, payer, patient)
            roster.append(
                (people.add_patient(session, patient, insurance, actor=DEMO_ACTOR, at=at), payer)
            )
        seen: set[int] = set()
        for days_ago in range(days - 1, -1, -1):
            day = today - timedelta(days=days_ago)
            if day.weekday() >= 5 and days_ago > 0:
                continue  # the clinic is closed at weekends, but today is never empty
            for _ in range(max(rng.randint(10, 16), 8)):
                patient_id, payer = rng.choice(roster)
                visit = parse_visit(
                    demo_visit_json(rng, day, payer, new_patient=patient_id not in seen)
                )
                seen.add(patient_id)
                visit_id = visit_repository.add_visit(
                    session,
                    visit,
                    coder(visit),
                    patient_id=patient_id,
                    provider_id=rng.choice(provider_ids),
                    place_of_service="11",
                    actor=DEMO_ACTOR,
                    at=at,
                )
                version = 1
                for action in _steps_for(days_ago, rng):
                    version = visit_repository.change_status(
                        session,
                        visit_id,
                        action,
                        expected_version=version,
                        actor=DEMO_ACTOR,
                        at=at,
                    )
                statuses[STATUS_BY_VERSION[version]] += 1
                visits_today += days_ago == 0
    return DemoSummary(
        practice=practice.name,
        providers=providers,
        patients=patients,
        visits=sum(statuses.values()),
        first_day=today - timedelta(days=days - 1),
        last_day=today,
        visits_today=visits_today,
        by_status=dict(statuses),
    )
