"""Store figures at national scale: ``python benchmarks/run.py store --json [--cooperatives N]``.

Generates the demo programme (60,000 cooperatives by default) into
benchmarks/.work/, then times search and opening whole cooperative records
the way the interface and the command line do them.

The encrypted case: the same demo encrypted in place (store/encrypt.py, the
way an older database is encrypted; its content is the demo's own), its key
wrapped with the product's Argon2id cost. Search is timed on both databases
in the same run, query by query in turn, for ``encrypted_search_ratio``.
``kdf_ms`` is the passphrase's key derivation; ``unlock_ms`` what unlocking
costs beyond it: unwrapping the key, opening the database and reading the
first page of the list, as the window does once unlocked.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import time
from pathlib import Path

from murafaqa_desktop.services import cooperatives, demo
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store import keys
from murafaqa_desktop.store.cooperative_list import first_page
from murafaqa_desktop.store.cooperatives import CooperativeFilter
from murafaqa_desktop.store.db import is_plain, open_db
from murafaqa_desktop.store.encrypt import encrypt_in_place

PASSPHRASE = "the benchmark's passphrase"

WORK = Path(__file__).resolve().parent / ".work"
# What people type: prefixes while typing, both scripts, spelling variants,
# presidents, communes, registration numbers.
QUERIES = ["ت", "تع", "تعاون", "تعاونية", "تعاونيه ال", "تعاونية الأمل", "امل", "النور للحليب", "خديجة", "فاطمه",
           "c", "co", "coop", "cooperative", "coopérative annour", "argane", "tamesloht", "ouled", "aït", "07/20",
           "10/2022/0", "١٢٣", "Fatima Zahra", "الحوز", "safran"]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(prog="run.py store")
    parser.add_argument("--cooperatives", type=int, default=60000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--unencrypted", action="store_true",
                        help="accepted for symmetry with the other benchmarks: the demo is made plain either way")
    parser.add_argument("--reuse", action="store_true",
                        help="time the existing demo and its encrypted copy (no demo_seconds, encrypt_seconds)")
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    path = WORK / f"demo-{args.cooperatives}.db"
    demo_seconds = None
    if not (args.reuse and path.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = open_db(path, unencrypted=True)
        started = time.perf_counter()
        demo.generate(db, args.cooperatives, args.seed)
        demo_seconds = round(time.perf_counter() - started, 1)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()

    encrypted = WORK / f"demo-{args.cooperatives}-encrypted.db"
    encrypt_seconds = None
    if not (args.reuse and demo_seconds is None and keys.key_path(encrypted).exists()
            and not is_plain(encrypted)):
        for suffix in ("", "-wal", "-shm", ".key"):
            Path(f"{encrypted}{suffix}").unlink(missing_ok=True)
        shutil.copy(path, encrypted)
        keys.create(keys.key_path(encrypted), PASSPHRASE)  # the product's Argon2id cost
        key = keys.unlock(keys.key_path(encrypted), PASSPHRASE)
        started = time.perf_counter()
        encrypt_in_place(encrypted, key)
        encrypt_seconds = round(time.perf_counter() - started, 1)

    kdf, unlock = [], []
    for _ in range(5):  # a newly started app: derive, unwrap, open, first page of the list
        t0 = time.perf_counter()
        key = keys.unlock(keys.key_path(encrypted), PASSPHRASE)
        t1 = time.perf_counter()
        opened = open_db(encrypted, key=key)
        first_page(opened, CooperativeFilter(), limit=100, columns="c.*")
        opened.close()
        kdf.append(t1 - t0)
        unlock.append(time.perf_counter() - t1)

    db = open_db(path)  # measure on a fresh connection, as a newly started app would
    enc = open_db(encrypted, key=key)
    search, listing, enc_search = [], [], []
    for _ in range(5):
        for q in QUERIES:
            t0 = time.perf_counter()
            store.search_rows(db, q, limit=50)
            search.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            store.search_rows(enc, q, limit=50)
            enc_search.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            f = CooperativeFilter(text=q)
            store.count(db, f)
            store.page(db, f, limit=100)
            listing.append(time.perf_counter() - t0)
    enc.close()
    ids = [r[0] for r in db.execute("SELECT id FROM cooperatives WHERE status IN ('coaching', 'completed')")]
    rng = random.Random(args.seed)
    opens = []
    for coop_id in rng.sample(ids, min(300, len(ids))):
        t0 = time.perf_counter()
        cooperatives.file(db, coop_id)
        opens.append(time.perf_counter() - t0)
    db.close()
    return {
        "cooperatives": args.cooperatives,
        "demo_seconds": demo_seconds,
        "db_size_mb": round(os.path.getsize(path) / 1e6, 1),
        "search_median_ms": _ms(statistics.median(search)),
        "search_p95_ms": _ms(statistics.quantiles(search, n=20)[-1]),
        "list_search_median_ms": _ms(statistics.median(listing)),
        "list_search_p95_ms": _ms(statistics.quantiles(listing, n=20)[-1]),
        "open_cooperative_ms": _ms(statistics.median(opens)),
        "open_cooperative_p95_ms": _ms(statistics.quantiles(opens, n=20)[-1]),
        "encrypt_seconds": encrypt_seconds,
        "encrypted_search_median_ms": _ms(statistics.median(enc_search)),
        "encrypted_search_p95_ms": _ms(statistics.quantiles(enc_search, n=20)[-1]),
        "encrypted_search_ratio": round(statistics.median(enc_search) / statistics.median(search), 2),
        "kdf_ms": _ms(statistics.median(kdf)),
        "unlock_ms": _ms(statistics.median(unlock)),
    }
