"""One batch of claim records as the bytes of a file, in the format asked for."""

from __future__ import annotations

from collections.abc import Sequence

from dermcharge.claims_out.claim_record import ClaimOut, Envelope


def render_batch(
    format: str,
    claims: Sequence[ClaimOut],
    envelope: Envelope,
    *,
    form_mode: str = "full",
    form_offset_mm: tuple[float, float] = (0.0, 0.0),
) -> bytes:
    """The file's bytes; each writer is imported only when its format is asked for."""
    if format == "837p":
        from dermcharge.claims_out.x12_837p import write_837p

        return write_837p(claims, envelope).encode("ascii")
    if format == "hl7":
        from dermcharge.claims_out.hl7_dft import write_dft_messages

        return write_dft_messages(claims, envelope).encode("utf-8")
    if format == "fhir":
        import json

        from dermcharge.claims_out.fhir_claims import claims_bundle

        return (json.dumps(claims_bundle(claims, envelope), indent=2) + "\n").encode("utf-8")
    if format == "csv":
        from dermcharge.claims_out.claims_csv import write_claims_csv

        return write_claims_csv(claims).encode("utf-8")
    if format == "cms1500":
        from dermcharge.superbill.cms1500 import render_cms1500

        return render_cms1500(claims, mode=form_mode, offset_mm=form_offset_mm)
    raise ValueError(f"unknown claim format {format!r}")
