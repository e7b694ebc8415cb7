"""The server's protections: laptops revoked as lost, disabled accounts,
tokens that expire unless the laptop syncs, sign-in throttling kept in the
database, the laptops' keys in escrow and one-time recovery codes, and the
audit log of every administrative action."""
from __future__ import annotations

import datetime as dt
import io
import json
import logging

import pytest
from sqlalchemy import select, update
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_server import cli, data, devices, escrow, services, throttle
from murafaqa_server.app import create_app
from murafaqa_server.config import Settings
from murafaqa_server.database import make_engine
from murafaqa_server.policy import Policy
from murafaqa_server.tables import devices as devices_table
from murafaqa_server.tables import sign_in_failures
from server.mfq_harness import BASE, PASSWORD, TestClient

V = SCHEMA_VERSION
KEY = "a1" * 32
ESCROW_KEY = "5e" * 32


def enrol(client, user: str, password: str = PASSWORD, address: str | None = None):
    headers = {"X-Forwarded-For": address} if address else {}
    return client.post("/api/v1/enrol", json={"schema_version": V, "user": user, "password": password},
                       headers=headers)


def bearer(r) -> dict[str, str]:
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def sync(client, headers):
    return client.post("/api/v1/sync", json={"schema_version": V, "pull": {"cursor": 0}}, headers=headers)


REAL_FIRST_DELAY = throttle.FIRST_DELAY


@pytest.fixture(autouse=True)
def _blocks_that_outlast_a_slow_test(monkeypatch):
    """The first block lasts a second in production; a loaded test machine
    may take longer than that between two requests."""
    monkeypatch.setattr(throttle, "FIRST_DELAY", dt.timedelta(minutes=1))


@pytest.fixture
def policy(tmp_path) -> Policy:
    return Policy(Settings(escrow_key=ESCROW_KEY, data_dir=tmp_path))


@pytest.fixture
def app(server, policy) -> TestClient:
    """The server's application with a known escrow key."""
    return TestClient(create_app(server.engine, policy), base_url=BASE)


def device_row(server, device_id: str) -> dict:
    with server.engine.connect() as conn:
        return dict(conn.execute(select(devices_table).where(devices_table.c.id == device_id)).mappings().one())


def audit_actions(server) -> list[tuple[str, str]]:
    with server.engine.connect() as conn:
        return [(a["action"], a["target"]) for a in data.audit_since(conn)]


# -- revocation, disabled accounts, expiry -------------------------------------------

def test_a_laptop_revoked_as_lost_is_told_so_at_its_next_contact(server):
    server.user("ali")
    r = enrol(server.client, "ali")
    token, device_id = bearer(r), r.json()["device_id"]
    assert sync(server.client, token).status_code == 200
    with server.engine.begin() as conn:
        devices.revoke(conn, device_id)
    for answer in (sync(server.client, token), server.client.get("/api/v1/me", headers=token)):
        assert answer.status_code == 401 and answer.json()["code"] == "device_revoked"
    # Signed out (logout) is not lost: a laptop that signed out keeps its data.
    other = bearer(enrol(server.client, "ali"))
    assert server.client.post("/api/v1/logout", headers=other).status_code == 200
    assert sync(server.client, other).json()["code"] == "revoked"
    assert ("device.revoke", device_id) in audit_actions(server)


def test_a_disabled_users_token_is_refused_at_once_and_says_so(server):
    server.user("ali")
    token = bearer(enrol(server.client, "ali"))
    assert sync(server.client, token).status_code == 200
    server.disable("ali")
    r = sync(server.client, token)
    assert r.status_code == 401 and r.json()["code"] == "disabled"  # not "device_revoked": no erasure
    assert ("user.disable", "ali") in audit_actions(server)


def test_an_expired_token_asks_for_a_sign_in_and_each_sync_renews_it(server, app):
    server.user("ali")
    r = enrol(app, "ali")
    token, device_id = bearer(r), r.json()["device_id"]
    enrolled = device_row(server, device_id)["token_expires_at"]
    assert enrolled > (dt.datetime.now(dt.UTC) + dt.timedelta(days=89)).isoformat()
    soon = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)).isoformat(timespec="seconds")
    with server.engine.begin() as conn:
        conn.execute(update(devices_table).where(devices_table.c.id == device_id).values(token_expires_at=soon))
    assert sync(app, token).status_code == 200
    assert device_row(server, device_id)["token_expires_at"] > enrolled[:10]  # pushed 90 days on, silently
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat(timespec="seconds")
    with server.engine.begin() as conn:
        conn.execute(update(devices_table).where(devices_table.c.id == device_id).values(token_expires_at=past))
    r = sync(app, token)
    assert r.status_code == 401 and r.json()["code"] == "token_expired"
    assert bearer(enrol(app, "ali"))  # signing in again gives a new token


