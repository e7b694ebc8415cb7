"""A call's selection across laptops: the coordinator's call reaches the
coach, the coach's application and ratings reach the coordinator, the
decision comes back with the cooperative in the programme; a coach's laptop
cannot decide, and its server refuses a decision that gets through anyway."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.domain.vocab import SELECTION_CRITERIA
from murafaqa_desktop.services import calls
from murafaqa_desktop.store import changes
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.sync import errors
from murafaqa_server import data
from server.mfq_harness import Laptop


@pytest.fixture
def team(server, tmp_path):
    server.user("ali", "coach", "07")  # places are seen in the coach's regions
    server.user("coord", "coordinator", "07")
    coach, coord = Laptop(server, tmp_path / "ali.db", "ali"), Laptop(server, tmp_path / "coord.db", "coord")
    yield coach, coord
    coach.close()
    coord.close()


def test_call_application_ratings_and_decision_travel(team, server):
    coach, coord = team
    call = calls.create_call(coord.db, tranche=4, phase=2, closes_on="2024-06-30", places={"07": 1})
    coord.sync()
    coach.sync()
    assert [c.id for c in calls.list_calls(coach.db)] == [call.id]
    assert calls.get_call(coach.db, call.id).places == {"07": 1}

    coop = make_cooperative(coach.db, tranche=None, phase=None)
    app = calls.record_application(coach.db, call.id, coop["id"], received_on="2024-05-02", complete=True)
    for criterion in SELECTION_CRITERIA:
        calls.rate(coach.db, app["id"], criterion, 3, "constat")
    coach.sync()
    coord.sync()
    [item] = calls.ranking(coord.db, call.id)
    assert (item.registration_number, item.score, item.rank, item.proposed) == (coop["registration_number"],
                                                                                100.0, 1, True)

    with pytest.raises(DomainError):
        calls.decide(coach.db, call.id, coop["registration_number"], "retained")
    calls.decide(coord.db, call.id, coop["registration_number"], "retained", decided_by="coord")
    coord.sync()
    coach.sync()
    [item] = calls.ranking(coach.db, call.id)
    assert item.decision == "retained"
    entered = changes.get_row(coach.db, "cooperatives", coop["id"])
    assert (entered["tranche"], entered["phase"], entered["status"]) == (4, 2, "preselected")


def test_the_server_refuses_a_coach_s_decision_whole_and_the_laptop_says_so(team, server):
    coach, coord = team
    call = calls.create_call(coord.db, tranche=4, phase=2, closes_on="2024-06-30", places={"07": 1})
    coord.sync()
    coach.sync()
    coop = make_cooperative(coach.db)
    app = calls.record_application(coach.db, call.id, coop["id"], complete=True)
    coach.sync()
    with coach.db.atomic():
        st.put(coach.db, role=None)  # a laptop that forgot who it belongs to
        changes.update(coach.db, "applications", app["id"], {"decision": "retained"})
        changes.update(coach.db, "cooperatives", coop["id"], {"members": 99})
    with pytest.raises(errors.SyncError) as e:
        coach.sync()
    assert e.value.kind == errors.FORBIDDEN and "coordinator" in e.value.detail
    with server.engine.connect() as conn:
        held = data.get_record(conn, app["id"])
        assert held is not None and held.data["decision"] is None
        assert data.get_record(conn, coop["id"]).data["members"] != 99  # nothing of that push
