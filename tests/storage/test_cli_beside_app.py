"""The command line used beside a running app loses none of the app's saves (issue 12, fault 0).

A real app-like process opens the README's database file the way `dermcharge gui` does (the
start-up reader first, then the full storage layer on a worker thread, then the reader dropped),
asks what the Security menu asks (`is_encrypted`), and keeps saving; real CLI processes (list,
show, import, backup, superbill) open and close the same file again and again meanwhile. Before
the fix, a probe that read the file's header through a Python file object closed a descriptor of
the database and so dropped every SQLite lock the process held (POSIX advisory locks belong to
the process; SQLite's "How To Corrupt An SQLite Database File", §2.2): the next CLI process to
close found itself alone, checkpointed and unlinked the WAL under the app, and the app's later
saves went to a deleted file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.storage.test_cli_commands import _record_json

ROOT = Path(__file__).resolve().parents[2]

APP = """
import os, sys
from pathlib import Path
from dermcharge.cli.gui_cmd import _open_in_full
from dermcharge.gui.database_opening import OpeningDatabase
from dermcharge.services import visits
from dermcharge.services.encryption import is_encrypted
from dermcharge.storage.database_url import resolve_database_url
from dermcharge.storage.startup_reader import open_startup_reader
from tests.storage.storage_samples import DOS, sample_record, stand_in_coder

stop = Path(sys.argv[1])
reader = open_startup_reader(resolve_database_url(None))
assert reader is not None, "the start-up fast path declined the file"
reader.day_visits(DOS)
opening = OpeningDatabase(lambda: _open_in_full(None), reader)
opening.start()
db = opening.database()
opening.drop_reader()  # what MainWindow's attach does once the full database is there

def deleted_files():
    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            names.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    return [name for name in names if name.endswith("(deleted)")]

print("ready", flush=True)
n = 0
while not stop.exists() or n < 20:
    n += 1
    assert not is_encrypted(db.url)  # the Security menu's question, asked while open
    stored = visits.create_visit(
        db, sample_record(account=f"APP-{n}"), actor="app", coder=stand_in_coder
    )
    print(f"saved APP-{n} {stored.id}", flush=True)
    if lost := deleted_files():
        print("deleted " + " ".join(lost), flush=True)
opening.close()
print("closed", flush=True)
"""


def _cli(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dermcharge", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"dermcharge {' '.join(args)}: {done.stderr}"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/<pid>/fd (Linux)")
def test_cli_processes_beside_the_app_lose_none_of_its_saves(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DERMCHARGE_DATA_DIR": str(data_dir),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DERMCHARGE_DB", None)  # the file the README uses: the one in the data folder
    _cli("visits", "import", str(_write(tmp_path, _record_json())), env=env)
    database = data_dir / "dermcharge.sqlite"
    assert database.is_file()
    stop = tmp_path / "stop"
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(stop)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "ready"
        for round_no in range(4):
            record = _record_json(patient={"account_number": f"CLI-{round_no}"})
            _cli("visits", "list", "--date", "2026-11-20", env=env)
            _cli("visits", "show", "1", env=env)
            _cli("visits", "import", str(_write(tmp_path, record)), env=env)
            _cli("backup", str(tmp_path / f"backup-{round_no}.sqlite"), env=env)
            _cli("superbill", "--visit", "1", "-o", str(tmp_path / "bill.pdf"), env=env)
        stop.touch()
        out, err = app.communicate(timeout=120)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, err
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith("deleted")], lines
    saved = {line.split()[1] for line in lines if line.startswith("saved")}
    assert lines[-1] == "closed" and len(saved) >= 20
    with sqlite3.connect(database) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        on_disk = {
            row[0]
            for row in check.execute(
                "SELECT account_number FROM patients WHERE account_number LIKE 'APP-%'"
            )
        }
        imported = check.execute(
            "SELECT count(*) FROM patients WHERE account_number LIKE 'CLI-%'"
        ).fetchone()[0]
    check.close()
    assert saved - on_disk == set(), f"saves lost: {sorted(saved - on_disk)}"
    assert imported == 4


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
