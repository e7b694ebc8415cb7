"""Rules that tie a cooperative's fields together."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .errors import DomainError
from .reference import Reference
from .schema import as_date

_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,20}$")


def phase_from_region(ref: Reference, tranche: int | None, region: str | None) -> int | None:
    """The phase a cooperative belongs to by its region.

    Only tranche 4 is run in phases (phase 1: Guelmim-Oued Noun,
    Marrakech-Safi, Rabat-Salé-Kénitra, Drâa-Tafilalet; phase 2: Laâyoune-Sakia
    El Hamra, Fès-Meknès, Casablanca-Settat, Béni Mellal-Khénifra), so tranches
    1-3 have none, nor does a region in neither phase. The reference data
    says which tranche has which phases.
    """
    known = ref.tranches.get(tranche) if tranche is not None else None
    if known is None or region is None:
        return None
    for number, regions in known.phases:
        if region in regions:
            return number
    return None


def check_cooperative(row: Mapping[str, Any], ref: Reference) -> list[DomainError]:
    """Cross-field rules on a complete, already coerced cooperative row.

    Resolves region, province and sector names to codes in place is not done
    here: callers pass codes (see services.cooperatives.prepare)."""
    errors: list[DomainError] = []
    if not (row.get("name_ar") or row.get("name_fr")):
        errors.append(DomainError("name_required", "Nom : au moins un nom, en arabe ou en français",
                                  "الاسم: اسم واحد على الأقل، بالعربية أو بالفرنسية", "name_ar"))
    region = row.get("region")
    if region and region not in ref.regions:
        errors.append(DomainError("bad_region", f"Région : code inconnu « {region} »",
                                  f"الجهة: رمز غير معروف «{region}»", "region"))
    province = row.get("province")
    if province:
        place = ref.provinces.get(province)
        if place is None:
            errors.append(DomainError("bad_province", f"Province : inconnue « {province} »",
                                      f"الإقليم: غير معروف «{province}»", "province"))
        elif region and place.region != region:
            errors.append(DomainError(
                "province_not_in_region",
                f"Province : {place.name_fr} n'appartient pas à la région {region}",
                f"الإقليم: {place.name_ar} لا ينتمي إلى الجهة {region}", "province"))
    legal, activity = as_date(row.get("legal_date")), as_date(row.get("activity_start"))
    if legal and activity and activity < legal:
        errors.append(DomainError(
            "activity_before_legal_date",
            "Début d'activité : antérieur à la date de création légale",
            "تاريخ بداية النشاط: سابق لتاريخ التأسيس القانوني", "activity_start"))
    members = row.get("members")
    for key, fr, ar in (("women", "Femmes", "النساء"), ("youth", "Jeunes", "الشباب")):
        value = row.get(key)
        if value is not None and members is not None and value > members:
            errors.append(DomainError(
                f"{key}_over_members",
                f"{fr} : {value} dépasse le nombre d'adhérents ({members})",
                f"{ar}: {value} يتجاوز عدد المتعاونين ({members})", key))
    tranche, phase = row.get("tranche"), row.get("phase")
    if phase is not None and tranche is not None and not ref.tranches[tranche].phases:
        errors.append(DomainError("phase_without_phases",
                                  f"Phase : la tranche {tranche} n'a pas de phases",
                                  f"المرحلة: الشطر {tranche} لا يتضمن مراحل", "phase"))
    phone = row.get("phone")
    if phone and not _PHONE.match(phone):
        errors.append(DomainError("bad_phone", f"Téléphone : numéro invalide « {phone} »",
                                  f"الهاتف: رقم غير صالح «{phone}»", "phone"))
    email = row.get("email")
    if email and ("@" not in email or " " in email):
        errors.append(DomainError("bad_email", f"E-mail : adresse invalide « {email} »",
                                  f"البريد الإلكتروني: عنوان غير صالح «{email}»", "email"))
    return errors
