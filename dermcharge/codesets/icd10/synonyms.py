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

from dermcharge.anatomy.sites import site_table
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
    # A side ("left", "r"): it must match a code that names a side, and is passed over by one
    # that names none (skin of face has no side in ICD-10-CM).
    side: bool = False


@dataclass(frozen=True)
class Synonyms:
    stop_words: frozenset[str]
    word_synonyms: dict[Words, tuple[Words, ...]]
    side_words: frozenset[str] = frozenset()
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
                    side = len(key) == 1 and key[0] in self.side_words
                    groups.append(WordGroup(key, (literal, *self.word_synonyms[key]), side))
                    i += size
                    break
            else:
                word = words[i]
                last = i == len(words) - 1  # the word being typed may become "infection"
                if last or word not in self.stop_words:
                    groups.append(WordGroup((word,), ((word,),), word in self.side_words))
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
    for label, wording in _site_labels(data.get("site_words", {}).get("groups", {})):
        key = tuple(words_of(label))
        means = tuple(phrase(text) for text in wording if phrase(text) != key)
        if means:
            word_synonyms[key] = tuple(dict.fromkeys(word_synonyms.get(key, ()) + means))
    side_words = frozenset(data.get("side_words", {}).get("words", []))
    longest = max((len(key) for key in word_synonyms), default=1)
    return Synonyms(stop_words, word_synonyms, side_words, longest)


def _site_labels(groups: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(a body-map site's label, the ICD-10-CM wording of its site group) for every site of the
    anatomy table, so that a site named as on the body map finds the codes of its group."""
    return [(site.label, groups.get(site.icd_site, [])) for site in site_table().sites.values()]
