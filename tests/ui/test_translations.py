"""Every string the interface shows has its Arabic and French translation,
in the .ts files and in the compiled .qm files the application loads."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from murafaqa_desktop import assets

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "murafaqa_desktop" / "ui"


def _lupdate() -> str:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(here) if here.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


@pytest.fixture(scope="module")
def fresh_sources(tmp_path_factory) -> set[tuple[str, str]]:
    """The strings the code asks for today, extracted afresh from the sources."""
    out = tmp_path_factory.mktemp("ts") / "fresh.ts"
    files = sorted(str(p) for p in UI.rglob("*.py"))  # every screen's folder
    subprocess.run([_lupdate(), *files, "-ts", str(out)], check=True, capture_output=True)
    return {(ctx, src) for ctx, src, _ in messages(out)}


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_interface_string_is_translated(lang, fresh_sources):
    ts = assets.translations_dir() / f"murafaqa_{lang}.ts"
    translated = {}
    for ctx, src, msg in messages(ts):
        tr = msg.find("translation")
        forms = [f.text for f in tr.findall("numerusform")] or [tr.text]
        ok = tr.get("type") not in ("unfinished", "obsolete", "vanished") and all(f and f.strip() for f in forms)
        translated[(ctx, src)] = ok
    missing = sorted(f"{ctx}: {src}" for ctx, src in fresh_sources if not translated.get((ctx, src)))
    assert not missing, f"untranslated in murafaqa_{lang}.ts (run lupdate, translate, lrelease):\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_compiled_translation_is_up_to_date(lang, fresh_sources, qapp):
    translator = QTranslator()
    assert translator.load(f"murafaqa_{lang}", str(assets.translations_dir()))
    missing = [f"{ctx}: {src}" for ctx, src in sorted(fresh_sources)
               if not (translator.translate(ctx, src) or translator.translate(ctx, src, None, 2))]
    assert not missing, f"murafaqa_{lang}.qm lacks (run lrelease):\n" + "\n".join(missing)


def test_arabic_lays_out_right_to_left():
    ar = {src: msg.findtext("translation") for _c, src, msg in messages(assets.translations_dir() / "murafaqa_ar.ts")}
    fr = {src: msg.findtext("translation") for _c, src, msg in messages(assets.translations_dir() / "murafaqa_fr.ts")}
    assert ar["QT_LAYOUT_DIRECTION"] == "RTL" and fr["QT_LAYOUT_DIRECTION"] == "LTR"
