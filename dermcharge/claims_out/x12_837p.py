"""The X12 837 professional claim, version 005010X222A1: one interchange per batch.

Structure and codes from the ASC X12N 837 Professional implementation guide (005010X222A1) as
pyx12's map `837.5010.X222.A1.xml` encodes it: ISA/GS/ST envelope; 1000A submitter, 1000B
receiver; 2000A billing provider (HL 20) with 2010AA name (NM1*85, XX = NPI), address and EIN
(REF*EI); per claim a 2000B subscriber (HL 22, SBR) with 2010BA (NM1*IL) and 2010BB payer
(NM1*PR, PI = payer id); 2000C patient (HL 23, PAT) when the patient is not the subscriber;
2300 claim (CLM with place of service, qualifier B and frequency; REF*F8 for replacements and
voids; HI with ABK then ABF); 2310B rendering provider; 2400 lines (LX, SV1, DTP*472).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dermcharge.claims_out.claim_record import (
    DEFAULT_TAXONOMY,
    ClaimOut,
    Envelope,
    Frequency,
    compact_code,
)
from dermcharge.claims_out.x12_text import (
    COMPONENT,
    REPETITION,
    amount,
    digits,
    fixed,
    segment,
    text,
)
from dermcharge.domain.record import Address

# SBR09 claim filing indicator by payer kind (837P 2000B SBR09 code list).
FILING_INDICATOR = {"medicare": "MB", "medicaid": "MC", "commercial": "CI"}
# PAT01 / SBR02 individual relationship codes (837P 2000C PAT01): patient to subscriber.
RELATIONSHIP_CODE = {"self": "18", "spouse": "01", "child": "19", "other": "G8"}
VERSION = "005010X222A1"


def write_837p(claims: Sequence[ClaimOut], envelope: Envelope) -> str:
    """The whole interchange as text, one segment a line (the separators are ~ then newline)."""
    body = list(_transaction(claims, envelope))
    created = envelope.created_at
    control = f"{envelope.control_number:09d}"
    isa = segment(
        "ISA",
        "00",
        " " * 10,
        "00",
        " " * 10,
        "ZZ",
        fixed(envelope.submitter_id, 15),
        "ZZ",
        fixed(envelope.receiver_id, 15),
        created.strftime("%y%m%d"),
        created.strftime("%H%M"),
        REPETITION,
        "00501",
        control,
        "0",
        envelope.usage,
        COMPONENT,
    )
    gs = segment(
        "GS",
        "HC",
        text(envelope.submitter_id, 15),
        text(envelope.receiver_id, 15),
        created.strftime("%Y%m%d"),
        created.strftime("%H%M"),
        str(envelope.control_number),
        "X",
        VERSION,
    )
    trailer = [
        segment("GE", "1", str(envelope.control_number)),
        segment("IEA", "1", control),
    ]
    return "\n".join([isa, gs, *body, *trailer]) + "\n"


def _transaction(claims: Sequence[ClaimOut], envelope: Envelope) -> Iterable[str]:
    created = envelope.created_at
    segments = [
        segment("ST", "837", "0001", VERSION),
        segment(
            "BHT",
            "0019",
            "00",
            str(envelope.batch_id),
            created.strftime("%Y%m%d"),
            created.strftime("%H%M"),
            "CH",
        ),
        # 1000A submitter, 1000B receiver
        segment(
            "NM1",
            "41",
            "2",
            text(envelope.submitter_name, 60),
            "",
            "",
            "",
            "",
            "46",
            text(envelope.submitter_id, 80),
        ),
        segment("PER", "IC", text(envelope.contact_name, 60), "TE", digits(envelope.contact_phone)),
        segment(
            "NM1",
            "40",
            "2",
            text(envelope.receiver_name, 60),
            "",
            "",
            "",
            "",
            "46",
            text(envelope.receiver_id, 80),
        ),
    ]
    # One billing provider (the practice) for the batch: the first claim's.
    practice = claims[0].practice
    segments += [
        segment("HL", "1", "", "20", "1"),
        segment("PRV", "BI", "PXC", (practice.taxonomy or DEFAULT_TAXONOMY).upper()),
        segment(
            "NM1", "85", "2", text(practice.name, 60), "", "", "", "", "XX", digits(practice.npi)
        ),
        *_address(practice.address),
        segment("REF", "EI", digits(practice.tax_id)),
    ]
    number = 1
    for claim in claims:
        claim_segments, number = _claim(claim, number)
        segments += claim_segments
    segments.append(segment("SE", str(len(segments) + 1), "0001"))
    return segments


def _claim(claim: ClaimOut, last_hl: int) -> tuple[list[str], int]:
    policy = claim.insurance
    assert policy is not None, "a self-pay visit is refused before it gets here"
    self_insured = policy.relationship == "self"
    subscriber_hl = last_hl + 1
    segments = [
        segment("HL", str(subscriber_hl), "1", "22", "0" if self_insured else "1"),
        segment(
            "SBR",
            "P",
            "18" if self_insured else "",
            text(policy.group, 50),
            "" if policy.group else text(policy.plan, 60),
            "",
            "",
            "",
            "",
            FILING_INDICATOR.get(claim.payer_kind, "CI"),
        ),
    ]
    patient = claim.patient
    if self_insured:
        segments += [
            _person_name("IL", patient.last_name, patient.first_name, "MI", policy.member_id),
            *_address(patient.address),
            segment("DMG", "D8", patient.dob.strftime("%Y%m%d"), _sex(patient.sex)),
        ]
    else:
        person = policy.subscriber_person
        assert person is not None and person.dob is not None
        segments += [
            _person_name("IL", person.last_name, person.first_name, "MI", policy.member_id),
            *_address(person.address),
            segment("DMG", "D8", person.dob.strftime("%Y%m%d"), _sex(person.sex)),
        ]
    segments.append(
        segment(
            "NM1",
            "PR",
            "2",
            text(policy.payer_name, 60),
            "",
            "",
            "",
            "",
            "PI",
            text(policy.payer_id, 80),
        )
    )
    last_hl = subscriber_hl
    if not self_insured:
        last_hl += 1
        segments += [
            segment("HL", str(last_hl), str(subscriber_hl), "23", "0"),
            segment("PAT", RELATIONSHIP_CODE[policy.relationship]),
            _person_name("QC", patient.last_name, patient.first_name, "", ""),
            *_address(patient.address),
            segment("DMG", "D8", patient.dob.strftime("%Y%m%d"), _sex(patient.sex)),
        ]
    segments += _claim_information(claim)
    return segments, last_hl


def _claim_information(claim: ClaimOut) -> list[str]:
    segments = [
        segment(
            "CLM",
            text(claim.claim_id, 38),
            amount(claim.total),
            "",
            "",
            COMPONENT.join((claim.place_of_service, "B", claim.frequency)),
            "Y",  # provider signature on file
            "A",  # assignment accepted
            "Y",  # benefits assigned
            "Y",  # release of information: signed statement on file
        )
    ]
    if claim.frequency in (Frequency.REPLACEMENT, Frequency.VOID):
        segments.append(segment("REF", "F8", text(claim.original_claim_id, 50)))
    codes = [compact_code(code) for code in claim.diagnoses]
    segments.append(
        segment(
            "HI",
            *(
                COMPONENT.join(("ABK" if index == 0 else "ABF", code))
                for index, code in enumerate(codes)
            ),
        )
    )
    provider = claim.provider
    last, first = _split_name(provider.name)
    segments += [
        segment(
            "NM1",
            "82",
            "1",
            text(last, 60),
            text(first, 35),
            "",
            "",
            "",
            "XX",
            digits(provider.npi),
        ),
        segment("PRV", "PE", "PXC", (provider.taxonomy or DEFAULT_TAXONOMY).upper()),
    ]
    for number, line in enumerate(claim.lines, start=1):
        procedure = COMPONENT.join(("HC", line.cpt, *line.modifiers))
        segments += [
            segment("LX", str(number)),
            segment(
                "SV1",
                procedure,
                amount(line.charge),
                "UN",
                str(line.units),
                "",
                "",
                COMPONENT.join(str(pointer) for pointer in line.pointers),
            ),
            segment("DTP", "472", "D8", claim.date_of_service.strftime("%Y%m%d")),
        ]
    return segments


def _person_name(entity: str, last: str, first: str, id_qualifier: str, identifier: str) -> str:
    return segment(
        "NM1",
        entity,
        "1",
        text(last, 60),
        text(first, 35),
        "",
        "",
        "",
        id_qualifier,
        text(identifier, 80),
    )


def _address(address: Address) -> list[str]:
    return [
        segment("N3", text(address.line1, 55), text(address.line2, 55)),
        segment("N4", text(address.city, 30), text(address.state, 2), digits(address.zip)),
    ]


def _sex(sex: str) -> str:
    """DMG03: F, M or U (X12 has no code for X)."""
    return sex if sex in ("F", "M") else "U"


def _split_name(name: str) -> tuple[str, str]:
    """ "Jane Doe" -> ("Doe", "Jane"); "Doe, Jane" -> ("Doe", "Jane")."""
    if "," in name:
        last, _, first = name.partition(",")
        return last.strip(), first.strip()
    parts = name.split()
    if len(parts) < 2:
        return name.strip(), ""
    return parts[-1], " ".join(parts[:-1])
