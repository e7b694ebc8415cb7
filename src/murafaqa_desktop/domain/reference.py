"""Reference data shipped with the app: regions, provinces, sectors, tranches,
training modules. Versioned (``Reference.version``) so that a laptop and the
server can tell whether they speak of the same list."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .text import normalize


@dataclass(frozen=True)
class Place:
    code: str
    name_fr: str
    name_ar: str
    region: str | None = None
    kind: str | None = None

    def name(self, lang: str = "fr") -> str:
        return self.name_ar if lang == "ar" else self.name_fr


@dataclass(frozen=True)
class Module:
    code: str
    axis: str
    title_fr: str
    title_ar: str
    hours: int

    def title(self, lang: str = "fr") -> str:
        return self.title_ar if lang == "ar" else self.title_fr


@dataclass(frozen=True)
class Tranche:
    number: int
    planned: int
    diagnosis_year: int
    phases: tuple[tuple[int, tuple[str, ...]], ...]  # (phase, region codes)
    financed_planned: int | None = None
    # (phase, cooperatives the programme's text says were diagnosed): 243 in tranche 4 phase 1
    diagnosed_planned: tuple[tuple[int, int], ...] = ()

    def diagnosed_planned_in(self, phase: int) -> int | None:
        return dict(self.diagnosed_planned).get(phase)


class Reference:
    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.regions = {r["code"]: Place(r["code"], r["name_fr"], r["name_ar"]) for r in data["regions"]}
        self.provinces = {
            p["code"]: Place(p["code"], p["name_fr"], p["name_ar"], p["region"], p["kind"])
            for p in data["provinces"]
        }
        self.sectors = {s["code"]: Place(s["code"], s["name_fr"], s["name_ar"]) for s in data["sectors"]}
        self.tranches = {
            t["number"]: Tranche(
                t["number"], t["planned"], t["diagnosis_year"],
                tuple((p["number"], tuple(p["regions"])) for p in t["phases"]),
                t.get("financed_planned"),
                tuple((p["number"], p["diagnosed_planned"]) for p in t["phases"] if "diagnosed_planned" in p),
            )
            for t in data["tranches"]
        }
        self.modules = {
            m["code"]: Module(m["code"], m["axis"], m["title_fr"], m["title_ar"], m["hours"])
            for m in data["training_modules"]
        }

    def provinces_of(self, region: str) -> list[Place]:
        return [p for p in self.provinces.values() if p.region == region]

    @staticmethod
    def _find(places: dict[str, Place], value: str) -> str | None:
        """A code from a code, or from a name in either language (accents,
        hamza forms and case ignored)."""
        text = str(value).strip()
        if text in places:
            return text
        if text.isdigit() and text.zfill(2) in places:
            return text.zfill(2)
        key = normalize(text)
        for place in places.values():
            if key in (normalize(place.name_fr), normalize(place.name_ar)):
                return place.code
        return None

    def region_code(self, value: str) -> str | None:
        return self._find(self.regions, value)

    def province_code(self, value: str, region: str | None = None) -> str | None:
        pool = self.provinces if region is None else {p.code: p for p in self.provinces_of(region)}
        return self._find(pool, value)

    def sector_code(self, value: str) -> str | None:
        return self._find(self.sectors, value)

    def sector_label(self, value: str | None, lang: str = "fr") -> str:
        """A known sector's label; free text (kept from an import) as it is."""
        if not value:
            return ""
        place = self.sectors.get(value)
        return place.name(lang) if place else value
