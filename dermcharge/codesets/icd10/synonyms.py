"""Turns a typed search query into word groups, expanding dermatology abbreviations and synonyms.

The table is data (`resources/data/icd10cm_synonyms.json`, with provenance). Each query word (or
known multi-word phrase such as "scc in situ") becomes a group of alternatives; a code matches the
group when every word of one alternative is a prefix of a word of the code's text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dermcharge.resource_files import resource_path

SYNONYMS_FILE = ("data", "icd10cm_synonyms.json")
_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")

Words = tuple[str, ...]


def words_of(text: str) -> list[str]:
    """Lower-case ASCII words as the FTS5 unicode61 tokenizer sees them ("Bowen's" -> ["bowen"])."""
    folded = text.lower()
    if not folded.isascii():  # rare ("Ménière"); the per-character fold is the slow part
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(_POSSESSIVE.sub("", folded))


@dataclass(frozen=True)
class WordGroup:
    """What one typed word or phrase may match: any alternative, all of whose words match."""

    typed: Words
    alternatives: tuple[Words, ...]


@dataclass(frozen=True)
class CodeTerm:
    """A phrase people use for specific codes that the Tabular text does not contain."""

    phrases: tuple[Words, ...]
    codes: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Synonyms:
    stop_words: frozenset[str]
    word_synonyms: dict[Words, tuple[Words, ...]]
    code_terms: tuple[CodeTerm, ...]
    longest_key: int = 1  # words in the longest synonym phrase

    def expand(self, words: list[str]) -> list[WordGroup]:
        """Group the query words, longest synonym phrase first; drop stop words not being typed."""
        groups: list[WordGroup] = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest_key, len(words) - i), 0, -1):
                key = tuple(words[i : i + size])
                if key in self.word_synonyms:
                    literal = self._without_stop_words(key)
                    groups.append(WordGroup(key, (literal, *self.word_synonyms[key])))
                    i += size
                    break
            else:
                word = words[i]
                last = i == len(words) - 1  # the word being typed may become "infection"
                if last or word not in self.stop_words:
                    groups.append(WordGroup((word,), ((word,),)))
                i += 1
        return groups

    def _without_stop_words(self, words: Words) -> Words:
        kept = tuple(w for w in words if w not in self.stop_words)
        return kept or words


def load_synonyms(path: Path | None = None) -> Synonyms:
    """The shipped table (cached), or another file in the same layout (tests)."""
    return _load(path or resource_path(*SYNONYMS_FILE))


@cache
def _load(path: Path) -> Synonyms:
    data = json.loads(path.read_text(encoding="utf-8"))
    stop_words = frozenset(data.get("stop_words", []))

    def phrase(text: str) -> Words:
        words = tuple(words_of(text))
        kept = tuple(w for w in words if w not in stop_words)
        return kept or words

    word_synonyms: dict[Words, tuple[Words, ...]] = {}
    for entry in data["word_synonyms"]:
        means = tuple(phrase(text) for text in entry["means"])
        for said in entry["say"]:
            key = tuple(words_of(said))
            word_synonyms[key] = tuple(dict.fromkeys(word_synonyms.get(key, ()) + means))
    code_terms = tuple(
        CodeTerm(
            phrases=tuple(tuple(words_of(term)) for term in entry["terms"]),
            codes=tuple(entry["codes"]),
            source=str(entry["source"]),
        )
        for entry in data["code_terms"]
    )
    longest = max((len(key) for key in word_synonyms), default=1)
    return Synonyms(stop_words, word_synonyms, code_terms, longest)
