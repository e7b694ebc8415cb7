"""Full-text search of cooperatives over normalised text (FTS5)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from ..domain.text import index_terms, search_tokens

# A query is cut to its first characters and words before it reaches FTS5:
# every word is one more prefix scan of the index, and a pasted page of text
# (33,000 words took 8.5 s on 200 cooperatives) would hold the search box,
# the list and the CLI for seconds. No name, president or commune needs more.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 16

INDEXED = ("name_ar", "name_fr", "president", "commune", "registration_number")


def body_of(row: Mapping[str, Any]) -> str:
    return " ".join(t for key in INDEXED for t in index_terms(row.get(key)))


def index_row(db: Database, rid: int, row: Mapping[str, Any]) -> None:
    db.execute("DELETE FROM cooperatives_fts WHERE rowid = ?", [rid])
    db.execute("INSERT INTO cooperatives_fts (rowid, body) VALUES (?, ?)", [rid, body_of(row)])


def unindex_row(db: Database, rid: int) -> None:
    db.execute("DELETE FROM cooperatives_fts WHERE rowid = ?", [rid])


def rebuild(db: Database) -> None:
    db.execute("DELETE FROM cooperatives_fts")
    cols = ", ".join(("rid",) + INDEXED)
    rows = db.execute(f"SELECT {cols} FROM cooperatives").fetchall()
    db.conn.executemany(
        "INSERT INTO cooperatives_fts (rowid, body) VALUES (?, ?)",
        ((r[0], body_of(dict(zip(INDEXED, r[1:])))) for r in rows))


# Words nearly every name carries ("تعاونية", "Coopérative"): they select
# nothing, yet make a query walk every row. They stay in the index (a query
# made of nothing else still finds them) but drop out of a query that has
# other words, as does a last word the user is still typing that can only
# be the start of one of them or the bare article "ال".
NOISE_WORDS = ("تعاونيه", "تعاونيات", "cooperative", "cooperatives")


def _is_noise(token: str, *, last: bool) -> bool:
    if token in NOISE_WORDS or token == "coop":
        return True
    return last and (token == "ال" or any(w.startswith(token) for w in NOISE_WORDS))


def match_expression(text: str, *, selective: bool = False) -> str | None:
    """Every word of the query must match the start of an indexed word.

    With selective=True the noise words are left out; None then means the
    query selects nothing in particular (every row matches). Only the first
    MAX_QUERY_CHARS characters and, of those, MAX_QUERY_WORDS distinct words
    count."""
    tokens = search_tokens(text[:MAX_QUERY_CHARS])
    if selective:
        tokens = [t for i, t in enumerate(tokens) if not _is_noise(t, last=i == len(tokens) - 1)]
    tokens = list(dict.fromkeys(tokens))[:MAX_QUERY_WORDS]  # a repeated word narrows nothing
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)
