"""Make the README screenshots of Practice ▸ Settings on a practice set up through the services
(a new database in a temporary folder). Run under a display (Xvfb in CI):

    xvfb-run -s "-screen 0 1600x1000x24" python -m dermcharge.gui.settings_screenshots \
        --out docs/images
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from dermcharge.domain.record import Provider
from dermcharge.domain.visit import Payer, ProfileOverrides
from dermcharge.gui.practice_settings import PracticeSettingsDialog
from dermcharge.gui.screenshots import _save
from dermcharge.security.accounts import local_admin
from dermcharge.services import fee_setup, practice_setup
from dermcharge.services.database import open_app_database
from dermcharge.services.practice_setup import NamedPayer

FEES = (
    "code,modifier,fee\n99213,,131.00\n17000,,88.00\n17003,,9.50\n11102,,121.00\n11102,52,60.50\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m dermcharge.gui.settings_screenshots")
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = open_app_database(f"sqlite:///{Path(folder) / 'clinic.sqlite'}")
        admin = local_admin("manager")
        practice_setup.set_practice(
            db,
            {"name": "Prairie Dermatology", "npi": "1245319599", "tax_id": "37-1234567",
             "phone": "217-555-0199", "line1": "200 Oak Ave", "city": "Springfield",
             "state": "IL", "zip": "62701"},
            by=admin,
        )  # fmt: skip
        for name, credentials, npi in (("Jane Doe", "MD", "1234567893"),
                                       ("Sam Lee", "PA-C", "1987654328")):  # fmt: skip
            practice_setup.add_provider(db, Provider(name, npi, credentials), by=admin)
        practice_setup.add_payer(
            db, NamedPayer("Medicare Part B", Payer.MEDICARE, "SMIL0"), by=admin
        )
        acme = NamedPayer("Acme Health", Payer.COMMERCIAL, "ACME1", ProfileOverrides("XS"))
        practice_setup.add_payer(db, acme, by=admin)
        fee_setup.import_fee_csv(
            db, FEES, payer="Medicare Part B", effective_from=date(2026, 1, 1), by=admin
        )
        dialog = PracticeSettingsDialog(db, admin, first_run=True)
        dialog.resize(900, 640)
        dialog.show()
        args.out.mkdir(parents=True, exist_ok=True)
        for tab, name in ((dialog.practice_tab, "setup-practice"),
                          (dialog.payers_tab, "setup-payers"),
                          (dialog.fees_tab, "setup-fees")):  # fmt: skip
            dialog.tabs.setCurrentWidget(tab)
            if tab is dialog.fees_tab:
                dialog.fees_tab.payer.setCurrentIndex(
                    dialog.fees_tab.payer.findText("Medicare Part B")
                )
            _save(dialog, args.out / f"{name}.png")
        dialog.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
