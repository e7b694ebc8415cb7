"""The laptop as the crash harness kills it: one process that does one piece of
work the way the application does it, and says on stdout what the user was
told. Run as ``python tests/crash/driver.py MODE ...``; it prints ``READY``
once its imports are done (the harness's clock for a kill starts there),
then:

* ``save DB SEED``: form saves one after another through the services a
  form calls (a new cooperative, an edit, a plan action), each followed,
  once it returned (committed), by ``ACK kind table id field json-value``
  (an edit is announced first by ``TRY …``: killed between its commit and
  its ACK, it may be there though the user was not told);
* ``import DB CSV``, ``backup DB OUT``: the command itself (``murafaqa
  import|backup``), then ``DONE exit-code``;
* ``sync DB``: the engine ``murafaqa sync`` runs, in small batches and pages
  (so that a sync is several requests each way), then ``DONE 0``.

The harness kills it with SIGKILL at a random moment and checks that what
was acknowledged is there and what was not done whole left nothing.
"""
from __future__ import annotations

import json
import random
import sys


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def saves(db_path: str, seed: int) -> None:
    from murafaqa_desktop.services import cooperatives, plans
    from murafaqa_desktop.store import cooperative_list  # noqa: F401 - imported before READY, like the window
    from murafaqa_desktop.store.db import open_db

    db = open_db(db_path)
    rnd = random.Random(seed)
    ids = [r[0] for r in db.execute("SELECT id FROM cooperatives").fetchall()]
    say("READY")
    i = 0
    while True:
        i += 1
        choice = rnd.random()
        if choice < 0.3 or not ids:
            row = cooperatives.create(db, {
                "registration_number": f"CR/{seed}/{i}", "name_ar": f"تعاونية {i}", "name_fr": f"Coop {i}",
                "legal_date": "2022-03-01", "activity_start": "2022-06-01", "application_date": "2024-01-15",
                "region": "07", "province": "07.03", "commune": "Tamesloht", "sector": "argan",
                "members": 20, "women": 10, "youth": 5, "president": "Fatima", "phone": "0612345678",
                "tranche": 4, "phase": 1})
            ids.append(row["id"])
            say(f"ACK create cooperatives {row['id']} registration_number {json.dumps(row['registration_number'])}")
        elif choice < 0.8:
            coop = rnd.choice(ids)
            members = rnd.randint(20, 400)
            say(f"TRY set cooperatives {coop} members {members}")  # a kill may come after the commit, before the ACK
            cooperatives.update(db, coop, {"members": members, "women": members // 2})
            say(f"ACK set cooperatives {coop} members {members}")
        else:
            action = plans.add_action(db, rnd.choice(ids), {"axis": "marketing", "objective": f"Objectif {i}"})
            say(f"ACK create plan_actions {action['id']} objective {json.dumps(action['objective'])}")


def command(argv: list[str]) -> None:
    from murafaqa_desktop import cli
    from murafaqa_desktop.services import importer  # noqa: F401 - loaded before READY
    from murafaqa_desktop.sync import engine, transport  # noqa: F401

    say("READY")
    code = cli.main(argv)
    say(f"DONE {code}")


def sync(db_path: str) -> None:
    from murafaqa_desktop.store.db import open_db
    from murafaqa_desktop.sync import account
    from murafaqa_desktop.sync.engine import SyncEngine

    db = open_db(db_path)
    transport = account.transport_for(db)
    say("READY")
    report = SyncEngine(db, transport, batch=100, page_rows=250).run()
    say(f"DONE 0 {report.round_trips}")


def main() -> None:
    mode, *rest = sys.argv[1:]
    if mode == "save":
        saves(rest[0], int(rest[1]))
    elif mode == "import":
        command(["import", rest[1], "--db", rest[0]])
    elif mode == "backup":
        command(["backup", rest[1], "--db", rest[0]])
    elif mode == "sync":
        sync(rest[0])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
