"""The laptop's side of who changed what: it fetches a cooperative's history
from the server, keeps it for offline reading with the time of the fetch,
and shows its own changes not yet sent above it, marked so (SQLite and
PostgreSQL servers)."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop.services import cooperatives, plans
from murafaqa_desktop.services import history as history_service
from murafaqa_desktop.store import history as history_store
from murafaqa_desktop.sync import errors
from murafaqa_desktop.sync import history as history_sync
from server.mfq_harness import Laptop


class Offline:
    """No network: every request fails as a rural link does."""

    token = "t"

    def get(self, *_args: object) -> None:
        raise errors.network("ConnectError: no route to host")


@pytest.fixture
def two_laptops(server, tmp_path):
    """Ali created the cooperative and a plan action and synced; Sara's
    coordinator laptop (region 07) changed its phone and synced."""
    server.user("ali")
    server.user("coord", "coordinator", "07")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    coop = make_cooperative(ali.db)
    with ali.db.atomic():
        plans.add_action(ali.db, coop["id"], {"axis": "Commercialisation", "objective": "Vendre au souk"})
    ali.sync()
    coord = Laptop(server, tmp_path / "coord.db", "coord")
    coord.sync()
    with coord.db.atomic():
        cooperatives.update(coord.db, coop["id"], {"phone": "0699999999"})
    coord.sync()
    yield ali, coord, coop
    ali.close()
    coord.close()


def test_the_history_is_fetched_kept_and_shown_with_the_unsent_changes_above(two_laptops):
    ali, _coord, coop = two_laptops
    ali.sync()
    assert history_sync.fetch(ali.db, ali.transport, coop["id"]) > 0
    assert history_store.fetched_at(ali.db, coop["id"]) is not None
    # An edit not sent yet: on top, marked, its old value the server's last.
    with ali.db.atomic():
        cooperatives.update(ali.db, coop["id"], {"phone": "0655555555", "members": 25})
    shown = history_service.of(ali.db, coop["id"])
    assert shown.unsent == 2
    top = {line.field: line for line in shown.lines[:2]}
    assert not any(line.sent for line in top.values()) and all(line.sent for line in shown.lines[2:])
    assert (top["phone"].op, top["phone"].old, top["phone"].new, top["phone"].who) == (
        "update", "0699999999", "0655555555", "ali")
    assert (top["members"].old, top["members"].new) == (20, 25)
    # The server's: the coordinator's change, then Ali's creation.
    sent = shown.lines[2:]
    assert (sent[0].who, sent[0].field, sent[0].old, sent[0].new) == ("coord", "phone", "0612345678", "0699999999")
    assert any(line.table == "plan_actions" and line.field == "objective" and line.new == "Vendre au souk"
               for line in sent)
    assert {line.who for line in sent} == {"ali", "coord"}
    # Once sent and fetched again, the change is the server's, by Ali.
    ali.sync()
    history_sync.fetch(ali.db, ali.transport, coop["id"])
    again = history_service.of(ali.db, coop["id"])
    assert again.unsent == 0
    assert {(line.field, line.new, line.who) for line in again.lines[:2]} == {
        ("phone", "0655555555", "ali"), ("members", 25, "ali")}


def test_offline_the_kept_history_stays_as_it_was(two_laptops):
    ali, _coord, coop = two_laptops
    history_sync.fetch(ali.db, ali.transport, coop["id"])
    kept, when = history_store.kept(ali.db, coop["id"]), history_store.fetched_at(ali.db, coop["id"])
    offline = Offline()
    with pytest.raises(errors.SyncError) as failed:
        history_sync.fetch(ali.db, offline, coop["id"])
    assert failed.value.kind == errors.NETWORK
    assert history_store.kept(ali.db, coop["id"]) == kept and history_store.fetched_at(ali.db, coop["id"]) == when


def test_a_cooperative_not_sent_yet_has_only_its_unsent_changes(server, tmp_path):
    server.user("ali")
    ali = Laptop(server, tmp_path / "ali.db", "ali")
    coop = make_cooperative(ali.db, registration_number="RC-NEW")
    assert history_sync.fetch(ali.db, ali.transport, coop["id"]) == 0
    shown = history_service.of(ali.db, coop["id"])
    assert shown.lines and all(not line.sent and line.op == "insert" for line in shown.lines)
    assert {line.field for line in shown.lines} >= {"registration_number", "name_fr", "phone"}
    ali.close()


def test_labels_and_values_as_the_forms_show_them():
    assert history_service.field_label("cooperatives", "phone", "fr") == "Téléphone"
    assert history_service.field_label("cooperatives", "phone", "ar") == "الهاتف"
    assert history_service.field_label("plan_actions", "objective", "fr").endswith("· Objectif")
    assert history_service.value_text("diagnoses", "completed", True, "ar") == "نعم"
    assert history_service.value_text("cooperatives", "status", "preselected", "fr") == "Présélectionnée"
