"""Words and phrases the demo programme is made of (Arabic and French)."""
from __future__ import annotations

# (Arabic, French transliteration) of names cooperatives commonly take.
COOP_WORDS = [
    ("الأمل", "Al Amal"), ("النور", "Annour"), ("الخير", "Al Khair"), ("البركة", "Al Baraka"),
    ("الفلاح", "Al Falah"), ("الوحدة", "Al Wahda"), ("الإخلاص", "Al Ikhlass"), ("تيفاوت", "Tifaout"),
    ("أركان", "Argane"), ("الزيتونة", "Zitouna"), ("النحلة الذهبية", "L'Abeille d'Or"), ("الورود", "Al Woroud"),
    ("تاونزا", "Taounza"), ("إيمي نتانوت", "Imi n'Tanoute"), ("الواحة", "Al Waha"), ("السلام", "Assalam"),
    ("النجاح", "Annajah"), ("التضامن", "Attadamoun"), ("أزهار الجبل", "Fleurs de la Montagne"),
    ("تودغى", "Todgha"), ("الصفاء", "Assafae"), ("المستقبل", "Al Moustakbal"), ("الرحمة", "Arrahma"),
    ("تيغرمت", "Tighremt"), ("نساء الأطلس", "Femmes de l'Atlas"), ("الكرم", "Al Karam"), ("أنوال", "Anoual"),
    ("الإنماء", "Al Inmae"), ("الزعفران", "Safran"), ("المرجان", "Al Marjane"), ("تامونت", "Tamount"),
    ("الهدى", "Al Houda"), ("الفتح", "Al Fath"), ("الريحان", "Arrayhane"), ("إيكودار", "Igoudar"),
]
ACTIVITY_WORDS = {
    "agriculture": ("الفلاحية", "agricole"), "livestock": ("لتربية المواشي", "d'élevage"),
    "beekeeping": ("لتربية النحل", "apicole"), "argan": ("لإنتاج زيت الأركان", "d'huile d'argane"),
    "aromatic_plants": ("للنباتات العطرية والطبية", "des plantes aromatiques"),
    "agrifood": ("للمنتجات الغذائية", "agroalimentaire"), "dairy": ("للحليب", "laitière"),
    "handicraft": ("للصناعة التقليدية", "artisanale"), "textile": ("للنسيج", "de tissage"),
    "fishing": ("للصيد التقليدي", "de pêche artisanale"), "forestry": ("للمنتجات الغابوية", "forestière"),
    "tourism": ("للسياحة القروية", "de tourisme rural"), "services": ("للخدمات", "de services"),
    "housing": ("للسكن", "d'habitat"), "transport": ("للنقل", "de transport"),
    "recycling": ("لإعادة التدوير", "de recyclage"),
}
FIRST_NAMES_F = [("فاطمة الزهراء", "Fatima Zahra"), ("خديجة", "Khadija"), ("عائشة", "Aicha"), ("مليكة", "Malika"),
                 ("نعيمة", "Naima"), ("سعاد", "Souad"), ("رشيدة", "Rachida"), ("حفيظة", "Hafida"),
                 ("زينب", "Zineb"), ("إيطو", "Itto"), ("تودة", "Touda"), ("مريم", "Meryem")]
FIRST_NAMES_M = [("محمد", "Mohamed"), ("أحمد", "Ahmed"), ("الحسن", "Lahcen"), ("إبراهيم", "Brahim"),
                 ("عبد الله", "Abdellah"), ("يوسف", "Youssef"), ("مصطفى", "Mustapha"), ("سعيد", "Said"),
                 ("عمر", "Omar"), ("الحسين", "El Houssine"), ("رشيد", "Rachid"), ("عزيز", "Aziz")]
LAST_NAMES = [("بناني", "Bennani"), ("العلوي", "El Alaoui"), ("أيت لحسن", "Ait Lahcen"), ("الإدريسي", "Idrissi"),
              ("أمزيان", "Amezziane"), ("بوزيد", "Bouzid"), ("الفاسي", "El Fassi"), ("أوحمو", "Ouhammou"),
              ("الصديقي", "Seddiki"), ("بن علي", "Benali"), ("أخياط", "Akhiat"), ("الزروالي", "Zerouali"),
              ("أيت باها", "Ait Baha"), ("الطاهري", "Tahiri"), ("بلحاج", "Belhaj"), ("أمغار", "Amghar")]
COMMUNE_PREFIXES = [("", ""), ("أولاد ", "Ouled "), ("أيت ", "Aït "), ("سيدي ", "Sidi "), ("تامسلوحت", "Tamesloht")]

