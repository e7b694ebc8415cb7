"""Enrolled laptops: revocation, key escrow and one-time recovery codes.

A laptop revoked by an administrator (``revoke``: lost or stolen) is
answered ``device_revoked`` at its next contact, and erases its database.
Its escrowed key stays: a coach who finds the laptop again may still need
it, and an administrator decides.

Recovery: an administrator issues a one-time code for a laptop whose coach
forgot the passphrase (``issue_recovery_code``); the laptop, with no token
(its token is inside the locked database), sends its device id and the
code and gets its database key back once (``recover``). Only the code's
argon2 hash is kept, until it is used or expires; wrong codes are throttled
per device and per address as sign-ins are, and each check costs one
argon2 verification whatever the case (no such device, no code issued,
an expired one), so the time of the answer tells none apart.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from sqlalchemy import Connection, Engine

from . import audit, data, escrow, security, throttle
from .policy import Policy, stamp, utc_now
from .services import Refused

KEY_PATTERN = re.compile(r"^[0-9a-f]{64}$")
# A code an administrator reads out over the phone: 4 groups of 5 letters
# and digits of an alphabet with no look-alikes (0/O, 1/I/L), 100 bits.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_GROUPS, CODE_GROUP = 4, 5


def require_device(conn: Connection, device_id: str) -> dict[str, Any]:
    found = data.device(conn, device_id)
    if found is None:
        raise Refused(f"no laptop {device_id!r}", "not_found", 404)
    return found


def revoke(conn: Connection, device_id: str, by: str | None = None) -> None:
    """Revoke a lost or stolen laptop: at its next contact it is told so
    and erases its data."""
    found = require_device(conn, device_id)
    if found["revoked_why"] == "lost":
        raise Refused(f"laptop {device_id!r} is already revoked")
    data.mark_lost(conn, device_id)
    audit.record(conn, by or audit.local_actor(), "device.revoke", device_id, user=found["name"],
                 label=found["label"])


def store_escrow(conn: Connection, device_id: str, key_hex: str, policy: Policy) -> None:
    key_hex = key_hex.strip().lower()
    if not KEY_PATTERN.match(key_hex):
        raise Refused("the key is 64 hexadecimal digits (256 bits)", "bad_key", 422)
    data.set_escrow(conn, device_id, escrow.seal(policy.keyring(), device_id, key_hex))


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP))
    return "-".join(raw[i:i + CODE_GROUP] for i in range(0, len(raw), CODE_GROUP))


def normal_code(code: str) -> str:
    """The code as typed, read kindly: case, spaces and dashes do not count."""
    return re.sub(r"[\s-]+", "", code).upper()


def issue_recovery_code(conn: Connection, device_id: str, policy: Policy, by: str | None = None) -> str:
    """A one-time recovery code for this laptop (replacing any earlier one)."""
    found = require_device(conn, device_id)
    if found["escrow"] is None:
        raise Refused(f"laptop {device_id!r} has escrowed no key: it cannot be recovered from the server")
    if found["revoked_why"] == "lost":
        raise Refused(f"laptop {device_id!r} was revoked as lost: its key is not handed out")
    code = new_code()
    expires = stamp(utc_now() + policy.recovery_lifetime)
    data.set_recovery(conn, device_id, security.hash_password(normal_code(code)), expires)
    audit.record(conn, by or audit.local_actor(), "device.recover", device_id, user=found["name"],
                 expires_at=expires)
    return code


def recover(engine: Engine, device_id: str, code: str, address: str | None, policy: Policy) -> str | None:
    """The laptop's database key (hex) for a valid code, used up by this
    call; None for any wrong case. ``throttle.Throttled`` while the device
    or the address is blocked."""
    keys = [throttle.device_key(device_id), throttle.address_key(address)]
    now = utc_now()
    with engine.connect() as conn:
        throttle.check(conn, keys, now)
        found = data.device(conn, device_id)
    live = (found is not None and found["recovery_hash"] is not None and found["escrow"] is not None
            and found["revoked_why"] != "lost" and (found["recovery_expires_at"] or "") > stamp(now))
    if not (security.check_password(found["recovery_hash"] if live and found else None, normal_code(code))
            and live):
        with engine.begin() as conn:
            throttle.failed(conn, keys, "recovery")
        return None
    assert found is not None
    with engine.begin() as conn:
        # Used up in the transaction that hands the key out: a second use of
        # the same code, even at the same moment on another worker, finds
        # none (the update takes the row's lock; the loser changes nothing).
        if not data.take_recovery(conn, device_id, found["recovery_hash"]):
            return None
        throttle.succeeded(conn, keys[:1])
        audit.record(conn, f"laptop {device_id}", "device.recovered", device_id, user=found["name"])
        return escrow.unseal(policy.keyring(), device_id, found["escrow"])


def rekey(conn: Connection, policy: Policy, by: str | None = None) -> int:
    """Seal every escrowed key again under the current escrow key (after a
    rotation); the number sealed again."""
    ring = policy.keyring()
    current = escrow.key_id(ring.current)
    done = 0
    for device_id, sealed in data.escrows(conn):
        if escrow.sealed_by(sealed) != current:
            data.set_escrow(conn, device_id, escrow.seal(ring, device_id, escrow.unseal(ring, device_id, sealed)))
            done += 1
    audit.record(conn, by or audit.local_actor(), "escrow.rekey", current, resealed=done)
    return done


def expired(at: str | None, now: dt.datetime | None = None) -> bool:
    return at is not None and at <= stamp(now or utc_now())
