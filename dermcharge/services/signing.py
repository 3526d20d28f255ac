"""A provider signs a visit from the command line: only a provider's own sign-in signs, and an
account linked to a provider signs only that provider's visits (a signature attests to one's
own services)."""

from __future__ import annotations

from dermcharge.domain.npi import compact, npi_problem
from dermcharge.domain.record import Provider
from dermcharge.domain.stored import StoredVisit
from dermcharge.domain.workflow import VisitStatus
from dermcharge.security.accounts import User
from dermcharge.security.errors import AccessDenied
from dermcharge.security.roles import Action, Role
from dermcharge.services import visits
from dermcharge.services.errors import SignRefused
from dermcharge.storage import billing_repository, people_repository
from dermcharge.storage.database import Database
from dermcharge.storage.errors import InvalidRecord, NotFound
from dermcharge.storage.visit_repository import load_visit


def sign_as(db: Database, visit_id: int, user: User) -> StoredVisit:
    """Sign visit `visit_id` as `user`; a draft is marked ready for review first (the provider
    reviews it in the act of signing). Raises AccessDenied, SignRefused or a storage error."""
    if user.id == 0 or Role.PROVIDER not in user.roles:
        raise AccessDenied(
            "only a provider signs a visit: sign in as one (set DERMCHARGE_USER and "
            "DERMCHARGE_PASSWORD of a provider account)"
        )
    user.require(Action.SIGN)
    with db.read() as session:
        stored = load_visit(session, visit_id)
        linked = billing_repository.account_provider_id(session, user.username)
    if linked is not None and linked != stored.provider_id:
        assert stored.record.provider is not None
        raise AccessDenied(
            f"visit {visit_id} is {stored.record.provider.name}'s; {user.username} signs only "
            f"the visits of the provider the account is linked to"
        )
    if stored.status is VisitStatus.DRAFT:
        if errors := visits.open_error_findings(stored):
            raise SignRefused(visit_id, errors)
        stored = visits.mark_ready(
            db, visit_id, expected_version=stored.version, actor=user.username
        )
    return visits.sign(db, visit_id, expected_version=stored.version, actor=user.username)


def link_account(db: Database, username: str, npi: str, *, name: str, by: User) -> None:
    """Link a sign-in account to the provider with this NPI (`users add --npi`); a provider not
    yet on file is added under `name` (the practice completes the record later)."""
    by.require(Action.MANAGE_USERS)
    if (problem := npi_problem(npi)) is not None:
        raise InvalidRecord([f"--npi: {problem}"])
    at = db.clock()
    with db.write() as session:
        provider_id = people_repository.find_provider_id(session, compact(npi))
        if provider_id is None:
            provider = Provider(name=name.strip() or username, npi=compact(npi))
            provider_id = people_repository.add_provider(
                session, provider, actor=by.username, at=at
            )
        try:
            billing_repository.link_account_to_provider(
                session, username, provider_id, actor=by.username, at=at
            )
        except Exception as error:  # NoResultFound: the account vanished meanwhile
            raise NotFound(f"no account {username!r}") from error
