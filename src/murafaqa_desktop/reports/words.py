"""What the printed documents say of their own (titles, headings, blanks) and
how they write dates, numbers and money in each language.

Field labels are not repeated here: they come from the entity declarations
(domain/entities.py) and vocabularies (domain/vocab.py), declared once.
Morocco writes Western digits in Arabic text, and its Arabic month names are
the French-derived ones (يناير … دجنبر).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..domain.schema import EntitySpec
from .bidi_line import keep_ltr

PROGRAMME = ("Programme Mourafaka", "برنامج مرافقة")
OFFICE = ("Office du Développement de la Coopération", "مكتب تنمية التعاون")
EMPTY = "—"  # an empty cell, drawn on purpose
NOT_GIVEN = ("non renseigné", "غير محدد")

_TEXTS: dict[str, tuple[str, str]] = {
    "printed_on": ("Imprimé le", "تاريخ الطبع:"),
    "page": ("Page", "الصفحة"),
    # diagnostic sheet
    "diagnostic_title": ("Fiche de diagnostic stratégique", "بطاقة التشخيص الاستراتيجي"),
    "identity": ("Identification de la coopérative", "تعريف التعاونية"),
    "eligibility": ("Éligibilité et sélection", "الأهلية والانتقاء"),
    "eligible_yes": ("Éligible", "مؤهلة"),
    "eligible_no": ("Non éligible", "غير مؤهلة"),
    "eligible_at": ("au", "بتاريخ"),
    "score": ("Score de sélection", "نقطة الانتقاء"),
    "criterion": ("Critère", "المعيار"),
    "rating": ("Note", "التنقيط"),
    "evidence": ("Justificatif", "الإثبات"),
    "diagnosis": ("Diagnostic par volet", "التشخيص حسب المحاور"),
    "no_diagnosis": ("Diagnostic non encore réalisé", "لم يتم إنجاز التشخيص بعد"),
    "section": ("Volet", "المحور"),
    "assessment": ("Appréciation", "التقييم"),
    "findings": ("Constats", "الملاحظات"),
    "strengths_weaknesses": ("Forces et faiblesses", "نقاط القوة ونقاط الضعف"),
    "needs": ("Besoins de formation et d'assistance technique", "حاجيات التكوين والمساعدة التقنية"),
    "no_needs": ("Aucun besoin enregistré", "لا توجد حاجيات مسجلة"),
    "plan_summary": ("Synthèse du plan de développement", "ملخص مخطط التنمية"),
    "no_plan": ("Plan de développement non encore établi", "لم يتم إعداد مخطط التنمية بعد"),
    "actions": ("Actions", "الإجراءات"),
    "total_cost": ("Coût total estimé", "الكلفة الإجمالية التقديرية"),
    "signatures": ("Signatures", "التوقيعات"),
    "coach": ("L'accompagnateur", "المؤطر"),
    "president": ("Le/la président(e) de la coopérative", "رئيس(ة) التعاونية"),
    "coordinator": ("Le coordinateur régional", "المنسق الجهوي"),
    "representative": ("Le représentant de la coopérative", "ممثل(ة) التعاونية"),
    "sign_name": ("Nom :", "الاسم:"),
    "sign_date": ("Date :", "التاريخ:"),
    "sign_here": ("Signature :", "التوقيع:"),
    "diagnosed": ("Diagnostic", "التشخيص"),
    "done": ("achevé", "منجز"),
    "in_progress": ("en cours", "في طور الإنجاز"),
    # plan
    "plan_title": ("Plan de développement", "مخطط التنمية"),
    "axis_total": ("Sous-total", "المجموع الفرعي"),
    "grand_total": ("Total", "المجموع"),
    "actions_count": ("Nombre d'actions", "عدد الإجراءات"),
    "done_count": ("Actions réalisées", "الإجراءات المنجزة"),
    "mean_progress": ("Avancement moyen", "متوسط نسبة الإنجاز"),
    # session
    "session_title": ("Compte rendu de séance d'accompagnement", "تقرير حصة المواكبة الفردية"),
    "session_of": ("Séance n° {n} sur 12", "الحصة رقم {n} من 12"),
    "reviewed": ("Actions du plan revues", "إجراءات المخطط التي تمت مراجعتها"),
    "no_reviews": ("Aucune action revue lors de cette séance", "لم تتم مراجعة أي إجراء خلال هذه الحصة"),
    "topics": ("Thèmes abordés", "المواضيع المتناولة"),
    "sessions_done": ("Séances réalisées", "الحصص المنجزة"),
    # attendance
    "attendance_title": ("Feuille de présence — formation collective", "ورقة الحضور — التكوين الجماعي"),
    "number": ("N°", "رقم"),
    "cooperative": ("Coopérative", "التعاونية"),
    "signature": ("Signature", "التوقيع"),
    "participants": ("Participants", "المشاركون"),
    "women": ("Femmes", "النساء"),
    "youth": ("Jeunes (< 35 ans)", "الشباب (أقل من 35 سنة)"),
    "hours": ("Durée du module", "مدة الوحدة"),
    "hours_unit": ("h", "ساعة"),
    "trainer_sign": ("Le formateur", "المكون"),
    # progress
    "progress_title": ("Rapport d'avancement du programme", "تقرير تقدم البرنامج"),
    "scope": ("Périmètre", "النطاق"),
    "all_tranches": ("Toutes les tranches", "جميع الأشطر"),
    "tranche": ("Tranche", "الشطر"),
    "phase": ("Phase", "المرحلة"),
    "region": ("Région", "الجهة"),
    "planned": ("Prévues", "المبرمجة"),
    "cooperatives": ("Coopératives", "التعاونيات"),
    "diagnosed_n": ("Diagnostiquées", "المشخصة"),
    "trained": ("Formées", "المستفيدة من التكوين"),
    "sessions_n": ("Séances réalisées / prévues", "الحصص المنجزة / المبرمجة"),
    "completed": ("Accompagnement achevé", "أنهت المواكبة"),
    "financed": ("Financées", "الممولة"),
    "members": ("Adhérents", "المتعاونون"),
    "women_n": ("dont femmes", "منهم نساء"),
    "youth_n": ("dont jeunes", "منهم شباب"),
    "by_tranche": ("Par tranche", "حسب الشطر"),
    "by_region": ("Par tranche, phase et région", "حسب الشطر والمرحلة والجهة"),
    "financed_of": ("{ratio} prévues", "{ratio} مبرمجة"),
    "no_phase": ("sans phase", "بدون مرحلة"),
    "note_programme": (
        "Chiffres du programme : tranche 1 : 438 coopératives, tranche 2 : 478, tranche 3 : 474, "
        "tranche 4 : 600 prévues dont 80 financées.",
        "أرقام البرنامج: الشطر الأول 438 تعاونية، الشطر الثاني 478، الشطر الثالث 474، "
        "الشطر الرابع 600 مبرمجة منها 80 ممولة."),
}

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت",
             "شتنبر", "أكتوبر", "نونبر", "دجنبر")


def t(key: str, lang: str, **values: Any) -> str:
    """A document text in lang, with {placeholders} filled."""
    fr, ar = _TEXTS[key]
    text = ar if lang == "ar" else fr
    return text.format(**values) if values else text


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ar" else pair[0]


def field(entity: EntitySpec, name: str, lang: str) -> str:
    return entity.field(name).label(lang)


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date(value: str | dt.date | None, lang: str, long: bool = False) -> str:
    """29/11/2026 in both languages (the slash keeps the digits in order in
    Arabic text), or 29 novembre 2026 / 29 نونبر 2026. Empty: an em dash."""
    d = _as_date(value)
    if d is None:
        return EMPTY
    if long:
        month = (MONTHS_AR if lang == "ar" else MONTHS_FR)[d.month - 1]
        return f"{d.day} {month} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def number(value: float | int | None, decimals: int = 0) -> str:
    """Grouped by thousands with a no-break space: bidi keeps "12 500" as one
    number in Arabic text only if the separator is not an ordinary space."""
    if value is None:
        return EMPTY
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return text


def money(value: float | None, lang: str) -> str:
    if value is None:
        return EMPTY
    return f"{number(value, 2)} {'درهم' if lang == 'ar' else 'MAD'}"


def or_blank(value: Any, lang: str, placeholder: bool = False) -> str:
    """The value as text; empty shows as an em dash or, for a field that
    deserves a word, "non renseigné" / "غير محدد"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return pick(NOT_GIVEN, lang) if placeholder else EMPTY
    return str(value)


def ltr(value: Any, lang: str, placeholder: bool = False) -> str:
    """A phone number, e-mail or identifier, kept left to right in Arabic."""
    text = or_blank(value, lang, placeholder)
    if lang == "ar" and value not in (None, ""):
        return keep_ltr(text)
    return text


def ratio(done: Any, of: Any, lang: str) -> str:
    """"done / planned", read left to right in both languages like a number
    (inside Arabic words, bidi would otherwise put the planned figure first)."""
    text = f"{done} / {of}"
    return keep_ltr(text) if lang == "ar" else text


_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in(text: str) -> str:
    """ISO dates inside a message (the rules write them so) in the document's
    format: 2024-06-04 becomes 04/06/2024."""
    return _ISO.sub(lambda m: f"{m.group(3)}/{m.group(2)}/{m.group(1)}", text)
