"""Exporting claims: the chosen visits checked, priced and written to one file, the batch
recorded — all or nothing.

The file is complete on disk (temporary file, fsync, rename) before the batch and the per-visit
export records commit; if the commit fails the file is removed. A refusal (ExportRefused) names
each visit and field and leaves no file and no record. Interchange control numbers are taken in
their own transaction so that a number once handed out is never handed out again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from dermcharge.claims_out.claim_record import ClaimOut, Envelope, Frequency
from dermcharge.claims_out.requirements import FORMATS, contact_phone_problem, missing_fields
from dermcharge.domain.pathology import has_pending_pathology
from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.workflow import VisitAction, VisitStatus
from dermcharge.security.accounts import User
from dermcharge.security.roles import Action
from dermcharge.services.billing import ExportRefused, ExportResult
from dermcharge.services.claim_building import build_claim
from dermcharge.services.claim_formats import render_batch
from dermcharge.services.database import Database
from dermcharge.services.demo_marker import is_demo_practice, is_demo_record
from dermcharge.services.fee_schedules import practice_fee_schedules
from dermcharge.services.output_files import check_output_path, write_output_file
from dermcharge.services.pathology_settings import HOLD_PENDING_KEY, hold_pending_pathology
from dermcharge.storage import billing_repository, user_repository
from dermcharge.storage.billing_repository import ExportEntry, LastExport
from dermcharge.storage.visit_repository import change_status, load_visit

__all__ = ["ExportRefused", "ExportResult", "export_claims"]


def _frequency(
    stored: StoredVisit, last: LastExport | None, *, again: bool, void: bool
) -> tuple[str, str, str | None]:
    """(frequency, the claim id it refers to, a refusal or None) for one visit."""
    where = f"visit {stored.id}"
    if void:
        if last is None:
            return "", "", f"{where}: has never been exported; there is no claim to void"
        return Frequency.VOID, last.payer_claim_number or last.claim_id, None
    if stored.status not in (VisitStatus.SIGNED, VisitStatus.BILLED):
        return "", "", f"{where}: status: is {stored.status}, not signed; a provider signs it first"
    if last is None:
        return Frequency.ORIGINAL, "", None
    reference = last.payer_claim_number or last.claim_id
    if last.amendment < stored.amendment:
        return Frequency.REPLACEMENT, reference, None
    if not again:
        return (
            "",
            "",
            f"{where}: exported: already exported in batch {last.batch_id} "
            f"({last.format}, {last.at:%Y-%m-%d %H:%M} UTC); give --again to export it again",
        )
    # The same signed version again (a lost file, a second format): as it went the last time.
    return last.frequency, last.original_claim_id, None


CONTACT_PHONE_SETTING = "clearinghouse.contact_phone"
CLEARINGHOUSE_SETTINGS = (
    "clearinghouse.submitter_id",
    "clearinghouse.submitter_name",
    "clearinghouse.receiver_id",
    "clearinghouse.receiver_name",
)


def _envelope(db: Database, claims: Sequence[ClaimOut], *, control: int, batch_id: int) -> Envelope:
    """Submitter and receiver from the clearinghouse settings. Documented defaults when a
    setting is absent: the practice submits under its NPI and name, and the receiver is the
    payer when the batch goes to one payer, else "CLEARINGHOUSE"."""
    with db.read() as session:
        settings = {
            key: (user_repository.get_setting(session, key) or "").strip()
            for key in (*CLEARINGHOUSE_SETTINGS, "clearinghouse.usage", CONTACT_PHONE_SETTING)
        }
    practice = claims[0].practice
    payers = {(c.insurance.payer_id, c.insurance.payer_name) for c in claims if c.insurance}
    default_receiver = (
        next(iter(payers)) if len(payers) == 1 else ("CLEARINGHOUSE", "CLEARINGHOUSE")
    )
    return Envelope(
        submitter_id=settings["clearinghouse.submitter_id"] or practice.npi,
        submitter_name=settings["clearinghouse.submitter_name"] or practice.name,
        receiver_id=settings["clearinghouse.receiver_id"] or default_receiver[0],
        receiver_name=settings["clearinghouse.receiver_name"] or default_receiver[1],
        contact_name=practice.name,
        contact_phone=settings[CONTACT_PHONE_SETTING] or practice.phone,
        control_number=control,
        batch_id=batch_id,
        created_at=db.clock(),
        usage="T" if settings["clearinghouse.usage"].upper() == "T" else "P",
    )


def _contact_problems(db: Database, claims: Sequence[ClaimOut]) -> list[str]:
    with db.read() as session:
        phone = user_repository.get_setting(session, CONTACT_PHONE_SETTING) or ""
    problem = contact_phone_problem(phone or claims[0].practice.phone)
    return [f"visit {claim.visit_id}: {problem}" for claim in claims] if problem else []


def _select_ids(
    db: Database, visit_ids: Sequence[int], on: date | None, queue: bool, again: bool
) -> list[int]:
    if visit_ids:
        return list(dict.fromkeys(visit_ids))
    statuses = (VisitStatus.SIGNED, VisitStatus.BILLED) if again else (VisitStatus.SIGNED,)
    with db.read() as session:
        return billing_repository.signed_visit_ids(session, on=on, statuses=statuses)


def export_claims(
    db: Database,
    *,
    format: str,
    path: Path,
    by: User,
    visit_ids: Sequence[int] = (),
    on: date | None = None,
    queue: bool = False,
    again: bool = False,
    void: bool = False,
    force: bool = False,
    database_url: str | None = None,
    form_mode: str = "full",
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Export the chosen visits (ids, a day's ready visits, or the whole queue) to `path`.

    Raises ExportRefused naming each visit and field when any visit cannot go; then no file is
    written and nothing is recorded.
    """
    by.require(Action.PRINT_EXPORT)
    if format not in FORMATS:
        raise ExportRefused([f"format: {format!r} must be one of {', '.join(FORMATS)}"])
    if void and format != "837p":
        raise ExportRefused(["--void: a void is an 837P claim (frequency 8)"])
    ids = _select_ids(db, visit_ids, on, queue, again)
    hold = hold_pending_pathology(db)
    schedules = practice_fee_schedules(db)
    demo = is_demo_practice(db)
    with db.read() as session:
        stored_visits = [load_visit(session, visit_id) for visit_id in ids]
        last = billing_repository.last_exports(session, ids)
    if not visit_ids:  # a day or the queue: held visits wait, they are not an error
        stored_visits = [
            v for v in stored_visits if not (hold and has_pending_pathology(v.record.visit))
        ]
    if not stored_visits:
        raise ExportRefused(["no visits ready to bill" + (f" on {on.isoformat()}" if on else "")])
    problems: list[str] = []
    claims: list[ClaimOut] = []
    for done, stored in enumerate(stored_visits):
        if progress is not None:
            progress(done, len(stored_visits) + 1)  # the last step is writing the file
        if demo or is_demo_record(stored.record.practice):
            problems.append(
                f"visit {stored.id}: practice: the demo practice's visits are not billed"
            )
            continue
        frequency, reference, refusal = _frequency(
            stored, last.get(stored.id), again=again, void=void
        )
        if refusal:
            problems.append(refusal)
            continue
        if hold and not void and has_pending_pathology(stored.record.visit):
            problems.append(
                f"visit {stored.id}: procedures.path_pending: pathology is pending (setting "
                f"{HOLD_PENDING_KEY})"
            )
            continue
        claim, missing = build_claim(
            stored, schedules, frequency=frequency, original_claim_id=reference
        )
        if claim is not None:
            missing = missing_fields(claim, format)
        problems += [f"visit {stored.id}: {problem}" for problem in missing]
        if claim is not None and not missing:
            claims.append(claim)
    if format == "837p" and claims:
        problems += _contact_problems(db, claims)
    if problems:
        raise ExportRefused(problems)
    check_output_path(path, force=force, database_url=database_url)  # before a number is taken
    result = _write_and_record(
        db,
        claims,
        stored_visits,
        format=format,
        path=path,
        actor=by.username,
        again=again,
        force=force,
        database_url=database_url,
        form_mode=form_mode,
    )
    if progress is not None:
        progress(len(stored_visits) + 1, len(stored_visits) + 1)
    return result