# -- throttling ---------------------------------------------------------------------

def test_five_failures_then_a_growing_delay_then_429(server, caplog):
    server.user("ali")
    caplog.set_level(logging.INFO, logger="murafaqa_server")
    answers = [enrol(server.client, "ali", "wrong-pass").status_code for _ in range(throttle.THRESHOLD)]
    assert answers == [401] * throttle.THRESHOLD
    r = enrol(server.client, "ali", PASSWORD)  # even the right password: the name is blocked
    assert r.status_code == 429 and r.json()["code"] == "too_many_attempts"
    assert int(r.headers["Retry-After"]) >= 1 and "try again" in r.json()["detail"]
    failures = [rec for rec in caplog.records if rec.getMessage() == "sign_in_failed"]
    assert len(failures) == 2 * throttle.THRESHOLD  # each failure, per user and per address


def test_the_delay_doubles_from_one_second_to_fifteen_minutes(monkeypatch):
    monkeypatch.setattr(throttle, "FIRST_DELAY", REAL_FIRST_DELAY)
    assert [throttle.delay(n).total_seconds() for n in range(4, 9)] == [0, 1, 2, 4, 8]
    assert throttle.delay(100) == throttle.MAX_DELAY == dt.timedelta(minutes=15)


def test_the_block_lifts_and_a_right_password_clears_the_users_failures(server, monkeypatch):
    server.user("ali")
    for _ in range(throttle.THRESHOLD):
        assert enrol(server.client, "ali", "wrong-pass").status_code == 401
    assert enrol(server.client, "ali").status_code == 429
    later = dt.datetime.now(dt.UTC) + throttle.delay(throttle.THRESHOLD) + dt.timedelta(seconds=2)
    monkeypatch.setattr(throttle, "utc_now", lambda: later)
    assert enrol(server.client, "ali").status_code == 200
    with server.engine.connect() as conn:
        keys = {r["key"] for r in data.failures(conn, [throttle.user_key("ali"), throttle.address_key("testclient")])}
    assert keys == {throttle.address_key("testclient")}  # the user's cleared, the address's kept


def test_one_address_trying_many_names_is_blocked_and_unknown_names_count_alike(server):
    """Behind the TLS proxy: the address is the one it forwards (uvicorn's
    proxy headers, as `murafaqa-server serve` runs them)."""
    server.user("ali")
    client = TestClient(ProxyHeadersMiddleware(create_app(server.engine), trusted_hosts="*"), base_url=BASE)
    for name in ("nobody1", "nobody2", "ali", "nobody3", "nobody4"):
        assert enrol(client, name, "wrong-pass", address="203.0.113.9").status_code == 401
    assert enrol(client, "sara", "whatever", address="203.0.113.9").status_code == 429
    assert enrol(client, "sara", "whatever", address="203.0.113.10").status_code == 401  # another address
    for i in range(throttle.THRESHOLD):  # a name that is no account is throttled as one that is
        assert enrol(client, "ghost", "x", address=f"198.51.100.{i}").status_code == 401
    assert enrol(client, "ghost", "x", address="198.51.100.99").status_code == 429


def test_the_throttle_holds_across_worker_processes(server):
    """Two applications over one database, as two worker processes or two
    machines behind a load balancer: failures on one block the other."""
    server.user("ali")
    one = TestClient(create_app(server.engine), base_url=BASE)
    two = TestClient(create_app(server.engine), base_url=BASE)
    for i in range(throttle.THRESHOLD):
        assert enrol(one if i % 2 else two, "ali", "wrong-pass").status_code == 401
    assert enrol(one, "ali").status_code == 429 and enrol(two, "ali").status_code == 429
    with server.engine.connect() as conn:
        row = conn.execute(select(sign_in_failures).where(
            sign_in_failures.c.key == throttle.user_key("ali"))).mappings().one()
    assert row["failures"] == throttle.THRESHOLD and row["blocked_until"]


