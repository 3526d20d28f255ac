"""Fuzzing every CLI command's arguments in-process: exit 0, 1 or 2, never a traceback.

Arguments are drawn from each command's own options (read from its parser) mixed with odd
values: dates that are not, huge numbers, accents, right-to-left text, emoji, paths to files that
do not exist, are folders, or hold random bytes or random JSON. The database comes from
$DERMCHARGE_DB (a throwaway SQLite file holding one visit), so `--db` is never fuzzed towards a
network address. `gui` is left out: it starts the Qt event loop (its own tests cover it).
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermcharge.cli.main import build_parser, main
from dermcharge.services import visits
from dermcharge.services.visit_record_input import visit_record_to_json
from dermcharge.storage.database import open_database
from tests.storage.storage_samples import sample_record

pytestmark = pytest.mark.slow

SKIPPED_COMMANDS = {"gui"}
NEVER_FUZZED_OPTIONS = {"--db", "-h", "--help"}


def _command_paths() -> dict[tuple[str, ...], list[str]]:
    """Each runnable command path, e.g. ("visits", "show"), with its option strings."""
    found: dict[tuple[str, ...], list[str]] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs and path:
            options = [o for a in parser._actions for o in a.option_strings]
            found[path] = sorted(set(options) - NEVER_FUZZED_OPTIONS)
        for action in subs:
            for name, sub in action.choices.items():
                if name not in SKIPPED_COMMANDS:
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


COMMAND_PATHS = _command_paths()
ODD_WORDS = [
    "2026-11-20",
    "2026-02-30",
    "20261120",
    "0",
    "-1",
    "1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "json",
    "csv",
    "ptp",
    "mue",
    "2026Q1",
    "2026-Q5",
    "FY2026",
    "admin",
    "provider,ma",
    "Ñúñez",
    "أحمد",
    "שלום",
    "👩🏽‍⚕️",
    "\u202e",
    "x" * 300,
    "L57.0",
    "C44.311",
    "17000",
    "-",
]
# Words never start with "-": argparse would take them for (abbreviated) options.
WORDS = st.sampled_from(ODD_WORDS) | st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00-"), max_size=20
)
FILE_KINDS = ["missing", "folder", "empty", "bytes", "json", "record"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli_fuzz")
    db = open_database(f"sqlite:///{folder / 'fuzz.sqlite'}")
    visits.import_visit_record(db, visit_record_to_json(sample_record()), actor="fuzz")
    db.dispose()
    (folder / "a_folder").mkdir()
    return folder


@pytest.fixture
def environment(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("DERMCHARGE_DB", f"sqlite:///{workspace / 'fuzz.sqlite'}")
    monkeypatch.setenv("DERMCHARGE_DATA_DIR", str(workspace / "data"))
    for name in ("DERMCHARGE_USER", "DERMCHARGE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    yield workspace


def _file(workspace: Path, kind: str, content: bytes, number: int) -> str:
    path = workspace / f"input_{number}.dat"
    if kind == "missing":
        return str(workspace / "does_not_exist.json")
    if kind == "folder":
        return str(workspace / "a_folder")
    if kind == "record":
        path.write_text(json.dumps(visit_record_to_json(sample_record())), encoding="utf-8")
    elif kind == "json":
        path.write_text(json.dumps(content.decode("latin-1")[:50]), encoding="utf-8")
    else:
        path.write_bytes(b"" if kind == "empty" else content)
    return str(path)


@st.composite
def command_lines(draw: st.DrawFn, workspace: Path) -> tuple[list[str], str]:
    path = draw(st.sampled_from(sorted(COMMAND_PATHS)))
    options = COMMAND_PATHS[path]
    argv = list(path)
    for number in range(draw(st.integers(0, 5))):
        choice = draw(st.sampled_from(["option", "word", "file"]))
        if choice == "option" and options:
            argv.append(draw(st.sampled_from(options)))
        elif choice == "file":
            kind = draw(st.sampled_from(FILE_KINDS))
            argv.append(_file(workspace, kind, draw(st.binary(max_size=200)), number))
        else:
            argv.append(draw(WORDS))
    stdin = draw(st.sampled_from(["", "not json", "{}", "[1, 2]", "correct horse battery\n"]))
    return argv, stdin


@settings(
    max_examples=2500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_every_command_exits_cleanly_on_any_arguments(
    data: st.DataObject,
    environment: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    argv, stdin = data.draw(command_lines(environment))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = main(argv)
    except SystemExit as exit_:  # a handler may exit on its own; it must still be 0/1/2
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)


def test_every_command_is_fuzzed() -> None:
    commands = {path[0] for path in COMMAND_PATHS}
    assert {"visits", "users", "code", "check", "superbill", "backup", "restore"} <= commands
