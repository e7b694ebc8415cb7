"""The recovery key sheet: printed once at set-up, for the coach or the
coordinator to keep away from the laptop. One page, Arabic and French on
it both (whoever finds it in a drawer reads one or the other)."""
from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, Spacer

from .bidi_line import keep_ltr
from .layout import BODY, TITLE, PageInfo, Style, Text, render

KEY_STYLE = Style(size=16, bold=True)

TEXT = {
    "fr": ("Clé de secours de la base Murafaqa",
           "Cette clé ouvre la base de données chiffrée de ce portable si la phrase secrète est oubliée. "
           "Gardez cette feuille en lieu sûr, loin du portable : qui a la clé et le portable lit les données "
           "des coopératives.",
           "Portable : {device} — imprimée le {date}"),
    "ar": ("مفتاح استعادة قاعدة بيانات مرافقة",
           "يفتح هذا المفتاح قاعدة البيانات المشفرة لهذا الحاسوب إذا نُسيت العبارة السرية. "
           "احفظ هذه الورقة في مكان آمن بعيدًا عن الحاسوب: من يملك المفتاح والحاسوب يقرأ بيانات التعاونيات.",
           "الحاسوب: {device} — طُبعت في {date}"),
}


def pdf(recovery_key: str, device: str, lang: str, today: dt.date | None = None) -> bytes:
    """The sheet, its header in lang; both languages on the page."""
    date = (today or dt.date.today()).isoformat()
    story: list[Flowable] = []
    for part in (lang, "fr" if lang == "ar" else "ar"):
        title, body, footer = TEXT[part]
        rtl = part == "ar"
        story += [Text(title, rtl, TITLE, space_after=8), Text(body, rtl, BODY, space_after=10),
                  Text(recovery_key, False, KEY_STYLE, align="center", space_after=10),
                  Text(footer.format(device=device, date=keep_ltr(date) if rtl else date), rtl, BODY),
                  Spacer(1, 30)]
    title = TEXT[lang][0]
    return render(story, PageInfo(lang, title, "", date, "" if lang == "ar" else "Page"))
