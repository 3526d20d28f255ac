"""One ICD-10-CM release read from its compact SQLite index (see `index_writer`).

Opens read-only and answers lookups by primary key, so it costs a few milliseconds to open and
microseconds per question; search (`search.py`) uses the same connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.codesets.icd10.index_writer import SCHEMA_VERSION

# Rebuilds a tailed code's description from its parent's (see index_writer).
DESCRIPTION_SQL = "CASE WHEN c.tail > 0 THEN p.description || ', ' || t.text ELSE c.description END"
CODE_ROW_SQL = (
    f"SELECT c.code, {DESCRIPTION_SQL}, c.billable, c.derm, c.terms, c.seq, c.rowid "
    "FROM codes AS c LEFT JOIN codes AS p ON c.tail > 0 AND p.code = c.parent "
    "LEFT JOIN tails AS t ON t.id = c.tail"
)


class UnreadableIndex(Exception):
    """The file is not a dermcharge ICD-10-CM index (or one of an unknown schema)."""


@dataclass(frozen=True)
class CodeEntry:
    code: str
    description: str
    billable: bool
    derm: bool
    terms: tuple[str, ...]
    seq: int  # position in Tabular order
    rowid: int  # position in search order


def entry_from_row(row: Sequence[Any]) -> CodeEntry:
    code, description, billable, derm, terms, seq, rowid = row
    return CodeEntry(
        code=code,
        description=description,
        billable=bool(billable),
        derm=bool(derm),
        terms=tuple(terms.split("\n")) if terms else (),
        seq=seq,
        rowid=rowid,
    )


class IndexCatalog:
    """An `Icd10Catalog` over one index file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise UnreadableIndex(f"no ICD-10-CM index at {path}")
        try:
            self._db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as error:
            raise UnreadableIndex(f"{path} is not an ICD-10-CM index: {error}") from error
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise UnreadableIndex(
                f"{path} has index schema {meta.get('schema_version')!r}, "
                f"expected {SCHEMA_VERSION}: rebuild it"
            )
        self.meta: dict[str, str] = meta
        self.fiscal_year = int(meta["fiscal_year"])
        self._effective_from = date.fromisoformat(meta["effective_from"])
        self.effective_to = date.fromisoformat(meta["effective_to"])
        # One connection shared by the GUI's worker threads: sqlite3 objects need a lock.
        self.lock = threading.Lock()
        self._entries: dict[int, CodeEntry] = {}
        self._include_notes: list[tuple[str, str, str]] | None = None

    @property
    def release(self) -> str:
        return self.meta["label"]

    @property
    def effective_from(self) -> date:
        return self._effective_from

    @property
    def source(self) -> str:
        return self.meta.get("source", "")

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            return self._db.execute(sql, parameters).fetchall()

    def entry(self, code: str) -> CodeEntry | None:
        rows = self.query(f"{CODE_ROW_SQL} WHERE c.code = ?", (normalize_code(code),))
        return entry_from_row(rows[0]) if rows else None

    def entries(self, rowids: Sequence[int]) -> list[CodeEntry]:
        """The entries of these search-order rowids (unknown ones skipped), in no set order.

        Kept in memory once read: type-ahead asks for mostly the same rows keystroke after
        keystroke, and the whole release is only ~25 MB as Python objects.
        """
        cache = self._entries
        missing = [rowid for rowid in rowids if rowid not in cache]
        if missing:
            marks = ",".join("?" * len(missing))
            for row in self.query(f"{CODE_ROW_SQL} WHERE c.rowid IN ({marks})", missing):
                entry = entry_from_row(row)
                cache[entry.rowid] = entry
        return [cache[rowid] for rowid in rowids if rowid in cache]

    def exists(self, code: str) -> bool:
        """True for any category, subcategory or code (not chapters and blocks)."""
        return bool(self.query("SELECT 1 FROM codes WHERE code = ?", (normalize_code(code),)))

    def is_billable(self, code: str) -> bool:
        rows = self.query("SELECT billable FROM codes WHERE code = ?", (normalize_code(code),))
        return bool(rows and rows[0][0])

    def description(self, code: str) -> str:
        found = self.entry(code)
        return found.description if found else ""

    def parent(self, code: str) -> str | None:
        rows = self.query("SELECT parent FROM codes WHERE code = ?", (normalize_code(code),))
        return rows[0][0] if rows else None

    def include_notes(self) -> list[tuple[str, str, str]]:
        """(code, "Includes" note, the code's description) for every note; read once."""
        if self._include_notes is None:
            self._include_notes = self.query(
                f"SELECT i.code, i.note, {DESCRIPTION_SQL} FROM includes AS i "
                "JOIN codes AS c ON c.code = i.code LEFT JOIN codes AS p ON c.tail > 0 AND "
                "p.code = c.parent LEFT JOIN tails AS t ON t.id = c.tail"
            )
        return self._include_notes

    def index_term_rows(self) -> list[tuple[str, str, str]]:
        """(typed phrases joined by newlines, code or pattern, index entry) of the release's own
        Alphabetic Index, when it was imported with its index file; else empty."""
        has_table = self.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'index_terms'"
        )
        if not has_table:
            return []
        return [tuple(row) for row in self.query("SELECT say, code, entry FROM index_terms")]

    def counts(self) -> tuple[int, int]:
        """(codes and categories, billable codes)."""
        rows = self.query("SELECT count(*), sum(billable) FROM codes")
        return int(rows[0][0]), int(rows[0][1] or 0)

    def close(self) -> None:
        with self.lock:
            self._db.close()
