"""The laptop's side of the team: it tells the server its real version and
the changes waiting when the sync started, and keeps the last team the
server answered (SQLite and PostgreSQL servers)."""
from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import murafaqa_desktop
from factories import make_cooperative
from murafaqa_desktop.services import cooperatives
from murafaqa_desktop.store import outbox as outbox_store
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store import team
from murafaqa_desktop.sync import errors
from murafaqa_server import data
from murafaqa_server.tables import devices
from server.mfq_harness import Laptop
from sync.faults import Faulty


class OlderApplication:
    """A laptop of a release before the header: it sends none."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.token = inner.token

    def post(self, path: str, body: Any, answer: type, **_headers: Any) -> Any:
        return self.inner.post(path, body, answer)


def told(server, user: str) -> list[tuple[str | None, int | None]]:
    """(version, pending) each laptop of a user told at its last sync."""
    with server.engine.connect() as conn:
        user_id = data.user_by_name(conn, user)["id"]
        q = (select(devices.c.app_version, devices.c.pending_at_last_sync).where(devices.c.user_id == user_id)
             .order_by(devices.c.created_at))
        return [(r.app_version, r.pending_at_last_sync) for r in conn.execute(q)]


@pytest.fixture
def region(server, tmp_path):
    """Ali (coach of 07) with one cooperative and two edits waiting, and
    region 07's coordinator."""
    server.user("ali", "coach", "07")
    server.user("coord", "coordinator", "07")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    coord = Laptop(server, tmp_path / "coord.db", "coord")
    coop = make_cooperative(ali.db)
    cooperatives.update(ali.db, coop["id"], {"members": 30})
    make_cooperative(ali.db, registration_number="RC-2022-0002")
    yield ali, coord, coop
    ali.close()
    coord.close()


def test_the_laptop_tells_its_version_and_what_waited_before_the_push(server, region):
    ali, coord, coop = region
    waiting = outbox_store.pending_count(ali.db)
    assert waiting == 2  # the cooperative's creation and edit folded into one entry, and another cooperative
    ali.sync()
    assert outbox_store.pending_count(ali.db) == 0
    assert told(server, "ali") == [(murafaqa_desktop.__version__, waiting)]
    ali.sync()
    assert told(server, "ali") == [(murafaqa_desktop.__version__, 0)]


def test_every_request_of_a_sync_tells_what_waited_when_it_started(server, region):
    ali, coord, coop = region
    for n in range(3, 8):
        make_cooperative(ali.db, registration_number=f"RC-2022-000{n}")
    waiting = outbox_store.pending_count(ali.db)
    faulty = Faulty(ali.transport)
    ali.transport = faulty
    report = ali.sync(batch=2)
    assert report.round_trips >= 3 and outbox_store.pending_count(ali.db) == 0
    assert told(server, "ali") == [(murafaqa_desktop.__version__, waiting)]


def test_the_coordinators_laptop_keeps_the_team_it_received(server, region):
    ali, coord, coop = region
    ali.sync()
    assert team.members(coord.db) == [] and team.received_at(coord.db) is None
    coord.sync()
    [member] = team.members(coord.db)
    second = [c for c in st.synced_rows(coord.db, "cooperatives") if c["id"] != coop["id"]][0]
    assert (member.coach, member.region, member.app_version, member.pending_at_last_sync) == \
        ("ali", "07", murafaqa_desktop.__version__, 2)
    assert set(member.cooperative_ids) == {coop["id"], second["id"]}  # rows this laptop holds
    assert member.last_sync is not None
    assert member.received_at == st.get(coord.db, "last_sync") == team.received_at(coord.db)


def test_the_team_is_replaced_whole_at_each_sync(server, region, tmp_path):
    ali, coord, coop = region
    server.user("nadia", "coach", "07")
    ali.sync(), coord.sync()
    assert [m.coach for m in team.members(coord.db)] == ["ali", "nadia"]
    server.disable("nadia")
    server.assign("ali", coop["id"], active=False)
    coord.sync()
    [member] = team.members(coord.db)
    assert member.coach == "ali" and coop["id"] not in member.cooperative_ids


def test_a_coach_keeps_no_team(server, region):
    ali, coord, coop = region
    ali.sync()
    assert team.members(ali.db) == [] and team.received_at(ali.db) is None


def test_an_older_laptop_syncs_as_before_and_receives_no_team(server, region, tmp_path):
    ali, coord, coop = region
    ali.transport = OlderApplication(ali.transport)
    ali.sync()
    assert outbox_store.pending_count(ali.db) == 0 and told(server, "ali") == [(None, None)]
    coord.transport = OlderApplication(coord.transport)
    coord.sync()
    assert team.members(coord.db) == []
    assert {c["id"] for c in st.synced_rows(coord.db, "cooperatives")} >= {coop["id"]}


def test_a_sync_that_brings_no_team_leaves_the_last_one(server, region):
    """An older server (or a laptop that said nothing) answers no team: that
    is no news, not a team of no one."""
    ali, coord, coop = region
    ali.sync(), coord.sync()
    before = team.members(coord.db)
    assert before
    coord.transport = OlderApplication(coord.transport)
    coord.sync()
    assert team.members(coord.db) == before


def test_a_sync_cut_before_its_end_keeps_nothing_of_its_team(server, region):
    ali, coord, coop = region
    ali.sync()
    faulty = Faulty(coord.transport)
    coord.transport = faulty
    faulty.plan = ["ok", "drop_request"]  # the first page (with the team), then the link drops
    with pytest.raises(errors.SyncError):
        coord.sync(page_rows=1)
    assert team.members(coord.db) == []
    coord.sync(page_rows=1)
    assert [m.coach for m in team.members(coord.db)] == ["ali"]
