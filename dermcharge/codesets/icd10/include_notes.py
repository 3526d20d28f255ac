"""ICD-10-CM "Includes" notes in search: a category's note names what falls under it.

"Includes: atypical nevus" under D22 Melanocytic nevi makes "atypical nevus back" find D22.5
(Melanocytic nevi of trunk), although no D22 code says "atypical". The notes stay on the category
in the index (see `index_writer`); here a query that matches a note pulls in the codes under it,
and the note counts as an inclusion term of each of them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.search_match import compile_groups, joined, needles_for
from dermcharge.codesets.icd10.synonyms import WordGroup, words_of

MAX_INCLUDE_CODES = 4  # categories whose notes one query may pull in


def includes_touched(catalog: IndexCatalog, groups: list[WordGroup]) -> dict[str, str]:
    """Code -> its "Includes" notes (as words) when they match a query word its description does
    not: "atypical nevus" reaches D22 Melanocytic nevi and the codes under it."""
    notes = notes_of(catalog)
    distinctive: set[int] = set()
    for group in groups:
        # A word of one or two letters is still being typed and would touch half the notes.
        if any(len(word) < 3 for alt in group.alternatives for word in alt):
            continue
        needle = needles_for(group)
        for index in set().union(*(notes.matching(alt) for alt in group.alternatives)):
            if not needle.found_in(notes.entries[index][2]):
                distinctive.add(index)
    if not distinctive:
        return {}
    needles = compile_groups(groups)
    scored = []
    for index in sorted(distinctive):
        code, note_text, description_text = notes.entries[index]
        both = note_text + description_text
        scored.append((sum(n.found_in(both) for n in needles), code, note_text))
    # All query words, or all but one when at least two match ("atypical nevus back": the site is
    # in the code under D22); a note that shares one word with a longer query is noise.
    wanted = len(needles) if len(needles) <= 2 else len(needles) - 1
    touched: dict[str, str] = {}
    for score, code, note_text in scored:
        if score >= wanted and (code in touched or len(touched) < MAX_INCLUDE_CODES):
            touched[code] = touched.get(code, "") + note_text
    return touched


@dataclass(frozen=True)
class IncludeNotes:
    """The catalog's "Includes" notes with a word index, so a keystroke looks up, not scans."""

    entries: list[tuple[str, str, str]]  # (code, note words, description words) as joined text
    words: list[str]  # sorted
    postings: dict[str, set[int]]

    def matching(self, alternative: tuple[str, ...]) -> set[int]:
        """Notes with, for every word of the alternative, a word that starts with it."""
        found: set[int] | None = None
        for prefix in alternative:
            ids: set[int] = set()
            position = bisect_left(self.words, prefix)
            while position < len(self.words) and self.words[position].startswith(prefix):
                ids |= self.postings[self.words[position]]
                position += 1
            found = ids if found is None else found & ids
            if not found:
                return set()
        return found or set()


@lru_cache(maxsize=16)
def notes_of(catalog: IndexCatalog) -> IncludeNotes:
    entries = []
    postings: dict[str, set[int]] = {}
    for index, (code, note, description) in enumerate(catalog.include_notes()):
        words = words_of(note)
        entries.append((code, joined(words), joined(words_of(description))))
        for word in words:
            postings.setdefault(word, set()).add(index)
    return IncludeNotes(entries, sorted(postings), postings)


def rowids_under(catalog: IndexCatalog, codes: dict[str, str], count: int) -> list[int]:
    """Up to `count` rows at or under each code, in search order."""
    rowids: list[int] = []
    for code in codes:
        rows = catalog.query(
            "SELECT rowid FROM codes WHERE code >= ? AND code < ? ORDER BY rowid LIMIT ?",
            (code, code + "~", count),
        )
        rowids += [rowid for (rowid,) in rows]
    return rowids
