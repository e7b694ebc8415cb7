"""Text for the page: reshape, wrap at the measured width, then bidi per line.

The order matters. Arabic letters are joined first (arabic-reshaper turns them
into presentation forms, whose widths are the ones drawn); the paragraph is
then wrapped in logical order at the real width of the column; only then is
each line put in visual order, with the document's direction as the base.
Running bidi over a whole paragraph and wrapping afterwards puts the end of
the paragraph on the first line — the classic broken Arabic PDF. Nothing here
is used on screen: Qt shapes Arabic itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper

from . import fonts
from .bidi_line import visual
from .fonts import Face

_reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


@dataclass(frozen=True)
class Line:
    """One line ready to draw: runs in visual order and its width."""

    runs: tuple[tuple[str, str], ...]  # (font, text) left to right
    width: float
    text: str  # the visual string, for tests and debugging


def reshape(text: str) -> str:
    """Join Arabic letters (presentation forms); other text passes through."""
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        joined: str = _reshaper.reshape(text)  # arabic-reshaper has no type information
        return joined
    return text


def _break_word(word: str, limit: float, face: Face, size: float) -> list[str]:
    """Cut a word wider than the column (a long e-mail, a URL) by characters."""
    pieces, buf = [], ""
    for ch in word:
        if buf and fonts.width(buf + ch, face, size) > limit:
            pieces.append(buf)
            buf = ch
        else:
            buf += ch
    if buf:
        pieces.append(buf)
    return pieces


def _join_fitting(parts: list[str], limit: float, face: Face, size: float) -> list[str]:
    """Glue hyphenated parts back together as long as they fit the column."""
    out: list[str] = []
    for part in parts:
        if out and fonts.width(out[-1] + part, face, size) <= limit:
            out[-1] += part
        else:
            out.append(part)
    return out


def wrap_logical(text: str, limit: float, face: Face, size: float) -> list[str]:
    """Wrap one reshaped paragraph in logical order at ``limit`` points."""
    space = fonts.width(" ", face, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split(" "):
        if not word:
            continue
        w = fonts.width(word, face, size)
        if w > limit and "-" in word.strip("-"):  # Tanger-Tétouan-Al Hoceima: break after a hyphen
            parts = [p + "-" for p in word.split("-")[:-1]] + [word.split("-")[-1]]
            pieces = _join_fitting(parts, limit, face, size)
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            for piece in pieces[:-1]:
                lines.extend(_break_word(piece, limit, face, size))
            word, w = pieces[-1], fonts.width(pieces[-1], face, size)
        if w > limit:
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            pieces = _break_word(word, limit, face, size)
            lines.extend(pieces[:-1])
            word, w = pieces[-1], fonts.width(pieces[-1], face, size)
        if current and used + space + w > limit:
            lines.append(" ".join(current))
            current, used = [], 0.0
        used = used + space + w if current else w
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines or [""]


def shape(text: str, limit: float, face: Face, size: float, base: str) -> tuple[Line, ...]:
    """Lines of ``text`` wrapped at ``limit`` points, each in visual order.

    ``base`` is "R" for an Arabic document and "L" for a French one: it
    decides where neutral characters go when a line mixes both scripts.
    Short texts (labels, names of regions, column titles) come back on every
    sheet and are cached; long ones are not, so a batch's memory stays flat.
    """
    if len(text) <= 60:
        return _shape_cached(text, limit, face, size, base)
    return _shape(text, limit, face, size, base)


@lru_cache(maxsize=1024)  # the labels every sheet repeats; bounded, so a batch stays flat
def _shape_cached(text: str, limit: float, face: Face, size: float, base: str) -> tuple[Line, ...]:
    return _shape(text, limit, face, size, base)


def _shape(text: str, limit: float, face: Face, size: float, base: str) -> tuple[Line, ...]:
    out: list[Line] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        # An Arabic value in a French document (a name typed in Arabic) reads
        # right to left as a whole, like HTML's dir="auto" would show it.
        direction = "R" if base == "L" and _starts_rtl(paragraph) else base
        for logical in wrap_logical(reshape(paragraph.strip()), limit, face, size):
            shown = visual(logical, direction)
            runs = tuple(fonts.runs(shown, face))
            width = sum(fonts.run_width(t, f, fonts.font_size(f, size)) for f, t in runs)
            out.append(Line(runs, width, shown))
    return tuple(out)


def _starts_rtl(text: str) -> bool:
    """Whether the first strong character of text is right to left (UAX #9 P2)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def one_line(text: str, face: Face, size: float, base: str) -> Line:
    """A short text (a header, a page number) that is never wrapped."""
    return shape(text, 1e9, face, size, base)[0]
