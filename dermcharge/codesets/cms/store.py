"""Imported CMS tables on disk: one SQLite file per table kind and quarter, replaced atomically.

`code_sets_dir()/cms/<kind>/<quarter>.sqlite`. The new file is built beside the old one while
the import is parsed and validated, then renamed over it: a file with a bad line, or an import
cut short, leaves the tables loaded before exactly as they were. The PTP table, which CMS
splits over files f1-f4, keeps each part's rows and replaces only the part re-imported.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dermcharge.app_dirs import code_sets_dir
from dermcharge.codesets.cms.codec import (
    FIRST_KEY,
    ROW_COLUMNS,
    SECOND_KEY,
    from_columns,
    to_columns,
)
from dermcharge.codesets.cms.imported import CmsRecord, ImportedFile, TableKind
from dermcharge.codesets.cms.quarter import Quarter

_COMMON_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE parts (part TEXT PRIMARY KEY, file_name TEXT NOT NULL, source TEXT NOT NULL,
                    row_count INTEGER NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
"""


@dataclass(frozen=True)
class StoredPart:
    part: str
    file_name: str
    source: str
    row_count: int
    imported_at: str


@dataclass(frozen=True)
class StoredTable:
    kind: TableKind
    quarter: Quarter
    path: Path
    parts: tuple[StoredPart, ...]

    @property
    def row_count(self) -> int:
        return sum(p.row_count for p in self.parts)

    @property
    def source(self) -> str:
        return "; ".join(p.source for p in self.parts)


def store_root() -> Path:
    return code_sets_dir() / "cms"


def table_path(kind: TableKind, quarter: Quarter) -> Path:
    return store_root() / kind.value / f"{quarter}.sqlite"


def save_import(imported: ImportedFile) -> StoredTable:
    """Parse, validate and write the import; the previous file stays until the final rename."""
    target = table_path(imported.kind, imported.quarter)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    os.close(handle)
    try:
        _build(Path(temporary), imported, previous=target if target.exists() else None)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    stored = read_stored(target)
    assert stored is not None
    return stored


def _build(path: Path, imported: ImportedFile, previous: Path | None) -> None:
    kind = imported.kind
    connection = sqlite3.connect(path)
    try:
        # A private file until the rename: no rollback journal needed; one fsync at commit.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.executescript(
            _COMMON_SCHEMA + f"CREATE TABLE rows (part TEXT NOT NULL, {ROW_COLUMNS[kind]});"
        )
        if previous is not None and imported.part:
            # Keep the other parts of a split table (PTP f1-f4) loaded before.
            connection.execute("ATTACH DATABASE ? AS old", (str(previous),))
            for table in ("parts", "rows"):
                connection.execute(
                    f"INSERT INTO {table} SELECT * FROM old.{table} WHERE part != ?",
                    (imported.part,),
                )
            connection.execute("INSERT INTO texts SELECT * FROM old.texts")
            connection.commit()
            connection.execute("DETACH DATABASE old")
        text_ids = dict(connection.execute("SELECT text, id FROM texts").fetchall())

        def text_id(text: str) -> int:
            found = text_ids.get(text)
            if found is None:
                found = text_ids[text] = len(text_ids) + 1
                connection.execute("INSERT INTO texts VALUES (?, ?)", (found, text))
            return int(found)

        counted = _Counter(imported.records())
        width = ROW_COLUMNS[kind].count(",") + 2
        connection.executemany(
            f"INSERT INTO rows VALUES ({','.join('?' * width)})",
            ((imported.part, *to_columns(record, text_id)) for record in counted),
        )
        connection.execute(f"CREATE INDEX rows_by_code ON rows ({FIRST_KEY[kind]})")
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("kind", kind.value), ("quarter", str(imported.quarter))],
        )
        connection.execute(
            "INSERT INTO parts VALUES (?, ?, ?, ?, ?)",
            (
                imported.part,
                imported.file_name,
                imported.source,
                counted.count,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        connection.commit()
    finally:
        connection.close()


class _Counter:
    """Passes records through and counts them (the PTP import is a stream)."""

    def __init__(self, records: Iterator[CmsRecord]) -> None:
        self._records = records
        self.count = 0

    def __iter__(self) -> Iterator[CmsRecord]:
        for record in self._records:
            self.count += 1
            yield record


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def read_stored(path: Path) -> StoredTable | None:
    """The table's description, or None for a file that is not a readable table."""
    try:
        connection = _connect_read_only(path)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            parts = tuple(
                StoredPart(*row)
                for row in connection.execute(
                    "SELECT part, file_name, source, row_count, imported_at "
                    "FROM parts ORDER BY part"
                )
            )
        finally:
            connection.close()
        return StoredTable(TableKind(meta["kind"]), Quarter.parse(meta["quarter"]), path, parts)
    except (sqlite3.Error, KeyError, ValueError):
        return None


def stored_tables(kind: TableKind) -> list[StoredTable]:
    """Every readable stored table of a kind, oldest quarter first."""
    folder = store_root() / kind.value
    found = [read_stored(p) for p in sorted(folder.glob("*.sqlite"))] if folder.is_dir() else []
    return sorted((t for t in found if t is not None and t.kind is kind), key=lambda t: t.quarter)


def load_records(table: StoredTable, codes: Iterable[str] | None = None) -> list[CmsRecord]:
    """The table's rows; with `codes`, only rows whose codes are all among them."""
    kind = table.kind
    sources = {p.part: p.source for p in table.parts}
    connection = _connect_read_only(table.path)
    try:
        texts = dict(connection.execute("SELECT id, text FROM texts").fetchall())
        query = "SELECT * FROM rows"
        parameters: tuple[str, ...] = ()
        if codes is not None:
            wanted = sorted(set(codes))
            marks = ",".join("?" * len(wanted))
            query += f" WHERE {FIRST_KEY[kind]} IN ({marks})"
            parameters = tuple(wanted)
            if kind in SECOND_KEY:
                second = SECOND_KEY[kind]
                query += f" AND ({second} IS NULL OR {second} = '' OR {second} IN ({marks}))"
                parameters += tuple(wanted)
        return [
            from_columns(kind, row[1:], texts, sources.get(row[0], ""))
            for row in connection.execute(query, parameters)
        ]
    finally:
        connection.close()
