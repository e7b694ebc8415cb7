"""Financing applications (tranche 4: 80 of the 600 cooperatives financed)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import DomainError

GRANTED_STATUSES = frozenset({"granted", "disbursed"})


def check_financing(row: Mapping[str, Any]) -> list[DomainError]:
    errors: list[DomainError] = []
    granted, asked, status = row.get("amount_granted"), row.get("amount_requested"), row.get("status")
    if granted and status not in GRANTED_STATUSES:
        errors.append(DomainError(
            "granted_without_decision",
            "Montant accordé : seulement pour une demande accordée ou décaissée",
            "المبلغ الممنوح: فقط لطلب مقبول أو مصروف", "amount_granted"))
    if granted is not None and asked is not None and granted > asked:
        errors.append(DomainError(
            "granted_over_requested",
            f"Montant accordé : {granted:,.2f} dépasse le montant demandé ({asked:,.2f})",
            f"المبلغ الممنوح: {granted:,.2f} يتجاوز المبلغ المطلوب ({asked:,.2f})", "amount_granted"))
    return errors
