"""Visual order of one line of text for the page, with brackets that pair.

python-bidi offers two engines and neither is right on its own for print:
the Rust one (``bidi.get_display``) pairs brackets (UAX #9 rule N0) but never
mirrors them and swallows newlines; the pure-Python one
(``bidi.algorithm.get_display``) mirrors brackets but resolves each bracket on
its own, so "تعاونية Al Amal (Tamesloht)" comes out with two opening
brackets. We run the pure-Python engine step by step and add rule N0 between
the weak and the neutral rules. Lines are already wrapped by the caller: bidi
runs per line, never over a paragraph.
"""
from __future__ import annotations

import unicodedata
from collections import deque
from functools import cache
from typing import TypedDict

from bidi import algorithm as _alg

# Bidi_Paired_Bracket pairs that occur in what coordinators type.
_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}
_MAX_DEPTH = 63  # BD16


def has_rtl(text: str) -> bool:
    """Whether the text holds a right-to-left letter (and so needs bidi)."""
    return any(_is_rtl_char(ch) for ch in text)


@cache
def _is_rtl_char(ch: str) -> bool:
    import unicodedata

    return unicodedata.bidirectional(ch) in ("R", "AL", "AN")


def _strong(kind: str) -> str | None:
    if kind == "L":
        return "L"
    if kind in ("R", "AL", "EN", "AN"):  # numbers count as R for N0 and N1
        return "R"
    return None


class _Char(TypedDict):
    """One character in python-bidi's working storage (the library has no
    type information: these are the keys its algorithm steps read and write)."""

    ch: str
    level: int
    type: str  # bidi class, resolved step by step
    orig: str  # bidi class before resolution


class _Run(TypedDict):
    """One level run: its characters, and the classes before and after it."""

    start: int
    length: int
    sor: str
    eor: str
    type: str


class _Storage(TypedDict):
    base_level: int
    base_dir: str
    chars: list[_Char]
    runs: deque[_Run]


def _pair_brackets(storage: _Storage) -> None:
    """UAX #9 N0 over each level run (our lines have no isolates, so a level
    run is an isolating run sequence)."""
    chars = storage["chars"]
    for run in storage["runs"]:
        start, length = run["start"], run["length"]
        seq = chars[start:start + length]
        if not seq:
            continue
        embedding = "R" if seq[0]["level"] % 2 else "L"
        pairs: list[tuple[int, int]] = []
        stack: list[tuple[str, int]] = []
        for i, c in enumerate(seq):
            if c["type"] != "ON":
                continue
            ch = c["ch"]
            if ch in _OPENING:
                if len(stack) >= _MAX_DEPTH:
                    break
                stack.append((_OPENING[ch], i))
            elif ch in _CLOSING:
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == ch:
                        pairs.append((stack[depth][1], i))
                        del stack[depth:]
                        break
        for open_i, close_i in sorted(pairs):
            inside = {_strong(c["type"]) for c in seq[open_i + 1:close_i]} - {None}
            if not inside:
                continue
            if embedding in inside:
                direction = embedding
            else:
                opposite = "L" if embedding == "R" else "R"
                before = run["sor"]
                for c in reversed(seq[:open_i]):
                    s = _strong(c["type"])
                    if s:
                        before = s
                        break
                direction = opposite if before == opposite else embedding
            seq[open_i]["type"] = seq[close_i]["type"] = direction


def visual(line: str, base: str = "R") -> str:
    """The line in display order (left to right on the page), brackets
    mirrored where they sit in right-to-left text. ``base`` is the paragraph
    direction of the document: "R" for Arabic, "L" for French."""
    if not line or not has_rtl(line):
        return line.replace(LRE, "").replace(RLE, "").replace(PDF, "")
    storage: _Storage = _alg.get_empty_storage()
    storage["base_level"] = _alg.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    _alg.get_embedding_levels(line, storage)
    _alg.explicit_embed_and_overrides(storage)
    _alg.resolve_weak_types(storage)
    _pair_brackets(storage)
    _alg.resolve_neutral_types(storage, False)
    _alg.resolve_implicit_levels(storage, False)
    _alg.reorder_resolved_levels(storage, False)
    _alg.apply_mirroring(storage, False)
    return "".join(c["ch"] for c in storage["chars"])


LRE, PDF = "\u202a", "\u202c"


def keep_ltr(text: str) -> str:
    """Embed a left-to-right value (phone, e-mail, registration number) so it
    keeps its own order inside Arabic text: "06 12 34 56 78" stays so."""
    return f"{LRE}{text}{PDF}" if text else text


RLE = "\u202b"


def isolate(text: str) -> str:
    """Embed a value in its own direction (from its first strong letter, as
    HTML's dir="auto" would): an Arabic name quoted in a French line then
    reads right to left as a whole, its Latin words in their place."""
    if not text:
        return text
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return f"{RLE}{text}{PDF}"
        if kind == "L":
            return f"{LRE}{text}{PDF}"
    return text
