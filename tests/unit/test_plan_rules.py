"""Plan actions: the status a recorded progress brings."""
import pytest

from murafaqa_desktop.domain.plan import progress_update


def action(status, progress=0):
    return {"status": status, "progress": progress}


@pytest.mark.parametrize("status, before, after, expected", [
    ("planned", 0, 40, {"progress": 40, "status": "in_progress"}),  # a started action is under way
    ("in_progress", 40, 60, {"progress": 60}),
    ("planned", 0, 100, {"progress": 100, "status": "done"}),
    ("in_progress", 60, 100, {"progress": 100, "status": "done"}),
    ("planned", 20, 0, {"progress": 0}),  # no progress: nothing says it started
    ("in_progress", 40, 0, {"progress": 0}),  # nor that it went back to planned
    ("cancelled", 0, 40, {"progress": 40}),  # a cancelled action stays cancelled
    ("cancelled", 40, 100, {"progress": 100}),
    ("done", 100, 60, {"progress": 60}),  # a closed action is reopened by hand, not by a figure
    (None, 0, 40, {"progress": 40}),
])
def test_the_progress_recorded_and_the_status_it_brings(status, before, after, expected):
    assert progress_update(action(status, before), after) == expected


@pytest.mark.parametrize("progress", [None, 40])
def test_no_progress_or_the_same_progress_writes_nothing(progress):
    assert progress_update(action("planned", 40), progress) == {}


def test_an_action_never_reviewed_has_no_progress_yet():
    assert progress_update(action("planned", None), 40) == {"progress": 40, "status": "in_progress"}
