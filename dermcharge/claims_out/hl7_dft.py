"""HL7 v2.5.1 DFT^P03 (post detail financial transaction): one message per claim, the way an
EHR hands charges to a practice-management system.

Segments (HL7 v2.5.1 ch. 6, message DFT_P03): MSH, EVN, PID, PV1, then per claim line a
FINANCIAL group with FT1 (transaction date, type CG, CPT as transaction and procedure code,
modifiers, units, unit and extended amounts, diagnosis codes, performing provider NPI), DG1 per
diagnosis, and an INSURANCE group with IN1 for the primary policy. Built with hl7apy, which checks
each segment against the 2.5.1 message structure. In the file segments end with CR and each
message with CR LF (no MLLP framing: a file, not a socket).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hl7apy.consts import VALIDATION_LEVEL
from hl7apy.core import Message
from hl7apy.parser import parse_segment

from dermcharge.claims_out.claim_record import ClaimOut, Envelope, dotted_code
from dermcharge.domain.record import Address

HL7_VERSION = "2.5.1"
STRICT = VALIDATION_LEVEL.STRICT
# HL7 table 0063 (relationship): the insured's relationship to the patient.
RELATIONSHIP = {
    "self": "SEL^Self",
    "spouse": "SPO^Spouse",
    "child": "PAR^Parent",
    "other": "OTH^Other",
}
_ESCAPES = (("\\", "\\E\\"), ("|", "\\F\\"), ("^", "\\S\\"), ("&", "\\T\\"), ("~", "\\R\\"))


def esc(value: str) -> str:
    """A text value with HL7's delimiters escaped (v2.5.1 §2.7) and no line breaks."""
    for char, escape in _ESCAPES:
        value = value.replace(char, escape)
    return " ".join(value.split())


def write_dft_messages(claims: Sequence[ClaimOut], envelope: Envelope) -> str:
    messages = [
        dft_message(claim, envelope, f"{envelope.batch_id}-{number}").to_er7()
        for number, claim in enumerate(claims, start=1)
    ]
    return "".join(message + "\r\n" for message in messages)


def dft_message(claim: ClaimOut, envelope: Envelope, control_id: str) -> Message:
    """One DFT^P03 message, validated strictly as it is built."""
    message = Message("DFT_P03", version=HL7_VERSION, validation_level=STRICT)
    stamp = envelope.created_at.strftime("%Y%m%d%H%M%S")
    practice, patient = claim.practice, claim.patient
    message.msh.msh_3 = "DERMCHARGE"
    message.msh.msh_4 = f"{esc(practice.name)}^{practice.npi}^NPI"
    message.msh.msh_5 = esc(envelope.receiver_name)
    message.msh.msh_6 = esc(envelope.receiver_id)
    message.msh.msh_7 = stamp
    message.msh.msh_9 = "DFT^P03^DFT_P03"
    message.msh.msh_10 = control_id
    message.msh.msh_11 = "T" if envelope.usage == "T" else "P"
    message.msh.msh_12 = HL7_VERSION
    service_date = claim.date_of_service.strftime("%Y%m%d")
    performer = _performer(claim)
    segments = [
        f"EVN|P03|{stamp}",
        f"PID|1||{esc(patient.account_number)}^^^DERMCHARGE^MR||{_name(patient.last_name, patient.first_name)}"
        f"||{patient.dob:%Y%m%d}|{_sex(patient.sex)}|||{_address(patient.address)}"
        f"|||||||{esc(patient.account_number)}",
        f"PV1|1|O|||||{performer}||||||||||||{esc(claim.claim_id)}" + "|" * 25 + service_date,
    ]
    for text in segments:
        message.add(parse_segment(text, version=HL7_VERSION, validation_level=STRICT))
    for number, line in enumerate(claim.lines, start=1):
        group = message.add_group("DFT_P03_FINANCIAL")
        diagnoses = "~".join(f"{dotted_code(claim.diagnoses[p - 1])}^^I10" for p in line.pointers)
        modifiers = "~".join(f"{m}^^C4" for m in line.modifiers)
        procedure = f"{line.cpt}^{esc(line.description)}^C4"
        group.add(
            parse_segment(
                f"FT1|{number}|{esc(claim.claim_id)}-{number}||{service_date}||CG|{procedure}"
                f"|||{line.units}|{_money(line.charge)}|{_money(line.unit_charge)}"
                f"|||||||{diagnoses}|{performer}|||||{procedure}|{modifiers}",
                version=HL7_VERSION,
                validation_level=STRICT,
            )
        )
    for number, code in enumerate(claim.diagnoses, start=1):
        message.add(
            parse_segment(
                f"DG1|{number}|I10|{dotted_code(code)}^^I10|||F|||||||||{number}",
                version=HL7_VERSION,
                validation_level=STRICT,
            )
        )
    if claim.insurance is not None:
        message.add_group("DFT_P03_INSURANCE").add(_in1(claim))
    return message


def _in1(claim: ClaimOut):  # type: ignore[no-untyped-def]
    policy = claim.insurance
    assert policy is not None
    person = policy.subscriber_person
    if policy.relationship == "self" or person is None:
        insured = _name(claim.patient.last_name, claim.patient.first_name)
        insured_dob = f"{claim.patient.dob:%Y%m%d}"
    else:
        insured = _name(person.last_name, person.first_name)
        insured_dob = f"{person.dob:%Y%m%d}" if person.dob else ""
    payer_id = esc(policy.payer_id or policy.payer_name)
    fields = [
        "IN1",
        "1",
        f"{payer_id}^{esc(policy.plan or policy.payer_name)}",
        payer_id,
        esc(policy.payer_name),
        "",
        "",
        "",
        esc(policy.group),
        *[""] * 7,
        insured,
        RELATIONSHIP[policy.relationship],
        insured_dob,
        *[""] * 17,
        esc(policy.member_id),
    ]
    return parse_segment("|".join(fields), version=HL7_VERSION, validation_level=STRICT)


def _performer(claim: ClaimOut) -> str:
    """XCN: NPI^family^given with the NPI's assigning authority and identifier type."""
    name = claim.provider.name.split()
    family, given = (name[-1], " ".join(name[:-1])) if len(name) > 1 else (claim.provider.name, "")
    return f"{claim.provider.npi}^{esc(family)}^{esc(given)}^^^^^^NPI^L^^^NPI"


def _name(last: str, first: str) -> str:
    return f"{esc(last)}^{esc(first)}"


def _address(address: Address) -> str:
    parts = (address.line1, address.line2, address.city, address.state, address.zip)
    return "^".join(esc(part) for part in parts)


def _sex(sex: str) -> str:
    """HL7 table 0001: F, M, U (our "X" has no 2.5.1 code of its own: sent as U, unknown)."""
    return sex if sex in ("F", "M") else "U"


def _money(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'))}&USD"