def _write_and_record(
    db: Database,
    claims: list[ClaimOut],
    stored_visits: list[StoredVisit],
    *,
    format: str,
    path: Path,
    actor: str,
    again: bool,
    force: bool,
    database_url: str | None,
    form_mode: str = "full",
) -> ExportResult:
    control: int | None = None
    if format == "837p":
        # Taken in its own transaction: a number handed out is never handed out again, even
        # when this export fails afterwards.
        with db.write() as session:
            control = billing_repository.next_control_number(session, "interchange")
    entries = [
        ExportEntry(c.visit_id, c.amendment, c.frequency, c.claim_id, c.original_claim_id, c.total)
        for c in claims
    ]
    at = db.clock()
    written = False
    try:
        with db.write() as session:
            batch_id = billing_repository.add_batch(
                session,
                format=format,
                file_name=str(path.absolute()),
                interchange_control=control,
                entries=entries,
                again=again,
                actor=actor,
                at=at,
            )
            voided = {c.visit_id for c in claims if c.frequency == Frequency.VOID}
            for stored in stored_visits:
                if stored.status is VisitStatus.SIGNED and stored.id not in voided:
                    change_status(
                        session,
                        stored.id,
                        VisitAction.MARK_BILLED,
                        expected_version=stored.version,
                        actor=actor,
                        at=at,
                    )
            envelope = _envelope(db, claims, control=control or 0, batch_id=batch_id)
            data = render_batch(
                format,
                claims,
                envelope,
                form_mode=form_mode,
                form_offset_mm=_form_offset(db),
            )
            # The file is complete on disk before the records commit; if the commit fails the
            # file is removed, so no visit is marked exported without its file and no file
            # stands for a batch that was not recorded.
            write_output_file(path, data, force=force, database_url=database_url)
            written = True
    except BaseException:
        if written:
            path.unlink(missing_ok=True)
        raise
    return ExportResult(
        batch_id=batch_id,
        format=format,
        path=path,
        visit_ids=tuple(c.visit_id for c in claims),
        total=sum((c.total for c in claims), Decimal("0")),
        frequencies={c.visit_id: c.frequency for c in claims},
        interchange_control=control,
    )


def _form_offset(db: Database) -> tuple[float, float]:
    """The CMS-1500 print alignment (settings cms1500.offset_x_mm / offset_y_mm, default 0)."""
    with db.read() as session:
        values = [
            user_repository.get_setting(session, f"cms1500.offset_{axis}_mm") for axis in "xy"
        ]
    try:
        return (float(values[0] or 0), float(values[1] or 0))
    except ValueError:
        return (0.0, 0.0)
