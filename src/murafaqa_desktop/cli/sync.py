"""``murafaqa sync``, ``murafaqa conflicts`` and ``murafaqa history``: one sync
from the command line, the open conflicts, and who changed what on a
cooperative. Thin: the engine and the store do the work (the
engine also keeps the outcome in the sync state, as for the window's syncs)."""
from __future__ import annotations

import getpass
import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..sync import errors, pieces
from .context import Context

if TYPE_CHECKING:
    from sqlite_utils import Database
from .output import print_json
from .usage import EXIT_OK, Parser, Subcommands


def register(sub: Subcommands, common: Parser) -> None:
    p = sub.add_parser("sync", parents=[common], help="push this laptop's changes and pull the others' (one sync)")
    p.add_argument("--server", metavar="URL", help="server address (first time: enrols this laptop)")
    p.add_argument("--user", metavar="NAME", help="user name (first time); password from a prompt or "
                                                   "MURAFAQA_PASSWORD")
    p.set_defaults(run=cmd_sync)
    p = sub.add_parser("conflicts", parents=[common], help="list open sync conflicts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_conflicts)
    p = sub.add_parser("history", parents=[common],
                       help="who changed what on a cooperative (fetched from the server when this laptop is "
                            "enrolled and online), with this laptop's changes not yet sent")
    p.add_argument("id", metavar="REGISTRATION_NUMBER")
    p.add_argument("--json", action="store_true")
    p.add_argument("--offline", action="store_true", help="show what this laptop keeps, without asking the server")
    p.set_defaults(run=cmd_history)


def _password(ctx: Context) -> str:
    value = os.environ.get("MURAFAQA_PASSWORD")
    if value:
        return value
    prompt = "كلمة المرور: " if ctx.lang == "ar" else "Mot de passe : "
    return getpass.getpass(prompt)


def _progress_line(ctx: Context) -> Callable[[str, int, int], None]:
    """Kilobytes received and the time left, on one line of stderr rewritten
    in place (a terminal only: a log or a pipe gets none of it)."""
    started = time.monotonic()
    shown = [0.0]

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != "bytes" or not sys.stderr.isatty() or now - shown[0] < 0.5:
            return
        shown[0] = now
        left = pieces.seconds_left(done, total, now - started)
        kb, of = round(done / 1000), round(total / 1000)
        if ctx.lang == "ar":
            line = f"{kb} ك.ب" + (f" من {of} ك.ب، يتبقى حوالي {left} ث" if left is not None else "")
        else:
            line = f"{kb} Ko" + (f" sur {of} Ko, environ {left} s restantes" if left is not None else "")
        print(f"\r{line}\033[K", end="", file=sys.stderr, flush=True)

    return show


def cmd_sync(ctx: Context) -> int:
    from ..store import sync_state as st
    from ..sync import account, escrow
    from ..sync.engine import SyncEngine, is_demo
    from ..sync.transport import HttpTransport

    db = ctx.open(create=True)
    if is_demo(db):
        raise errors.demo_database()
    args = ctx.args
    owner = account.enrolled_user(db)
    if args.user:
        account.check_user(db, args.user)
    server = st.get(db, "server")
    if args.server and server and args.server.rstrip("/") != server:
        raise errors.SyncError(errors.REFUSED,
                               f"Ce poste est inscrit auprès de {server} : une base ne change pas de serveur.",
                               f"هذا الحاسوب مسجل لدى {server}: لا تغير القاعدة خادمها.")
    if not st.get(db, "token"):
        user = args.user or owner
        url = args.server or server
        if not user or not url:
            raise errors.not_enrolled()
        transport = HttpTransport(url)
        answer = account.enrol(db, transport, url, user, _password(ctx))
        ctx.say(f"Poste inscrit pour {answer.account.name} ({answer.account.role}) auprès de {url}",
                f"تم تسجيل الحاسوب لـ {answer.account.name} ({answer.account.role}) لدى {url}")
    else:
        transport = account.transport_for(db)
    try:
        escrow.deposit(db, transport)  # once, if enrolment could not
        report = SyncEngine(db, transport, retry=pieces.Retry(), progress=_progress_line(ctx)).run()
    except errors.SyncError as e:
        if e.kind == errors.REVOKED:
            _erase(ctx, db)
        raise
    finally:
        transport.close()
        if sys.stderr.isatty():
            print(file=sys.stderr)
    open_conflicts = len(st.conflicts(db))
    ctx.say(f"Envoyé : {report.pushed} modification(s) ({report.rejected} refusée(s)) — "
            f"reçu : {report.pulled} changement(s), {report.deleted} suppression(s) — "
            f"nouveaux conflits : {report.conflicts_new}, conflits ouverts : {open_conflicts} — "
            f"{report.round_trips} échange(s), {transport.stats.total} octets",
            f"أرسل: {report.pushed} تعديل ({report.rejected} مرفوض) — "
            f"استقبل: {report.pulled} تغيير، {report.deleted} حذف — "
            f"تعارضات جديدة: {report.conflicts_new}، تعارضات مفتوحة: {open_conflicts} — "
            f"{report.round_trips} تبادل، {transport.stats.total} بايت")
    if report.set_aside:
        ctx.say(f"{report.set_aside} modification(s) mise(s) de côté : le serveur n'a pas pu les appliquer ou ce "
                "poste n'a pas pu les envoyer ; les autres sont passées (voir la page Synchronisation)",
                f"وضع {report.set_aside} تعديل جانبا: لم يتمكن الخادم من تطبيقه أو لم يتمكن هذا الحاسوب من إرساله؛ "
                "مرت البقية (انظر صفحة المزامنة)")
    if report.evicted:
        ctx.say(f"{len(report.evicted)} coopérative(s) retirée(s) de ce poste (plus assignées)",
                f"أزيلت {len(report.evicted)} تعاونية من هذا الحاسوب (لم تعد مسندة)")
    if report.unapplied:
        ctx.say(f"{len(report.unapplied)} changement(s) en attente d'application (réessayé à la prochaine "
                "synchronisation)", f"{len(report.unapplied)} تغيير في انتظار التطبيق")
    return EXIT_OK


def _erase(ctx: Context, db: Database) -> None:
    """The laptop was revoked (lost or stolen): its database and the copies
    beside it go, unsent changes included. The error then says so."""
    from ..store.erase import erase_database

    db.close()
    ctx.opened.remove(db)
    erase_database(ctx.db_path)


def cmd_conflicts(ctx: Context) -> int:
    from ..sync import conflicts

    found = conflicts.open_conflicts(ctx.open())
    if ctx.args.json:
        print_json(found)
        return EXIT_OK
    if not found:
        ctx.say("Aucun conflit ouvert", "لا توجد تعارضات مفتوحة")
    for c in found:
        label = conflicts.kind_label(c["kind"], ctx.lang)
        print(f"#{c['id']}\t{label}\t{c['tbl']}:{c['row_id']}\t{c['field'] or '-'}\t"
              f"serveur={json.dumps(c['server_value'], ensure_ascii=False)}\t"
              f"poste={json.dumps(c['client_value'], ensure_ascii=False)}\t{c['user'] or ''}")
    return EXIT_OK


def _fetch_history(ctx: Context, coop_id: str) -> str:
    """Ask the server for the cooperative's history when this laptop can:
    "fetched", "offline" (the server could not be asked: what is kept is
    shown, the reason said on standard error), "not_enrolled" or "skipped"."""
    import sys

    from ..store import sync_state as st
    from ..sync import account
    from ..sync import history as history_sync
    from ..sync.engine import is_demo

    db = ctx.open()
    if ctx.args.offline:
        return "skipped"
    if is_demo(db) or not st.get(db, "token"):
        return "not_enrolled"
    transport = account.transport_for(db)
    try:
        history_sync.fetch(db, transport, coop_id)
    except errors.SyncError as e:
        if e.kind in (errors.UPDATE, errors.AUTH):
            raise
        print(e.ar if ctx.lang == "ar" else e.fr, file=sys.stderr)
        return "offline"
    finally:
        transport.close()
    return "fetched"


def cmd_history(ctx: Context) -> int:
    from ..services import cooperatives, history

    db = ctx.open()
    coop = cooperatives.get(db, ctx.args.id)
    fetch = _fetch_history(ctx, coop["id"])
    found = history.of(db, coop["id"])
    lang = ctx.lang
    if ctx.args.json:
        print_json({"cooperative": {"id": coop["id"], "registration_number": coop["registration_number"]},
                    "fetch": fetch, "fetched_at": found.fetched_at, "unsent": found.unsent,
                    "entries": [{"at": line.at, "user": line.who, "device": line.device, "table": line.table,
                                 "row": line.row_id, "op": line.op, "field": line.field,
                                 "label": history.field_label(line.table, line.field, lang),
                                 "old": line.old, "new": line.new, "sent": line.sent} for line in found.lines]})
        return EXIT_OK
    if found.fetched_at is None:
        ctx.say("Historique du serveur jamais récupéré sur ce poste", "لم يجلب سجل الخادم قط على هذا الحاسوب")
    else:
        ctx.say(f"Historique du serveur récupéré le {found.fetched_at}", f"سجل الخادم مجلوب في {found.fetched_at}")
    if found.unsent:
        ctx.say(f"{found.unsent} modification(s) de ce poste pas encore envoyée(s) (marquées *)",
                f"{found.unsent} تعديل من هذا الحاسوب لم يرسل بعد (معلم بـ *)")
    for line in found.lines:
        old, new = (history.value_text(line.table, line.field, v, lang) for v in (line.old, line.new))
        what = history.field_label(line.table, line.field, lang)
        if line.op == "delete":
            change = "حذف" if lang == "ar" else "supprimé"
        elif line.op == "insert":
            change = f"+ {new}"
        else:
            change = f"{old} → {new}"
        print(f"{'' if line.sent else '* '}{line.at}\t{line.who}\t{what}\t{change}")
    if not found.lines:
        ctx.say("Aucune modification connue", "لا يوجد أي تعديل معروف")
    return EXIT_OK
