"""What each record of the programme holds, declared once (see schema.py)."""
from __future__ import annotations

from . import vocab as V
from .schema import EntitySpec
from .schema import FieldSpec as F

COOPERATIVE = EntitySpec("cooperatives", "Coopérative", "التعاونية", (
    F("registration_number", "text", "N° d'immatriculation", "رقم التسجيل", required=True, ltr=True, max_length=40),
    F("name_ar", "text", "Nom (arabe)", "الاسم بالعربية", max_length=200),
    F("name_fr", "text", "Nom (français)", "الاسم بالفرنسية", max_length=200),
    F("legal_date", "date", "Date de création légale", "تاريخ التأسيس القانوني", required=True),
    F("activity_start", "date", "Début d'activité", "تاريخ بداية النشاط"),
    F("application_date", "date", "Date de candidature", "تاريخ الترشيح"),
    F("region", "ref", "Région", "الجهة", required=True),
    F("province", "ref", "Province / préfecture", "الإقليم / العمالة"),
    F("commune", "text", "Commune", "الجماعة", max_length=120),
    F("sector", "text", "Secteur", "القطاع", max_length=120),
    F("members", "int", "Adhérents", "عدد المتعاونين", min=0, max=100000),
    F("women", "int", "dont femmes", "منهم نساء", min=0, max=100000),
    F("youth", "int", "dont jeunes (< 35 ans)", "منهم شباب (أقل من 35 سنة)", min=0, max=100000),
    F("legal_standing", "choice", "Situation juridique", "الوضعية القانونية", choices=V.LEGAL_STANDING),
    F("president", "text", "Président(e)", "الرئيس(ة)", max_length=120),
    F("phone", "text", "Téléphone", "الهاتف", ltr=True, max_length=40),
    F("email", "text", "E-mail", "البريد الإلكتروني", ltr=True, max_length=120),
    F("tranche", "int", "Tranche", "الشطر", min=1, max=4),
    F("phase", "int", "Phase", "المرحلة", min=1, max=2),
    F("status", "choice", "Statut dans le programme", "الوضعية في البرنامج", choices=V.PROGRAMME_STATUS),
    F("coach", "text", "Accompagnateur", "المؤطر", max_length=120),
    F("notes", "longtext", "Observations", "ملاحظات"),
))

SELECTION_RATING = EntitySpec("selection_ratings", "Critère de sélection", "معيار الانتقاء", (
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("criterion", "choice", "Critère", "المعيار", required=True, choices=V.SELECTION_CRITERIA),
    F("rating", "int", "Note", "التنقيط", required=True, min=0, max=V.MAX_RATING),
    F("evidence", "longtext", "Justificatif", "الإثبات"),
), parent="cooperative_id")

DIAGNOSIS = EntitySpec("diagnoses", "Diagnostic stratégique", "التشخيص الاستراتيجي", (
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("diagnosed_on", "date", "Date du diagnostic", "تاريخ التشخيص"),
    F("diagnosed_by", "text", "Réalisé par", "أنجزه", max_length=120),
    F("strengths", "longtext", "Forces", "نقاط القوة"),
    F("weaknesses", "longtext", "Faiblesses", "نقاط الضعف"),
    F("summary", "longtext", "Synthèse", "خلاصة"),
    F("completed", "bool", "Diagnostic achevé", "تشخيص منجز"),
), parent="cooperative_id")

DIAGNOSIS_SECTION = EntitySpec("diagnosis_sections", "Volet du diagnostic", "محور التشخيص", (
    F("diagnosis_id", "ref", "Diagnostic", "التشخيص", required=True),
    F("section", "choice", "Volet", "المحور", required=True, choices=V.DIAGNOSIS_SECTIONS),
    F("rating", "choice", "Appréciation", "التقييم", choices=V.SECTION_RATING),
    F("findings", "longtext", "Constats", "الملاحظات"),
), parent="diagnosis_id")

