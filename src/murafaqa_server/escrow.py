"""Sealing the laptops' database keys for safekeeping (escrow).

A laptop sends its 256-bit database key once enrolled; the server keeps it
only sealed with AES-256-GCM under the server's escrow key, the device id
bound in as associated data (a sealed key copied onto another device's row
does not open). A database dump alone thus gives no laptop's key: the
escrow key lives in the server's configuration (``ESCROW_KEY``), not in the
database.

Each sealed value names the key that sealed it (the first 8 hex digits of
the key's SHA-256), so a rotation keeps the old keys readable
(``ESCROW_OLD_KEYS``) until ``murafaqa-server escrow rekey`` has sealed
every value again under the new one.
"""
from __future__ import annotations

import base64
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .config import Settings

VERSION = "v1"
KEY_FILE = "escrow.key"


class EscrowError(Exception):
    """A key that cannot be read, or a sealed value that does not open."""


def key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def parse_key(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise EscrowError(f"{where}: an escrow key is 64 hexadecimal digits (256 bits)")
    return key


@dataclass(frozen=True)
class Keyring:
    """The key that seals, and every key that still opens."""

    current: bytes
    older: tuple[bytes, ...] = ()

    def opening(self, kid: str) -> bytes:
        for key in (self.current, *self.older):
            if key_id(key) == kid:
                return key
        raise EscrowError(f"the escrow key {kid} that sealed this value is not configured (ESCROW_OLD_KEYS)")


def _key_file(folder: Path) -> bytes:
    """The one-machine default: a key file in the data folder, owner-only,
    made at first need."""
    path = folder / KEY_FILE
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
    return parse_key(path.read_text(), str(path))


def keyring(settings: Settings) -> Keyring:
    current = (parse_key(settings.escrow_key, "ESCROW_KEY") if settings.escrow_key
               else _key_file(settings.data_dir))
    older = tuple(parse_key(k, "ESCROW_OLD_KEYS") for k in settings.escrow_old_keys.split(",") if k.strip())
    return Keyring(current, older)


def seal(ring: Keyring, device_id: str, key_hex: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(ring.current).encrypt(nonce, bytes.fromhex(key_hex), device_id.encode("utf-8"))
    return f"{VERSION}:{key_id(ring.current)}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def sealed_by(sealed: str) -> str:
    """The id of the key that sealed this value."""
    return sealed.split(":")[1]


def unseal(ring: Keyring, device_id: str, sealed: str) -> str:
    """The database key (hex) sealed for this device."""
    try:
        version, kid, body = sealed.split(":")
        raw = base64.b64decode(body)
    except ValueError:
        raise EscrowError("not a sealed escrow value") from None
    if version != VERSION:
        raise EscrowError(f"unknown escrow format {version!r}")
    try:
        return AESGCM(ring.opening(kid)).decrypt(raw[:12], raw[12:], device_id.encode("utf-8")).hex()
    except InvalidTag:
        raise EscrowError("the sealed key does not open with the configured escrow key") from None
