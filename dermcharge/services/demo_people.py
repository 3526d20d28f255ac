"""Synthetic people for the demo database: a practice, three providers and patients.

Every name, address, phone number and identifier here is invented. Names deliberately include
accents, apostrophes, hyphens and spaces, so screens, sorting and PDFs meet them on day one.
Phone numbers use the 555-01xx range set aside for fiction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from dermcharge.domain.npi import check_digit
from dermcharge.domain.record import Address, Insurance, Patient, Practice, Provider
from dermcharge.domain.visit import Payer
from dermcharge.services.demo_marker import DEMO_PRACTICE_NAME, DEMO_PRACTICE_TAX_ID

FIRST_NAMES = (
    "Zoë",
    "José",
    "Renée",
    "Chloé",
    "Björn",
    "Siobhán",
    "Ana María",
    "François",
    "Mónica",
    "Léa",
    "Søren",
    "Kwame",
    "Aisha",
    "Mei",
    "Hiroshi",
    "Olga",
    "Priya",
    "Fatima",
    "Omar",
    "Grace",
    "Henry",
    "Margaret",
    "Walter",
    "Dolores",
    "Eugene",
    "Beatriz",
    "Joaquín",
    "Thảo",
    "D'Andre",
    "Jean-Luc",
    "Ingrid",
    "Mary Ellen",
    "Raúl",
    "Agnès",
    "Declan",
    "Nkechi",
    "Tomás",
    "Ruth",
    "Samuel",
    "Eleanor",
    "Frank",
    "Harold",
    "Lucía",
    "Małgorzata",
    "Yusuf",
    "Ava",
)
LAST_NAMES = (
    "O'Brien",
    "D'Angelo",
    "O'Neill",
    "McAllister",
    "García",
    "Núñez",
    "Müller",
    "Łukasiewicz",
    "Okafor",
    "Nguyễn",
    "Schröder",
    "Dubois-Lefèvre",
    "Ó Súilleabháin",
    "St. Clair",
    "van der Berg",
    "Kowalski",
    "Johansson",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Robinson",
    "Walker",
    "Young",
    "Wright",
    "Hill",
    "Peña",
    "Ørsted",
    "Al-Sayed",
    "Rossi",
    "Kim",
    "Patel",
    "Haddad",
    "Fitzgerald",
    "Beaulieu",
)
STREETS = (
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Lincoln Blvd",
    "Cedar Ln",
    "Washington St",
    "Elm Ct",
    "Prairie Rd",
    "Lakeview Ter",
    "Mill St",
)
TOWNS = (
    ("Springfield", "IL", "62701"),
    ("Chatham", "IL", "62629"),
    ("Rochester", "IL", "62563"),
    ("Sherman", "IL", "62684"),
    ("Riverton", "IL", "62561"),
    ("Petersburg", "IL", "62675"),
)
COMMERCIAL_PLANS = (
    ("BlueCross BlueShield of Illinois", "PPO"),
    ("Aetna", "Open Access"),
    ("UnitedHealthcare", "Choice Plus"),
    ("Cigna", "OAP"),
)
MEDICARE_NAME = "Medicare Part B"
MEDICAID_NAME = "Illinois Medicaid"
DERMATOLOGY_TAXONOMY = "207N00000X"  # NUCC: Dermatology


def synthetic_npi(rng: random.Random) -> str:
    """A valid-looking NPI (correct check digit) that belongs to nobody we know of."""
    first_nine = "1" + "".join(str(rng.randrange(10)) for _ in range(8))
    return first_nine + check_digit(first_nine)


def demo_practice(rng: random.Random) -> Practice:
    return Practice(
        name=DEMO_PRACTICE_NAME,
        npi=synthetic_npi(rng),
        tax_id=DEMO_PRACTICE_TAX_ID,
        phone="217-555-0100",
        address=Address("800 N Rutledge St", "Suite 210", "Springfield", "IL", "62702"),
        taxonomy=DERMATOLOGY_TAXONOMY,
        place_of_service="11",
    )


def demo_providers(rng: random.Random) -> tuple[Provider, ...]:
    return (
        Provider("Amara Okafor", synthetic_npi(rng), "MD"),
        Provider("Luis Fernández", synthetic_npi(rng), "DO"),
        Provider("Claire O'Neill", synthetic_npi(rng), "PA-C"),
    )


def _phone(rng: random.Random) -> str:
    return f"217-555-01{rng.randrange(100):02d}"


def payer_for_age(rng: random.Random, age: int) -> Payer:
    if age >= 65:
        return Payer.MEDICARE if rng.random() < 0.92 else Payer.SELF_PAY
    roll = rng.random()
    if roll < 0.15:
        return Payer.MEDICAID
    if roll < 0.93:
        return Payer.COMMERCIAL
    return Payer.SELF_PAY


def _member_id(rng: random.Random, length: int) -> str:
    alphabet = "ACDEFGHJKMNPQRTUVWXY0123456789"
    return "".join(rng.choice(alphabet) for _ in range(length))


def demo_insurance(rng: random.Random, payer: Payer, patient: Patient) -> tuple[Insurance, ...]:
    if payer is Payer.SELF_PAY:
        return ()
    if payer is Payer.MEDICARE:
        primary = Insurance(MEDICARE_NAME, "1" + _member_id(rng, 10), plan="Part B")
        if rng.random() < 0.4:
            name, plan = rng.choice(COMMERCIAL_PLANS)
            return (
                primary,
                Insurance(
                    name,
                    _member_id(rng, 9),
                    f"G{rng.randrange(10**5):05d}",
                    "Medigap",
                    priority="secondary",
                ),
            )
        return (primary,)
    if payer is Payer.MEDICAID:
        return (Insurance(MEDICAID_NAME, _member_id(rng, 9), plan="Medicaid"),)
    name, plan = rng.choice(COMMERCIAL_PLANS)
    subscriber = "self" if rng.random() < 0.7 else f"{rng.choice(FIRST_NAMES)} {patient.last_name}"
    return (Insurance(name, _member_id(rng, 9), f"G{rng.randrange(10**5):05d}", plan, subscriber),)


def demo_patient(rng: random.Random, number: int, today: date) -> Patient:
    age_days = rng.randrange(6 * 365, 94 * 365)
    street_number = rng.randrange(10, 9900)
    town, state, zip_code = rng.choice(TOWNS)
    return Patient(
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        dob=today - timedelta(days=age_days),
        sex=rng.choice("FFMMFMX" if number % 50 == 0 else "FM"),
        account_number=f"PSD-{number:05d}",
        phone=_phone(rng),
        address=Address(f"{street_number} {rng.choice(STREETS)}", "", town, state, zip_code),
    )


def age_on(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
