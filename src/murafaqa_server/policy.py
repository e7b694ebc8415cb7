"""What the server's configuration says of security, read once per
application: token lifetime, recovery codes' lifetime, the escrow keys."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .config import Settings
from .escrow import Keyring, keyring


@dataclass
class Policy:
    settings: Settings = field(default_factory=Settings)
    _ring: Keyring | None = None

    @property
    def token_lifetime(self) -> dt.timedelta:
        return dt.timedelta(days=self.settings.token_days)

    @property
    def recovery_lifetime(self) -> dt.timedelta:
        return dt.timedelta(hours=self.settings.recovery_code_hours)

    def keyring(self) -> Keyring:
        """Read at first need: a server whose laptops escrow nothing never
        makes a key file."""
        if self._ring is None:
            self._ring = keyring(self.settings)
        return self._ring


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(at: dt.datetime) -> str:
    """The text form of every time the server stores (ISO, UTC, seconds):
    its order is the times' order."""
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def token_expiry(policy: Policy, at: dt.datetime | None = None) -> str:
    return stamp((at or utc_now()) + policy.token_lifetime)