def test_failures_long_ago_are_forgotten(server, monkeypatch):
    server.user("ali")
    start = dt.datetime.now(dt.UTC)
    monkeypatch.setattr(throttle, "utc_now", lambda: start)
    with server.engine.begin() as conn:
        for _ in range(throttle.THRESHOLD - 1):
            throttle.failed(conn, [throttle.user_key("ali")], "sign_in", start)
        later = start + throttle.QUIET + dt.timedelta(seconds=1)
        throttle.failed(conn, [throttle.user_key("ali")], "sign_in", later)
        assert data.failures(conn, [throttle.user_key("ali")])[0]["failures"] == 1


# -- escrow and recovery ---------------------------------------------------------------

def escrowed_laptop(server, app) -> tuple[str, dict[str, str]]:
    server.user("ali")
    r = enrol(app, "ali")
    token, device_id = bearer(r), r.json()["device_id"]
    put = app.put("/api/v1/devices/me/escrow", json={"key": KEY}, headers=token)
    assert put.status_code == 200, put.text
    return device_id, token


def test_the_key_is_kept_sealed_and_a_recovery_code_gives_it_back_once(server, app, policy):
    device_id, _ = escrowed_laptop(server, app)
    row = device_row(server, device_id)
    assert KEY not in row["escrow"] and bytes.fromhex(KEY).hex() not in json.dumps(row)
    with server.engine.begin() as conn:
        code = devices.issue_recovery_code(conn, device_id, policy)
    stored = json.dumps(device_row(server, device_id))
    assert KEY not in stored and code not in stored and devices.normal_code(code) not in stored
    typed = code.lower().replace("-", " ")  # read out over the phone: case and spaces do not count
    r = app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": typed})
    assert r.status_code == 200 and r.json() == {"key": KEY}
    again = app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": code})
    assert again.status_code == 401 and again.json()["code"] == "bad_code"
    assert [a for a, _ in audit_actions(server)][-2:] == ["device.recover", "device.recovered"]


def test_wrong_expired_and_unknown_codes_are_refused_alike_and_throttled(server, app, policy, monkeypatch):
    device_id, _ = escrowed_laptop(server, app)
    with server.engine.begin() as conn:
        code = devices.issue_recovery_code(conn, device_id, policy)
    answers = [app.post("/api/v1/devices/recover", json={"device_id": d, "code": "WRONG-CODE"}).json()
               for d in (device_id, "no-such-laptop")]
    assert answers[0] == answers[1] and answers[0]["code"] == "bad_code"
    for _ in range(throttle.THRESHOLD - 1):
        app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": "WRONG-CODE"})
    r = app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": code})
    assert r.status_code == 429  # even the right code, while blocked
    later = dt.datetime.now(dt.UTC) + policy.recovery_lifetime + dt.timedelta(minutes=1)
    monkeypatch.setattr(devices, "utc_now", lambda: later)
    monkeypatch.setattr(throttle, "utc_now", lambda: later)
    r = app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": code})
    assert r.status_code == 401 and r.json()["code"] == "bad_code"  # expired


def test_a_laptop_revoked_as_lost_gets_no_recovery_code(server, app, policy):
    device_id, token = escrowed_laptop(server, app)
    with server.engine.begin() as conn:
        code = devices.issue_recovery_code(conn, device_id, policy)
        devices.revoke(conn, device_id)
        with pytest.raises(services.Refused, match="revoked as lost"):
            devices.issue_recovery_code(conn, device_id, policy)
    r = app.post("/api/v1/devices/recover", json={"device_id": device_id, "code": code})
    assert r.status_code == 401


def test_escrow_refuses_a_key_that_is_not_256_bits(server, app):
    server.user("ali")
    token = bearer(enrol(app, "ali"))
    for key in ("abc", "zz" * 32, KEY + "00"):
        r = app.put("/api/v1/devices/me/escrow", json={"key": key}, headers=token)
        assert r.status_code == 422, key
    assert app.put("/api/v1/devices/me/escrow", json={"key": KEY}).status_code == 401


def test_a_rotated_escrow_key_reads_the_old_values_until_rekeyed(server, app, tmp_path):
    device_id, _ = escrowed_laptop(server, app)
    new_key = "7f" * 32
    rotated = Policy(Settings(escrow_key=new_key, escrow_old_keys=ESCROW_KEY, data_dir=tmp_path))
    with server.engine.begin() as conn:
        assert devices.rekey(conn, rotated) == 1
    sealed = device_row(server, device_id)["escrow"]
    assert escrow.sealed_by(sealed) == escrow.key_id(bytes.fromhex(new_key))
    only_new = Policy(Settings(escrow_key=new_key, data_dir=tmp_path)).keyring()
    assert escrow.unseal(only_new, device_id, sealed) == KEY
    with pytest.raises(escrow.EscrowError):  # bound to its device: another row's copy does not open
        escrow.unseal(only_new, "another-device", sealed)