SECTION_FINDINGS = {
    "governance_legal": [("الجمع العام السنوي غير منتظم والسجلات غير محينة", "Assemblée générale annuelle irrégulière, registres non tenus à jour"),
                         ("النظام الأساسي مطابق للقانون 112.12 والمجلس يجتمع بانتظام", "Statuts conformes à la loi 112-12, conseil réuni régulièrement")],
    "accounting_finance": [("غياب محاسبة منتظمة وعدم فصل مالية التعاونية عن مالية الأعضاء", "Pas de comptabilité régulière ; caisse de la coopérative confondue avec celle des membres"),
                           ("دفتر الصندوق ممسوك لكن بدون قوائم تركيبية", "Livre de caisse tenu mais pas d'états de synthèse")],
    "human_resources": [("توزيع المهام غير واضح بين الأعضاء", "Répartition des tâches floue entre les membres"),
                        ("أعضاء متحمسون مع حاجة إلى التكوين في التسيير", "Membres motivés, besoin de formation en gestion")],
    "supply": [("صعوبة في التزود بالمواد الأولية خارج الموسم", "Approvisionnement difficile en matière première hors saison"),
               ("اتفاق مع موردين محليين لكن بدون عقود مكتوبة", "Accords avec des fournisseurs locaux, sans contrat écrit")],
    "production_quality": [("معدات قديمة وغياب الترخيص الصحي من أونسا", "Équipement vétuste ; pas d'autorisation sanitaire ONSSA"),
                           ("جودة المنتوج جيدة مع تلفيف بسيط", "Bonne qualité du produit, emballage sommaire")],
    "marketing_sales": [("البيع محصور في السوق الأسبوعي والوسطاء", "Vente limitée au souk hebdomadaire et aux intermédiaires"),
                        ("مشاركة في معرض جهوي واحد وغياب علامة تجارية", "Une participation à un salon régional, pas de marque")],
    "environment": [("تدبير النفايات غير منظم", "Gestion des déchets non organisée"),
                    ("استعمال مقتصد للماء وطاقة شمسية في الإنتاج", "Usage économe de l'eau, énergie solaire en production")],
}
STRENGTHS = [("انخراط قوي للنساء ومعرفة تقليدية بالمنتوج", "Forte implication des femmes et savoir-faire traditionnel"),
             ("موارد محلية وفيرة وقرب من الطريق الرئيسية", "Ressources locales abondantes, proximité de la route principale")]
WEAKNESSES = [("ضعف التسويق وغياب المحاسبة", "Commercialisation faible et absence de comptabilité"),
              ("ضعف التجهيزات وصعوبة الولوج إلى التمويل", "Équipement insuffisant et accès difficile au financement")]
TRAINING_NEEDS = {
    "governance": [("مسك المحاسبة المبسطة", "Tenue d'une comptabilité simplifiée"), ("الإطار القانوني للتعاونيات", "Cadre juridique des coopératives")],
    "communication": [("إعداد الجمع العام", "Préparation de l'assemblée générale"), ("تدبير النزاعات بين الأعضاء", "Gestion des conflits entre membres")],
    "marketing": [("تقنيات البيع والتفاوض", "Techniques de vente et de négociation"), ("المشاركة في المعارض", "Participation aux salons")],
}
ASSISTANCE_NEEDS = {
    "supply": [("تنظيم التخزين والتموين", "Organisation du stockage et de l'approvisionnement")],
    "production": [("الحصول على الترخيص الصحي", "Obtention de l'autorisation sanitaire"), ("تحسين التلفيف", "Amélioration de l'emballage")],
    "marketing": [("إنشاء علامة تجارية وموقع للبيع", "Création d'une marque et d'une vitrine de vente")],
}
ACTIONS = {
    "supply": [("إبرام عقود تموين مع المنتجين المحليين", "Contractualiser l'approvisionnement avec les producteurs locaux", "عدد العقود الموقعة", "Nombre de contrats signés")],
    "production": [("اقتناء معدات التعبئة", "Acquérir une unité de conditionnement", "المعدات مشغلة", "Équipement en service"),
                   ("الحصول على ترخيص أونسا", "Obtenir l'agrément ONSSA", "الترخيص", "Agrément obtenu")],
    "marketing": [("المشاركة في معرضين جهويين", "Participer à deux salons régionaux", "رقم المعاملات في المعارض", "Chiffre d'affaires des salons"),
                  ("تصميم علامة وتلفيف جديد", "Créer une marque et un nouvel emballage", "العلامة مودعة", "Marque déposée")],
    "management": [("مسك محاسبة منتظمة", "Tenir une comptabilité régulière", "قوائم تركيبية سنوية", "États de synthèse annuels"),
                   ("عقد الجمع العام السنوي في أجله", "Tenir l'assemblée générale annuelle à temps", "محضر الجمع العام", "PV de l'AG")],
}
SESSION_TOPICS = {
    "supply": [("تتبع عقود التموين", "Suivi des contrats d'approvisionnement")],
    "production": [("تحسين جودة المنتوج", "Amélioration de la qualité"), ("ملف الترخيص الصحي", "Dossier d'agrément sanitaire")],
    "marketing": [("التحضير للمعرض", "Préparation du salon"), ("تحديد الأثمنة", "Fixation des prix")],
    "management": [("مراجعة دفتر الصندوق", "Revue du livre de caisse"), ("التحضير للجمع العام", "Préparation de l'AG")],
}
RECOMMENDATIONS = [("تحيين السجلات قبل الحصة المقبلة", "Mettre à jour les registres avant la prochaine séance"),
                   ("جمع عروض أثمان لمعدات التعبئة", "Réunir des devis pour l'équipement de conditionnement"),
                   ("توزيع المهام كتابيا بين أعضاء المجلس", "Répartir les tâches par écrit entre les membres du conseil")]
NEXT_STEPS = [("زيارة مورد في المدينة", "Visite d'un fournisseur en ville"),
              ("إعداد ملف طلب التمويل", "Préparer le dossier de financement"),
              ("تقديم الحسابات للأعضاء", "Présenter les comptes aux membres")]
PARTNERS = ["Fondation OCP", "INDH", "ADA", "Programme Intelaka", "Maroc PME"]
EVIDENCE = [("محضر الجمع العام", "PV de l'assemblée générale"), ("شهادة التسجيل بالسجل", "Attestation d'immatriculation"),
            ("لائحة المتعاونين", "Liste des membres"), ("معاينة ميدانية", "Constat sur le terrain"),
            ("اتفاقية مع برنامج وطني", "Convention avec un programme national")]
