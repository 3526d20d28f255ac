"""Run pyx12's validator (the one behind `x12valid`) on an 837P file; every logged problem."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pyx12.params
import pyx12.x12n_document

X12VALID = Path(sys.executable).with_name("x12valid")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def x12_problems(path: Path) -> list[str]:
    """pyx12's errors and warnings for the file, plus "Failure" when it does not pass."""
    logger = logging.getLogger("pyx12")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        with path.open(encoding="ascii") as source:
            ok = pyx12.x12n_document.x12n_document(
                param=pyx12.params.params(), src_file=source, fd_997=None, fd_html=None
            )
    finally:
        logger.removeHandler(collect)
    return collect.messages + ([] if ok else ["Failure"])


def x12valid_says_ok(path: Path) -> tuple[bool, str]:
    """The `x12valid` command itself (its exit status is always 1: it reports on stderr)."""
    done = subprocess.run(
        [str(X12VALID), str(path)], capture_output=True, text=True, check=False, timeout=120
    )
    output = done.stdout + done.stderr
    return f"{path}: OK" in output and "ERROR" not in output, output
