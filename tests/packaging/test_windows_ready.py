"""Windows readiness: the app calls nothing that exists only on POSIX systems unless it checks
first (most practices run Windows). Scans every module of the package with `ast`.

A use is allowed when one of the three lines before it (or its own line) checks the platform:
`hasattr(os, …)`, `os.name`, `sys.platform` or `platform.system()`.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dermcharge"
# Python 3.11 documents these as "Availability: Unix" (os, signal) or POSIX-only modules.
POSIX_ONLY_MODULES = {
    "fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "syslog", "crypt",
    "spwd", "posixpath",
}  # fmt: skip
POSIX_ONLY_OS = {
    "getuid", "geteuid", "getgid", "getegid", "getgroups", "fork", "forkpty", "chown", "fchown",
    "lchown", "fchmod", "lchmod", "killpg", "setsid", "setpgrp", "getpgid", "uname", "mkfifo",
    "mknod", "statvfs", "fstatvfs", "sync", "getloadavg", "nice", "openpty", "wait3", "wait4",
    "WNOHANG", "sched_getaffinity", "posix_spawn", "pipe2", "O_NOFOLLOW", "O_DIRECTORY",
    "getpwnam", "sysconf", "pathconf", "ttyname", "ctermid",
}  # fmt: skip
POSIX_ONLY_SIGNAL = {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "alarm",
                     "SIGQUIT", "SIGPIPE", "setitimer", "pause"}  # fmt: skip
POSIX_PATHS = ("/dev/null", "/tmp/", "/usr/", "/etc/", "/var/")
GUARDS = ("hasattr(os", "os.name", "sys.platform", "platform.system()")


def _problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names
                      if a.name.split(".")[0] in POSIX_ONLY_MODULES]  # fmt: skip
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_ONLY_MODULES:
                found.append((node.lineno, f"from {node.module} import"))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            owner, name = node.value.id, node.attr
            if (owner == "os" and name in POSIX_ONLY_OS) or (
                owner == "signal" and name in POSIX_ONLY_SIGNAL
            ):
                found.append((node.lineno, f"{owner}.{name}"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "\n" not in node.value
            and any(part in node.value for part in POSIX_PATHS)
        ):
            found.append((node.lineno, f"path {node.value!r}"))
    problems = []
    for line, what in found:
        window = "\n".join(lines[max(0, line - 4) : line])
        if not any(guard in window for guard in GUARDS):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {what}")
    return problems


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, fcntl\nos.fchmod(3, 0o600)\nopen('/dev/null')\n"
        "if hasattr(os, 'getuid'):\n    os.getuid()\n",
        encoding="utf-8",
    )
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        found = _problems(sample)
    finally:
        PACKAGE = saved
    assert [p.split(": ", 1)[1] for p in found] == ["import fcntl", "os.fchmod", "path '/dev/null'"]


def test_the_app_makes_no_posix_only_call_unguarded() -> None:
    problems = [p for path in sorted(PACKAGE.rglob("*.py")) for p in _problems(path)]
    assert not problems, "POSIX-only calls (guard them or use a portable call):\n" + "\n".join(
        problems
    )
