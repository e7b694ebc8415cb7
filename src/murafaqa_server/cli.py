"""``murafaqa-server``: run the server and manage accounts.

Every command reads ``DATABASE_URL`` (default: the embedded SQLite file).
Errors: one line on stderr, exit code 2, no traceback.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from . import devices
from .config import Settings
from .database import make_engine, migrate
from .escrow import EscrowError
from .services import Refused, require_user

EXIT_OK, EXIT_USAGE = 0, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def _engine() -> Engine:
    engine = make_engine(Settings().url())
    migrate(engine)
    return engine


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = getpass.getpass("Password: ")
        if value != getpass.getpass("Again: "):
            raise UsageError("the two passwords differ")
    if not value:
        raise UsageError("an empty password is not accepted")
    return value


# How long uvicorn waits for a worker process to start, or to answer its
# health check, before killing it and starting another. Its default (5 s) is
# shorter than a worker's start on a busy machine (importing the libraries
# and opening the pool took 13 s with the cores shared by a dozen busy
# processes): every worker was killed before it served, forever.
WORKER_STARTUP_S = 60


def cmd_serve(args: argparse.Namespace) -> int:
    """Migrate once, then serve; several worker processes share the load
    (the merge is Python work: one process is bound to one core). The
    request head's limits are the protocol's (``http_protocol.py``), the
    body's the application's (``limits.py``)."""
    import uvicorn

    uvicorn.run("murafaqa_server.main:create", **serve_options(args))
    return EXIT_OK


def serve_options(args: argparse.Namespace) -> dict[str, Any]:
    """What ``serve`` hands uvicorn, after migrating the database once."""
    from .http_protocol import GuardedHttpProtocol

    settings = Settings()
    _engine().dispose()
    # Behind the TLS proxy, the caller's address (which sign-ins are
    # throttled by) is the one the proxy forwards, believed only from the
    # proxies FORWARDED_ALLOW_IPS names.
    return {"factory": True, "host": args.host or settings.host, "port": args.port or settings.port,
            "workers": args.workers or settings.workers, "http": GuardedHttpProtocol,
            "timeout_worker_healthcheck": WORKER_STARTUP_S,
            "log_level": settings.log_level.lower(), "access_log": False, "proxy_headers": True,
            "forwarded_allow_ips": settings.forwarded_allow_ips}


def cmd_migrate(_args: argparse.Namespace) -> int:
    _engine()
    print("database up to date")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from .services import add_user

    password = _password(args)
    with _engine().begin() as conn:
        add_user(conn, args.name, args.role, args.region, password)
    print(f"user {args.name} added ({args.role}{', region ' + args.region if args.region else ''})")
    return EXIT_OK


def cmd_user_password(args: argparse.Namespace) -> int:
    from .services import require_user, set_password

    engine = _engine()
    with engine.connect() as conn:
        require_user(conn, args.name)  # before the prompt: no password typed for no one
    password = _password(args)
    with engine.begin() as conn:
        revoked = set_password(conn, args.name, password, revoke_laptops=args.revoke_laptops)
    if args.revoke_laptops:
        print(f"password of {args.name} changed; {revoked} laptop(s) revoked (enrol them again)")
    else:
        print(f"password of {args.name} changed; its enrolled laptops keep syncing (--revoke-laptops stops them)")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from .services import disable_user

    with _engine().begin() as conn:
        disable_user(conn, args.name, not args.enable)
    print(f"user {args.name} {'enabled' if args.enable else 'disabled (its laptops are refused at once)'}")
    return EXIT_OK


def cmd_user_list(_args: argparse.Namespace) -> int:
    from . import data

    with _engine().connect() as conn:
        for u in data.list_users(conn):
            flag = " (disabled)" if u["disabled"] else ""
            print(f"{u['name']}\t{u['role']}\t{u['region'] or '-'}{flag}")
    return EXIT_OK


def _device_state(d: dict[str, Any]) -> str:
    if d["revoked_why"] == "lost":
        return "revoked"
    if d["revoked_at"]:
        return f"signed out ({d['revoked_why'] or 'revoked'})"
    if devices.expired(d["token_expires_at"]):
        return "expired"
    return "active"


def cmd_device_list(args: argparse.Namespace) -> int:
    from . import data

    with _engine().connect() as conn:
        if args.user is not None:
            require_user(conn, args.user)
        rows = data.list_devices(conn, args.user)
    if args.json:
        print(json.dumps([{**d, "state": _device_state(d)} for d in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("no enrolled laptop")
    for d in rows:
        print(f"{d['id']}\t{d['name']}\t{d['label'] or '-'}\tenrolled {d['created_at']}\t"
              f"last seen {d['last_seen'] or 'never'}\t{_device_state(d)}"
              f"{chr(9) + 'key escrowed' if d['escrowed_at'] else ''}")
    return EXIT_OK


def cmd_device_revoke(args: argparse.Namespace) -> int:
    with _engine().begin() as conn:
        devices.revoke(conn, args.device)
    print(f"laptop {args.device} revoked: at its next contact it erases its data")
    return EXIT_OK


def cmd_device_recover(args: argparse.Namespace) -> int:
    from .policy import Policy

    policy = Policy()
    with _engine().begin() as conn:
        code = devices.issue_recovery_code(conn, args.device, policy)
    print(f"one-time recovery code for laptop {args.device} (valid {policy.settings.recovery_code_hours} h, "
          f"once): {code}")
    return EXIT_OK


def cmd_escrow_rekey(_args: argparse.Namespace) -> int:
    from .policy import Policy

    with _engine().begin() as conn:
        done = devices.rekey(conn, Policy())
    print(f"{done} escrowed key(s) sealed again under the current ESCROW_KEY")
    return EXIT_OK


def _since(text: str) -> str:
    try:
        day = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (YYYY-MM-DD)") from None
    if day.tzinfo is None:
        day = day.replace(tzinfo=dt.UTC)
    return day.astimezone(dt.UTC).isoformat(timespec="seconds")


def cmd_audit(args: argparse.Namespace) -> int:
    from . import data

    with _engine().connect() as conn:
        rows = data.audit_since(conn, args.since)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for r in rows:
        details = json.dumps(r["details"], ensure_ascii=False, sort_keys=True)
        print(f"{r['at']}\t{r['actor']}\t{r['action']}\t{r['target']}\t{details}")
    return EXIT_OK


def _assign(args: argparse.Namespace, active: bool) -> int:
    from .services import assign

    with _engine().begin() as conn:
        changed = assign(conn, args.coach, args.cooperatives, active)
    verb = "assigned to" if active else "unassigned from"
    print(f"{len(changed)} cooperative(s) {verb} {args.coach}")
    return EXIT_OK


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="murafaqa-server", description="Murafaqa central sync server")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("serve", help="run the HTTP server")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=_positive,
                   help="worker processes (default: WORKERS, or twice the usable cores, at most 16)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(run=cmd_migrate)

    user = sub.add_parser("user", help="accounts: user add, password, disable, list").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser)
    p = user.add_parser("add", help="add an account (password prompted, or --password-stdin)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("coach", "coordinator", "admin"))
    p.add_argument("--region", metavar="CODE")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(run=cmd_user_add)
    p = user.add_parser("password", help="set an account's password (prompted, or --password-stdin); its "
                        "enrolled laptops keep syncing unless --revoke-laptops",
                        description="Set an account's password, used at the next enrolment of a laptop. The "
                                    "laptops already enrolled hold tokens of their own and keep syncing, "
                                    "unless --revoke-laptops (a password that leaked).")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p.add_argument("--revoke-laptops", action="store_true",
                   help="also revoke the tokens of the account's enrolled laptops (they must enrol again)")
    p.set_defaults(run=cmd_user_password)
    p = user.add_parser("disable", help="disable an account and revoke its laptops")
    p.add_argument("name")
    p.add_argument("--enable", action="store_true", help="enable it again instead")
    p.set_defaults(run=cmd_user_disable)
    p = user.add_parser("list", help="list accounts")
    p.set_defaults(run=cmd_user_list)

    device = sub.add_parser("device", help="enrolled laptops").add_subparsers(dest="action", metavar="ACTION",
                                                                             parser_class=_Parser)
    p = device.add_parser("list", help="list enrolled laptops: id, user, label, enrolled, last seen, state")
    p.add_argument("--user", metavar="NAME", help="only this user's laptops")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_device_list)
    p = device.add_parser("revoke", help="revoke a lost or stolen laptop: it erases its data at its next contact")
    p.add_argument("device", metavar="ID")
    p.set_defaults(run=cmd_device_revoke)
    p = device.add_parser("recover", help="print a one-time code that gives a laptop its escrowed database key "
                                          "back (forgotten passphrase)")
    p.add_argument("device", metavar="DEVICE")
    p.set_defaults(run=cmd_device_recover)

    p = sub.add_parser("audit", help="the administrative actions: who, when, what")
    p.add_argument("--since", type=_since, metavar="DATE", help="from this date (YYYY-MM-DD, UTC) on")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_audit)

    escrow = sub.add_parser("escrow", help="the laptops' escrowed keys").add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser)
    p = escrow.add_parser("rekey", help="seal every escrowed key again under the current ESCROW_KEY (after a "
                                        "rotation; the old key in ESCROW_OLD_KEYS meanwhile)")
    p.set_defaults(run=cmd_escrow_rekey)

    for name, active in (("assign", True), ("unassign", False)):
        p = sub.add_parser(name, help=f"{name} cooperatives (id or registration number) to a coach")
        p.add_argument("coach")
        p.add_argument("cooperatives", nargs="+", metavar="COOPERATIVE")
        p.set_defaults(run=lambda a, active=active: _assign(a, active))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
        if run is None:
            raise UsageError("murafaqa-server: a command is needed (see --help)")
        return run(args)
    except (UsageError, Refused, EscrowError) as e:
        print(str(e) if isinstance(e, UsageError) else f"murafaqa-server: {e}", file=sys.stderr)
        return EXIT_USAGE
    except SQLAlchemyError as e:
        print(f"murafaqa-server: database error: {str(e).splitlines()[0]}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as e:  # a setting of the environment (WORKERS=0, PORT=abc)
        first = e.errors()[0]
        print(f"murafaqa-server: setting {'.'.join(map(str, first['loc'])).upper()}: {first['msg']}",
              file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
