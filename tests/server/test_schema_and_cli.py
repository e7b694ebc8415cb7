"""Migrations build exactly the declared tables; the server CLI speaks in one
line and exit code 2 on errors; concurrent pushes keep one gap-free order."""
from __future__ import annotations

import io
import threading
import uuid

import pytest
from sqlalchemy import inspect

from murafaqa_protocol.messages import Mutation
from murafaqa_server import cli, data, merge, services
from murafaqa_server.database import make_engine, open_connections
from murafaqa_server.tables import metadata


def test_migrations_build_the_declared_tables(server):
    found = inspect(server.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name


@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return cli.main(list(argv))
    return run


def test_cli_accounts(cli_env, capsys):
    assert cli_env("user", "add", "ali", "--role", "coach", "--password-stdin", stdin="long-enough\n") == 0
    assert cli_env("user", "add", "coord", "--role", "coordinator", "--region", "07", "--password-stdin",
                   stdin="long-enough\n") == 0
    capsys.readouterr()
    assert cli_env("user", "list") == 0
    out = capsys.readouterr().out
    assert "ali\tcoach" in out and "coord\tcoordinator\t07" in out
    assert cli_env("user", "disable", "ali") == 0
    assert "(disabled)" in (cli_env("user", "list") == 0 and capsys.readouterr().out)


def test_cli_password_change_keeps_the_laptops_unless_asked(cli_env, tmp_path, capsys):
    """A new password is for the next enrolment; the enrolled laptops keep
    their tokens, unless --revoke-laptops."""
    assert cli_env("user", "add", "ali", "--role", "coach", "--password-stdin", stdin="first-pass\n") == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")

    def active_laptops() -> int:
        with engine.connect() as conn:
            return sum(1 for d in data.list_devices(conn) if d["revoked_at"] is None)

    assert services.enrol(engine, "ali", "first-pass", "laptop 1") is not None
    assert cli_env("user", "password", "ali", "--password-stdin", stdin="second-pass\n") == 0
    assert "keep syncing" in capsys.readouterr().out
    assert services.enrol(engine, "ali", "first-pass", "laptop 2") is None
    assert services.enrol(engine, "ali", "second-pass", "laptop 2") is not None
    assert active_laptops() == 2

    assert cli_env("user", "password", "ali", "--password-stdin", stdin="short\n") == 2  # changes nothing
    err = capsys.readouterr().err
    assert "8 characters" in err and len(err.strip().splitlines()) == 1
    assert services.enrol(engine, "ali", "second-pass", "laptop 3") is not None

    assert cli_env("user", "password", "ali", "--revoke-laptops", "--password-stdin", stdin="third-pass\n") == 0
    assert "3 laptop(s) revoked" in capsys.readouterr().out
    assert active_laptops() == 0
    assert services.enrol(engine, "ali", "third-pass", "laptop 4") is not None
    engine.dispose()


@pytest.mark.parametrize("argv,stdin,needle", [
    (("user", "add", "x", "--role", "coach", "--password-stdin"), "short\n", "8 characters"),
    (("user", "add", "x", "--role", "coordinator", "--password-stdin"), "long-enough\n", "--region"),
    (("user", "add", "x", "--role", "wizard"), "", "invalid choice"),
    (("user", "add", "x", "--role", "coach", "--region", "99", "--password-stdin"), "long-enough\n", "region"),
    (("user", "disable", "nobody"), "", "no user"),
    (("user", "password", "nobody"), "", "no user"),  # said before the password is asked for
    (("user", "password", "nobody", "--password-stdin"), "long-enough\n", "no user"),
    (("assign", "nobody", "RC-1"), "", "no user"),
    (("device", "revoke", "nothing"), "", "no laptop 'nothing'"),
    (("device", "recover", "nothing"), "", "no laptop 'nothing'"),
    (("device", "list", "--user", "nobody"), "", "no user"),
    (("audit", "--since", "yesterday"), "", "not a date"),
    ((), "", "a command is needed"),
])
def test_cli_errors_are_one_line_exit_2(cli_env, capsys, argv, stdin, needle):
    assert cli_env(*argv, stdin=stdin) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_assign_by_registration_number(cli_env, capsys, tmp_path):
    cli_env("user", "add", "ali", "--role", "coach", "--password-stdin", stdin="long-enough\n")
    cli_env("user", "add", "sara", "--role", "coach", "--password-stdin", stdin="long-enough\n")
    engine = cli._engine()
    with engine.begin() as conn:
        ali = data.user_by_name(conn, "ali")
        merge.push(conn, data.Actor(ali["id"], "ali", "coach", None, _device(conn, ali["id"])),
                   [Mutation(n=1, t="cooperatives", id=str(uuid.uuid4()), op="upsert",
                             f={"registration_number": "RC-9", "legal_date": "2022-01-01", "region": "07"})], [])
    capsys.readouterr()
    assert cli_env("assign", "sara", "RC-9") == 0
    assert "1 cooperative(s) assigned to sara" in capsys.readouterr().out
    assert cli_env("unassign", "sara", "RC-9") == 0
    assert cli_env("assign", "sara", "RC-404") == 2


def _device(conn, user_id: int) -> str:
    from murafaqa_server import security

    return data.add_device(conn, user_id, security.token_hash(str(uuid.uuid4())), "test")


def _at_once(jobs: list) -> list[BaseException]:
    """Run the jobs on threads released together; the errors they raised."""
    start = threading.Barrier(len(jobs))
    failures: list[BaseException] = []

    def run(job) -> None:
        start.wait()
        try:
            job()
        except BaseException as e:  # noqa: BLE001 - returned to the test
            failures.append(e)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


def test_concurrent_pushes_keep_one_gap_free_order(server):
    """Laptops pushing at once (threads, one connection each): every
    sequence is used once, in one order, with no error."""
    with server.engine.begin() as conn:
        services.add_user(conn, "boss", "admin", None, "long-enough")
        boss = data.user_by_name(conn, "boss")
        devices = [_device(conn, boss["id"]) for _ in range(8)]
    coop = str(uuid.uuid4())
    with server.engine.begin() as conn:
        merge.push(conn, data.Actor(boss["id"], "boss", "admin", None, devices[0]), [Mutation(
            n=1, t="cooperatives", id=coop, op="upsert",
            f={"registration_number": "RC-C", "legal_date": "2022-01-01", "region": "07"})], [])

    def laptop(device: str, k: int) -> None:
        for n in range(2, 7):
            muts = [Mutation(n=2 * n, t="plan_actions", id=str(uuid.uuid4()), op="upsert",
                             f={"cooperative_id": coop, "axis": "marketing", "objective": f"{k}-{n}"}),
                    Mutation(n=2 * n + 1, t="cooperatives", id=coop, op="upsert", f={"notes": f"{k}-{n}"},
                             b={"notes": 10**9})]
            with server.engine.begin() as conn:
                merge.push(conn, data.Actor(boss["id"], "boss", "admin", None, device), muts, [])

    assert _at_once([lambda d=d, k=k: laptop(d, k) for k, d in enumerate(devices)]) == []
    with server.engine.connect() as conn:
        live = data.all_live(conn)
        top = data.current_sequence(conn)
    actions = [r for r in live if r.tbl == "plan_actions"]
    assert len(actions) == 8 * 5
    seqs = sorted(r.cseq for r in actions)
    assert len(set(seqs)) == len(seqs) and seqs[-1] <= top
    assert top == 1 + 8 * 5 * 2  # the coop, then one action and one note per push: no gap, no double


def test_laptops_resolving_one_conflict_at_once_take_one_sequence(server):
    with server.engine.begin() as conn:
        services.add_user(conn, "boss", "admin", None, "long-enough")
        boss = data.Actor(data.user_by_name(conn, "boss")["id"], "boss", "admin", None)
        devices = [_device(conn, boss.user_id) for _ in range(6)]
        merge.push(conn, data.Actor(boss.user_id, "boss", "admin", None, devices[0]),
                   [Mutation(n=1, t="plan_actions", id=str(uuid.uuid4()), op="upsert", f={"axis": "marketing"})], [])
        [conflict] = data.all_conflicts(conn)  # a plan action needs its cooperative: refused, kept
        top = data.current_sequence(conn)
    def laptop(device: str) -> None:
        with server.engine.begin() as conn:
            merge.push(conn, data.Actor(boss.user_id, "boss", "admin", None, device), [], [conflict["id"]])

    assert _at_once([lambda d=d: laptop(d) for d in devices]) == []
    with server.engine.connect() as conn:
        assert data.current_sequence(conn) == top + 1
        assert data.all_conflicts(conn)[0]["seq"] == top + 1


def test_a_worker_opens_its_connections_at_start_and_starts_without_its_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    open_connections(engine, 3)
    assert engine.pool.checkedin() == 3
    engine.dispose()
    unreachable = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 2})
    open_connections(unreachable, 2)  # logged; the pool opens them when they are needed
    unreachable.dispose()
