"""Enrolment and offline login.

A database belongs to the one user who enrolled it: its outbox, its cursor
and its data are theirs. Changing user on a laptop means opening that
user's own database (``account_db_path``); syncing or enrolling another user
on a database is refused. So two users' data never mix, and a user's
unsent work waits in their file until they next sync.

Offline login checks the password against a salted scrypt hash kept in the
database at enrolment (the server's argon2 hash never leaves the server).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import socket
from pathlib import Path

import httpx
from sqlite_utils import Database

from murafaqa_protocol.messages import PREVIOUS_DEVICE_HEADER, SCHEMA_VERSION, EnrolRequest, EnrolResponse

from .. import paths
from ..store import sync_state as st
from . import errors
from .engine import is_demo
from .transport import HttpTransport

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def account_db_path(user: str) -> Path:
    """Where a user's own database lives in the data folder."""
    safe = re.sub(r"[^0-9A-Za-z._-]+", "_", user.strip()) or "user"
    return paths.data_dir() / "accounts" / f"{safe}.db"


def enrolled_user(db: Database) -> str | None:
    return st.get(db, "user")


def _hash(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT).hex()


def check_user(db: Database, user: str) -> None:
    """Refuse to act as another user than the one this database belongs to."""
    owner = enrolled_user(db)
    if owner is not None and owner != user:
        raise errors.other_user(owner, user)


def enrol(db: Database, transport: HttpTransport, server_url: str, user: str, password: str,
          label: str | None = None) -> EnrolResponse:
    """Get a laptop token from the server and bind this database to the user."""
    if is_demo(db):
        raise errors.demo_database()
    check_user(db, user)
    # The enrolment this database had (its own, or a restored backup's): the
    # server says which of the changes waiting here it took under it already.
    previous = st.get(db, "device_id") or st.get(db, "previous_device_id")
    answer: EnrolResponse = transport.post(
        "/enrol", EnrolRequest(schema_version=SCHEMA_VERSION, user=user, password=password,
                               label=label if label is not None else socket.gethostname()[:120]),
        EnrolResponse, headers={PREVIOUS_DEVICE_HEADER: previous} if previous else None)
    salt = secrets.token_bytes(16)
    with db.atomic():
        if answer.previous_last_n is not None:
            # A restored copy numbers what is typed in it from its own last
            # number on again: only its entries up to that number are the
            # ones the server may have taken (store.backup._keep_enrolment).
            through = st.get(db, "previous_outbox_through")
            st.drop_outbox_through(db, answer.previous_last_n if through is None
                                   else min(answer.previous_last_n, int(through)))
        st.put(db, server=server_url.rstrip("/"), user=answer.account.name, role=answer.account.role,
               region=answer.account.region or "", device_id=answer.device_id, token=answer.token,
               password_salt=salt.hex(), password_hash=_hash(password, salt), previous_device_id=None,
               previous_outbox_through=None)
    transport.token = answer.token
    from .escrow import after_enrolment  # escrow imports this module's neighbours, not this module

    after_enrolment(db, transport, server_url.rstrip("/"), answer.device_id)
    return answer


def offline_login(db: Database, user: str, password: str) -> bool:
    """True when this database belongs to the user and the password is the one
    last used to enrol or sync (works with no network)."""
    if enrolled_user(db) != user:
        return False
    salt, stored = st.get(db, "password_salt"), st.get(db, "password_hash")
    if not salt or not stored:
        return False
    return hmac.compare_digest(_hash(password, bytes.fromhex(salt)), stored)


def transport_for(db: Database, *, client: httpx.Client | None = None) -> HttpTransport:
    server = st.get(db, "server")
    if not server:
        raise errors.not_enrolled()
    return HttpTransport(server, st.get(db, "token"), client=client)
