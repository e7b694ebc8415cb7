"""The database key in the server's escrow, and getting it back from there.

Once enrolled, the laptop sends its database key to the server
(``PUT /devices/me/escrow``, with its token), which keeps it sealed. A coach
who has lost both the passphrase and the recovery key asks an administrator
for a one-time recovery code (``murafaqa-server device recover DEVICE``);
``POST /devices/recover`` with the laptop's id and that code answers the
key. The key never changes, so it is sent once; the laptop's id and server
are kept beside the key file (store/keys.py), readable while the database
is locked."""
from __future__ import annotations

import logging

import httpx
from sqlite_utils import Database

from murafaqa_protocol.messages import EscrowRequest, EscrowResponse, RecoverRequest, RecoverResponse

from ..store import keys
from ..store import sync_state as st
from ..store.db import key_of
from . import errors
from .transport import HttpTransport

log = logging.getLogger(__name__)


def deposit(db: Database, transport: HttpTransport) -> bool:
    """Send the key of db to the server's escrow unless it is there already.
    True once it is kept; a failure is logged and tried again at the next
    sync (the coach's work never waits for it)."""
    key = key_of(db)
    if key is None or not transport.token or st.get(db, "escrowed_at"):
        return False
    try:
        answer = transport.send("PUT", "/devices/me/escrow", EscrowRequest(key=key.hex()), EscrowResponse)
    except errors.SyncError as e:
        log.warning("escrow not kept this time: %s", e.detail or e.fr)
        return False
    with db.atomic():
        st.put(db, escrowed_at=answer.escrowed_at)
    return True


def after_enrolment(db: Database, transport: HttpTransport, server: str, device_id: str) -> None:
    """Note the laptop's id beside the key file and put the key in escrow."""
    if key_of(db) is None:
        return
    keys.set_device(keys.key_path(db.execute("PRAGMA database_list").fetchone()[2]), server, device_id)
    deposit(db, transport)


def bad_code(detail: str) -> errors.SyncError:
    return errors.SyncError(errors.AUTH, "Code de récupération inconnu, erroné, expiré ou déjà utilisé : "
                            "demandez-en un nouveau à l'administrateur.",
                            "رمز الاستعادة غير معروف أو خاطئ أو منتهي الصلاحية أو مستعمل: "
                            "اطلب رمزًا جديدًا من المسؤول.", detail)


def recover(server: str, device_id: str, code: str, *, client: httpx.Client | None = None) -> bytes:
    """The database key the server kept for this laptop, for a one-time code."""
    transport = HttpTransport(server, client=client)
    try:
        answer = transport.post("/devices/recover", RecoverRequest(device_id=device_id, code=code.strip()),
                                RecoverResponse)
    except errors.SyncError as e:
        if e.kind == errors.AUTH:
            raise bad_code(e.detail) from None
        raise
    finally:
        transport.close()
    try:
        key = bytes.fromhex(answer.key)
    except ValueError:
        key = b""
    if len(key) != keys.KEY_BYTES:
        raise errors.server(200, "the recovered key is not 256 bits")
    return key
