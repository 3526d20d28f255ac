"""The body-site table (resources/data/anatomy_sites.json) as immutable records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from dermcharge.resource_files import resource_path


@dataclass(frozen=True)
class Site:
    id: str
    label: str
    sides: bool  # needs laterality
    digit: bool  # needs a digit 1-5
    region: str  # sites in one region close one another's wounds (the nose and its subunits)
    excision_group: str  # A, B or C — also shave removal and malignant destruction
    simple_repair_group: str
    intermediate_repair_group: str
    complex_repair_group: str
    att_group: str
    mohs_group: str  # H or L
    icd_site: str
    abscess_site: str
    lipoma_site: str
    note: str = ""
    mapping_open: bool = False  # CPT groups chosen by us where no source settles them


@dataclass(frozen=True)
class SiteTable:
    source: str
    effective_from: str
    sites: dict[str, Site]

    def get(self, site_id: str) -> Site | None:
        return self.sites.get(site_id)

    def __getitem__(self, site_id: str) -> Site:
        return self.sites[site_id]

    def __contains__(self, site_id: object) -> bool:
        return site_id in self.sites


@cache
def site_table() -> SiteTable:
    raw = json.loads(resource_path("data", "anatomy_sites.json").read_text(encoding="utf-8"))
    sites = {sid: Site(id=sid, **fields) for sid, fields in raw["sites"].items()}
    return SiteTable(source=raw["source"], effective_from=raw["effective_from"], sites=sites)


def describe(site_id: str, laterality: str | None = None, digit: int | None = None) -> str:
    """A site as a person says it: "left nasal ala", "right finger 2"."""
    site = site_table().get(site_id)
    words = [laterality] if laterality else []
    words.append(site.label if site else site_id)
    if digit is not None:
        words.append(str(digit))
    return " ".join(words)
