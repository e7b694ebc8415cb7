"""Fields declared once: type, label in both languages, and constraints.

The same declaration coerces a form or an import row, names the field in an
error message, labels a column on screen or on paper, and lists what the
store and the sync protocol carry.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .dates import parse_date
from .errors import DomainError
from .text import western_digits
from .vocab import Labels

Kind = Literal["text", "longtext", "int", "money", "date", "choice", "bool", "ref", "json"]
Record = dict[str, Any]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    fr: str
    ar: str
    required: bool = False
    choices: Labels | None = None
    min: float | None = None
    max: float | None = None
    ltr: bool = False  # phone numbers, e-mail, identifiers stay left to right
    max_length: int | None = None

    def label(self, lang: str = "fr") -> str:
        return self.ar if lang == "ar" else self.fr


@dataclass(frozen=True)
class EntitySpec:
    table: str
    fr: str
    ar: str
    fields: tuple[FieldSpec, ...]
    parent: str | None = None  # the field pointing at the owning row
    _by_name: dict[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _err(spec: FieldSpec, code: str, fr: str, ar: str) -> DomainError:
    return DomainError(code, f"{spec.fr} : {fr}", f"{spec.ar}: {ar}", field=spec.name)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def coerce_value(spec: FieldSpec, value: Any) -> Any:
    """Return the stored form of value, or raise a DomainError naming the field."""
    if _is_blank(value):
        if spec.required:
            raise _err(spec, "required", "obligatoire", "حقل إلزامي")
        return None
    kind = spec.kind
    if kind in ("text", "longtext", "ref"):
        text = str(value).strip()
        if spec.max_length and len(text) > spec.max_length:
            raise _err(spec, "too_long", f"{spec.max_length} caractères au plus",
                       f"{spec.max_length} حرفا على الأكثر")
        return text
    if kind == "date":
        try:
            return parse_date(value).isoformat()
        except ValueError:
            raise _err(spec, "bad_date", f"date invalide « {value} » (attendu AAAA-MM-JJ)",
                       f"تاريخ غير صالح «{value}» (الصيغة المطلوبة YYYY-MM-DD)") from None
    if kind in ("int", "money"):
        text = western_digits(str(value)).strip().replace("\u00a0", "").replace(" ", "")
        if kind == "money":
            text = text.replace(",", ".")
        try:
            number: float = float(text) if kind == "money" else int(float(text))
            if kind == "int" and float(text) != int(float(text)):
                raise ValueError
        except ValueError:
            what_fr = "un nombre entier" if kind == "int" else "un montant"
            what_ar = "عددًا صحيحًا" if kind == "int" else "مبلغًا"  # the predicate of ليس takes the accusative
            raise _err(spec, "bad_number", f"« {value} » n'est pas {what_fr}",
                       f"«{value}» ليس {what_ar}") from None
        if spec.min is not None and number < spec.min:
            raise _err(spec, "too_small", f"doit être au moins {spec.min:g}",
                       f"يجب ألا يقل عن {spec.min:g}")
        if spec.max is not None and number > spec.max:
            raise _err(spec, "too_large", f"doit être au plus {spec.max:g}",
                       f"يجب ألا يتجاوز {spec.max:g}")
        return round(number, 2) if kind == "money" else int(number)
    if kind == "choice":
        code = str(value).strip()
        assert spec.choices is not None
        if code not in spec.choices:
            # accept a label in either language as well as the code
            for c, (fr, ar) in spec.choices.items():
                if code.casefold() in (fr.casefold(), ar):
                    return c
            allowed = ", ".join(spec.choices)
            raise _err(spec, "bad_choice", f"valeur inconnue « {code} » (valeurs : {allowed})",
                       f"قيمة غير معروفة «{code}» (القيم: {allowed})")
        return code
    if kind == "bool":
        if isinstance(value, bool):
            return int(value)
        text = str(value).strip().casefold()
        if text in ("1", "true", "oui", "yes", "نعم", "o", "y"):
            return 1
        if text in ("0", "false", "non", "no", "لا", "n"):
            return 0
        raise _err(spec, "bad_bool", f"« {value} » : oui ou non attendu", f"«{value}»: نعم أو لا")
    if kind == "json":
        return value
    raise AssertionError(kind)


def coerce(entity: EntitySpec, data: Mapping[str, Any], *, partial: bool = False
           ) -> tuple[Record, list[DomainError]]:
    """Coerce every declared field of data; unknown keys are ignored.

    With partial=True only the keys present are coerced (an update).
    """
    out: Record = {}
    errors: list[DomainError] = []
    for spec in entity.fields:
        if spec.name not in data:
            if partial:
                continue
            if spec.required:
                errors.append(_err(spec, "required", "obligatoire", "حقل إلزامي"))
                continue
            out[spec.name] = None
            continue
        try:
            out[spec.name] = coerce_value(spec, data[spec.name])
        except DomainError as e:
            errors.append(e)
    return out, errors


def as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def to_date(value: str | dt.date) -> dt.date:
    """A stored date that cannot be empty (a NOT NULL column)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
