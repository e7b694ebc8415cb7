"""Passwords (argon2) and laptop tokens (random, stored as a SHA-256 hash:
a token has 256 bits of entropy, so a fast hash is enough and lets the
server find the laptop by it)."""
from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
TOKEN_PREFIX = "mfq_"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


_decoy: tuple[PasswordHasher, str] | None = None


def _decoy_hash() -> str:
    """The hash of a password no one has, made by the hasher in use (so with
    its parameters): checking against it costs what checking a real one does."""
    global _decoy
    if _decoy is None or _decoy[0] is not _hasher:
        _decoy = (_hasher, _hasher.hash(secrets.token_urlsafe(32)))
    return _decoy[1]


def check_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``. With no stored hash (no such
    account) a decoy is checked instead and the answer is no: an unknown
    name takes as long as a wrong password, so timing does not tell which
    names are accounts."""
    try:
        return _hasher.verify(_decoy_hash() if stored is None else stored, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