DIAGNOSIS_NEED = EntitySpec("diagnosis_needs", "Besoin identifié", "حاجة محددة", (
    F("diagnosis_id", "ref", "Diagnostic", "التشخيص", required=True),
    F("kind", "choice", "Type de besoin", "نوع الحاجة", required=True, choices=V.NEED_KINDS),
    F("axis", "text", "Axe", "المحور", required=True),
    F("description", "longtext", "Description", "الوصف", required=True),
    F("priority", "choice", "Priorité", "الأولوية", choices=V.PRIORITY),
), parent="diagnosis_id")

PLAN_ACTION = EntitySpec("plan_actions", "Action du plan de développement", "إجراء من مخطط التنمية", (
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("position", "int", "Ordre", "الترتيب", min=0),
    F("axis", "choice", "Axe", "المحور", required=True, choices=V.ACTION_AXES),
    F("objective", "longtext", "Objectif", "الهدف", required=True),
    F("indicator", "text", "Indicateur", "المؤشر", max_length=300),
    F("owner", "text", "Responsable", "المسؤول", max_length=120),
    F("due_date", "date", "Échéance", "الأجل"),
    F("status", "choice", "Statut", "الحالة", choices=V.ACTION_STATUS),
    F("estimated_cost", "money", "Coût estimé (MAD)", "الكلفة التقديرية (درهم)", min=0),
    F("progress", "int", "Avancement (%)", "نسبة الإنجاز (%)", min=0, max=100),
), parent="cooperative_id")

COACHING_SESSION = EntitySpec("coaching_sessions", "Séance d'accompagnement", "حصة المواكبة", (
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("number", "int", "N° de séance", "رقم الحصة", min=1),
    F("held_on", "date", "Date", "التاريخ", required=True),
    F("duration_minutes", "int", "Durée (minutes)", "المدة (بالدقائق)", min=0, max=1440),
    F("place", "text", "Lieu", "المكان", max_length=200),
    F("attendees", "longtext", "Présents", "الحاضرون"),
    F("topics", "json", "Thèmes abordés", "المواضيع المتناولة"),
    F("recommendations", "longtext", "Recommandations", "التوصيات"),
    F("next_steps", "longtext", "Prochaines étapes", "الخطوات المقبلة"),
    F("next_date", "date", "Prochaine séance prévue", "موعد الحصة المقبلة"),
    F("author", "text", "Accompagnateur", "المؤطر", max_length=120),
), parent="cooperative_id")

SESSION_REVIEW = EntitySpec("session_reviews", "Action revue", "إجراء تمت مراجعته", (
    F("session_id", "ref", "Séance", "الحصة", required=True),
    F("action_id", "ref", "Action", "الإجراء", required=True),
    F("progress", "int", "Avancement (%)", "نسبة الإنجاز (%)", min=0, max=100),
    F("comment", "longtext", "Commentaire", "تعليق"),
), parent="session_id")

TRAINING_SESSION = EntitySpec("training_sessions", "Session de formation collective", "دورة التكوين الجماعي", (
    F("module_code", "ref", "Module", "الوحدة", required=True),
    F("held_on", "date", "Date", "التاريخ", required=True),
    F("place", "text", "Lieu", "المكان", max_length=200),
    F("region", "ref", "Région", "الجهة", required=True),
    F("trainer", "text", "Formateur", "المكون", max_length=120),
))

TRAINING_ATTENDANCE = EntitySpec("training_attendance", "Participant", "مشارك", (
    F("training_session_id", "ref", "Session", "الدورة", required=True),
    F("cooperative_id", "ref", "Coopérative", "التعاونية"),
    F("participant", "text", "Nom du participant", "اسم المشارك", required=True, max_length=120),
    F("role", "choice", "Fonction", "الصفة", choices=V.PARTICIPANT_ROLES),
    F("gender", "choice", "Sexe", "الجنس", required=True, choices=V.GENDER),
    F("age_band", "choice", "Tranche d'âge", "الفئة العمرية", choices=V.AGE_BANDS),
), parent="training_session_id")

