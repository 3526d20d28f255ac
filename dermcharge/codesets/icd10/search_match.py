"""How a candidate code meets the query words, and the key that ranks it.

Texts are compared as " word word ... " strings (`joined`), so "a word starts with w" is the
substring test " w" in text and "is the word w" is " w " in text: C-speed tests, because every
candidate is tested on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dermcharge.codesets.icd10.index_catalog import CodeEntry
from dermcharge.codesets.icd10.synonyms import WordGroup, words_of

# How a code met the query, best first: a synonym-table phrase for it, its description, or only
# its inclusion terms (and the Includes notes above it).
VIA_CODE_TERM, VIA_DESCRIPTION, VIA_TERMS = 0, 1, 2


def joined(words: tuple[str, ...] | list[str]) -> str:
    """Words as " w1 w2 ... " so that a prefix test is one substring search (" w" in text)."""
    return " " + " ".join(words) + " "


@dataclass(frozen=True)
class Needles:
    """One query group compiled for substring tests over `joined` text: per alternative, the
    " w" (word start) and " w " (whole word) strings. Every candidate is tested on every
    keystroke, so the common one-word group takes a single `in`."""

    prefixes: tuple[tuple[str, ...], ...]
    wholes: tuple[tuple[str, ...], ...]
    single: str | None  # the only needle when the group is one word without synonyms
    side: bool = False  # a side word: passed over by a code whose description names no side

    def found_in(self, text: str) -> bool:
        if self.single is not None:
            return self.single in text
        return any(all(n in text for n in alternative) for alternative in self.prefixes)

    def whole_in(self, text: str) -> bool:
        return any(all(n in text for n in alternative) for alternative in self.wholes)

    def literal_in(self, text: str) -> bool:
        """The words as typed (the first alternative) match, not only a synonym."""
        return all(n in text for n in self.prefixes[0])


def _names_a_side(description: str) -> bool:
    return " left " in description or " right " in description or " bilateral " in description


@lru_cache(maxsize=256)
def needles_for(group: WordGroup) -> Needles:
    prefixes = tuple(tuple(f" {w}" for w in alt) for alt in group.alternatives)
    single = prefixes[0][0] if len(prefixes) == 1 and len(prefixes[0]) == 1 else None
    return Needles(
        prefixes,
        tuple(tuple(f" {w} " for w in alt) for alt in group.alternatives),
        single,
        group.side,
    )


def compile_groups(groups: list[WordGroup]) -> list[Needles]:
    return [needles_for(group) for group in groups]


@lru_cache(maxsize=100_000)
def texts(entry: CodeEntry) -> tuple[str, str]:
    """(description words, description and inclusion-term words), each as `joined` text."""
    description = joined(words_of(entry.description))
    return description, description + joined(words_of(" ".join(entry.terms)))


def rank_key(
    entry: CodeEntry,
    needles: list[Needles],
    attached: str,
    notes: str,
    asked_unspecified: bool,
) -> tuple[int, ...] | None:
    """Sort key for a candidate, or None when some query group does not match it.

    `attached`: synonym-table phrases for this code; `notes`: "Includes" notes of it or of a
    code above it."""
    description, everything = texts(entry)
    if attached or notes:
        everything += attached + notes
    in_description = True
    exact = literal = 0
    for group in needles:  # one plain loop: this runs for every candidate on every keystroke
        if not group.found_in(everything):
            if group.side and not _names_a_side(description):
                continue  # "left cheek": skin of face has no side, so the side does not count
            return None
        if in_description and not group.found_in(description):
            in_description = False
        exact += group.whole_in(everything)
        literal += group.literal_in(everything)
    if attached and all(group.found_in(description + attached) for group in needles):
        via = VIA_CODE_TERM
    else:
        via = VIA_DESCRIPTION if in_description else VIA_TERMS
    unspecified = " unspecified " in description and not asked_unspecified
    # No side typed: a code naming a side would be a guess, so the side-less one comes first.
    guessed_side = not any(group.side for group in needles) and _names_a_side(description)
    if attached and all(group.found_in(attached) for group in needles):
        # Only an index term was typed ("dermatofibroma"): nothing more was said, so the code
        # for no site named ("... of skin, unspecified", D23.9) comes first.
        unspecified = not description.endswith(" unspecified ")
    return (
        not entry.billable,
        via,
        not entry.derm,
        -exact,
        -literal,
        guessed_side,
        unspecified,  # "more specific before less": a named site beats "unspecified part"
        0 if entry.billable else -len(entry.code),  # a subcategory before its category
        entry.seq,
    )
