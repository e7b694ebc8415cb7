"""An encrypted laptop puts its database key in the server's escrow at
enrolment; an administrator's one-time code gives the key back to a coach
who lost both the passphrase and the recovery key."""
from __future__ import annotations

from pathlib import Path

import pytest

from murafaqa_desktop.store import keys
from murafaqa_desktop.store import sync_state as st
from murafaqa_desktop.store.db import open_db
from murafaqa_desktop.sync import account, errors, escrow
from murafaqa_desktop.sync.transport import HttpTransport
from murafaqa_server import devices
from murafaqa_server.app import create_app
from murafaqa_server.config import Settings
from murafaqa_server.policy import Policy
from server.mfq_harness import BASE, PASSWORD, TestClient

PASSPHRASE = "la phrase du portable"


pytestmark = pytest.mark.usefixtures("encryption_on")


@pytest.fixture
def policy(tmp_path: Path) -> Policy:
    return Policy(Settings(escrow_key="5e" * 32, data_dir=tmp_path))


@pytest.fixture
def client(server, policy: Policy) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(server.engine, policy), base_url=BASE)


def test_enrolment_escrows_the_key_and_a_code_gives_it_back(server, client: TestClient, policy: Policy,
                                                            tmp_path: Path) -> None:
    server.user("ali")
    path = tmp_path / "ali.db"
    key_file = keys.key_path(path)
    db_key, _ = keys.create(key_file, PASSPHRASE)
    keys.remember(path, db_key)
    db = open_db(path)
    transport = HttpTransport(BASE, client=client)
    answer = account.enrol(db, transport, BASE, "ali", PASSWORD)
    assert st.get(db, "escrowed_at")
    assert keys.device(key_file) == (BASE, answer.device_id)
    assert escrow.deposit(db, transport) is False  # kept once: not sent again
    db.close()
    keys.forget()

    # the passphrase and the recovery key are lost: the administrator issues a code
    with server.engine.begin() as conn:
        code = devices.issue_recovery_code(conn, answer.device_id, policy)
    server_url, device_id = keys.device(key_file)  # readable while the database is locked
    with pytest.raises(errors.SyncError) as wrong:
        escrow.recover(server_url, device_id, "WRONG-CODE", client=client)
    assert "رمز الاستعادة" in wrong.value.ar
    recovered = escrow.recover(server_url, device_id, code, client=client)
    assert recovered == db_key
    # a new passphrase wraps the same key; the data opens
    assert keys.set_passphrase(key_file, recovered, "une nouvelle phrase") is None
    keys.remember(path, keys.unlock(key_file, "une nouvelle phrase"))
    assert st.get(open_db(path), "user") == "ali"
    with pytest.raises(errors.SyncError):
        escrow.recover(server_url, device_id, code, client=client)  # one time only


def test_a_plain_database_sends_no_key(server, client: TestClient, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    server.user("sara")
    db = open_db(tmp_path / "sara.db", unencrypted=True)
    account.enrol(db, HttpTransport(BASE, client=client), BASE, "sara", PASSWORD)
    assert st.get(db, "escrowed_at") is None
