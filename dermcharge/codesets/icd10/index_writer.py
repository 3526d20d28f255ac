"""Writes one ICD-10-CM release into a compact SQLite file with an FTS5 word index.

Both sources (the simple-icd-10-cm package and the official CDC files) produce the same records and
go through `write_index`, which builds into a temporary file beside the target and moves it into
place in one step: a reader never sees a half-written release.

Layout (schema version 1):
- `meta(key, value)`: schema_version, fiscal_year, label, effective_from, effective_to, source,
  code_count, billable_count.
- `groups(kind, id, description, parent)`: chapters and blocks (not codes; never on a claim).
- `codes(rowid, code, billable, derm, parent, seq, tail, description, terms)`: every category,
  subcategory and code in dotted form. Rows are numbered in search order (billable first, then
  dermatology codes, then Tabular order) so an FTS query read in rowid order meets the likeliest
  hits first and can stop early. `parent` is the parent code, or for a category its block id.
  A code whose description is its parent's plus ", <tail>" (most 7th-character codes: ", initial
  encounter") stores `description = ''` and `tail` = the id of that text in `tails(id, text)`,
  which shrinks the file by a third; `terms` holds the inclusion terms, one a line.
- `includes(code, note)`: the "Includes" notes of categories and subcategories; they describe
  everything under the code ("atypical nevus" for D22), so search applies them to the descendants
  at query time instead of copying them onto 22,000 codes.
- `code_text`: a contentless FTS5 index over (description, terms) keyed by the codes rowid.
- `vocab(word)`: every indexed word, so search can turn a prefix into the few whole words it
  stands for (FTS5 reads those lazily, whereas an unindexed prefix is merged up front).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SCHEMA_VERSION = 1

# unicode61 folds case and accents. detail=none and columnsize=0 keep only which rows hold a word
# (search re-ranks the candidates itself, so positions and bm25 statistics are dead weight); the
# prefix indexes make one- and two-letter prefixes (the first keystrokes) as fast as whole words.
FTS_OPTIONS = (
    "description, terms, content='', columnsize=0, detail=none, "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2'"
)

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE groups (
    kind TEXT NOT NULL, id TEXT NOT NULL, description TEXT NOT NULL, parent TEXT,
    PRIMARY KEY (kind, id)
);
CREATE TABLE tails (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE codes (
    rowid INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    billable INTEGER NOT NULL,
    derm INTEGER NOT NULL,
    parent TEXT,
    seq INTEGER NOT NULL,
    tail INTEGER NOT NULL,
    description TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE VIRTUAL TABLE code_text USING fts5({FTS_OPTIONS});
CREATE TABLE vocab (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE includes (code TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE index_terms (say TEXT NOT NULL, code TEXT NOT NULL, entry TEXT NOT NULL);
"""


@dataclass(frozen=True)
class IndexedCode:
    """One category, subcategory or code as the sources give it (dotted code)."""

    code: str
    description: str
    billable: bool
    parent: str | None
    terms: tuple[str, ...] = ()  # inclusion terms: other names of this code
    includes: tuple[str, ...] = ()  # "Includes" notes: what falls under this code and below


@dataclass(frozen=True)
class IndexedGroup:
    kind: str  # "chapter" or "block"
    id: str
    description: str
    parent: str | None


@dataclass(frozen=True)
class ReleaseInfo:
    fiscal_year: int
    source: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"ICD-10-CM FY{self.fiscal_year}"

    @property
    def effective_from(self) -> date:
        """ICD-10-CM fiscal years start on October 1 of the previous calendar year."""
        return date(self.fiscal_year - 1, 10, 1)

    @property
    def effective_to(self) -> date:
        return date(self.fiscal_year, 9, 30)


def write_index(
    target: Path,
    info: ReleaseInfo,
    codes: Iterable[IndexedCode],
    groups: Iterable[IndexedGroup],
    is_derm: Callable[[str], bool],
    index_terms: Iterable[tuple[str, str, str]] = (),
) -> Path:
    """Build the index in a temporary file beside `target`, then replace `target` atomically.

    `index_terms`: (phrases joined by newlines, code or pattern, entry) from the release's
    Alphabetic Index, when it was imported with it (see `cdc_index`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        connection = sqlite3.connect(temp)
        try:
            _fill(connection, info, list(codes), list(groups), is_derm)
            connection.executemany(
                "INSERT INTO index_terms (say, code, entry) VALUES (?, ?, ?)", list(index_terms)
            )
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        os.chmod(temp, 0o644)  # mkstemp makes it private; the index is public data
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _fill(
    connection: sqlite3.Connection,
    info: ReleaseInfo,
    codes: list[IndexedCode],
    groups: list[IndexedGroup],
    is_derm: Callable[[str], bool],
) -> None:
    connection.executescript("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;" + _SCHEMA)
    connection.executemany(
        "INSERT INTO groups (kind, id, description, parent) VALUES (?, ?, ?, ?)",
        [(g.kind, g.id, g.description, g.parent) for g in groups],
    )
    descriptions = {c.code: c.description for c in codes}
    tails = _tails(codes)
    tail_ids: dict[str, int] = {}
    ranked = sorted(
        enumerate(codes),
        key=lambda item: (not item[1].billable, not is_derm(item[1].code), item[0]),
    )
    rows = []
    for rowid, (seq, entry) in enumerate(ranked, start=1):
        tail = tails.get(entry.code)
        tail_id = tail_ids.setdefault(tail, len(tail_ids) + 1) if tail is not None else 0
        rows.append(
            (
                rowid,
                entry.code,
                int(entry.billable),
                int(is_derm(entry.code)),
                entry.parent,
                seq,
                tail_id,
                "" if tail_id else entry.description,
                "\n".join(entry.terms),
            )
        )
    connection.executemany(
        "INSERT INTO tails (id, text) VALUES (?, ?)", [(i, t) for t, i in tail_ids.items()]
    )
    connection.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.executemany(
        "INSERT INTO code_text (rowid, description, terms) VALUES (?, ?, ?)",
        [(rowid, descriptions[code], terms) for rowid, code, *_, terms in rows],
    )
    connection.executemany(
        "INSERT INTO includes (code, note) VALUES (?, ?)",
        [(c.code, note) for c in codes for note in c.includes],
    )
    connection.execute("INSERT INTO code_text (code_text) VALUES ('optimize')")
    connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, code_text, row)")
    connection.execute("INSERT INTO vocab (word) SELECT term FROM temp.words")
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "fiscal_year": str(info.fiscal_year),
        "label": info.label,
        "effective_from": info.effective_from.isoformat(),
        "effective_to": info.effective_to.isoformat(),
        "source": info.source,
        "code_count": str(len(codes)),
        "billable_count": str(sum(c.billable for c in codes)),
        **info.extra,
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _tails(codes: list[IndexedCode]) -> dict[str, str]:
    """Code -> tail for codes described as "<parent's description>, <tail>" (parent not tailed)."""
    full = {c.code: c.description for c in codes}
    tails: dict[str, str] = {}
    for entry in codes:  # Tabular order: a parent is decided before its children
        parent = entry.parent or ""
        parent_text = full.get(parent)
        if parent_text and parent not in tails and entry.description.startswith(parent_text + ", "):
            tails[entry.code] = entry.description[len(parent_text) + 2 :]
    return tails
