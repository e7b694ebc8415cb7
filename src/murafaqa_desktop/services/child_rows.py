"""Editing a row that belongs to another: a plan action or a financing
application to its cooperative, a need to its diagnosis, a coaching session
to its cooperative; a training session too, which belongs to none.

Every such edit reads the row, keeps it with its owner, validates the changed
fields against the row as it is, lets the service add what its rules derive,
and writes the change with its outbox entry in one transaction.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from sqlite_utils import Database

from ..domain.errors import DomainError, ValidationError
from ..domain.schema import EntitySpec, Record
from ..store import changes
from ..store.rows import Row
from .validation import Check, not_found, validated

# Rules that need the row as it was: they may add derived fields to the
# validated changes, or refuse with a DomainError.
Amend = Callable[[Row, Record], None]


class Edited(NamedTuple):
    before: Row  # the row as it was read
    changed: dict[str, Any]  # the fields really written (empty: nothing changed)


def _other_owner(entity: EntitySpec, field: str) -> DomainError:
    spec = entity.field(field)
    return DomainError(
        "other_owner",
        f"{spec.fr} : une ligne ne change pas de rattachement ; supprimez-la puis saisissez-la au bon endroit",
        f"{spec.ar}: لا ينتقل السطر إلى جهة أخرى؛ احذفه ثم أدخله في المكان الصحيح", field)


def _same_owner(entity: EntitySpec, current: Row, data: Mapping[str, Any]) -> None:
    """A form may send the owner back as it is; a different one would move
    the row (and its history on the server) to another cooperative: refused."""
    parent = entity.parent
    if parent is None or parent not in data:
        return
    given = data[parent]
    if given is not None and str(given).strip() == current[parent]:
        return
    raise ValidationError([_other_owner(entity, parent)])


def update_child(db: Database, entity: EntitySpec, row_id: str, data: Mapping[str, Any], *,
                 name: tuple[str, str], check: Check | None = None, derived: tuple[str, ...] = (),
                 amend: Amend | None = None) -> Edited:
    """Apply ``data`` to the row ``row_id`` of ``entity``.

    ``name`` is what a user calls the row (French, Arabic) when it is not
    found; ``check`` is the cross-field rule on the row as it would be
    stored; ``derived`` lists fields that rules set and users do not (left
    out if given); ``amend`` runs the rules that need the row as it was.
    """
    with db.atomic():
        current = changes.get_row(db, entity.table, row_id)
        if current is None:
            raise not_found(*name, row_id)
        _same_owner(entity, current, data)
        editable = {k: v for k, v in data.items() if k != entity.parent and k not in derived}
        values = validated(entity, editable, current=current, check=check)
        if amend is not None:
            amend(current, values)
        return Edited(current, changes.update(db, entity.table, row_id, values))
