"""The audit log: every administrative action, who did it, when and what
(users added, disabled, enabled, passwords set, assignments, laptops
revoked, recovery codes issued and used, escrow keys rotated). Written in
the transaction of the action itself: an action that did not happen leaves
no entry, and none happens without one. Entries are only ever added."""
from __future__ import annotations

import getpass
import socket
from typing import Any

from sqlalchemy import Connection

from . import data
from .scope import Actor


def local_actor() -> str:
    """Who runs a command on the server's machine: the system account."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for the process's uid (a bare container)
        user = "unknown"
    return f"{user}@{socket.gethostname()} (command line)"


def api_actor(actor: Actor) -> str:
    return f"{actor.name} (laptop {actor.device_id})"


def record(conn: Connection, by: str, action: str, target: str, **details: Any) -> None:
    data.add_audit(conn, by, action, target, details)
