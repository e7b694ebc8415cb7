"""One error hierarchy for the programme's rules.

Every refusal carries its message in Arabic and in French so that the
interface, the command line and the printed documents can show it in the
user's language without a translation lookup at the point of failure.
"""
from __future__ import annotations

from collections.abc import Iterable


class DomainError(Exception):
    """A rule of the programme was broken; nothing was written."""

    kind = "rule"

    def __init__(self, code: str, fr: str, ar: str, field: str | None = None) -> None:
        super().__init__(fr)
        self.code = code
        self.fr = fr
        self.ar = ar
        self.field = field

    def message(self, lang: str = "fr") -> str:
        return self.ar if lang == "ar" else self.fr

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "fr": self.fr, "ar": self.ar}

    def items(self) -> list[DomainError]:
        """Each error to show on its own (a ValidationError holds several)."""
        return [self]


class NotFound(DomainError):
    kind = "not_found"


class ValidationError(DomainError):
    """Several field errors found at once (a form or an import row)."""

    kind = "validation"

    def __init__(self, errors: Iterable[DomainError]) -> None:
        self.errors = list(errors)
        super().__init__(
            "invalid",
            " ; ".join(e.fr for e in self.errors),
            "؛ ".join(e.ar for e in self.errors),
        )

    def items(self) -> list[DomainError]:
        return self.errors

    def by_field(self) -> dict[str | None, list[DomainError]]:
        out: dict[str | None, list[DomainError]] = {}
        for e in self.errors:
            out.setdefault(e.field, []).append(e)
        return out

