"""The sync engine: push the outbox and pull what changed, in one exchange.

One request carries the outbox (up to a batch) and asks for the first pull
page; a small sync is thus one round trip. Larger pulls continue in pages
against the target fixed by the server at the first page, in the same
answer once nothing is left to push (a page a line, each kept as it
arrives); each page is staged locally in its own transaction, so a cut
link resumes from the last page received. Staged rows are applied all at
once at the end (new rows a table at a time), and only then does the
cursor move: a half-finished sync never shows. Pages refer to rows of
the same pull by their position on the server where this laptop holds
them (``murafaqa_protocol.columns``).

Push results are applied in the same local transaction as the response's
page: acknowledged outbox entries leave, fields take the server's
sequence, and a field the server kept (conflict) or a row it refused
takes the server's state. Entries are marked ``sent`` before the request
goes: a later edit never folds into them, so a resend after a lost
response carries the same payload under the same number, which the server
recognises and does not apply twice.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlite_utils import Database

from murafaqa_protocol.columns import (
    COLUMNS,
    PAGES_HEADER,
    POSITIONS,
    REFS_HEADER,
    STREAM_HEADER,
    STREAMED,
    UnresolvedPosition,
    decode,
)
from murafaqa_protocol.messages import (
    CLIENT_HEADER,
    DEFAULT_PAGE_ROWS,
    SCHEMA_VERSION,
    SET_ASIDE,
    ClientReport,
    MutationResult,
    PullPage,
    PullRequest,
    SyncRequest,
    SyncResponse,
    TeamMember,
)
from murafaqa_protocol.tables import TABLE_ORDER

from .. import __version__
from ..services import coaching
from ..store import db as store_db
from ..store import local
from ..store import sync_state as st
from ..store import team as team_store
from ..store.changes import get_row
from ..store.db import IntegrityError
from ..store.ids import now_iso
from . import errors, pieces
from . import set_aside as aside


class Transport(Protocol):
    def post(self, path: str, body: Any, answer: type, *, headers: Mapping[str, str] | None = None) -> Any: ...


Progress = Callable[[str, int, int], None]  # (stage, done, total-or-0)
# Stage "bytes": (bytes received so far, bytes expected in all or 0), told as
# an answer arrives; pieces.seconds_left turns it into the time left.


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts_new: int = 0
    rejected: int = 0
    set_aside: int = 0  # entries the server could not apply, or this laptop could not send
    pulled: int = 0
    deleted: int = 0
    evicted: list[str] = field(default_factory=list)
    unapplied: list[str] = field(default_factory=list)
    round_trips: int = 0
    cursor: int = 0
    finished_at: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Answers:
    """What an exchange has received so far (one answer, or several: the
    pages of a pull that come in the same answer)."""

    batch: list[dict[str, Any]]
    resolved: list[int]
    fresh: bool  # the first page of a pull
    given: int = 0
    done: bool = False
    team: list[TeamMember] | None = None
    mark: int = 0  # bytes received before the answer being read


class Cancelled(Exception):
    """The user stopped the sync between two exchanges; nothing is lost."""


def is_demo(db: Database) -> bool:
    return local.get_meta(db, "demo") is not None


def record_failure(db: Database, error: errors.SyncError) -> None:
    """Why the last sync did not finish; its own transaction, as the sync's
    own writes are already committed or rolled back when it fails."""
    with db.atomic():
        st.put(db, last_error=error.fr)


class SyncEngine:
    def __init__(self, db: Database, transport: Transport, *, page_rows: int = DEFAULT_PAGE_ROWS,
                 batch: int = 500, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, retry: pieces.Retry = pieces.NO_RETRY,
                 piece_bytes: int = pieces.PIECE_BYTES) -> None:
        """``retry``: how often an exchange whose link failed is sent again
        (the window and the command line retry; by default, once only);
        ``piece_bytes``: what a pull page or a push aims at on the wire."""
        self.db = db
        self.transport = transport
        self.page_rows = page_rows
        self.batch = batch
        self.progress = progress or (lambda *_: None)
        self.cancelled = cancelled or (lambda: False)
        self.retry = retry
        self.piece_bytes = piece_bytes
        self._expected_rows = 0  # the whole pull, as the server counted it with its first page
        self._rows_received = 0

    # -- the loop ------------------------------------------------------------------
    def run(self) -> SyncReport:
        """One sync. Its outcome stays in the sync state for whoever shows it
        later (the window's status, the command line): ``last_sync`` when it
        finished (``last_error`` cleared), ``last_error`` when it failed."""
        try:
            return self._run()
        except errors.SyncError as e:
            record_failure(self.db, e)
            raise
        except (store_db.Error, OSError) as e:
            full = errors.disk_full(e)
            if full is None:
                raise
            with contextlib.suppress(store_db.Error):  # the disk may have no room for that either
                record_failure(self.db, full)
            raise full from None
        finally:
            if getattr(self.transport, "on_bytes", None) is not None:
                self.transport.on_bytes = None  # type: ignore[attr-defined]

    def _run(self) -> SyncReport:
        if is_demo(self.db):
            raise errors.demo_database()
        if not st.get(self.db, "token"):
            raise errors.not_enrolled()
        report = SyncReport()
        known_conflicts = {c["id"] for c in st.conflicts(self.db, open_only=False)}
        # What this laptop tells the server of itself, on every request of
        # this sync: its version, and the changes waiting when the sync
        # started (before any push: the coordinator reads what was behind).
        told = {CLIENT_HEADER: ClientReport(__version__, st.outbox_count(self.db)).header(),
                PAGES_HEADER: COLUMNS, REFS_HEADER: POSITIONS}
        team: list[TeamMember] | None = None
        positions = True
        self._watch_bytes()
        while True:
            if self.cancelled():
                raise Cancelled()
            taken = st.outbox_batch(self.db, self.batch)
            # A piece that gets through between two cuts of a bad link.
            piece = pieces.push_piece(taken, 4 * self.piece_bytes)
            more_to_push = len(taken) == self.batch or len(piece) < len(taken)
            # What cannot be sent is set aside now, not resent forever.
            batch, mutations = aside.screen(self.db, piece)
            report.set_aside += len(piece) - len(batch)
            resolved = st.resolutions_to_push(self.db)
            with self.db.atomic():
                st.mark_sent(self.db, [e["id"] for e in batch if not e["sent"]])
            request = SyncRequest(
                schema_version=SCHEMA_VERSION, resolved=resolved,
                mutations=mutations,
                pull=PullRequest(cursor=st.get_int(self.db, "cursor"),
                                 target=int(t) if (t := st.get(self.db, "pull_target")) else None,
                                 after=st.get_int(self.db, "pull_after"), limit=self.page_rows))
            asked = dict(told)
            if not positions:
                del asked[REFS_HEADER]
            if not more_to_push and hasattr(self.transport, "post_lines"):
                # Nothing else to push: the rest of the pull may come in
                # this answer, a page at a time.
                asked[STREAM_HEADER] = STREAMED
            answers = _Answers(batch, resolved, fresh=request.pull is not None and request.pull.target is None)
            try:
                self._exchange(request, asked, report, answers)
            except UnresolvedPosition:
                # The server took a row for held that this laptop did not
                # stage: nothing of that answer was kept. The rest of this
                # sync goes with ids (a push sent again is answered as
                # replays).
                positions = False
                continue
            if answers.team is not None:
                team = answers.team
            done = answers.done
            if done and not more_to_push:
                break
        with self.db.atomic():
            self._evict(report)
            report.cursor = st.get_int(self.db, "cursor")
            report.finished_at = now_iso()
            st.put(self.db, last_sync=report.finished_at, last_error=None)
            if team is not None:  # none (a coach's, an older server's): the last one stays
                team_store.replace(self.db, team, report.finished_at)
        report.conflicts_new = len({c["id"] for c in st.conflicts(self.db, open_only=False)} - known_conflicts)
        self.progress("done", report.round_trips, report.round_trips)
        return report

    def _exchange(self, request: SyncRequest, told: dict[str, str], report: SyncReport, answers: _Answers) -> None:
        """One exchange, sent again after a cut that came before its first
        answer; each answer kept as it arrives (``_take``). A cut after some
        answers keeps them: the loop asks again from the last page kept."""
        self.progress("exchange", report.round_trips, 0)

        def send() -> None:
            # The same mutations under the same numbers, the same page asked
            # for (smaller after a cut: see _retrying).
            if request.pull is not None:
                request.pull.limit = self.page_rows
            answers.mark = self._received()
            post_lines = getattr(self.transport, "post_lines", None)
            try:
                if post_lines is None:  # a transport that knows one answer a post
                    self._take(self.transport.post("/sync", request, SyncResponse, headers=told), answers, report)
                else:
                    post_lines("/sync", request, SyncResponse, lambda r: self._take(r, answers, report), headers=told)
            except errors.SyncError as e:
                if e.kind == errors.NETWORK and answers.given:
                    return
                raise

        pieces.retrying(
            # A server unreachable from the start of this sync is
            # offline, which the scheduler probes for with its own
            # backoff; a link cut while it carried this sync is retried.
            send, self.retry, only_cuts=not report.round_trips, cancelled=self.cancelled,
            on_retry=self._retrying)
        report.round_trips += 1

    def _take(self, response: SyncResponse, answers: _Answers, report: SyncReport) -> None:
        """One answer of an exchange, kept at once: the push's results come
        with the first, pages with each."""
        first = not answers.given
        if not first and self.cancelled():
            raise Cancelled()  # what came so far is kept
        answers.done = self._settle(answers.batch if first else [], answers.resolved if first else [], response,
                                    report, fresh=answers.fresh and first)
        answers.given += 1
        if response.team is not None:
            answers.team = response.team
        if response.page is not None:
            received = self._received()
            self._size_next_page(response.page, received - answers.mark)
            answers.mark = received

    def _settle(self, batch: list[dict[str, Any]], resolved: list[int], response: SyncResponse,
                report: SyncReport, *, fresh: bool) -> bool:
        """The answer kept, in one transaction: the push's results and the
        page. Whether the pull is done."""
        with self.db.atomic():
            counts = (report.pushed, report.applied, report.rejected, report.set_aside, report.pulled)
            try:
                self._results(batch, response.results, report)
                st.resolutions_pushed(self.db, resolved)
                return self._page(response.page, report, fresh=fresh) if response.page else True
            except UnresolvedPosition:
                (report.pushed, report.applied, report.rejected, report.set_aside, report.pulled) = counts
                raise

    # -- a slow link: pieces and progress -------------------------------------------------
    def _received(self) -> int:
        stats = getattr(self.transport, "stats", None)
        return int(getattr(stats, "bytes_received", 0)) + int(getattr(stats, "in_flight", 0))

    def _watch_bytes(self) -> None:
        """Progress in bytes as each answer arrives, with the bytes the whole
        pull should take once a page has told its size."""
        if hasattr(self.transport, "on_bytes"):
            start = self._received()
            per_row = [0.0]

            def told(total: int) -> None:
                done = total - start
                if self._rows_received:
                    per_row[0] = done / self._rows_received
                expected = int(per_row[0] * self._expected_rows) if per_row[0] else 0
                self.progress("bytes", done, max(expected, done) if expected else 0)

            self.transport.on_bytes = told

    def _retrying(self, attempt: int, pause: float) -> None:
        """A cut: the page asked for again is half as large, so that a link
        that drops more often than pages are long still gets them through."""
        self.page_rows = max(pieces.MIN_PAGE_ROWS, self.page_rows // 2)
        self.progress("retry", attempt, int(pause))

    def _size_next_page(self, page: PullPage, size: int) -> None:
        if page.rows is not None:
            self._expected_rows = page.rows
        rows = len(page.changes) + sum(len(b.ids) for b in page.blocks or ())
        self._rows_received += rows
        if page.more:
            self.page_rows = pieces.next_page_rows(rows, size, self.page_rows, target=self.piece_bytes)

    # -- push results ---------------------------------------------------------------
    def _results(self, batch: list[dict[str, Any]], results: list[MutationResult], report: SyncReport) -> None:
        entries = {e["id"]: e for e in batch}
        for res in results:
            entry = entries.get(res.n)
            if entry is None:
                continue
            if res.why == SET_ASIDE:
                aside.from_server(self.db, entry)  # the row stays as the user left it
                report.set_aside += 1
                continue
            st.drop_outbox(self.db, entry["id"])
            report.pushed += 1
            if res.st == "rejected":
                report.rejected += 1
            elif res.st in ("ok", "replay"):
                report.applied += 1
            self._reconcile(entry, res)

    def _reconcile(self, entry: dict[str, Any], res: MutationResult) -> None:
        """Make the local row match what the server now holds for the fields
        this entry carried."""
        tbl, row_id = entry["tbl"], entry["row_id"]
        if res.gone:
            if entry["op"] == "upsert" and not st.pending_fields(self.db, tbl, row_id):
                st.delete_row(self.db, tbl, row_id)
            return
        if entry["op"] == "delete":
            return  # a refused deletion: the row comes back whole with the pull
        row = get_row(self.db, tbl, row_id)
        pending = st.pending_fields(self.db, tbl, row_id)
        seqs: dict[str, int] = {}
        values: dict[str, Any] = {}
        for f in entry["fields"]:
            seq = (res.vs or {}).get(f, res.seq)
            if res.srv and f in res.srv:
                value, seq = res.srv[f]
                if f not in pending:
                    values[f] = value
            if seq:
                seqs[f] = seq
        if row is not None:
            current = st.versions(self.db, tbl, row_id)
            values = {f: v for f, v in values.items() if seqs.get(f, 0) >= current.get(f, 0) and row.get(f) != v}
            st.savepoint(self.db, "reconcile")
            try:
                self._write(tbl, row_id, values, insert=False)
                st.set_versions(self.db, tbl, row_id, seqs)
                st.release(self.db, "reconcile")
            except IntegrityError:
                # A key another local row still holds (a session number the
                # server moved, its holder not pushed yet): put the write off
                # with the pulled rows; it applies once the holder has moved.
                st.rollback_to(self.db, "reconcile")
                st.stage(self.db, [{"t": tbl, "id": row_id, "s": max(seqs.values(), default=0), "f": values,
                                    "v": {f: seqs.get(f, 0) for f in values}}])

    # -- pull pages -------------------------------------------------------------------
    def _page(self, page: PullPage, report: SyncReport, *, fresh: bool = False) -> bool:
        """``fresh``: the first page of a pull."""
        if fresh:
            st.forget_positions(self.db)
        try:
            decoded = decode(page.blocks or [], positions=page.positions,
                             resolve=lambda wanted: st.staged_at(self.db, wanted))
        except UnresolvedPosition:
            raise
        except ValueError as e:
            raise errors.server(200, f"unreadable page: {e}") from None
        changes = page.changes + decoded.changes
        st.stage(self.db, [c.model_dump() for c in changes], decoded.positions)
        report.pulled += len(changes)
        st.save_conflicts(self.db, [c.model_dump() for c in page.conflicts])
        if page.more:
            st.put(self.db, pull_target=page.target, pull_after=page.after)
            self.progress("pull", st.staged_count(self.db), 0)
            return False
        self._apply_staged(report)
        # After the rows: a page staged before the unassignment must not
        # cancel it (a cooperative arriving whole cancels an older one).
        st.add_gone(self.db, page.gone)
        st.put(self.db, cursor=page.target, pull_target=None, pull_after=None)
        return True

    def _apply_staged(self, report: SyncReport) -> None:
        rows = st.staged(self.db)
        order = {t: i for i, t in enumerate(TABLE_ORDER)}
        deletions = sorted((r for r in rows if r["deleted"]), key=lambda r: -order[r["tbl"]])
        upserts = sorted((r for r in rows if not r["deleted"]), key=lambda r: order[r["tbl"]])
        touched: set[str] = set()
        for r in deletions:
            coop = st.session_cooperatives(self.db, r["tbl"], r["id"])
            if st.delete_row(self.db, r["tbl"], r["id"]):
                report.deleted += 1
                if coop:
                    touched.add(coop)
        # Rows may wait on each other (a session number freed by another's
        # move, a parent): retry until no progress; what still fails is
        # reported, never allowed to block the rest.
        for r in deletions:
            st.unstage(self.db, r["tbl"], r["id"])
        waiting = sorted(self._insert_new(upserts, touched), key=lambda r: order[r["tbl"]])
        while waiting:
            failed = [r for r in waiting if not self._apply_one(r, touched)]
            if len(failed) == len(waiting):
                # Kept staged (versions guard them) and tried again at the
                # next sync, once this laptop's own rows have moved.
                report.unapplied += [f"{r['tbl']}:{r['id']}" for r in failed]
                break
            waiting = failed
        for coop_id in touched:
            if get_row(self.db, "cooperatives", coop_id) is not None:
                coaching.refresh_progress(self.db, coop_id)

    def _apply_one(self, r: dict[str, Any], touched: set[str]) -> bool:
        """One staged row applied and unstaged; False if it cannot be yet."""
        st.savepoint(self.db, "pulled_row")
        try:
            self._apply_row(r, touched)
            st.unstage(self.db, r["tbl"], r["id"])
            st.release(self.db, "pulled_row")
            return True
        except IntegrityError:
            st.rollback_to(self.db, "pulled_row")
            return False

    def _insert_new(self, upserts: list[dict[str, Any]], touched: set[str]) -> list[dict[str, Any]]:
        """The whole rows this laptop does not hold yet (all of a first
        sync's), a table at a time in a few statements, parents first; the
        rows left to apply one by one: those it holds, partial ones, and a
        table's whole batch when
        one of its rows cannot go in yet (a key still held here, a parent
        missing), which the one-by-one pass sorts out."""
        deleted_here = st.pending_deletes(self.db)
        left: list[dict[str, Any]] = []
        by_table: dict[str, list[dict[str, Any]]] = {}
        for r in upserts:
            if r["whole"] and (r["tbl"], r["id"]) not in deleted_here:
                by_table.setdefault(r["tbl"], []).append(r)
            else:
                left.append(r)
        now = now_iso()
        for tbl in TABLE_ORDER:
            rows = by_table.get(tbl, [])
            held = st.held_ids(self.db, tbl, [r["id"] for r in rows]) if rows else set()
            left += [r for r in rows if r["id"] in held]
            new = [r for r in rows if r["id"] not in held]
            if tbl == "cooperatives":
                # Before the rows that belong to them, one by one (each is
                # indexed for search).
                left += [r for r in new if not self._apply_one(r, touched)]
                continue
            if not new:
                continue
            st.savepoint(self.db, "pulled_rows")
            try:
                st.insert_rows(self.db, tbl, [(r["id"], r["fields"] or {}) for r in new], now)
                st.set_versions_of(self.db, tbl, [
                    (r["id"], {f: int((r["versions"] or {}).get(f, r["seq"])) for f in r["fields"] or {}})
                    for r in new])
                st.unstage_rows(self.db, tbl, [r["id"] for r in new])
                st.release(self.db, "pulled_rows")
            except IntegrityError:
                st.rollback_to(self.db, "pulled_rows")
                left += new
                continue
            if tbl == "coaching_sessions":
                touched.update(c for r in new if (c := (r["fields"] or {}).get("cooperative_id")))
        return left

    def _apply_row(self, r: dict[str, Any], touched: set[str]) -> None:
        tbl, row_id, seq = r["tbl"], r["id"], r["seq"]
        fields: dict[str, Any] = r["fields"] or {}
        known: dict[str, int] = r["versions"] or {}
        seqs = {f: int(known.get(f, seq)) for f in fields}
        row = get_row(self.db, tbl, row_id)
        if tbl == "cooperatives":
            st.keep(self.db, row_id)
        if row is None:
            if st.pending_delete(self.db, tbl, row_id):
                return  # deleted here meanwhile: the push will settle it
            if not r["whole"]:
                raise IntegrityError(f"partial row {tbl}:{row_id} unknown here")
            self._write(tbl, row_id, fields, insert=True)
            st.set_versions(self.db, tbl, row_id, seqs)
        else:
            current = st.versions(self.db, tbl, row_id)
            pending = st.pending_fields(self.db, tbl, row_id)
            changes = {f: v for f, v in fields.items()
                       if seqs[f] > current.get(f, 0) and f not in pending and row.get(f) != v}
            self._write(tbl, row_id, changes, insert=False)
            st.set_versions(self.db, tbl, row_id, {f: s for f, s in seqs.items() if s > current.get(f, 0)})
        coop = fields.get("cooperative_id") or (row or {}).get("cooperative_id")
        if tbl == "coaching_sessions" and coop:
            touched.add(coop)

    def _write(self, tbl: str, row_id: str, values: dict[str, Any], *, insert: bool) -> None:
        if insert:
            st.insert_row(self.db, tbl, row_id, values, now_iso())
        elif values:
            st.update_row(self.db, tbl, row_id, values, now_iso())

    # -- cooperatives that left this laptop's scope --------------------------------------
    def _evict(self, report: SyncReport) -> None:
        """Only once nothing of this laptop's work is waiting to be pushed."""
        if st.outbox_count(self.db):
            return
        for coop_id in st.gone(self.db):
            st.evict(self.db, coop_id)
            report.evicted.append(coop_id)

