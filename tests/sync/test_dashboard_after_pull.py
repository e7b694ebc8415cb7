"""The dashboard's kept stages (``cooperative_stages``) stay right when the
sync engine applies pulled rows: created, edited and deleted elsewhere."""
from __future__ import annotations

import datetime as dt

from factories import make_cooperative
from kept_stages import differences
from murafaqa_desktop.domain.dashboard import Scope
from murafaqa_desktop.services import coaching, cooperatives, dashboard, diagnosis, financing, plans
from server.mfq_harness import Laptop

TODAY = dt.date(2026, 6, 15)


def _stages(laptop: Laptop) -> dict[str, int]:
    page = dashboard.figures(laptop.db, Scope(), TODAY)
    return {stage: count.value for stage, count in page.pipeline.stages.items()}


def test_the_stages_follow_what_a_pull_brings(server, tmp_path):
    server.user("ali")
    server.user("sara")
    a = Laptop(server, tmp_path / "a.db", "ali")
    b = Laptop(server, tmp_path / "b.db", "sara")
    try:
        coop = make_cooperative(a.db, status="coaching")
        action = plans.add_action(a.db, coop["id"], {"axis": "marketing", "objective": "Vendre"})
        diagnosis.save(a.db, coop["id"], {"diagnosed_on": "2025-11-01", "completed": True})
        coaching.log_session(a.db, coop["id"], {"held_on": "2026-01-10", "next_date": "2026-03-01"})
        request = financing.apply(a.db, coop["id"], {"applied_on": "2026-01-05", "project": "Unité",
                                                     "status": "granted", "amount_requested": 1000})
        a.sync()
        server.assign("sara", coop["id"])
        b.sync()  # the cooperative arrives whole
        assert differences(b.db, TODAY) == {}
        assert _stages(b) == _stages(a)
        arrived = {k: v for k, v in _stages(b).items() if v}
        assert arrived == {"in_programme": 1, "diagnosed": 1, "plan_set": 1, "coached": 1, "financed": 1}
        assert dashboard.figures(b.db, Scope(), TODAY).coaching.overdue.value == 1

        # edited on Ali's laptop: the plan emptied, the financing taken back, a withdrawal
        plans.delete_action(a.db, action["id"])
        financing.update(a.db, request["id"], {"status": "refused"})
        cooperatives.update(a.db, coop["id"], {"status": "withdrawn"})
        a.sync(), b.sync()
        assert differences(b.db, TODAY) == {}
        stages = _stages(b)
        assert (stages["plan_set"], stages["financed"], stages["withdrawn"]) == (0, 0, 1)
        assert dashboard.figures(b.db, Scope(), TODAY).coaching.overdue.value == 0

        # deleted: it leaves the page
        cooperatives.delete(a.db, coop["id"])
        a.sync(), b.sync()
        assert differences(b.db, TODAY) == {}
        assert b.db.execute("SELECT count(*) FROM cooperative_stages").fetchone()[0] == 0
    finally:
        a.close()
        b.close()
