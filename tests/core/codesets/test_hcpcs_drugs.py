"""The CMS HCPCS file applied to the drug table: dates in, billing units checked, CLI end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from dermcharge.codesets.hcpcs_drugs import (
    HcpcsFileError,
    descriptor_unit,
    read_hcpcs_csv,
    update_drug_table,
)
from dermcharge.coding.drug_table import shipped_or_imported

HEADER = "HCPC,SEQNUM,RECID,LONG DESCRIPTION,ADD DT,TERM DT\n"
ROOT = Path(__file__).resolve().parents[3]


def test_dates_come_from_the_file_and_a_unit_disagreement_is_named() -> None:
    rows = read_hcpcs_csv(
        HEADER
        + 'J1030,0010,3,"Injection, methylprednisolone acetate, 40 mg",20000101,20231231\n'
        + 'J3301,0010,3,"Injection, triamcinolone acetonide, not otherwise specified, 5 mg",'
        + "20000101,\n"
    )
    table, notes = update_drug_table(shipped_or_imported(), rows)
    codes = {c["hcpcs"]: c for d in table["drugs"].values() for c in d["codes"]}
    assert codes["J1030"]["to"] == "2023-12-31"
    assert codes["J1030"]["from"] == "2000-01-01"
    assert any("J3301" in n and "check and correct" in n for n in notes)
    assert codes["J3301"]["per_unit"] == 10  # a person decides, the import never rewrites units


@pytest.mark.parametrize(
    ("descriptor", "measure", "unit"),
    [
        ("Injection, methylprednisolone acetate, 1 mg", "mg", Decimal(1)),
        ("Methyl aminolevulinate (MAL) for topical administration, 16.8%, 1 gram", "mg",
         Decimal(1000)),
        ("Injection, onabotulinumtoxinA, 1 unit", "units", Decimal(1)),
        ("Injection, abobotulinumtoxinA, 5 units", "units", Decimal(5)),
        ("Injection, some drug", "mg", None),
    ],
)  # fmt: skip
def test_descriptor_unit(descriptor: str, measure: str, unit: Decimal | None) -> None:
    assert descriptor_unit(descriptor, measure) == unit


def test_a_bad_file_names_the_line_or_column() -> None:
    with pytest.raises(HcpcsFileError, match="header: missing column"):
        read_hcpcs_csv("CODE,TEXT\nJ1010,x\n")
    with pytest.raises(HcpcsFileError, match="line 2: ADD DT"):
        read_hcpcs_csv(HEADER + "J1010,1,3,x,yesterday,\n")


def test_the_cli_import_changes_what_the_engine_codes(tmp_path: Path) -> None:
    env = {**os.environ, "DERMCHARGE_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    visit = {"date_of_service": "2024-02-01", "payer": "commercial",
             "procedures": [{"kind": "drug_injection", "drug": "methylprednisolone_acetate",
                             "dose_mg": 40, "icd10": "L20.9"}]}  # fmt: skip
    case = tmp_path / "visit.json"
    case.write_text(json.dumps(visit))

    def code() -> dict:
        run = subprocess.run([sys.executable, "-m", "dermcharge", "code", str(case)], env=env,
                             capture_output=True, text=True, check=True)  # fmt: skip
        return json.loads(run.stdout)

    assert [ln["cpt"] for ln in code()["lines"]] == ["96372", "J1030"]
    hcpcs = tmp_path / "HCPC2024.csv"
    hcpcs.write_text(
        HEADER + 'J1030,0010,3,"Injection, methylprednisolone acetate, 40 mg",20000101,20231231\n'
    )
    subprocess.run([sys.executable, "-m", "dermcharge", "tables", "import", str(hcpcs),
                    "--kind", "hcpcs-drugs"], env=env, check=True, capture_output=True)  # fmt: skip
    after = code()
    assert [ln["cpt"] for ln in after["lines"]] == ["96372"]
    assert any(f["check"] == "drug_units" for f in after["findings"])
