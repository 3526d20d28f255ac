"""Type-ahead ICD-10-CM search over the compact index of the release in force on a date.

Every query word must match the start of a word of the code's description or inclusion terms
(after synonym expansion, see `synonyms.py`). Ranking: billable codes first; then matches the
synonym table names for the code, then matches in the description itself, then matches in
inclusion terms only; dermatology codes before others; more whole-word matches; the words as
typed before synonyms ("bcc nose": C44.311 nose before C44.319 face); more specific before less
(a named site before "unspecified", unless asked; a subcategory before its category); Tabular
order last (see `search_match`). A category's "Includes" notes count as inclusion terms of every
code under it (see `include_notes`). A query that looks like a code ("C44.31", "c4431") lists
that code and the codes under it.

Speed: the FTS5 query reads candidates in rowid order, which the index lays out in the same
billable/dermatology/Tabular order, so it stops after a few dozen rows whatever the query; only
those are re-ranked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dermcharge.codesets.icd10.catalog import normalize_code
from dermcharge.codesets.icd10.include_notes import includes_touched, rowids_under
from dermcharge.codesets.icd10.index_catalog import CodeEntry, IndexCatalog
from dermcharge.codesets.icd10.index_terms import codes_for, terms_for
from dermcharge.codesets.icd10.releases import catalog_for, newest_catalog
from dermcharge.codesets.icd10.search_match import compile_groups, joined, rank_key
from dermcharge.codesets.icd10.synonyms import Synonyms, WordGroup, load_synonyms, words_of

_CODE_LIKE = re.compile(r"^[A-Za-z](\d[0-9A-Za-z]?|[A-Za-z]\d)(\.?[0-9A-Za-z]{0,4})?$")
_MIN_CANDIDATES = 30
_MAX_WORDS_PER_PREFIX = 40


@dataclass(frozen=True)
class SearchHit:
    code: str
    description: str
    billable: bool
    derm: bool
    # The Alphabetic Index entry (or coding guidance) that led to this code, when one did.
    index_entry: str = ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "description": self.description,
            "billable": self.billable,
        }
        if self.index_entry:
            out["index_entry"] = self.index_entry
        return out


def search(query: str, limit: int = 20, on: date | None = None) -> list[SearchHit]:
    """Best `limit` codes for `query` in the release in force on `on` (default: newest loaded)."""
    catalog = catalog_for(on) if on is not None else newest_catalog()
    return search_catalog(catalog, query, limit)


def search_catalog(
    catalog: IndexCatalog, query: str, limit: int = 20, synonyms: Synonyms | None = None
) -> list[SearchHit]:
    if limit <= 0:
        return []
    synonyms = synonyms or load_synonyms()
    tokens = query.split()
    code_prefix = None
    code_tokens = [t for t in tokens if _CODE_LIKE.match(t) and _has_codes(catalog, t)]
    if code_tokens:
        code_prefix = _code_prefix(code_tokens[0])
        tokens = [t for t in tokens if t is not code_tokens[0]]
        if not tokens:
            return _by_code(catalog, code_prefix, limit)
    groups = synonyms.expand(words_of(" ".join(tokens)))
    if not groups:
        return []
    needles = compile_groups(groups)
    budget = max(_MIN_CANDIDATES, limit + 10)
    attached, entries = _index_terms_touched(catalog, groups)
    inherited = includes_touched(catalog, groups)
    rowids = _fts_candidates(catalog, groups, budget, code_prefix)
    rowids += _rowids_of(catalog, attached)
    rowids += rowids_under(catalog, inherited, budget)
    asked_unspecified = any(
        "unspecified".startswith(w) and len(w) >= 3
        for g in groups
        for a in g.alternatives
        for w in a
    )
    ranked = []
    billable_found = 0
    # Billable codes first: once `limit` of them match, no category can make the list.
    for entry in sorted(catalog.entries(list(dict.fromkeys(rowids))), key=_not_billable):
        if not entry.billable and billable_found >= limit:
            break
        if code_prefix and not entry.code.startswith(code_prefix):
            continue
        notes = "".join(t for c, t in inherited.items() if entry.code.startswith(c))
        key = rank_key(entry, needles, attached.get(entry.code, ""), notes, asked_unspecified)
        if key is not None:
            ranked.append((key, entry))
            billable_found += entry.billable
    ranked.sort(key=lambda item: item[0])
    return [_hit(entry, entries.get(entry.code, "")) for _, entry in ranked[:limit]]


def _not_billable(entry: CodeEntry) -> bool:
    return not entry.billable


def _hit(entry: CodeEntry, index_entry: str = "") -> SearchHit:
    return SearchHit(entry.code, entry.description, entry.billable, entry.derm, index_entry)


def _code_prefix(token: str) -> str:
    return normalize_code(token).rstrip(".")


def _has_codes(catalog: IndexCatalog, token: str) -> bool:
    prefix = _code_prefix(token)
    rows = catalog.query(
        "SELECT 1 FROM codes WHERE code >= ? AND code < ? LIMIT 1", (prefix, prefix + "~")
    )
    return bool(rows)


def _by_code(catalog: IndexCatalog, prefix: str, limit: int) -> list[SearchHit]:
    """The code itself first, then billable codes under it, then its subcategories."""
    rows = catalog.query(
        "SELECT rowid FROM codes WHERE code >= ? AND code < ? "
        "ORDER BY code = ? DESC, billable DESC, seq LIMIT ?",
        (prefix, prefix + "~", prefix, limit),
    )
    order = {rowid: i for i, (rowid,) in enumerate(rows)}
    entries = catalog.entries(list(order))
    entries.sort(key=lambda entry: order[entry.rowid])
    return [_hit(entry) for entry in entries]


def _fts_expression(catalog: IndexCatalog, groups: list[WordGroup], synonyms_only: bool) -> str:
    """AND of groups, OR of alternatives, AND of words; `synonyms_only` drops the typed literal."""

    def alternative(words: tuple[str, ...]) -> str:
        return "(" + " AND ".join(_word_expression(catalog, w) for w in words) + ")"

    parts = []
    # A side word is checked per code (rank_key): "left" must not drop codes without a side.
    sided = [group for group in groups if not group.side] or groups
    for group in sided:
        alternatives = group.alternatives
        if synonyms_only and len(alternatives) > 1:
            alternatives = alternatives[1:]
        parts.append("(" + " OR ".join(alternative(alt) for alt in alternatives) + ")")
    return " AND ".join(parts)


@lru_cache(maxsize=8192)  # typing repeats the same words keystroke after keystroke
def _word_expression(catalog: IndexCatalog, word: str) -> str:
    """A prefix as FTS5 reads it fastest: the prefix index for one or two letters, else the
    whole words it stands for (read lazily), else a plain prefix query when there are many."""
    if len(word) <= 2:
        return f'"{word}"*'
    words = catalog.query(
        "SELECT word FROM vocab WHERE word >= ? AND word < ? LIMIT ?",
        (word, word + "~", _MAX_WORDS_PER_PREFIX + 1),
    )
    if not words or len(words) > _MAX_WORDS_PER_PREFIX:
        return f'"{word}"*'
    return "(" + " OR ".join(f'"{w}"' for (w,) in words) + ")"


def _fts_candidates(
    catalog: IndexCatalog, groups: list[WordGroup], count: int, code_prefix: str | None
) -> list[int]:
    rowids = _fts_rows(catalog, _fts_expression(catalog, groups, False), count, code_prefix)
    if len(rowids) >= count and any(len(group.alternatives) > 1 for group in groups):
        # The budget ran out: a short literal ("sk") may have crowded out the expansion
        # ("seborrheic keratosis"), which then gets a budget of its own.
        rowids += _fts_rows(catalog, _fts_expression(catalog, groups, True), count, code_prefix)
    return rowids


def _fts_rows(
    catalog: IndexCatalog, expression: str, count: int, code_prefix: str | None
) -> list[int]:
    """The first `count` matching rowids in search order (billable, dermatology, Tabular)."""
    if code_prefix:  # filter in SQL so the candidate budget goes to codes under the prefix
        rows = catalog.query(
            "SELECT t.rowid FROM code_text AS t JOIN codes AS c ON c.rowid = t.rowid "
            "WHERE code_text MATCH ? AND c.code >= ? AND c.code < ? ORDER BY t.rowid LIMIT ?",
            (expression, code_prefix, code_prefix + "~", count),
        )
    else:
        rows = catalog.query(
            "SELECT rowid FROM code_text WHERE code_text MATCH ? ORDER BY rowid LIMIT ?",
            (expression, count),
        )
    return [rowid for (rowid,) in rows]


def _index_terms_touched(
    catalog: IndexCatalog, groups: list[WordGroup]
) -> tuple[dict[str, str], dict[str, str]]:
    """For the index terms whose every word the query (partly) typed: code -> the term's words
    (as `joined` text) and code -> the index entry it comes from; a pattern ("D23.-") stands for
    every billable code under it, among which the query's site and side words then choose."""
    typed = tuple(w for group in groups for alt in group.alternatives for w in alt)
    partial = groups[-1].typed[-1] if groups else None  # the word still being typed
    texts, entries = _terms_touched(catalog, typed, partial)
    return dict(texts), dict(entries)


