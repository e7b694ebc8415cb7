"""The TTF fonts of the printed documents, and which one draws each character.

Noto Naskh Arabic (print face) has the Arabic letters and their presentation
forms but no Latin letters and not even brackets or the slash; Noto Sans has
Latin, French accents and punctuation. A line mixing both is drawn run by run,
each run in the font that has its glyphs. Reportlab only accepts TrueType
outlines (no CFF), which is why these files are TTF.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .. import assets

ARABIC = "MurafaqaNaskh"
ARABIC_BOLD = "MurafaqaNaskh-Bold"
LATIN = "MurafaqaSans"
LATIN_BOLD = "MurafaqaSans-Bold"

_FILES = {
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
}
# Naskh letters look small next to Latin at the same nominal size.
ARABIC_SCALE = 1.12


@dataclass(frozen=True)
class Face:
    """A regular or bold pair: the Arabic font and the Latin one."""

    arabic: str
    latin: str


REGULAR = Face(ARABIC, LATIN)
BOLD = Face(ARABIC_BOLD, LATIN_BOLD)


@lru_cache(maxsize=1)
def register() -> None:
    """Register the four fonts with reportlab once per process."""
    folder = assets.fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))


@lru_cache(maxsize=4)
def _cmap(name: str) -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def is_arabic_char(ch: str) -> bool:
    cp = ord(ch)
    return (0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF
            or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF)


_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=4096)
def _pick(ch: str, face: Face) -> tuple[str, str]:
    """(font, character to draw) for one character of a line."""
    cp = ord(ch)
    if ch in _CONTROLS:  # bidi marks have done their work: nothing to draw
        return face.latin, ""
    if is_arabic_char(ch) and cp in _cmap(face.arabic):
        return face.arabic, ch
    if cp in _cmap(face.latin):
        return face.latin, ch
    if cp in _cmap(face.arabic):
        return face.arabic, ch
    return face.latin, "?"  # a character no shipped font can draw


_SHARED = frozenset(" \u00a0.,:!")


def runs(text: str, face: Face) -> list[tuple[str, str]]:
    """Split text into (font, text) runs, each drawable with one font."""
    out: list[tuple[str, str]] = []
    current: str | None = None  # font of the run in buf; None until the first character
    buf: list[str] = []
    for ch in text:
        if ch in _SHARED and current is not None and ord(ch) in _cmap(current):
            buf.append(ch)  # spaces and commas stay in the run they sit in
            continue
        font, glyph = _pick(ch, face)
        if font != current and current is not None:
            out.append((current, "".join(buf)))
            buf = []
        current = font
        buf.append(glyph)
    if current is not None:
        out.append((current, "".join(buf)))
    return out


def font_size(font: str, size: float) -> float:
    return size * ARABIC_SCALE if font in (ARABIC, ARABIC_BOLD) else size


def run_width(text: str, font: str, size: float) -> float:
    """Width in points of text drawn in one of our fonts at a drawn size."""
    points: float = pdfmetrics.stringWidth(text, font, size)  # reportlab has no type information
    return points


def width(text: str, face: Face, size: float) -> float:
    """Width in points of text (any order: width does not depend on it)."""
    register()
    return sum(run_width(t, f, font_size(f, size)) for f, t in runs(text, face))
