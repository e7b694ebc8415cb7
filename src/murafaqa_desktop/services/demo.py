"""``murafaqa demo``: a realistic programme to try the software on.

Tranches 1-3 (438, 478, 474 cooperatives, coaching completed), tranche 4 in
its two phases (phase 1 coaching under way at every stage of the two years,
phase 2 in pre-selection and diagnosis), trainings and attendance,
financing for tranche 4. Same seed, same data: ids and dates come from the
seeded generator and a fixed anchor date, never from the clock.

Demo rows are loaded without outbox entries and the database is marked as a
demo one, so none of it can ever be pushed to the central server.

The load can be stopped (``should_cancel``): every row is written in one
transaction, so a stop raises ``Cancelled`` and leaves the database exactly
as it was, never half a programme.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlite_utils import Database

from .. import assets
from ..domain import coaching as coaching_rules
from ..domain.entities import BY_TABLE
from ..domain.errors import DomainError
from ..domain.plan import progress_update
from ..domain.vocab import AGE_BANDS, DIAGNOSIS_SECTIONS, PARTICIPANT_ROLES, SELECTION_CRITERIA
from ..store import bulk, local
from ..store.db import long_write
from ..store.ids import uuid7_at
from . import demo_text as T

ANCHOR = dt.date(2026, 11, 15)
# Rows written between two looks at the cancel request: small enough that a
# stop answers within a fraction of a second, large enough to cost nothing.
INSERT_BATCH = 5_000
Item = TypeVar("Item")
PROGRAMME_TRANCHES = {1: 438, 2: 478, 3: 474, 4: 600}
# When each tranche's diagnoses were made (tranche 4 phase 2 is still in pre-selection).
TRANCHE_START = {1: dt.date(2011, 9, 1), 2: dt.date(2013, 3, 1), 3: dt.date(2015, 4, 1), 4: dt.date(2024, 10, 1)}


class Cancelled(Exception):
    """The load was stopped on request; nothing of it was kept."""


@dataclass
class DemoSummary:
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def tranche_sizes(n: int) -> dict[int, int]:
    """The programme's own tranche sizes when n allows, proportional below;
    beyond the programme's 1,990, the extra cooperatives join tranche 4."""
    total = sum(PROGRAMME_TRANCHES.values())
    if n >= total:
        sizes = dict(PROGRAMME_TRANCHES)
        sizes[4] += n - total
        return sizes
    raw = {t: n * c / total for t, c in PROGRAMME_TRANCHES.items()}
    sizes = {t: int(v) for t, v in raw.items()}
    for t in sorted(raw, key=lambda t: raw[t] - sizes[t], reverse=True)[: n - sum(sizes.values())]:
        sizes[t] += 1
    return sizes


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ref = assets.reference()
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in BY_TABLE}
        self.progress: list[tuple[str, int, str | None, str | None, int]] = []
        self.coaches = {
            code: [self.person()[1] for _ in range(self.rng.randint(3, 6))] for code in self.ref.regions
        }
        self.reg_serial = 0

    # -- small helpers -------------------------------------------------
    def id_at(self, when: dt.date) -> str:
        ms = int(dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC).timestamp() * 1000)
        return uuid7_at(ms + self.rng.randrange(86_400_000), self.rng.getrandbits(74))

    def pick(self, seq: Sequence[Item]) -> Item:
        return seq[self.rng.randrange(len(seq))]

    def text(self, pair: tuple[str, str], lang: str) -> str:
        return pair[0] if lang == "ar" else pair[1]

    def person(self, female: bool | None = None) -> tuple[str, str]:
        female = self.rng.random() < 0.5 if female is None else female
        first = self.pick(T.FIRST_NAMES_F if female else T.FIRST_NAMES_M)
        last = self.pick(T.LAST_NAMES)
        return f"{first[0]} {last[0]}", f"{first[1]} {last[1]}"

    def add(self, table: str, when: dt.date, values: dict[str, Any]) -> dict[str, Any]:
        stamp = dt.datetime(when.year, when.month, when.day, 10, tzinfo=dt.UTC).isoformat()
        row = {"id": self.id_at(when), "created_at": stamp, "updated_at": stamp, **values}
        self.rows[table].append(row)
        return row

    def days(self, start: dt.date, lo: int, hi: int) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(lo, hi))

    # -- one cooperative -----------------------------------------------
    def cooperative(self, tranche: int, phase: int | None, region: str, stage: str) -> dict[str, Any]:
        rng, ref = self.rng, self.ref
        start = TRANCHE_START[tranche] if phase != 2 else dt.date(2026, 3, 1)
        application = self.days(start, -120, -30)
        legal = self.days(application, -4 * 365 + 20, -400)
        activity = self.days(legal, 0, 120)
        if rng.random() < 0.06:  # a few applicants fall outside the rules
            if rng.random() < 0.5:
                legal = self.days(application, -7 * 365, -4 * 365 - 30)
                activity = self.days(legal, 0, 200)
            else:
                legal = self.days(application, -300, -60)
                activity = self.days(legal, 0, 30)
        sector = self.pick(list(ref.sectors))
        word = self.pick(T.COOP_WORDS)
        activity_word = T.ACTIVITY_WORDS[sector]
        province = self.pick(ref.provinces_of(region))
        prefix = self.pick(T.COMMUNE_PREFIXES)
        commune_fr = f"{prefix[1]}{province.name_fr}" if prefix[1] != "Tamesloht" else "Tamesloht"
        commune_ar = f"{prefix[0]}{province.name_ar}" if prefix[0] != "تامسلوحت" else "تامسلوحت"
        members = rng.randint(7, 80)
        women = rng.randint(0, members) if rng.random() < 0.6 else members
        youth = rng.randint(0, members)
        lang = "ar" if rng.random() < 0.7 else "fr"
        president = self.person(female=women > members / 2)
        self.reg_serial += 1
        has_fr = rng.random() < 0.75
        status = {"completed": "completed", "coaching": "coaching", "diagnosis": "diagnosis",
                  "preselected": "preselected", "applied": "applied"}[stage]
        if stage == "completed" and rng.random() < 0.03:
            status = "withdrawn"
        coop = self.add("cooperatives", application, {
            "registration_number": f"{region}/{legal.year}/{self.reg_serial:05d}",
            "name_ar": f"تعاونية {word[0]} {activity_word[0]}",
            "name_fr": f"Coopérative {word[1]} {activity_word[1]}" if has_fr else None,
            "legal_date": legal.isoformat(), "activity_start": activity.isoformat(),
            "application_date": application.isoformat(),
            "region": region, "province": province.code,
            "commune": commune_ar if lang == "ar" else commune_fr,
            "sector": sector, "members": members, "women": women, "youth": youth,
            "legal_standing": "regular" if rng.random() < 0.85 else self.pick(["pending", "irregular"]),
            "president": president[0] if lang == "ar" else president[1],
            "phone": f"06{rng.randint(10_000_000, 99_999_999)}",
            "email": None, "tranche": tranche, "phase": phase, "status": status,
            "coach": self.pick(self.coaches[region]), "notes": None,
        })
        coop["_lang"] = lang
        self.selection(coop, application)
        if stage in ("completed", "coaching", "diagnosis") or (stage == "preselected" and rng.random() < 0.3):
            diagnosed_on = self.days(start, 0, 90)
            self.diagnosis(coop, diagnosed_on, lang)
            if stage in ("completed", "coaching"):
                actions = self.plan(coop, diagnosed_on, lang)
                self.sessions(coop, diagnosed_on, actions, lang, stage, status == "withdrawn")
        coop.pop("_lang")
        return coop

    def selection(self, coop: dict[str, Any], when: dt.date) -> None:
        for criterion in SELECTION_CRITERIA:
            rating = self.rng.choices([0, 1, 2, 3], weights=[1, 2, 4, 3])[0]
            evidence = self.text(self.pick(T.EVIDENCE), coop["_lang"]) if rating else None
            self.add("selection_ratings", when, {"cooperative_id": coop["id"], "criterion": criterion,
                                                 "rating": rating, "evidence": evidence})

    def diagnosis(self, coop: dict[str, Any], when: dt.date, lang: str) -> None:
        diag = self.add("diagnoses", when, {
            "cooperative_id": coop["id"], "diagnosed_on": when.isoformat(), "diagnosed_by": coop["coach"],
            "strengths": self.text(self.pick(T.STRENGTHS), lang),
            "weaknesses": self.text(self.pick(T.WEAKNESSES), lang),
            "summary": None, "completed": 1})
        for section in DIAGNOSIS_SECTIONS:
            self.add("diagnosis_sections", when, {
                "diagnosis_id": diag["id"], "section": section, "rating": str(self.rng.randint(1, 4)),
                "findings": self.text(self.pick(T.SECTION_FINDINGS[section]), lang)})
        for axis in self.rng.sample(list(T.TRAINING_NEEDS), self.rng.randint(1, 3)):
            self.add("diagnosis_needs", when, {
                "diagnosis_id": diag["id"], "kind": "training", "axis": axis,
                "description": self.text(self.pick(T.TRAINING_NEEDS[axis]), lang),
                "priority": self.pick(["high", "medium", "low"])})
        for axis in self.rng.sample(list(T.ASSISTANCE_NEEDS), self.rng.randint(1, 2)):
            self.add("diagnosis_needs", when, {
                "diagnosis_id": diag["id"], "kind": "assistance", "axis": axis,
                "description": self.text(self.pick(T.ASSISTANCE_NEEDS[axis]), lang),
                "priority": self.pick(["high", "medium"])})

    def plan(self, coop: dict[str, Any], when: dt.date, lang: str) -> list[dict[str, Any]]:
        actions = []
        for position in range(self.rng.randint(4, 8)):
            axis = self.pick(list(T.ACTIONS))
            objective_ar, objective_fr, indicator_ar, indicator_fr = self.pick(T.ACTIONS[axis])
            actions.append(self.add("plan_actions", when, {
                "cooperative_id": coop["id"], "position": position, "axis": axis,
                "objective": objective_ar if lang == "ar" else objective_fr,
                "indicator": indicator_ar if lang == "ar" else indicator_fr,
                "owner": self.pick(["الرئيسة", "أمين المال", "المسير"]) if lang == "ar"
                else self.pick(["Présidente", "Trésorier", "Gérant"]),
                "due_date": self.days(when, 120, 700).isoformat(), "status": "planned",
                "estimated_cost": float(self.rng.randrange(5_000, 150_000, 500)), "progress": 0}))
        return actions

    def sessions(self, coop: dict[str, Any], diagnosed_on: dt.date, actions: list[dict[str, Any]], lang: str,
                 stage: str, withdrawn: bool) -> None:
        first = self.days(diagnosed_on, 30, 75)
        if stage == "completed":
            planned = self.rng.randint(3, 9) if withdrawn else 12
        else:
            # every stage of the two years, and a few coaches who fell behind
            months_in = max(0, (ANCHOR.year - first.year) * 12 + ANCHOR.month - first.month)
            planned = min(12, max(1, months_in // 2 + 1 - (2 if self.rng.random() < 0.15 else 0)))
        held = first
        dates: list[coaching_rules.SessionDate] = []
        for number in range(1, planned + 1):
            if number > 1:
                held = self.days(held, 45, 68)
            if held > ANCHOR or held > coaching_rules.window_end(first):
                break
            next_date = self.days(held, 55, 65) if number < 12 else None
            axes = self.rng.sample(list(T.SESSION_TOPICS), 2)
            topics = [{"axis": a, "text": self.text(self.pick(T.SESSION_TOPICS[a]), lang)} for a in axes]
            session = self.add("coaching_sessions", held, {
                "cooperative_id": coop["id"], "number": number, "held_on": held.isoformat(),
                "duration_minutes": self.pick([90, 120, 150, 180]), "place": self.pick(
                    ["بمقر التعاونية", "بالضيعة"] if lang == "ar" else ["Siège de la coopérative", "Atelier"]),
                "attendees": "الرئيسة، أمينة المال، 3 متعاونات" if lang == "ar"
                else "Présidente, trésorière, 3 membres",
                "topics": json.dumps(topics, ensure_ascii=False),
                "recommendations": self.text(self.pick(T.RECOMMENDATIONS), lang),
                "next_steps": self.text(self.pick(T.NEXT_STEPS), lang),
                "next_date": next_date.isoformat() if next_date else None, "author": coop["coach"]})
            dates.append(coaching_rules.SessionDate(number, held, next_date))
            for action in self.rng.sample(actions, min(len(actions), self.rng.randint(1, 3))):
                progress = min(100, action["progress"] + self.rng.choice([10, 20, 25, 30]))
                action.update(progress_update(action, progress))
                self.add("session_reviews", held, {
                    "session_id": session["id"], "action_id": action["id"], "progress": action["progress"],
                    "comment": None})
        prog = coaching_rules.progress(dates, ANCHOR)
        self.progress.append((coop["id"], prog.done, prog.first.isoformat() if prog.first else None,
                              prog.next_due.isoformat() if prog.next_due else None, prog.on_time))

    # -- trainings and financing ---------------------------------------
    def trainings(self, coops: list[dict[str, Any]]) -> None:
        by_group: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for c in coops:
            if c["status"] in ("completed", "coaching", "withdrawn"):
                by_group.setdefault((c["tranche"], c["region"]), []).append(c)
        modules = list(self.ref.modules.values())
        for (tranche, region), members in sorted(by_group.items()):
            base = TRANCHE_START[tranche] + dt.timedelta(days=100)
            for i, module in enumerate(modules):
                held = base + dt.timedelta(days=14 * i)
                if held > ANCHOR:
                    continue
                session = self.add("training_sessions", held, {
                    "module_code": module.code, "held_on": held.isoformat(),
                    "place": f"{self.ref.regions[region].name_fr} — centre de formation",
                    "region": region, "trainer": self.person()[1]})
                for coop in self.rng.sample(members, min(len(members), self.rng.randint(10, 20))):
                    for _ in range(self.rng.randint(1, 2)):
                        female = self.rng.random() < (coop["women"] / max(coop["members"], 1))
                        name = self.person(female)
                        self.add("training_attendance", held, {
                            "training_session_id": session["id"], "cooperative_id": coop["id"],
                            "participant": name[0] if self.rng.random() < 0.6 else name[1],
                            "role": self.pick(list(PARTICIPANT_ROLES)), "gender": "F" if female else "M",
                            "age_band": self.pick(list(AGE_BANDS))})

    def financing(self, coops: list[dict[str, Any]]) -> None:
        candidates = [c for c in coops if c["tranche"] == 4 and c["phase"] == 1 and c["status"] == "coaching"]
        t4 = sum(1 for c in coops if c["tranche"] == 4)
        granted = round(80 * t4 / 600)
        self.rng.shuffle(candidates)
        for i, coop in enumerate(candidates[: int(granted * 1.5)]):
            applied = dt.date(2025, 9, 1) + dt.timedelta(days=self.rng.randint(0, 200))
            asked = float(self.rng.randrange(50_000, 300_000, 1_000))
            status = ("disbursed" if i % 3 == 0 else "granted") if i < granted else self.pick(
                ["submitted", "under_review", "refused"])
            self.add("financing", applied, {
                "cooperative_id": coop["id"], "applied_on": applied.isoformat(),
                "project": "توسيع وحدة الإنتاج" if self.rng.random() < 0.6 else "Extension de l'unité de production",
                "amount_requested": asked,
                "amount_granted": round(asked * self.rng.uniform(0.6, 1.0), -2) if i < granted else None,
                "partner": self.pick(T.PARTNERS), "status": status})


def _stages(tranche: int, phase: int | None, rng: random.Random) -> str:
    if tranche < 4:
        return "completed"
    if phase == 1:
        return "coaching"
    return rng.choices(["applied", "preselected", "diagnosis"], weights=[3, 5, 2])[0]


def generate(db: Database, cooperatives: int = 2000, seed: int = 1,
             on_progress: Callable[[str], None] | None = None,
             should_cancel: Callable[[], bool] | None = None) -> DemoSummary:
    """Fill an empty database with the demo programme; raises ``Cancelled``
    (and writes nothing) as soon as ``should_cancel()`` says so."""
    started = time.perf_counter()
    if cooperatives < 1:
        raise DomainError("bad_count", "Nombre de coopératives : au moins 1", "عدد التعاونيات: واحدة على الأقل")
    existing = bulk.table_count(db, "cooperatives")
    if existing:
        raise DomainError("not_empty", f"La base contient déjà {existing} coopératives : "
                          "la démonstration se charge dans une base vide (--db)",
                          f"تحتوي القاعدة على {existing} تعاونية: تحمل بيانات العرض في قاعدة فارغة (--db)")

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()

    gen = _Gen(seed)
    coops = _generate_cooperatives(gen, cooperatives, check, on_progress)
    check()
    gen.trainings(coops)
    check()
    gen.financing(coops)
    _write(db, gen, {"seed": seed, "cooperatives": cooperatives, "anchor": ANCHOR.isoformat()}, check)
    summary = DemoSummary(seed=seed, counts={t: len(r) for t, r in gen.rows.items()})
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _generate_cooperatives(gen: _Gen, cooperatives: int, check: Callable[[], None],
                           on_progress: Callable[[str], None] | None) -> list[dict[str, Any]]:
    """The cooperatives tranche by tranche, in memory (nothing written yet)."""
    ref = gen.ref
    coops: list[dict[str, Any]] = []
    for tranche, size in tranche_sizes(cooperatives).items():
        t = ref.tranches[tranche]
        for i in range(size):
            check()  # a look costs nothing beside making a cooperative
            if t.phases:
                phase, regions = t.phases[i % len(t.phases)]
                region = regions[gen.rng.randrange(len(regions))]
            else:
                phase, region = None, gen.pick(list(ref.regions))
            coops.append(gen.cooperative(tranche, phase, region, _stages(tranche, phase, gen.rng)))
        if on_progress:
            on_progress(f"tranche {tranche}: {size}")
    return coops


def _write(db: Database, gen: _Gen, meta: dict[str, Any], check: Callable[[], None]) -> None:
    """Everything in one transaction, looking at the cancel request between
    batches: a stop (or a full disk) rolls the whole load back and leaves no
    WAL behind."""
    with long_write(db):
        for table, rows in gen.rows.items():
            columns = ["id", "created_at", "updated_at", *BY_TABLE[table].names]
            for start in range(0, len(rows), INSERT_BATCH):
                check()
                bulk.insert_rows(db, table, rows[start:start + INSERT_BATCH], columns)
        check()
        bulk.save_progress_rows(db, gen.progress)
        bulk.rebuild_search(db)
        local.set_meta(db, "demo", json.dumps(meta))
        check()  # the last chance: past this point the load is committed whole


def is_demo(db: Database) -> bool:
    return local.get_meta(db, "demo") is not None
