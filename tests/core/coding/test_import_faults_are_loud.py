"""An import fault in our own modules is raised, not turned into a claim without its checks."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from dermcharge.coding.engine import code_visit
from dermcharge.domain.visit import Diagnosis, Kind, Laterality, Procedure, Visit

VISIT = Visit(
    date_of_service=date(2026, 11, 20),
    procedures=(
        Procedure(
            Kind.BIOPSY_PUNCH,
            site="thigh",
            laterality=Laterality.LEFT,
            diagnosis=Diagnosis(icd10="D23.72"),
        ),
    ),
)


@pytest.mark.parametrize(
    "module", ["dermcharge.checks.registry", "dermcharge.checks.shipped_tables"]
)
def test_a_check_module_that_does_not_import_stops_the_coding(
    monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    code_visit(VISIT)  # imports everything once, as a running app has
    monkeypatch.setitem(sys.modules, module, None)  # `import` of it now raises ImportError
    with pytest.raises(ImportError):
        code_visit(VISIT)
