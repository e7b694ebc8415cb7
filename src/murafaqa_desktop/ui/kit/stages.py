"""The names of the programme's pipeline stages (``domain.dashboard.STAGES``)
in the interface: the dashboard titles its figures with them, the
cooperatives list says which stage it is filtered on."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STAGE_TITLES: dict[str, str] = {
    "in_programme": str(QT_TRANSLATE_NOOP("Stages", "In the programme")),
    "diagnosed": str(QT_TRANSLATE_NOOP("Stages", "Diagnosed")),
    "plan_set": str(QT_TRANSLATE_NOOP("Stages", "Development plan set")),
    "trained": str(QT_TRANSLATE_NOOP("Stages", "Trained")),
    "coached": str(QT_TRANSLATE_NOOP("Stages", "Coached")),
    "completed": str(QT_TRANSLATE_NOOP("Stages", "Completed (12 sessions)")),
    "withdrawn": str(QT_TRANSLATE_NOOP("Stages", "Withdrawn")),
    "financed": str(QT_TRANSLATE_NOOP("Stages", "Financed")),
}


def stage_title(stage: str) -> str:
    source = STAGE_TITLES.get(stage)
    return QCoreApplication.translate("Stages", source) if source else stage
