"""What a mutation must be for the server to take it, said once: the server
refuses a body holding one that is not (422), and the laptop sets such an
entry aside before sending it, so that it never blocks the rest."""
from __future__ import annotations

from .messages import REGION_MAX_LENGTH, Mutation
from .tables import TABLES

# The region the server gives programme-wide rows (a call for applications):
# never a laptop's to send.
PROGRAMME_REGION = "*"


def mutation_problem(m: Mutation) -> str | None:
    """Why the server would refuse this mutation, or None."""
    spec = TABLES.get(m.t)
    if spec is None:
        return f"mutation {m.n}: unknown table {m.t!r}"
    unknown = set(m.f) - set(spec.fields)
    if unknown:
        return f"mutation {m.n}: unknown field(s) {sorted(unknown)} in {m.t}"
    if set(m.b) - set(spec.fields) - {"_row"}:
        return f"mutation {m.n}: base names unknown field(s)"
    for k, v in m.f.items():
        if not (v is None or isinstance(v, (str, int, float, bool))):
            return f"mutation {m.n}: field {k} must be a plain value"
        if k == spec.region_field and isinstance(v, str) and len(v) > REGION_MAX_LENGTH:
            return f"mutation {m.n}: {k} is a region code of at most {REGION_MAX_LENGTH} characters"
        if k == spec.region_field and v == PROGRAMME_REGION:
            return f"mutation {m.n}: {k} {PROGRAMME_REGION!r} is no region code"
    return None