def test_without_escrow_key_a_key_file_is_made_owner_only(tmp_path):
    ring = Policy(Settings(data_dir=tmp_path)).keyring()
    path = tmp_path / escrow.KEY_FILE
    assert path.stat().st_mode & 0o777 == 0o600
    assert Policy(Settings(data_dir=tmp_path)).keyring() == ring  # the same key at the next start


# -- the command line and the audit log ---------------------------------------------------

@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("ESCROW_KEY", ESCROW_KEY)

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return cli.main(list(argv))
    return run


def test_devices_listed_revoked_recovered_and_every_admin_action_audited(cli_env, tmp_path, capsys):
    cli_env("user", "add", "ali", "--role", "coach", "--password-stdin", stdin="long-enough\n")
    cli_env("user", "add", "sara", "--role", "coach", "--password-stdin", stdin="long-enough\n")
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    policy = Policy(Settings(escrow_key=ESCROW_KEY))
    ali = services.enrol(engine, "ali", "long-enough", "Ali's laptop", policy=policy)
    sara = services.enrol(engine, "sara", "long-enough", "Sara's laptop", policy=policy)
    assert ali and sara
    with engine.begin() as conn:
        devices.store_escrow(conn, ali[0], KEY, policy)
    capsys.readouterr()

    assert cli_env("device", "list", "--user", "ali") == 0
    out = capsys.readouterr().out
    assert ali[0] in out and "Ali's laptop" in out and "active" in out and "key escrowed" in out
    assert sara[0] not in out
    assert cli_env("device", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in listed} == {ali[0], sara[0]} and all("last_seen" in d for d in listed)

    assert cli_env("device", "recover", ali[0]) == 0
    code = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    assert devices.recover(engine, ali[0], code, "127.0.0.1", policy) == KEY
    assert cli_env("device", "recover", sara[0]) == 2  # no key escrowed
    assert "escrowed no key" in capsys.readouterr().err

    assert cli_env("device", "revoke", sara[0]) == 0
    assert cli_env("device", "revoke", sara[0]) == 2  # once
    assert cli_env("user", "password", "ali", "--password-stdin", stdin="another-one\n") == 0
    assert cli_env("user", "disable", "sara") == 0
    assert cli_env("user", "disable", "sara", "--enable") == 0
    capsys.readouterr()

    assert cli_env("audit", "--json") == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["target"]) for e in entries] == [
        ("user.add", "ali"), ("user.add", "sara"), ("device.recover", ali[0]), ("device.recovered", ali[0]),
        ("device.revoke", sara[0]), ("user.password", "ali"), ("user.disable", "sara"), ("user.enable", "sara")]
    assert all(e["at"] and e["actor"] for e in entries)
    assert "(command line)" in entries[0]["actor"] and entries[0]["details"] == {"role": "coach", "region": None}
    assert "long-enough" not in json.dumps(entries) and code not in json.dumps(entries)

    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert cli_env("audit", "--since", tomorrow) == 0 and capsys.readouterr().out == ""
    assert cli_env("audit", "--since", dt.date.today().isoformat()) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == len(entries)
    engine.dispose()


def test_assignments_are_audited_with_who_made_them(server):
    from server.test_api import coop_mutation

    server.user("ali")
    server.user("coord", "coordinator", "07")
    ali = bearer(enrol(server.client, "ali"))
    r = server.client.post("/api/v1/sync", headers=ali,
                           json={"schema_version": V, "mutations": [coop_mutation(1, "c1", "RC-A")]})
    assert r.status_code == 200
    coord = bearer(enrol(server.client, "coord"))
    server.user("sara")
    r = server.client.post("/api/v1/assignments", headers=coord,
                           json={"schema_version": V, "coach": "sara", "cooperatives": ["RC-A"]})
    assert r.status_code == 200, r.text
    with server.engine.connect() as conn:
        last = data.audit_since(conn)[-1]
    assert last["action"] == "assign" and last["target"] == "sara" and last["actor"].startswith("coord (laptop ")
    assert last["details"]["changed"] == ["c1"]
