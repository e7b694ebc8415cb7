"""What several documents share: the cooperative's names and places, the
page information, and the document's direction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import assets
from ..domain.reference import Reference
from ..domain.schema import EntitySpec
from . import words as W
from .bidi_line import isolate
from .layout import PageInfo


@dataclass(frozen=True)
class Doc:
    """The language a document is printed in, and when."""

    lang: str
    printed_on: dt.date

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def ref(self) -> Reference:
        return assets.reference()

    def t(self, key: str, **values: Any) -> str:
        return W.t(key, self.lang, **values)

    def date(self, value: Any, long: bool = False) -> str:
        return W.date(value, self.lang, long)

    def page(self, title: str, subtitle: str = "") -> PageInfo:
        printed = f"{self.t('printed_on')} {self.date(self.printed_on, long=True)}"
        return PageInfo(self.lang, title, subtitle, printed, self.t("page"))

    def region(self, code: str | None) -> str:
        place = self.ref.regions.get(code or "")
        return place.name(self.lang) if place else W.or_blank(code, self.lang, True)

    def province(self, code: str | None) -> str:
        place = self.ref.provinces.get(code or "")
        return place.name(self.lang) if place else W.or_blank(code, self.lang, True)


def labels(entity: EntitySpec, lang: str) -> Callable[[str], str]:
    """The label of each field of an entity in the document's language, by
    field name (a table's columns and a form's rows say them often)."""
    return lambda name: entity.field(name).label(lang)


def coop_name(coop: Mapping[str, Any], lang: str) -> str:
    """The name in the document's language, the other script beside it when
    the cooperative has both (names are often entered in one script only)."""
    ar, fr = coop.get("name_ar"), coop.get("name_fr")
    first, second = (ar, fr) if lang == "ar" else (fr, ar)
    if first and second:
        return f"{first} ({isolate(second)})"
    return first or second or W.pick(W.NOT_GIVEN, lang)


def tranche_phase(coop: Mapping[str, Any], lang: str) -> str:
    if not coop.get("tranche"):
        return W.EMPTY
    text = f"{W.t('tranche', lang)} {coop['tranche']}"
    if coop.get("phase"):
        text += f" — {W.t('phase', lang)} {coop['phase']}"
    return text
