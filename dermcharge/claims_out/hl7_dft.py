"""HL7 v2.5.1 DFT^P03 (post detail financial transaction): one message per claim, the way an
EHR hands charges to a practice-management system.

Segments (HL7 v2.5.1 ch. 6, message DFT_P03): MSH, EVN, PID, PV1, then per claim line a
FINANCIAL group with FT1 (transaction date, type CG, CPT as transaction and procedure code,
modifiers, units, unit and extended amounts, diagnosis codes, performing provider NPI), DG1 per
diagnosis, and an INSURANCE group with IN1 for the primary policy. Built with hl7apy, which checks
each segment against the 2.5.1 message structure (`dft_message`). In the file segments end with
CR and each message with CR LF (no MLLP framing: a file, not a socket).
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
LEVEL = VALIDATION_LEVEL.STRICT
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
    """The file: the same segments `dft_message` builds with hl7apy, joined directly (building
    hl7apy's element tree costs ~50 ms a message; the tests hold both to the same text and
    validate every message strictly)."""
    return "".join(
        "\r".join(dft_segments(claim, envelope, f"{envelope.batch_id}-{number}")) + "\r\n"
        for number, claim in enumerate(claims, start=1)
    )


def dft_message(claim: ClaimOut, envelope: Envelope, control_id: str) -> Message:
    """One DFT^P03 as hl7apy's Message, its segments placed in the 2.5.1 groups."""
    message = Message("DFT_P03", version=HL7_VERSION, validation_level=LEVEL)
    segments = dft_segments(claim, envelope, control_id)
    message.msh = parse_segment(segments[0], version=HL7_VERSION, validation_level=LEVEL)
    for text in segments[1:]:
        segment = parse_segment(text, version=HL7_VERSION, validation_level=LEVEL)
        if text.startswith("FT1|"):
            message.add_group("DFT_P03_FINANCIAL").add(segment)
        elif text.startswith("IN1|"):
            message.add_group("DFT_P03_INSURANCE").add(segment)
        else:
            message.add(segment)
    return message


def dft_segments(claim: ClaimOut, envelope: Envelope, control_id: str) -> list[str]:
    """The message's segments as ER7 text, in DFT_P03 order."""
    stamp = envelope.created_at.strftime("%Y%m%d%H%M%S")
    practice, patient = claim.practice, claim.patient
    processing = "T" if envelope.usage == "T" else "P"
    service_date = claim.date_of_service.strftime("%Y%m%d")
    performer = _performer(claim)
    segments = [
        f"MSH|^~\\&|DERMCHARGE|{esc(practice.name)}^{practice.npi}^NPI"
        f"|{esc(envelope.receiver_name)}|{esc(envelope.receiver_id)}|{stamp}||DFT^P03^DFT_P03"
        f"|{esc(control_id)}|{processing}|{HL7_VERSION}",
        f"EVN|P03|{stamp}",
        f"PID|1||{esc(patient.account_number)}^^^DERMCHARGE^MR"
        f"||{_name(patient.last_name, patient.first_name)}"
        f"||{patient.dob:%Y%m%d}|{_sex(patient.sex)}|||{_address(patient.address)}"
        f"|||||||{esc(patient.account_number)}",
        f"PV1|1|O|||||{performer}||||||||||||{esc(claim.claim_id)}" + "|" * 25 + service_date,
    ]
    for number, line in enumerate(claim.lines, start=1):
        diagnoses = "~".join(f"{dotted_code(claim.diagnoses[p - 1])}^^I10" for p in line.pointers)
        modifiers = "~".join(f"{m}^^C4" for m in line.modifiers)
        procedure = f"{line.cpt}^{esc(line.description)}^C4"
        segments.append(
            f"FT1|{number}|{esc(claim.claim_id)}-{number}||{service_date}||CG|{procedure}"
            f"|||{line.units}|{_money(line.charge)}|{_money(line.unit_charge)}"
            f"|||||||{diagnoses}|{performer}|||||{procedure}|{modifiers}"
        )
    for number, code in enumerate(claim.diagnoses, start=1):
        segments.append(f"DG1|{number}|I10|{dotted_code(code)}^^I10|||F|||||||||{number}")
    if claim.insurance is not None:
        segments.append(_in1(claim))
    return [segment.rstrip("|") for segment in segments]  # no empty trailing fields


def _in1(claim: ClaimOut) -> str:
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
    return "|".join(fields)


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
