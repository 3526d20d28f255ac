"""Find a body site by typing a few letters of each word: "l nas ala" -> left nasal ala."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dermcharge.anatomy.sites import describe, site_table
from dermcharge.domain.visit import Laterality

# Other words people use for a site, so the search meets them where they are.
_ALIASES: dict[str, str] = {
    "hand_dorsum": "hand dorsum",
    "foot_dorsum": "foot dorsum",
    "perianal": "anus",
    "genitalia": "genital",
    "lower_leg": "shin calf",
    "upper_back": "back",
    "mid_back": "back",
    "lower_back": "back",
    "nasal_tip": "nose",
    "nasal_dorsum": "nose",
    "nasal_ala": "nose",
    "nasal_sidewall": "nose",
    "upper_eyelid": "lid",
    "lower_eyelid": "lid",
}


@dataclass(frozen=True)
class SiteEntry:
    site: str
    laterality: Laterality | None
    digit: int | None
    label: str  # "left nasal ala"
    words: tuple[str, ...]


@cache
def site_entries() -> tuple[SiteEntry, ...]:
    entries = []
    for site in site_table().sites.values():
        sides: tuple[Laterality | None, ...] = (
            (Laterality.LEFT, Laterality.RIGHT) if site.sides else (None,)
        )
        digits: tuple[int | None, ...] = (None, 1, 2, 3, 4, 5) if site.digit else (None,)
        for side in sides:
            for digit in digits:
                label = describe(site.id, side.value if side else None, digit)
                words = (*label.split(), *_ALIASES.get(site.id, "").split())
                entries.append(SiteEntry(site.id, side, digit, label, words))
    return tuple(entries)


def matches(entry: SiteEntry, query: str) -> bool:
    """Every typed fragment starts some word of the entry ("l" left, "nas" nasal, "ala" ala)."""
    words = [w.lower() for w in entry.words]
    for fragment in query.lower().split():
        if not any(word.startswith(fragment) for word in words):
            return False
    return True


def search_sites(query: str, limit: int = 50) -> list[SiteEntry]:
    if not query.strip():
        return [e for e in site_entries() if e.digit is None][:limit]
    found = [e for e in site_entries() if matches(e, query)]
    # Whole-site entries before single digits, then shorter (closer) labels first.
    found.sort(key=lambda e: (e.digit is not None, len(e.label)))
    return found[:limit]
