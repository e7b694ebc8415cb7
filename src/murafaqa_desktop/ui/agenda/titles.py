"""How a collective training session is named wherever it is listed: its
date, its module and its region, in the interface's language. Shared by My
agenda and Collective trainings, neither of which needs the other."""
from __future__ import annotations

from typing import Any

from ... import assets
from ..kit.i18n import lang


def session_title(row: dict[str, Any]) -> str:
    ref = assets.reference()
    module = ref.modules.get(row["module_code"])
    region = ref.regions.get(row["region"])
    return " · ".join(x for x in (row["held_on"], module.title(lang()) if module else row["module_code"],
                                  region.name(lang()) if region else row["region"]) if x)
