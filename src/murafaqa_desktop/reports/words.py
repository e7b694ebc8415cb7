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
    # progress: the coordinator's dashboard
    "dashboard_title": ("Tableau de bord du programme", "لوحة قيادة البرنامج"),
    "as_of": ("Chiffres au {date}", "الأرقام بتاريخ {date}"),
    "last_sync": ("dernière synchronisation le {date} à {time}", "آخر مزامنة بتاريخ {date} على الساعة {time}"),
    "never_synced": ("cet ordinateur n'a jamais été synchronisé", "لم تتم مزامنة هذا الحاسوب بعد"),
    "pending_here": ("{n} modification(s) de cet ordinateur non encore envoyée(s)",
                     "{n} تعديل(ات) على هذا الحاسوب لم تُرسل بعد"),
    "pipeline": ("Parcours des coopératives", "مسار التعاونيات"),
    "stage": ("Étape", "المرحلة"),
    "stage_in_programme": ("Dans le programme", "في البرنامج"),
    "stage_diagnosed": ("Diagnostiquées", "المشخصة"),
    "stage_plan_set": ("Plan de développement établi", "أُعد مخطط تنميتها"),
    "stage_trained": ("Formées (au moins une formation collective)", "استفادت من تكوين جماعي واحد على الأقل"),
    "stage_coached": ("Accompagnées (au moins une séance)", "استفادت من حصة مواكبة واحدة على الأقل"),
    "stage_completed": ("Accompagnement achevé (12 séances)", "أنهت المواكبة (12 حصة)"),
    "stage_withdrawn": ("Retirées", "المنسحبة"),
    "stage_financed": ("Financées", "الممولة"),
    "share_of_programme": ("Part du programme", "النسبة من البرنامج"),
    "of_target": ("{ratio} (objectif)", "{ratio} (الهدف)"),
    "coaching_section": ("Accompagnement individuel", "المواكبة الفردية"),
    "held_due": ("Séances réalisées / dues à ce jour", "الحصص المنجزة / المستحقة إلى اليوم"),
    "on_time_rate": ("Séances tenues dans les délais", "الحصص المنجزة في موعدها"),
    "overdue_now": ("Coopératives en retard aujourd'hui", "التعاونيات المتأخرة اليوم"),
    "oldest_overdue": ("Plus ancienne échéance dépassée", "أقدم موعد متجاوز"),
    "per_month": ("Séances d'accompagnement par mois (12 derniers mois)",
                  "حصص المواكبة حسب الشهر (آخر 12 شهرا)"),
    "training_section": ("Formation collective", "التكوين الجماعي"),
    "axis": ("Axe", "المحور"),
    "training_sessions": ("Sessions tenues", "الدورات المنجزة"),
    "women_share": ("Part des femmes", "نسبة النساء"),
    "youth_share": ("Part des jeunes", "نسبة الشباب"),
    "plan_section": ("Le plan du programme et la base de données", "مخطط البرنامج وما تتضمنه قاعدة البيانات"),
    "planned_coops": ("Coopératives prévues", "التعاونيات المبرمجة"),
    "held_coops": ("Coopératives dans la base", "التعاونيات في قاعدة البيانات"),
    "planned_diagnosed": ("Diagnostics prévus", "التشخيصات المبرمجة"),
    "planned_financed": ("Financements prévus", "التمويلات المبرمجة"),
    "regions_section": ("Par région", "حسب الجهة"),
    "regions_chart": ("Coopératives par région", "التعاونيات حسب الجهة"),
    "coached": ("Accompagnées", "المستفيدة من المواكبة"),
    "overdue": ("En retard", "المتأخرة"),
    "team_section": ("L'équipe", "الفريق"),
    "coach_name": ("Accompagnateur", "المؤطر"),
    "sessions_this_month": ("Séances ce mois", "حصص هذا الشهر"),
    "coach_last_sync": ("Dernière synchronisation", "آخر مزامنة"),
    "pending_at_sync": ("En attente à la synchronisation", "معلقة عند المزامنة"),
    "app_version": ("Version", "الإصدار"),
    "no_team": ("Aucun accompagnateur dans ce périmètre", "لا يوجد أي مؤطر في هذا النطاق"),
    # selection: the call, the ranking, the committee's minutes, the letters
    "call": ("Appel à manifestation d'intérêt", "طلب إبداء الاهتمام"),
    "call_title": ("Intitulé", "العنوان"),
    "opens_on": ("Ouverture", "تاريخ الافتتاح"),
    "closes_on": ("Clôture", "تاريخ الإغلاق"),
    "reference_date": ("Éligibilité appréciée au", "الأهلية مقدرة بتاريخ"),
    "places": ("Places", "المقاعد"),
    "received": ("Reçues", "المتوصل بها"),
    "complete_n": ("Complètes", "المكتملة"),
    "eligible_n": ("Éligibles", "المؤهلة"),
    "rated_n": ("Notées", "المنقطة"),
    "retained_n": ("Retenues", "المقبولة"),
    "ranked_n": ("Classées", "المرتبة"),
    "ranking_title": ("Classement des candidatures", "ترتيب الترشيحات"),
    "ranking_of": ("Classement — {region}", "الترتيب — {region}"),
    "rank": ("Rang", "الرتبة"),
    "score_100": ("Score / 100", "النقطة / 100"),
    "women_youth": ("Femmes + jeunes", "النساء + الشباب"),
    "received_on": ("Reçue le", "تاريخ التوصل"),
    "proposal": ("Proposition", "الاقتراح"),
    "proposed": ("Proposée", "مقترحة"),
    "waiting_n": ("Attente n° {n}", "الانتظار رقم {n}"),
    "withdrawn_on": ("Retirée le {date}", "انسحبت بتاريخ {date}"),
    "decision": ("Décision", "القرار"),
    "places_line": ("Limite des places : {n} place(s) proposée(s) ci-dessus, liste d'attente ci-dessous",
                    "حد المقاعد، وعددها {n}: المقترحة أعلاه، ولائحة الانتظار أسفله"),
    "no_places_line": ("Aucune place dans cette région", "لا توجد أي مقاعد في هذه الجهة"),
    "tie_rule": ("À score égal, le rang est partagé ; l'ordre est alors donné par (1) la part des femmes et des "
                 "jeunes parmi les adhérents, (2) la date de réception la plus ancienne, (3) le numéro "
                 "d'immatriculation.",
                 "عند تساوي النقط تتقاسم الترشيحات نفس الرتبة، ويحدد الترتيب حينئذ (1) نسبة النساء والشباب من بين "
                 "المتعاونين، ثم (2) تاريخ التوصل الأقدم، ثم (3) رقم التسجيل."),
    "tie_at_line": ("Égalité de score à la limite des places : rang {rank}, départagé selon la règle ci-dessus.",
                    "تساوي النقط عند حد المقاعد: الرتبة {rank}، والترتيب حسب القاعدة أعلاه."),
    "not_ranked": ("Candidatures non classées et leurs motifs", "الترشيحات غير المرتبة وأسبابها"),
    "reasons": ("Motifs", "الأسباب"),
    "no_applications": ("Aucune candidature", "لا توجد أي ترشيحات"),
    "minutes_title": ("Procès-verbal du comité de sélection", "محضر لجنة الانتقاء"),
    "minutes_intro": (
        "Le comité de sélection de l'appel « {title} » ({scope}), clos le {closes}, s'est réuni le {held} pour "
        "examiner les {n} candidature(s) reçue(s). L'éligibilité a été appréciée au {reference} ; seules les "
        "candidatures complètes et éligibles ont été classées, par région, selon le score des six critères.",
        "اجتمعت لجنة الانتقاء الخاصة بطلب إبداء الاهتمام «{title}» ({scope})، المغلق بتاريخ {closes}، يوم {held} "
        "لدراسة الترشيحات المتوصل بها، وعددها {n}. وقد قُدّرت الأهلية بتاريخ {reference}، ولم تُرتب إلا "
        "الترشيحات المكتملة والمؤهلة، حسب الجهة، وفق نقطة المعايير الستة."),
    "members_heading": ("Membres du comité", "أعضاء اللجنة"),
    "member_name": ("Nom et prénom", "الاسم الكامل"),
    "member_quality": ("Qualité", "الصفة"),
    "summary": ("Synthèse par région", "ملخص حسب الجهة"),
    "region_heading": ("Région : {region} — {places} place(s)", "الجهة: {region} — عدد المقاعد: {places}"),
    "retained_list": ("Coopératives retenues", "التعاونيات المقبولة"),
    "waiting_list": ("Liste d'attente", "لائحة الانتظار"),
    "rejected_list": ("Candidatures non retenues", "الترشيحات غير المقبولة"),
    "position": ("Position", "الرتبة في الانتظار"),
    "none_listed": ("Aucune", "لا شيء"),
    "undecided": ("{n} candidature(s) classée(s) sans décision du comité",
                  "ترشيحات مرتبة دون قرار اللجنة، وعددها {n}"),
    "minutes_close": ("Le présent procès-verbal a été établi et signé par les membres du comité.",
                      "حُرّر هذا المحضر ووقعه أعضاء اللجنة."),
    "committee_chair": ("Le président du comité", "رئيس اللجنة"),
    "office_rep": ("Le représentant de l'ODCO", "ممثل مكتب تنمية التعاون"),
    "address": ("Adresse", "العنوان"),
    "letter_title": ("Notification du résultat de la sélection", "إشعار بنتيجة الانتقاء"),
    "letter_date": ("Le {date}", "بتاريخ {date}"),
    "letter_to": ("À l'attention du/de la président(e) de la coopérative", "إلى السيد(ة) رئيس(ة) التعاونية"),
    "letter_subject": ("Objet : {call} « {title} » ({scope}) — résultat de votre candidature",
                       "الموضوع: {call} «{title}» ({scope}) — نتيجة ترشيحكم"),
    "letter_greeting": ("Madame, Monsieur le/la président(e),", "السيد(ة) الرئيس(ة) المحترم(ة)،"),
    "letter_retained": (
        "Nous avons le plaisir de vous informer que le comité de sélection a retenu la candidature de votre "
        "coopérative au programme Mourafaka, au titre de la tranche {tranche}, phase {phase}, dans la région "
        "{region} (rang {rank}, score {score} / 100). Le coordinateur régional prendra contact avec vous pour "
        "le diagnostic stratégique de votre coopérative.",
        "يسرنا أن نخبركم بأن لجنة الانتقاء قد قبلت ترشيح تعاونيتكم للاستفادة من برنامج مرافقة، برسم الشطر "
        "{tranche}، المرحلة {phase}، بجهة {region} (الرتبة {rank}، النقطة {score} من 100). وسيتصل بكم المنسق "
        "الجهوي من أجل التشخيص الاستراتيجي لتعاونيتكم."),
    "letter_waiting": (
        "Le comité de sélection a inscrit votre coopérative sur la liste d'attente de la région {region}, en "
        "position {position} (score {score} / 100). Si une place se libère, elle sera proposée aux coopératives "
        "de la liste dans l'ordre de celle-ci ; nous vous écrirons alors.",
        "قررت لجنة الانتقاء تسجيل تعاونيتكم في لائحة الانتظار الخاصة بجهة {region}، في الرتبة {position} "
        "(النقطة {score} من 100). وإذا شغر مقعد، فإنه يُقترح على تعاونيات اللائحة حسب ترتيبها، وسنراسلكم حينئذ."),
    "letter_rejected": (
        "Nous regrettons de vous informer que le comité de sélection n'a pas retenu la candidature de votre "
        "coopérative, pour le motif suivant :",
        "يؤسفنا أن نخبركم بأن لجنة الانتقاء لم تقبل ترشيح تعاونيتكم، للسبب التالي:"),
    "letter_reason_label": ("Motif de la décision", "تعليل القرار"),
    "letter_closing": (
        "Nous restons à votre disposition pour tout renseignement et vous prions d'agréer, Madame, Monsieur, "
        "l'expression de nos salutations distinguées.",
        "ونحن رهن إشارتكم لكل استفسار، وتقبلوا فائق عبارات التقدير والاحترام."),
    "letter_signature": ("Pour l'Office du Développement de la Coopération, le coordinateur régional",
                         "عن مكتب تنمية التعاون، المنسق الجهوي"),
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


RLM = "\u200f"


def numbers_rtl(text: str, lang: str) -> str:
    """In Arabic, a text of numbers only ("130 (58%)", a date and a time)
    in right-to-left order like the words around it: its first number on the
    right. Without a right-to-left letter it would be laid out left to right;
    the right-to-left mark gives it one and is not drawn."""
    return f"{RLM}{text}" if lang == "ar" and text else text


def percent(share: float | None, lang: str) -> str:
    """A share (0.625) as a whole percentage: "63 %" in French (no-break
    space), "63%" in Arabic, where the sign then stays after the digits."""
    if share is None:
        return EMPTY
    value = round(share * 100)
    return f"{value}%" if lang == "ar" else f"{value}\u00a0%"


def month(value: str, lang: str) -> str:
    """"2026-11" as "novembre 2026" / "نونبر 2026"; other text as it is."""
    year, _, number = value.partition("-")
    if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 12):
        return value
    return f"{(MONTHS_AR if lang == 'ar' else MONTHS_FR)[int(number) - 1]} {year}"


def time_of(value: str | None) -> tuple[str, str] | None:
    """An ISO time (a sync's) as the local date and HH:MM it happened at."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year}", f"{moment.hour:02d}:{moment.minute:02d}"


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