FINANCING = EntitySpec("financing", "Demande de financement", "طلب التمويل", (
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("applied_on", "date", "Date de dépôt", "تاريخ الإيداع", required=True),
    F("project", "longtext", "Projet", "المشروع", required=True),
    F("amount_requested", "money", "Montant demandé (MAD)", "المبلغ المطلوب (درهم)", min=0),
    F("amount_granted", "money", "Montant accordé (MAD)", "المبلغ الممنوح (درهم)", min=0),
    F("partner", "text", "Partenaire", "الشريك", max_length=200),
    F("status", "choice", "Statut", "الحالة", required=True, choices=V.FINANCING_STATUS),
), parent="cooperative_id")

CALL = EntitySpec("calls", "Appel à manifestation d'intérêt", "طلب إبداء الاهتمام", (
    F("tranche", "int", "Tranche", "الشطر", required=True, min=1, max=4),
    F("phase", "int", "Phase", "المرحلة", required=True, min=1, max=2),
    F("title", "text", "Intitulé", "العنوان", max_length=200),
    F("opens_on", "date", "Ouverture", "تاريخ الافتتاح"),
    F("closes_on", "date", "Clôture", "تاريخ الإغلاق", required=True),
    F("reference_date", "date", "Date de référence de l'éligibilité", "التاريخ المرجعي للأهلية"),
))

CALL_PLACES = EntitySpec("call_places", "Places d'une région", "مقاعد الجهة", (
    F("call_id", "ref", "Appel", "طلب إبداء الاهتمام", required=True),
    F("region", "ref", "Région", "الجهة", required=True),
    F("places", "int", "Places", "المقاعد", required=True, min=0, max=100000),
), parent="call_id")

APPLICATION = EntitySpec("applications", "Candidature", "الترشيح", (
    F("call_id", "ref", "Appel", "طلب إبداء الاهتمام", required=True),
    F("cooperative_id", "ref", "Coopérative", "التعاونية", required=True),
    F("received_on", "date", "Reçue le", "تاريخ التوصل"),
    F("doc_statutes", "bool", "Statuts", "القانون الأساسي"),
    F("doc_constituent_minutes", "bool", "PV de l'assemblée générale constitutive", "محضر الجمع العام التأسيسي"),
    F("doc_registration", "bool", "Certificat d'immatriculation", "شهادة التسجيل"),
    F("doc_members_list", "bool", "Liste des adhérents", "لائحة المتعاونين"),
    F("complete", "bool", "Dossier complet", "ملف مكتمل"),
    F("decision", "choice", "Décision du comité", "قرار اللجنة", choices=V.CALL_DECISIONS),
    F("decision_reason", "longtext", "Motif de la décision", "تعليل القرار"),
    F("decided_by", "text", "Décidé par", "قرره", max_length=120),
    F("decided_on", "date", "Décidé le", "تاريخ القرار"),
    F("withdrawn_on", "date", "Retirée le", "تاريخ الانسحاب"),
    F("withdrawal_reason", "longtext", "Motif du retrait", "سبب الانسحاب"),
), parent="cooperative_id")

APPLICATION_RATING = EntitySpec("application_ratings", "Critère de sélection", "معيار الانتقاء", (
    F("application_id", "ref", "Candidature", "الترشيح", required=True),
    F("criterion", "choice", "Critère", "المعيار", required=True, choices=V.SELECTION_CRITERIA),
    F("rating", "int", "Note", "التنقيط", required=True, min=0, max=V.MAX_RATING),
    F("evidence", "longtext", "Justificatif", "الإثبات"),
    F("document", "bool", "Pièce justificative jointe", "وثيقة الإثبات مرفقة"),
), parent="application_id")

ALL: tuple[EntitySpec, ...] = (
    COOPERATIVE, SELECTION_RATING, DIAGNOSIS, DIAGNOSIS_SECTION, DIAGNOSIS_NEED,
    PLAN_ACTION, COACHING_SESSION, SESSION_REVIEW, TRAINING_SESSION,
    TRAINING_ATTENDANCE, FINANCING, CALL, CALL_PLACES, APPLICATION, APPLICATION_RATING,
)
BY_TABLE = {e.table: e for e in ALL}
