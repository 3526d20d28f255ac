"""Setting up a practice from the command line (contract: "Practice set-up"), on SQLite and
PostgreSQL: every value stored as given, every bad value refused with exit 2 naming the field
and the value and nothing stored, every change in the audit log."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from dermcharge.cli.main import main
from dermcharge.services.demo import fill_demo_database
from dermcharge.services.demo_marker import is_demo_practice
from dermcharge.services.fee_schedules import fee_schedule_for
from dermcharge.storage.audit_log import audit_entries
from dermcharge.storage.database import open_database
from dermcharge.storage.user_models import UserRow

PRACTICE = [
    "practice", "set", "name=Prairie Dermatology", "npi=1245319599", "tax_id=371234567",
    "taxonomy=207N00000X", "phone=217-555-0199", "line1=200 Oak Ave", "city=Springfield",
    "state=IL", "zip=62701",
]  # fmt: skip
JANE = ["providers", "add", "--name", "Jane Doe", "--credentials", "MD", "--npi", "1234567893"]
MEDICARE = [
    "payers",
    "add",
    "--name",
    "Medicare Part B",
    "--type",
    "medicare",
    "--payer-id",
    "SMIL0",
]


class Cli:
    def __init__(self, url: str, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch):
        self.url, self.capsys, self.mp = url, capsys, mp
        self.out = self.err = ""

    def __call__(self, *args: str, stdin: str = "") -> int:
        self.mp.setattr("sys.stdin", io.StringIO(stdin))
        code = main([*args, "--db", self.url])
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def json(self, *args: str) -> Any:
        assert self(*args, "--json") == 0, self.err
        return json.loads(self.out)


@pytest.fixture
def cli(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    monkeypatch.delenv("DERMCHARGE_USER", raising=False)
    monkeypatch.delenv("DERMCHARGE_PASSWORD", raising=False)
    return Cli(database_url, capsys, monkeypatch)


def _audited(url: str, entity: str) -> list[str]:
    db = open_database(url)
    try:
        with db.read() as session:
            return [entry.action for entry in audit_entries(session, entity)]
    finally:
        db.dispose()


def test_the_practice_is_set_shown_and_changed_field_by_field(cli: Cli) -> None:
    assert cli("practice", "show", "--json") == 0 and json.loads(cli.out) is None
    assert cli(*PRACTICE) == 0, cli.err
    shown = cli.json("practice", "show")
    assert shown["name"] == "Prairie Dermatology"
    assert (shown["npi"], shown["tax_id"], shown["taxonomy"]) == (
        "1245319599",
        "371234567",
        "207N00000X",
    )
    assert shown["address"] == {
        "line1": "200 Oak Ave", "line2": "", "city": "Springfield", "state": "IL", "zip": "62701",
    }  # fmt: skip
    assert shown["place_of_service"] == "11" and shown["demo"] is False
    assert cli("practice", "set", "phone=217-555-0100") == 0
    again = cli.json("practice", "show")
    assert again["phone"] == "217-555-0100" and again["npi"] == "1245319599"
    assert _audited(cli.url, "practice") == ["create", "update"]
    assert cli("practice", "show") == 0 and "371234567" in cli.out


@pytest.mark.parametrize(
    ("field", "named"),
    [
        ("npi=1245319598", "practice.npi: '1245319598'"),
        ("tax_id=12345678", "practice.tax_id: '12345678'"),
        ("taxonomy=dermatology", "practice.taxonomy: 'DERMATOLOGY'"),
        ("colour=blue", "colour: unknown field"),
        ("npi", "'npi' must be FIELD=VALUE"),
    ],
)
def test_a_bad_practice_value_is_refused_and_nothing_stored(
    cli: Cli, field: str, named: str
) -> None:
    assert cli(*PRACTICE[:-1], field) == 2
    assert named in cli.err
    assert cli("practice", "show", "--json") == 0 and json.loads(cli.out) is None
    assert _audited(cli.url, "practice") == []


def test_providers_are_added_listed_and_deactivated_never_deleted(cli: Cli) -> None:
    assert cli(*JANE) == 0, cli.err
    assert cli("providers", "add", "--name", "Sam Lee", "--credentials", "PA-C",
               "--npi", "1245319599", "--taxonomy", "363A00000X") == 0  # fmt: skip
    listed = cli.json("providers", "list")
    assert [(p["name"], p["npi"], p["taxonomy"], p["active"]) for p in listed] == [
        ("Jane Doe", "1234567893", "207N00000X", True),
        ("Sam Lee", "1245319599", "363A00000X", True),
    ]
    assert cli("providers", "deactivate", "1234567893") == 0
    listed = cli.json("providers", "list")
    assert [(p["npi"], p["active"]) for p in listed] == [
        ("1234567893", False),
        ("1245319599", True),
    ]
    assert _audited(cli.url, "provider") == ["create", "create", "deactivate"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--npi", "1234567890"], "'1234567890' fails its check digit"),
        (["--npi", "12345"], "'12345' must be exactly 10 digits"),
        (["--npi", "1234567893", "--taxonomy", "derm"], "provider.taxonomy: 'DERM'"),
    ],
)
def test_a_bad_provider_is_refused(cli: Cli, args: list[str], named: str) -> None:
    assert cli("providers", "add", "--name", "Jane Doe", *args) == 2
    assert named in cli.err
    assert cli.json("providers", "list") == []


def test_deactivating_an_unknown_or_malformed_npi_is_refused(cli: Cli) -> None:
    assert cli("providers", "deactivate", "1234567893") == 2 and "1234567893" in cli.err
    assert cli("providers", "deactivate", "123") == 2 and "'123'" in cli.err


def test_payers_are_added_with_their_profile_and_listed(cli: Cli) -> None:
    assert cli(*MEDICARE) == 0, cli.err
    assert cli("payers", "add", "--name", "Acme Health", "--type", "commercial",
               "--payer-id", "ACME1", "--distinct-modifier", "xs", "--laterality", "yes",
               "--abn", "no", "--claim-line1", "PO Box 1", "--claim-city", "Chicago",
               "--claim-state", "IL", "--claim-zip", "60601") == 0, cli.err  # fmt: skip
    acme, medicare = cli.json("payers", "list")
    assert (medicare["name"], medicare["type"], medicare["payer_id"]) == (
        "Medicare Part B",
        "medicare",
        "SMIL0",
    )
    assert medicare["abn_modifiers"] is None  # the Medicare kind's own default applies
    assert (acme["distinct_modifier"], acme["laterality_modifiers"], acme["abn_modifiers"]) == (
        "XS",
        True,
        False,
    )
    assert acme["claim_address"]["city"] == "Chicago"
    assert _audited(cli.url, "payer_profile") == ["create", "create"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--type", "hmo"], "type: 'hmo' is not a payer type"),
        (["--type", "commercial", "--payer-id", "no spaces!"], "payer_id: 'no spaces!'"),
        (["--type", "commercial", "--abn", "maybe"], "--abn: 'maybe' must be yes or no"),
        (["--type", "commercial", "--distinct-modifier", "76"], "distinct_modifier: '76'"),
    ],
)
def test_a_bad_payer_is_refused(cli: Cli, args: list[str], named: str) -> None:
    assert cli("payers", "add", "--name", "Acme Health", *args) == 2
    assert named in cli.err
    assert cli.json("payers", "list") == []


def test_the_same_payer_name_twice_is_refused(cli: Cli) -> None:
    assert cli(*MEDICARE) == 0
    assert cli(*MEDICARE) == 2 and "'Medicare Part B' is already on file" in cli.err


def _csv(tmp_path: Path, text: str, name: str = "fees.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_fee_schedules_per_payer_and_default_from_a_date(cli: Cli, tmp_path: Path) -> None:
    assert cli(*MEDICARE) == 0
    old = _csv(tmp_path, "code,modifier,fee\n17000,,90.00\n11102,,140\n", "2026.csv")
    new = _csv(tmp_path, "code,modifier,fee\n17000,,95.00\n11102,,150\n11102,52,75\n", "2027.csv")
    default = _csv(tmp_path, "code,modifier,fee\n17000,,120\n", "default.csv")
    assert cli("fees", "import", old, "--payer", "Medicare Part B", "--from", "2026-01-01") == 0
    assert cli("fees", "import", new, "--payer", "Medicare Part B", "--from", "2027-01-01") == 0
    assert cli("fees", "import", default, "--payer", "default", "--from", "2026-01-01") == 0, (
        cli.err
    )
    medicare = cli.json("fees", "list", "--payer", "Medicare Part B")
    assert {(f["effective_from"], f["effective_to"], f["code"], f["modifier"], f["fee"]) for f in medicare} == {
        ("2026-01-01", "2026-12-31", "17000", "", "90.00"),
        ("2026-01-01", "2026-12-31", "11102", "", "140.00"),
        ("2027-01-01", None, "17000", "", "95.00"),
        ("2027-01-01", None, "11102", "", "150.00"),
        ("2027-01-01", None, "11102", "52", "75.00"),
    }  # fmt: skip
    assert [(f["payer"], f["fee"]) for f in cli.json("fees", "list", "--payer", "default")] == [
        ("default", "120.00")
    ]
    db = open_database(cli.url)
    try:
        in_2026 = fee_schedule_for(db, "medicare", date(2026, 6, 1), "Medicare Part B")
        in_2027 = fee_schedule_for(db, "medicare", date(2027, 6, 1), "Medicare Part B")
        other = fee_schedule_for(db, "commercial", date(2027, 6, 1), "Acme Health")
    finally:
        db.dispose()
    assert in_2026 is not None and in_2026.fee_for("17000") == Decimal("90.00")
    assert in_2027 is not None and in_2027.fee_for("11102", ["52"]) == Decimal("75.00")
    assert other is not None and other.fee_for("17000") == Decimal("120.00")
    assert _audited(cli.url, "fee_schedule").count("create") == 3


def test_reimporting_on_the_same_date_replaces_that_schedule(cli: Cli, tmp_path: Path) -> None:
    first = _csv(tmp_path, "code,modifier,fee\n17000,,90.00\n", "a.csv")
    fixed = _csv(tmp_path, "code,modifier,fee\n17000,,91.00\n", "b.csv")
    for path in (first, fixed):
        assert cli("fees", "import", path, "--payer", "default", "--from", "2026-01-01") == 0
    assert [f["fee"] for f in cli.json("fees", "list")] == ["91.00"]


@pytest.mark.parametrize(
    ("text", "extra", "named"),
    [
        ("code,modifier,fee\n17000,,95\n11102,,-1\n", [], "line 3: fee: '-1'"),
        ("code,modifier,fee\n17000,,ninety\n", [], "line 2: fee: 'ninety' is not an amount"),
        ("code,modifier,fee\n17000,,95\n", ["--from", "2026-02-30"], "--from: '2026-02-30'"),
        ("code,modifier,fee\n17000,,95\n", ["--payer", "Nobody"], "payer: 'Nobody' is not a payer"),
    ],
)
def test_a_bad_fee_file_stores_nothing(
    cli: Cli, tmp_path: Path, text: str, extra: list[str], named: str
) -> None:
    args = [
        "fees",
        "import",
        _csv(tmp_path, text),
        *(extra if "--payer" in extra else ["--payer", "default", *extra]),
    ]
    assert cli(*args) == 2
    assert named in cli.err
    assert cli.json("fees", "list") == []


def test_an_account_is_linked_to_the_provider_it_signs_for(cli: Cli) -> None:
    assert cli(*JANE) == 0
    password = "Correct-horse-battery-9\n"
    assert cli("users", "add", "boss", "--roles", "admin", "--password-stdin", stdin=password) == 0
    add = ["users", "add", "drdoe", "--roles", "provider", "--password-stdin"]
    assert cli(*add, "--npi", "1234567893", stdin=password) == 0, cli.err
    assert [p["account"] for p in cli.json("providers", "list")] == ["drdoe"]
    db = open_database(cli.url)
    try:
        with db.read() as session:
            linked = {u.username: u.provider_id for u in session.query(UserRow)}
    finally:
        db.dispose()
    assert linked["drdoe"] is not None and linked["boss"] is None
    # An NPI failing its check: exit 2, no account made.
    assert cli("users", "add", "drx", "--roles", "provider", "--password-stdin",
               "--npi", "1234567890", stdin=password) == 2  # fmt: skip
    assert "npi: '1234567890' fails its check digit" in cli.err
    # An NPI of no provider on file (the contract lets the account come before the visits
    # that name its provider): the provider is added under the account's name, and said so.
    assert cli("users", "add", "dry", "--roles", "provider", "--password-stdin",
               "--npi", "1245319599", stdin=password) == 0  # fmt: skip
    assert "no provider had NPI 1245319599" in cli.err
    assert cli("users", "list", "--json") == 0
    assert {u["username"] for u in json.loads(cli.out)} == {"boss", "drdoe", "dry"}
    roster = {p["npi"]: p["account"] for p in cli.json("providers", "list")}
    assert roster["1245319599"] == "dry" and roster["1234567893"] == "drdoe"


def test_changes_need_an_admin_when_a_user_signs_in(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    password = "Correct-horse-battery-9\n"
    assert cli("users", "add", "boss", "--roles", "admin", "--password-stdin", stdin=password) == 0
    assert (
        cli(
            "users",
            "add",
            "ma1",
            "--roles",
            "medical_assistant",
            "--password-stdin",
            stdin=password,
        )
        == 0
    )
    monkeypatch.setenv("DERMCHARGE_USER", "ma1")
    monkeypatch.setenv("DERMCHARGE_PASSWORD", password.strip())
    assert cli(*JANE) == 1
    monkeypatch.setenv("DERMCHARGE_USER", "boss")
    assert cli(*JANE) == 0
    assert _audited(cli.url, "provider") == ["create"]


def test_the_demo_practice_is_known_as_a_demo(database_url: str, tmp_path: Path) -> None:
    db = open_database(database_url)
    try:
        assert not is_demo_practice(db)
        fill_demo_database(db, today=date(2026, 11, 20), patients=3, days=2)
        assert is_demo_practice(db)
    finally:
        db.dispose()


def test_a_practice_set_up_by_hand_is_not_a_demo(cli: Cli) -> None:
    assert cli(*PRACTICE) == 0
    db = open_database(cli.url)
    try:
        assert not is_demo_practice(db)
    finally:
        db.dispose()


def test_clearinghouse_settings_live_under_the_keys_claims_read(db) -> None:
    from dermcharge.security.accounts import local_admin
    from dermcharge.services import clearinghouse
    from dermcharge.storage.errors import InvalidRecord
    from dermcharge.storage.user_repository import get_setting

    admin = local_admin("manager")
    settings = clearinghouse.Clearinghouse("PRAIRIE01", "Prairie Dermatology", "ZIRMED", "Zirmed")
    clearinghouse.save_clearinghouse(db, settings, by=admin)
    with db.read() as session:
        stored = {key: get_setting(session, key) for key in (
            "clearinghouse.submitter_id", "clearinghouse.submitter_name",
            "clearinghouse.receiver_id", "clearinghouse.receiver_name",
        )}  # fmt: skip
        audited = [e.entity_id for e in audit_entries(session, "setting")]
    assert stored == {
        "clearinghouse.submitter_id": "PRAIRIE01",
        "clearinghouse.submitter_name": "Prairie Dermatology",
        "clearinghouse.receiver_id": "ZIRMED",
        "clearinghouse.receiver_name": "Zirmed",
    }
    assert sorted(audited) == sorted(stored)
    with pytest.raises(InvalidRecord) as refused:
        clearinghouse.save_clearinghouse(
            db, clearinghouse.Clearinghouse("WAY-TOO-LONG-AN-ID-1"), by=admin
        )
    assert "submitter_id: 'WAY-TOO-LONG-AN-ID-1'" in str(refused.value)
    assert clearinghouse.clearinghouse(db) == settings  # nothing stored


def test_a_schedule_at_a_percentage_of_medicare_from_the_rvu_file(cli: Cli) -> None:
    rvu_file = Path(__file__).resolve().parents[1] / "fixtures" / "cms" / "PPRRVU2026_Oct.csv"
    assert main(["tables", "import", str(rvu_file)]) == 0  # into this test's own data folder
    assert cli(*MEDICARE) == 0
    args = ["fees", "from-medicare", "--payer", "Medicare Part B", "--from", "2026-10-01"]
    assert cli(*args, "--percent", "150") == 0, cli.err
    fees = {f["code"]: f["fee"] for f in cli.json("fees", "list", "--payer", "Medicare Part B")}
    assert fees["11102"] == "149.30"  # 2.98 RVUs × 33.4009 = 99.53, × 150 % (half up)
    assert fees["99213"] == "136.77"  # 2.73 × 33.4009 = 91.18, × 150 %
    assert "88331" in fees and len(fees) == 6  # global services only, no 26/TC rows
    assert cli(*args, "--percent", "-5") == 2 and "percent: '-5'" in cli.err
    assert cli(*args, "--percent", "150", "--conversion-factor", "zero") == 2
    assert "conversion_factor: 'zero' is not a number" in cli.err


def test_a_placeholder_provider_takes_the_name_its_first_visit_gives(
    cli: Cli, tmp_path: Path
) -> None:
    """`users add --npi` before any visit names the provider adds it under the account's
    username; the first visit naming it fills in the real name and credentials (else the claim
    would name the rendering provider "DRDOE"). A provider the practice entered keeps its name."""
    from tests.storage.claim_samples import OTHER_PROVIDER_NPI, case_inputs, claim_record

    password = "Correct-horse-battery-9\n"
    assert cli("users", "add", "boss", "--roles", "admin", "--password-stdin", stdin=password) == 0
    assert cli(*JANE) == 0
    assert cli("users", "add", "drdoe", "--roles", "provider", "--password-stdin",
               "--npi", OTHER_PROVIDER_NPI, stdin=password) == 0  # fmt: skip
    (_case, visit), *_ = case_inputs()
    for number, npi in enumerate((OTHER_PROVIDER_NPI, "1234567893")):
        record = claim_record(visit, account=f"P-{number}", provider_npi=npi)
        record["provider"]["name"] = "Rita Doe" if npi == OTHER_PROVIDER_NPI else "J. Doe"
        path = tmp_path / f"visit-{number}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        assert cli("visits", "import", str(path)) == 0, cli.err
    roster = {p["npi"]: (p["name"], p["credentials"]) for p in cli.json("providers", "list")}
    assert roster[OTHER_PROVIDER_NPI] == ("Rita Doe", "MD")
    assert roster["1234567893"] == ("Jane Doe", "MD")  # the practice's own entry stays
