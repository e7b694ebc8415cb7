"""The bundled screen fonts: Noto Sans for Latin, Noto Sans Arabic for Arabic.

Registered from ``resources/fonts`` so a fresh Windows laptop shows joined,
well-spaced Arabic without depending on what happens to be installed.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ... import assets

SCREEN_FONTS = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")


def register(app: QApplication, point_size: float = 10.0) -> list[str]:
    """Register the fonts and make them the application font; returns the families."""
    families: list[str] = []
    for name in SCREEN_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(assets.fonts_dir() / name))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
    font = QFont()
    font.setFamilies(families or ["Sans Serif"])
    font.setPointSizeF(point_size)
    app.setFont(font)
    return families
