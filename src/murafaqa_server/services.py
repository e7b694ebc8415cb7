"""Account and assignment use cases, shared by the HTTP API and the CLI."""
from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine

from murafaqa_protocol.messages import ROLES

from . import audit, data, security, throttle
from .policy import Policy, token_expiry
from .scope import Actor, Scope

REGIONS = {f"{i:02d}" for i in range(1, 13)}


class Refused(Exception):
    """A refused account or assignment operation; nothing was written."""

    def __init__(self, message: str, code: str = "refused", status: int = 422) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise Refused("the password needs at least 8 characters")


def add_user(conn: Connection, name: str, role: str, region: str | None, password: str,
             by: str | None = None) -> int:
    """``by``: who adds it, for the audit log (by default the system account
    running the command)."""
    name = name.strip()
    if not name:
        raise Refused("a user needs a name")
    if role not in ROLES:
        raise Refused(f"unknown role {role!r} (coach, coordinator or admin)")
    if region is not None and region not in REGIONS:
        raise Refused(f"unknown region {region!r} (a code 01 to 12)")
    if role == "coordinator" and region is None:
        raise Refused("a coordinator needs --region")
    _check_password(password)
    if data.user_by_name(conn, name):
        raise Refused(f"user {name!r} already exists")
    user_id = data.add_user(conn, name, role, region, security.hash_password(password))
    audit.record(conn, by or audit.local_actor(), "user.add", name, role=role, region=region)
    return user_id


def require_user(conn: Connection, name: str) -> dict[str, Any]:
    user = data.user_by_name(conn, name)
    if user is None:
        raise Refused(f"no user {name!r}", "not_found", 404)
    return user


def disable_user(conn: Connection, name: str, disabled: bool = True, by: str | None = None) -> None:
    """A disabled user is refused at once: their laptops' tokens go too."""
    user = require_user(conn, name)
    data.set_disabled(conn, user["id"], disabled)
    revoked = data.revoke_devices(conn, user_id=user["id"], why="disabled") if disabled else 0
    audit.record(conn, by or audit.local_actor(), "user.disable" if disabled else "user.enable", name,
                 **({"laptops_revoked": revoked} if disabled else {}))


def set_password(conn: Connection, name: str, password: str, *, revoke_laptops: bool = False,
                 by: str | None = None) -> int:
    """A user's new password, for the next enrolment; the laptops already
    enrolled keep their tokens (a laptop signs in once, then holds a token
    of its own), unless ``revoke_laptops``: a password that leaked calls for
    it. Returns the number of laptops revoked."""
    user = require_user(conn, name)
    _check_password(password)
    data.set_password(conn, user["id"], security.hash_password(password))
    revoked = data.revoke_devices(conn, user_id=user["id"], why="password") if revoke_laptops else 0
    audit.record(conn, by or audit.local_actor(), "user.password", name, laptops_revoked=revoked)
    return revoked


def signs_in(user: dict[str, Any] | None, password: str) -> bool:
    """Whether these credentials open the account: one argon2 verification
    whatever the case (no such user, a disabled one, a wrong password, the
    right one), so that the time of the answer tells none of them apart."""
    matches = security.check_password(user["password_hash"] if user is not None else None, password)
    return matches and user is not None and not user["disabled"]


def sign_in_keys(name: str, address: str | None) -> list[str]:
    return [throttle.user_key(name), throttle.address_key(address)]


def check_throttle(engine: Engine, name: str, address: str | None) -> None:
    """``throttle.Throttled`` when this user name or address is blocked now:
    the route asks before it queues for a password thread, so a blocked
    attempt is answered at once instead of after the checks in front of it."""
    with engine.connect() as conn:
        throttle.check(conn, sign_in_keys(name, address))


class Enrolment(NamedTuple):
    device_id: str
    token: str
    user: dict[str, Any]
    # the last change number taken from the laptop's previous enrolment
    # (``previous_device``), when it was this user's
    previous_last_n: int | None = None


def enrol(engine: Engine, name: str, password: str, label: str, address: str | None = None,
          policy: Policy | None = None, previous_device: str | None = None) -> Enrolment | None:
    """A new laptop token for these credentials, or None. The password is
    checked with no database connection held (argon2 takes its time).

    Throttled per user name and per address (``throttle``): while either is
    blocked the answer is ``throttle.Throttled`` at once, no password
    checked; each failure is counted, in the database, and logged.

    ``previous_device``: the enrolment the laptop's database had before (a
    restored backup's, or one whose token expired); its progress is told
    only to the same user."""
    keys = sign_in_keys(name, address)
    with engine.connect() as conn:
        throttle.check(conn, keys)  # again: it may have been blocked while this one waited its turn
        user = data.user_by_name(conn, name)
    if not signs_in(user, password):
        with engine.begin() as conn:
            throttle.failed(conn, keys, "sign_in")
        return None
    assert user is not None
    token = security.new_token()
    with engine.begin() as conn:
        throttle.succeeded(conn, keys[:1])
        device_id = data.add_device(conn, user["id"], security.token_hash(token), label,
                                    token_expiry(policy or Policy()))
        previous = None if previous_device is None else data.device_progress(conn, previous_device, user["id"])
    return Enrolment(device_id, token, user, previous)


def assign(conn: Connection, coach: str, cooperatives: list[str], active: bool, by: Actor | None = None,
           who: str | None = None) -> list[str]:
    """Assign (or unassign) cooperatives, by id or registration number, to a
    coach. ``by`` (the API's caller; none on the command line) may only hand
    out cooperatives in their scope: a coordinator, those of their region.
    Each change takes a sequence, so the coach's laptop sees it on its next
    pull (the cooperative arrives whole, or leaves once its outbox drained)."""
    user = require_user(conn, coach)
    if user["role"] != "coach":
        raise Refused(f"{coach!r} is a {user['role']}, not a coach")
    seen = Scope(conn, by) if by is not None else None
    found = []
    for key in cooperatives:
        rec = data.find_cooperative(conn, key)
        # One out of the caller's scope is answered as one that does not
        # exist: the caller must not learn it exists.
        if rec is None or (seen is not None and not seen.sees(rec.coop_id, rec.region)):
            raise Refused(f"no cooperative {key!r}", "not_found", 404)
        found.append(rec.id)
    changed = []
    seq = data.lock_sequence(conn)
    for coop_id in found:
        if data.assign(conn, user["id"], coop_id, active, seq + 1):
            seq += 1
            changed.append(coop_id)
    data.save_sequence(conn, seq)
    audit.record(conn, who or (audit.api_actor(by) if by is not None else audit.local_actor()),
                 "assign" if active else "unassign", coach, cooperatives=found, changed=changed)
    return changed
