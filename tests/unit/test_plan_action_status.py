"""A plan action's status follows the progress recorded for it, the same way
whether the progress comes from a coaching session or from the plan itself."""
import pytest

from factories import make_cooperative
from murafaqa_desktop.services import coaching, plans
from murafaqa_desktop.store import changes


def _action(db, coop, **data):
    return plans.add_action(db, coop["id"], {"axis": "marketing", "objective": "Stand au salon", **data})


def _status(db, action):
    row = changes.get_row(db, "plan_actions", action["id"])
    return row["status"], row["progress"]


@pytest.mark.parametrize("progress, status", [(40, "in_progress"), (100, "done"), (0, "planned")])
def test_a_session_and_the_plan_give_a_planned_action_the_same_status(db, progress, status):
    coop = make_cooperative(db)
    reviewed, edited = _action(db, coop), _action(db, coop)
    coaching.log_session(db, coop["id"], {"held_on": "2024-03-01"},
                         reviews=[{"action_id": reviewed["id"], "progress": progress}])
    plans.update_action(db, edited["id"], {"progress": progress})
    assert _status(db, reviewed) == _status(db, edited) == (status, progress)


def test_the_plan_form_sending_the_unchanged_status_back_still_moves_it(db):
    coop = make_cooperative(db)
    action = _action(db, coop)
    plans.update_action(db, action["id"], {"status": "planned", "progress": 40})
    assert _status(db, action) == ("in_progress", 40)


def test_a_status_chosen_by_hand_wins_over_the_progress(db):
    coop = make_cooperative(db)
    action = _action(db, coop)
    plans.update_action(db, action["id"], {"status": "cancelled", "progress": 40})
    assert _status(db, action) == ("cancelled", 40)


def test_a_cancelled_action_stays_cancelled_after_a_review(db):
    coop = make_cooperative(db)
    action = _action(db, coop, status="cancelled")
    coaching.log_session(db, coop["id"], {"held_on": "2024-03-01"},
                         reviews=[{"action_id": action["id"], "progress": 40}])
    plans.update_action(db, action["id"], {"progress": 100})
    assert _status(db, action) == ("cancelled", 100)


def test_a_new_action_already_started_is_under_way(db):
    coop = make_cooperative(db)
    assert _status(db, _action(db, coop, status="planned", progress=40)) == ("in_progress", 40)
    assert _status(db, _action(db, coop, progress=100)) == ("done", 100)
    assert _status(db, _action(db, coop, status="cancelled", progress=40)) == ("cancelled", 40)


def test_editing_another_field_leaves_a_status_set_by_hand(db):
    coop = make_cooperative(db)
    action = _action(db, coop, progress=40)
    plans.update_action(db, action["id"], {"status": "planned"})  # put back by hand, progress kept
    plans.update_action(db, action["id"], {"owner": "Trésorière", "status": "planned", "progress": 40})
    assert _status(db, action) == ("planned", 40)
