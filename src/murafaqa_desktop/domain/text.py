"""Text normalisation for search, identical for stored names and queries.

FTS5's own ``remove_diacritics`` folds Latin accents only; Arabic needs its
hamza forms, alef maqsura, teh marbuta, tatweel and harakat folded here.
"""
from __future__ import annotations

import re
import unicodedata

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})

# Folds applied after NFKD has split hamza and madda off their carriers.
_ARABIC_FOLD = {
    ord("ٱ"): "ا",  # alef wasla
    ord("ى"): "ي",  # alef maqsura
    ord("ة"): "ه",  # teh marbuta
    ord("ـ"): None,  # tatweel
    ord("œ"): "oe",
    ord("æ"): "ae",
    ord("’"): "'",
}
_TOKEN = re.compile(r"\w+", re.UNICODE)


def western_digits(text: str) -> str:
    return text.translate(_DIGITS)


def normalize(text: str | None) -> str:
    """Fold case, accents, Arabic letter variants, harakat and digits."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.translate(_DIGITS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().translate(_ARABIC_FOLD)


def search_tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(normalize(text))


def index_terms(text: str | None) -> list[str]:
    """Tokens to index: each normalised word, and Arabic words without the
    definite article as well, so that "امل" finds "الأمل"."""
    out: list[str] = []
    for tok in search_tokens(text):
        out.append(tok)
        if tok.startswith("ال") and len(tok) > 3:
            out.append(tok[2:])
    return out
