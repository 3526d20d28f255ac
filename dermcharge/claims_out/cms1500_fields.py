"""A claim as the boxes of the CMS-1500 (02/12) paper form: one dict of box -> text per page.

Box contents follow the NUCC 1500 Health Insurance Claim Form Reference Instruction Manual
(version 02/12): 1 insurance type, 1a insured's id, 2 patient name (Last, First), 3 birth date
MM DD YYYY and sex, 4 insured's name, 5 address, 6 relationship, 7 insured's address, 11 group,
11a insured's birth date and sex, 11c plan, 11d another plan (NO: we bill the primary), 12/13
"SIGNATURE ON FILE", 21 ICD indicator 0 (ICD-10-CM) and diagnoses A-L without dots, 22
resubmission code (7 replacement, 8 void) with the original reference, 24A-J per line (at most
six lines a form; more lines continue on further forms, each form totalled on its own), 25 EIN,
26 patient account, 27 accept assignment, 28 total, 31 signature, 32 service facility, 33
billing provider with 33a NPI.
"""

from __future__ import annotations

from decimal import Decimal

from dermcharge.claims_out.claim_record import ClaimOut, Frequency, compact_code

LINES_PER_FORM = 6
LETTERS = "ABCDEFGHIJKL"
# Box 1 check boxes by payer kind.
INSURANCE_TYPE = {"medicare": "1_medicare", "medicaid": "1_medicaid", "commercial": "1_group"}
RELATIONSHIP_BOX = {"self": "6_self", "spouse": "6_spouse", "child": "6_child", "other": "6_other"}


def _date(value: object) -> str:
    return f"{value:%m %d %Y}"


def _money(value: Decimal) -> str:
    """Dollars and cents in their two boxes: ' 1234 50' (the form prints no point)."""
    whole, cents = f"{value.quantize(Decimal('0.01')):.2f}".split(".")
    return f"{whole:>5} {cents}"


def form_pages(claim: ClaimOut) -> list[dict[str, str]]:
    """The form's boxes for each page the claim needs (six service lines a page)."""
    chunks = [
        claim.lines[start : start + LINES_PER_FORM]
        for start in range(0, max(len(claim.lines), 1), LINES_PER_FORM)
    ]
    return [_page(claim, chunk, number, len(chunks)) for number, chunk in enumerate(chunks, 1)]


def _page(claim: ClaimOut, lines: tuple, page: int, pages: int) -> dict[str, str]:  # type: ignore[type-arg]
    patient, practice, provider = claim.patient, claim.practice, claim.provider
    policy = claim.insurance
    boxes: dict[str, str] = {}
    if policy is not None:
        boxes["carrier_name"] = policy.payer_name
        boxes[INSURANCE_TYPE.get(claim.payer_kind, "1_other")] = "X"
        boxes["1a"] = policy.member_id
        person = policy.subscriber_person if policy.relationship != "self" else None
        insured_last = person.last_name if person else patient.last_name
        insured_first = person.first_name if person else patient.first_name
        insured_address = person.address if person else patient.address
        boxes["4"] = f"{insured_last}, {insured_first}"
        boxes["7_street"] = insured_address.line1
        boxes["7_city"] = insured_address.city
        boxes["7_state"] = insured_address.state
        boxes["7_zip"] = insured_address.zip
        boxes[RELATIONSHIP_BOX[policy.relationship]] = "X"
        boxes["11"] = policy.group
        insured_dob = person.dob if person else patient.dob
        insured_sex = person.sex if person else patient.sex
        if insured_dob is not None:
            boxes["11a_dob"] = _date(insured_dob)
        if insured_sex in ("M", "F"):
            boxes[f"11a_{insured_sex.lower()}"] = "X"
        boxes["11c"] = policy.plan or policy.payer_name
        boxes["11d_no"] = "X"
    boxes["2"] = f"{patient.last_name}, {patient.first_name}"
    boxes["3_dob"] = _date(patient.dob)
    if patient.sex in ("M", "F"):
        boxes[f"3_{patient.sex.lower()}"] = "X"
    boxes["5_street"] = patient.address.line1
    boxes["5_city"] = patient.address.city
    boxes["5_state"] = patient.address.state
    boxes["5_zip"] = patient.address.zip
    boxes["5_phone"] = patient.phone
    for box in ("10a_no", "10b_no", "10c_no"):  # not employment, auto or other accident
        boxes[box] = "X"
    boxes["12"] = "SIGNATURE ON FILE"
    boxes["13"] = "SIGNATURE ON FILE"
    boxes["21_ind"] = "0"  # ICD-10-CM
    for letter, code in zip(LETTERS, claim.diagnoses, strict=False):
        boxes[f"21_{letter}"] = compact_code(code)
    if claim.frequency in (Frequency.REPLACEMENT, Frequency.VOID):
        boxes["22_code"] = claim.frequency
        boxes["22_ref"] = claim.original_claim_id
    total = Decimal("0")
    for number, line in enumerate(lines, start=1):
        total += line.charge
        boxes[f"24_{number}_from"] = f"{claim.date_of_service:%m %d %y}"
        boxes[f"24_{number}_to"] = f"{claim.date_of_service:%m %d %y}"
        boxes[f"24_{number}_pos"] = claim.place_of_service
        boxes[f"24_{number}_cpt"] = line.cpt
        boxes[f"24_{number}_mod"] = " ".join(line.modifiers)
        boxes[f"24_{number}_ptr"] = "".join(LETTERS[p - 1] for p in line.pointers)
        boxes[f"24_{number}_charge"] = _money(line.charge)
        boxes[f"24_{number}_units"] = str(line.units)
        boxes[f"24_{number}_npi"] = provider.npi
    boxes["25"] = practice.tax_id.replace("-", "")
    boxes["25_ein"] = "X"
    boxes["26"] = patient.account_number
    boxes["27_yes"] = "X"
    boxes["28"] = _money(total)
    boxes["31"] = f"{provider.name} {provider.credentials}".strip()
    boxes["31_date"] = f"{claim.signed_at:%m %d %y}" if claim.signed_at else ""
    boxes["32_name"] = practice.name
    boxes["32_street"] = practice.address.line1
    boxes["32_city"] = f"{practice.address.city} {practice.address.state} {practice.address.zip}"
    boxes["32a"] = practice.npi
    boxes["33_phone"] = practice.phone
    boxes["33_name"] = practice.name
    boxes["33_street"] = practice.address.line1
    boxes["33_city"] = f"{practice.address.city} {practice.address.state} {practice.address.zip}"
    boxes["33a"] = practice.npi
    if pages > 1:
        boxes["page"] = f"PAGE {page} OF {pages}"
    return boxes
