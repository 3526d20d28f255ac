"""Alphabetic Index terms as a search source: the words a coder looks up and the code they lead to.

Two sources, one shape. A release imported with its CDC index file carries its own terms (table
`index_terms` in the release's index, see `cdc_index`); until one does, the shipped table
`resources/data/icd10cm_index_derm.json` holds the dermatology terms with the index entry each
comes from. Rows whose origin is coding guidance (where the Index is silent or sends elsewhere)
(and Tabular inclusion terms the Index reaches only through long paths) are always added, so both answers are shown with their sources.

A term's code may be a pattern: "D23.-" stands for the billable codes under D23 and "C44.-1" for
C44.x1x; the query's site and side words then choose among them in the search itself.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from dermcharge.codesets.icd10.index_catalog import IndexCatalog
from dermcharge.codesets.icd10.synonyms import Words, words_of
from dermcharge.resource_files import resource_path

SHIPPED_TERMS_FILE = ("data", "icd10cm_index_derm.json")
ORIGINS = ("index", "tabular", "guidance")
_SHORTEST_PREFIX = 3  # a typed word stands for a term word it begins, once it has 3 letters


@dataclass(frozen=True)
class IndexTerm:
    phrases: tuple[Words, ...]
    code: str  # a code, or a pattern with "-" where the site and side choose
    entry: str  # the index entry (or guidance) it comes from, shown beside the hit
    origin: str  # "index", "tabular" (an inclusion term) or "guidance"


def stands_for(typed: str, word: str, *, partial: bool = False) -> bool:
    """A typed word stands for a term word when it is the word or its plural ("warts"); the word
    still being typed also when it is a 3+ letter start of it ("dermato")."""
    if typed == word or _singular(typed) == word:
        return True
    return partial and len(typed) >= _SHORTEST_PREFIX and word.startswith(typed)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > _SHORTEST_PREFIX and word.endswith("s") else word


class IndexTermTable:
    """Terms looked up by the words typed so far, through a sorted word list (no full scan)."""

    def __init__(self, terms: Sequence[IndexTerm]) -> None:
        self.terms = tuple(terms)
        pairs = sorted(
            (word, i) for i, term in enumerate(self.terms) for p in term.phrases for word in p
        )
        self._words = [word for word, _ in pairs]
        self._owners = [i for _, i in pairs]

    def touched(
        self, typed: Iterable[str], partial: str | None = None
    ) -> list[tuple[IndexTerm, Words]]:
        """Each term with a phrase whose every word the query typed (`partial`, the word still
        being typed, may be the start of one), with the words of its longest such phrase and the
        typed words that are its words."""
        complete = tuple(dict.fromkeys(typed))
        candidates: set[int] = set()
        for word in {*complete, *([partial] if partial else [])}:
            stem = _singular(word)
            prefix = word == partial and len(word) >= _SHORTEST_PREFIX
            at = bisect.bisect_left(self._words, min(word, stem))
            while at < len(self._words) and (
                self._words[at] in (word, stem) or (prefix and self._words[at].startswith(word))
            ):
                candidates.add(self._owners[at])
                at += 1
        found = []
        for i in sorted(candidates):
            term = self.terms[i]
            covered = [phrase for phrase in term.phrases if self._covers(phrase, complete, partial)]
            if covered:
                phrase = max(covered, key=len)
                said = tuple(t for t in complete if any(stands_for(t, word) for word in phrase))
                found.append((term, phrase + said))
        return found

    @staticmethod
    def _covers(phrase: Words, complete: tuple[str, ...], partial: str | None) -> bool:
        return all(
            any(stands_for(t, word) for t in complete)
            or (partial is not None and stands_for(partial, word, partial=True))
            for word in phrase
        )


def _term_of(row: dict[str, object], path: str) -> IndexTerm:
    say = row["say"]
    if not isinstance(say, list) or not say:
        raise ValueError(f"{path}: 'say' must list the words people type")
    origin = str(row.get("origin", "index"))
    if origin not in ORIGINS:
        raise ValueError(f"{path}: origin must be one of {', '.join(ORIGINS)}")
    phrases = tuple(tuple(words_of(str(text))) for text in say)
    return IndexTerm(phrases, str(row["code"]).upper(), str(row["entry"]), origin)


@cache
def shipped_terms(path: Path | None = None) -> IndexTermTable:
    """The shipped dermatology index terms (cached), or another file in the same layout."""
    path = path or resource_path(*SHIPPED_TERMS_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = data["terms"]
    return IndexTermTable([_term_of(row, f"{path.name} terms[{i}]") for i, row in enumerate(rows)])


@lru_cache(maxsize=8)
def terms_for(catalog: IndexCatalog) -> IndexTermTable:
    """The release's own index terms when it was imported with its index file (plus the shipped
    guidance rows), else the shipped table."""
    own = [
        IndexTerm(tuple(tuple(words_of(p)) for p in say.split("\n")), code, entry, "index")
        for say, code, entry in catalog.index_term_rows()
    ]
    shipped = shipped_terms()
    if not own:
        return shipped
    guidance = [term for term in shipped.terms if term.origin != "index"]
    return IndexTermTable([*own, *guidance])


def code_pattern_sql(code: str) -> tuple[str, str]:
    """SQL for the billable codes a term's code stands for: (condition, parameter)."""
    if "-" not in code:
        return "code = ?", code
    like = code.replace("-", "_").rstrip("_").rstrip(".") + "%"
    return "code LIKE ?", like


@lru_cache(maxsize=4096)
def codes_for(catalog: IndexCatalog, code: str) -> tuple[str, ...]:
    """The billable codes of the release that a term's code or pattern stands for."""
    condition, parameter = code_pattern_sql(code)
    rows = catalog.query(
        f"SELECT code FROM codes WHERE {condition} AND billable = 1 ORDER BY seq", (parameter,)
    )
    return tuple(found for (found,) in rows)