@lru_cache(maxsize=2048)  # typing repeats the same words keystroke after keystroke
def _terms_touched(
    catalog: IndexCatalog, typed: tuple[str, ...], partial: str | None
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    attached: dict[str, list[str]] = {}
    entries: dict[str, str] = {}
    touched = terms_for(catalog).touched(typed, partial)
    # The most specific entry speaks for a code ("Keratosis, solar" over "Keratosis").
    touched.sort(key=lambda found: -len(found[1]))
    for term, phrase in touched:
        for code in codes_for(catalog, term.code):
            attached.setdefault(code, []).append(" ".join(phrase))
            entries.setdefault(code, term.entry)
    texts = {code: joined(tuple(" ".join(words).split())) for code, words in attached.items()}
    return tuple(texts.items()), tuple(entries.items())


def _rowids_of(catalog: IndexCatalog, attached: dict[str, str]) -> list[int]:
    return list(_rowids_of_codes(catalog, tuple(sorted(attached)))) if attached else []


@lru_cache(maxsize=2048)
def _rowids_of_codes(catalog: IndexCatalog, codes: tuple[str, ...]) -> tuple[int, ...]:
    marks = ",".join("?" * len(codes))
    rows = catalog.query(f"SELECT rowid FROM codes WHERE code IN ({marks})", list(codes))
    return tuple(rowid for (rowid,) in rows)
