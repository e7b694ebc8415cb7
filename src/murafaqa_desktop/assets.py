"""Where the shipped files are: fonts, reference data, translations.

Works from a source checkout, an installed wheel (the folders are mapped to
``murafaqa_desktop.resources`` and ``murafaqa_desktop.translations``) and a
PyInstaller bundle.
"""
from __future__ import annotations

import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .domain.reference import Reference


@cache
def _locate(name: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(Path(__file__).resolve().parent / name)  # installed wheel
    candidates.append(Path(__file__).resolve().parents[2] / name)  # source checkout
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"{name} folder not found (looked in {', '.join(map(str, candidates))})")


def resources_dir() -> Path:
    return _locate("resources")


def translations_dir() -> Path:
    return _locate("translations")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@lru_cache(maxsize=1)
def reference() -> Reference:
    import json

    from .domain.reference import Reference  # when first read: fonts and translations need none of it

    with open(resources_dir() / "reference" / "reference.json", encoding="utf-8") as f:
        return Reference(json.load(f))
