"""Reading printed documents back: text from the PDF, Arabic put back in
logical order so that tests compare it with what was stored."""
from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from pdfminer.high_level import extract_text

_MIRROR = str.maketrans("()[]{}", ")(][}{")
_AR = "\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff"
_AR_CHAR = re.compile(f"[{_AR}]")
_ARABIC_RUN = re.compile(f"[{_AR}](?:[{_AR}\\s:.]*[{_AR}])?")


def _ltr_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("L", "EN")


def undo_visual(line: str, base: str = "R") -> str:
    """Undo the visual order of one printed line (presentation forms first
    turned back into letters). Latin and number runs keep their order; Arabic
    runs are reversed with their brackets; in an Arabic line the runs
    themselves are reversed."""
    nfkc = lambda text: unicodedata.normalize("NFKC", text)  # noqa: E731  (after reversing: ligatures)
    if base == "L":  # French line: only the Arabic stretches were reversed
        return nfkc(_ARABIC_RUN.sub(lambda m: m.group(0)[::-1].translate(_MIRROR), line))
    runs: list[tuple[bool, str]] = []
    i = 0
    while i < len(line):
        if _ltr_char(line[i]):
            j = i
            end = i
            digits_only = unicodedata.bidirectional(line[i]) == "EN"
            while j < len(line) and (_ltr_char(line[j]) or unicodedata.bidirectional(line[j]) in
                                     ("WS", "CS", "ES", "ET", "ON")):
                if digits_only and unicodedata.bidirectional(line[j]) == "L":
                    break  # a number left of Latin words belongs to the Arabic around it
                if _ltr_char(line[j]):
                    end = j
                j += 1
            runs.append((True, line[i:end + 1]))
            i = end + 1
        else:
            j = i
            while j < len(line) and not _ltr_char(line[j]):
                j += 1
            runs.append((False, line[i:j]))
            i = j
    if base == "R":
        runs.reverse()
    return nfkc("".join(text if ltr else text[::-1].translate(_MIRROR) for ltr, text in runs))


def pdf_text(pdf: bytes | Path, lang: str) -> str:
    """All the text of the document, one printed line per line, logical order."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    raw = extract_text(io.BytesIO(data))
    base = "R" if lang == "ar" else "L"
    lines = []
    for line in raw.splitlines():
        has_arabic = any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in line)
        lines.append(undo_visual(line, base) if has_arabic or base == "R" else line)
    return "\n".join(" ".join(line.split()) for line in lines)


def rows(pdf: bytes, lang: str, gap: float = 4.5) -> list[str]:
    """Each printed line of every page as its cells in reading order, joined
    by " | " (a table row reads "first column | second column | …" in both
    languages: in Arabic the first column is the rightmost)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTComponent

    def chars(item: LTComponent):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from chars(child)

    base = "R" if lang == "ar" else "L"
    out: list[str] = []
    for page in extract_pages(io.BytesIO(pdf)):
        lines: dict[int, list[LTChar]] = {}
        for ch in chars(page):
            lines.setdefault(round(ch.matrix[5]), []).append(ch)  # baseline: fonts differ in descent
        for y in sorted(lines, reverse=True):
            cells: list[str] = []
            last_x1 = None
            for ch in sorted(lines[y], key=lambda c: c.x0):
                if last_x1 is None or ch.x0 - last_x1 > gap:
                    cells.append("")
                cells[-1] += ch.get_text()
                last_x1 = ch.x1
            cells = [" ".join((undo_visual(c, base) if _AR_CHAR.search(c) else c).split())
                     for c in cells if c.strip()]
            if base == "R":
                cells.reverse()
            out.append(" | ".join(cells))
    return out
