"""The programme's closed vocabularies, each code with its French and Arabic label.

Codes are what the database and the wire carry; labels are what people read.
"""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

Labels = Mapping[str, tuple[str, str]]  # code -> (fr, ar)


def _v(*items: tuple[str, str, str]) -> Labels:
    return MappingProxyType({code: (fr, ar) for code, fr, ar in items})


PROGRAMME_STATUS = _v(
    ("applied", "Candidate", "مترشحة"),
    ("preselected", "Présélectionnée", "منتقاة أوليا"),
    ("rejected", "Non retenue", "غير مقبولة"),
    ("diagnosis", "En diagnostic", "في طور التشخيص"),
    ("coaching", "En accompagnement", "في طور المواكبة"),
    ("completed", "Accompagnement achevé", "أنهت المواكبة"),
    ("withdrawn", "Retirée", "منسحبة"),
)

# The selection committee's decision on an application to a call.
CALL_DECISIONS = _v(
    ("retained", "Retenue", "مقبولة"),
    ("waiting", "Liste d'attente", "لائحة الانتظار"),
    ("rejected", "Non retenue", "غير مقبولة"),
)

# The documents of every application's file (one more per positive rating's
# evidence, marked on the rating); the column of each is doc_<code>.
APPLICATION_DOCUMENTS = _v(
    ("statutes", "Statuts", "القانون الأساسي"),
    ("constituent_minutes", "PV de l'assemblée générale constitutive", "محضر الجمع العام التأسيسي"),
    ("registration", "Certificat d'immatriculation", "شهادة التسجيل"),
    ("members_list", "Liste des adhérents", "لائحة المتعاونين"),
)

LEGAL_STANDING = _v(
    ("regular", "En règle", "وضعية قانونية سليمة"),
    ("pending", "Régularisation en cours", "في طور التسوية"),
    ("irregular", "Irrégulière", "وضعية غير سليمة"),
)

# The six selection criteria of the programme, in the programme's order.
SELECTION_CRITERIA = _v(
    ("social_impact", "Impact positif sur la société", "الأثر الإيجابي على المجتمع"),
    ("local_resources", "Valorisation des ressources et atouts locaux", "تثمين الموارد والمؤهلات المحلية"),
    ("promising_sector", "Développement d'un secteur prometteur", "تنمية قطاع واعد"),
    ("youth_or_women", "Créée par des jeunes ou des femmes", "محدثة من طرف الشباب أو النساء"),
    ("national_programme", "Déjà bénéficiaire d'un programme national", "مستفيدة من دعم برنامج وطني"),
    ("legal_standing", "Situation juridique saine", "سلامة الوضعية القانونية"),
)
CRITERION_RATING = _v(
    ("0", "Non satisfait", "غير متوفر"),
    ("1", "Faible", "ضعيف"),
    ("2", "Moyen", "متوسط"),
    ("3", "Fort", "قوي"),
)
MAX_RATING = 3

DIAGNOSIS_SECTIONS = _v(
    ("governance_legal", "Gouvernance et aspects juridiques", "الحكامة والجوانب القانونية"),
    ("accounting_finance", "Comptabilité et finances", "المحاسبة والمالية"),
    ("human_resources", "Ressources humaines", "الموارد البشرية"),
    ("supply", "Approvisionnement", "التموين"),
    ("production_quality", "Production et qualité", "الإنتاج والجودة"),
    ("marketing_sales", "Commercialisation et ventes", "التسويق والمبيعات"),
    ("environment", "Environnement", "البيئة"),
)
SECTION_RATING = _v(
    ("1", "Critique", "حرج"),
    ("2", "Faible", "ضعيف"),
    ("3", "Satisfaisant", "مرض"),
    ("4", "Bon", "جيد"),
)

# The three axes of collective training.
TRAINING_AXES = _v(
    ("governance", "Gouvernance : aspects juridiques, comptabilité, gestion des ressources",
     "الحكامة: الجوانب القانونية والمحاسبة وتدبير الموارد"),
    ("communication", "Communication et animation de groupe", "التواصل وتنشيط المجموعات"),
    ("marketing", "Techniques de commercialisation et promotion des ventes", "تقنيات التسويق والترويج للمبيعات"),
)
# Technical-assistance needs found by the diagnosis.
ASSISTANCE_AREAS = _v(
    ("supply", "Approvisionnement", "التموين"),
    ("production", "Production", "الإنتاج"),
    ("marketing", "Commercialisation", "التسويق"),
)
NEED_KINDS = _v(
    ("training", "Besoin de formation", "حاجة إلى التكوين"),
    ("assistance", "Besoin d'assistance technique", "حاجة إلى المساعدة التقنية"),
)
PRIORITY = _v(("high", "Haute", "عالية"), ("medium", "Moyenne", "متوسطة"), ("low", "Basse", "منخفضة"))

ACTION_AXES = _v(
    ("supply", "Approvisionnement", "التموين"),
    ("production", "Production", "الإنتاج"),
    ("marketing", "Commercialisation", "التسويق"),
    ("management", "Gestion et gouvernance", "التدبير والحكامة"),
)
ACTION_STATUS = _v(
    ("planned", "Prévue", "مبرمجة"),
    ("in_progress", "En cours", "في طور الإنجاز"),
    ("done", "Réalisée", "منجزة"),
    ("cancelled", "Annulée", "ملغاة"),
)

GENDER = _v(("F", "Femme", "امرأة"), ("M", "Homme", "رجل"))
# Young people are the under-35s, as in the programme's reporting.
AGE_BANDS = _v(
    ("18_24", "18-24 ans", "18-24 سنة"),
    ("25_34", "25-34 ans", "25-34 سنة"),
    ("35_44", "35-44 ans", "35-44 سنة"),
    ("45_59", "45-59 ans", "45-59 سنة"),
    ("60_plus", "60 ans et plus", "60 سنة فما فوق"),
)
YOUTH_AGE_BANDS = frozenset({"18_24", "25_34"})
PARTICIPANT_ROLES = _v(
    ("president", "Président(e)", "الرئيس(ة)"),
    ("manager", "Gérant(e)", "المسير(ة)"),
    ("treasurer", "Trésorier(ère)", "أمين(ة) المال"),
    ("secretary", "Secrétaire", "الكاتب(ة)"),
    ("board", "Membre du conseil", "عضو(ة) المجلس الإداري"),
    ("member", "Adhérent(e)", "متعاون(ة)"),
    ("employee", "Salarié(e)", "أجير(ة)"),
)

FINANCING_STATUS = _v(
    ("submitted", "Déposée", "مودعة"),
    ("under_review", "En instruction", "في طور الدراسة"),
    ("granted", "Accordée", "مقبولة"),
    ("refused", "Refusée", "مرفوضة"),
    ("disbursed", "Décaissée", "مصروفة"),
)

SESSION_PLACES = _v(
    ("cooperative", "Au siège de la coopérative", "بمقر التعاونية"),
    ("office", "Délégation / bureau régional", "المندوبية / المكتب الجهوي"),
    ("field", "Sur le terrain", "في الميدان"),
    ("remote", "À distance (téléphone)", "عن بعد (الهاتف)"),
)


def label(vocab: Labels, code: str | None, lang: str = "fr") -> str:
    """The label of code in lang; an unknown code is shown as it is."""
    if code is None:
        return ""
    pair = vocab.get(str(code))
    if pair is None:
        return str(code)
    return pair[1] if lang == "ar" else pair[0]
