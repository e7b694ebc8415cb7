"""``murafaqa sync`` and ``murafaqa conflicts``: one sync from the command line,
and the open conflicts. Thin: the engine and the store do the work (the
engine also keeps the outcome in the sync state, as for the window's syncs)."""
from __future__ import annotations

import getpass
import json
import os
import sys
import time
from collections.abc import Callable

from ..sync import errors, pieces
from .context import Context
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
    from ..sync import account
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
        report = SyncEngine(db, transport, retry=pieces.Retry(), progress=_progress_line(ctx)).run()
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
    if report.evicted:
        ctx.say(f"{len(report.evicted)} coopérative(s) retirée(s) de ce poste (plus assignées)",
                f"أزيلت {len(report.evicted)} تعاونية من هذا الحاسوب (لم تعد مسندة)")
    if report.unapplied:
        ctx.say(f"{len(report.unapplied)} changement(s) en attente d'application (réessayé à la prochaine "
                "synchronisation)", f"{len(report.unapplied)} تغيير في انتظار التطبيق")
    return EXIT_OK


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
