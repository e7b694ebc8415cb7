"""Turning user input into a stored row, or into every reason it is refused."""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from ..domain.errors import DomainError, NotFound, ValidationError
from ..domain.schema import EntitySpec, Record, coerce

Check = Callable[[Mapping[str, Any]], list[DomainError]]


def validated(entity: EntitySpec, data: Mapping[str, Any], *, current: Mapping[str, Any] | None = None,
              check: Check | None = None) -> Record:
    """Coerce data (all fields, or only those given when ``current`` exists)
    and run the cross-field check on the row as it would be stored."""
    values, errors = coerce(entity, data, partial=current is not None)
    merged = {**(current or {}), **values}
    if check and not errors:
        errors += check(merged)
    if errors:
        raise ValidationError(errors)
    for spec in entity.fields:
        if spec.kind == "json" and spec.name in values and not isinstance(values[spec.name], (str, type(None))):
            values[spec.name] = json.dumps(values[spec.name], ensure_ascii=False)
    return values


def not_found(what_fr: str, what_ar: str, key: str) -> NotFound:
    return NotFound("not_found", f"{what_fr} introuvable : « {key} »", f"{what_ar} غير موجود(ة): «{key}»")
