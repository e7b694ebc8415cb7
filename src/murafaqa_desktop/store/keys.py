"""The database key and what guards it.

The database is encrypted (SQLCipher 4) with a random 256-bit key that
never changes. That key is kept beside the database, in a small key file
(``murafaqa.db.key``), wrapped twice with AES-256-GCM:

- by a key derived from the coach's passphrase with Argon2id (RFC 9106's
  second recommended setting: 3 passes over 64 MiB, 4 lanes; about half a
  second on a laptop), so that guessing passphrases from a stolen disk costs
  that much per guess;
- by the recovery key shown (and printed) at set-up: 160 random bits, which
  need no slow derivation (HKDF-SHA256 is enough for a random secret).

AES-GCM authenticates: a wrong passphrase is known from the key file alone,
before SQLCipher is ever asked (it would log "hmac check failed" and say
only "file is not a database"). Changing the passphrase rewrites this small
file and never re-encrypts the data. The key file itself holds nothing
readable without the passphrase or the recovery key.
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from ..domain.errors import DomainError

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
RECOVERY_BYTES = 20  # 32 base32 characters, in 8 groups of 4
MIN_PASSPHRASE = 10
FORMAT = 1


@dataclass(frozen=True)
class Kdf:
    """Argon2id's cost: passes, memory (KiB) and lanes."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


# The product's setting; stored in each key file, so a file made with other
# costs (the tests' cheap one) still opens with the costs it was made with.
DEFAULT_KDF = Kdf()


class KeyFileError(DomainError):
    kind = "key"


def wrong_passphrase() -> KeyFileError:
    return KeyFileError("wrong_passphrase", "Phrase secrète incorrecte : rien n'a été ouvert ni modifié.",
                     "العبارة السرية غير صحيحة: لم يُفتح أي شيء ولم يُغيَّر.")


def wrong_recovery_key() -> KeyFileError:
    return KeyFileError("wrong_recovery_key", "Clé de secours incorrecte : rien n'a été ouvert ni modifié.",
                     "مفتاح الاستعادة غير صحيح: لم يُفتح أي شيء ولم يُغيَّر.")


def check_passphrase(passphrase: str) -> None:
    """The rule the coach is told: at least 10 characters."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise KeyFileError("short_passphrase",
                        f"La phrase secrète doit compter au moins {MIN_PASSPHRASE} caractères.",
                        f"يجب أن تتكون العبارة السرية من {MIN_PASSPHRASE} أحرف على الأقل.")


def key_path(db_path: str | Path) -> Path:
    return paths.key_file(Path(db_path))


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    text = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def _recovery_bytes(text: str) -> bytes | None:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")  # misread characters
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        return None
    return raw if len(raw) == RECOVERY_BYTES else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text))


def _passphrase_key(passphrase: str, salt: bytes, kdf: Kdf) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, kdf.time_cost, kdf.memory_kib, kdf.parallelism,
                           KEY_BYTES, Type.ID)


def _recovery_wrapping_key(recovery: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), KEY_BYTES, salt, b"murafaqa recovery key").derive(recovery)


def _wrap(wrapping_key: bytes, db_key: bytes, purpose: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(wrapping_key).encrypt(nonce, db_key, purpose))}


def _unwrap(wrapping_key: bytes, entry: dict[str, Any], purpose: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(wrapping_key).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), purpose)
    except InvalidTag:
        return None


def _passphrase_entry(db_key: bytes, passphrase: str, kdf: Kdf) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    return {"kdf": "argon2id", "time_cost": kdf.time_cost, "memory_kib": kdf.memory_kib,
            "parallelism": kdf.parallelism, "salt": _b64(salt),
            **_wrap(_passphrase_key(passphrase, salt, kdf), db_key, b"passphrase")}


def _recovery_entry(db_key: bytes, recovery: str) -> dict[str, Any]:
    raw = _recovery_bytes(recovery)
    assert raw is not None  # made by new_recovery_key
    salt = secrets.token_bytes(SALT_BYTES)
    return {"kdf": "hkdf-sha256", "salt": _b64(salt), **_wrap(_recovery_wrapping_key(raw, salt), db_key, b"recovery")}


def _write(path: Path, content: dict[str, Any]) -> None:
    """Replace the key file whole: a crash leaves the old file or the new one."""
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, json.dumps(content, indent=1).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, path)


def _read(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise KeyFileError("no_key_file", f"Fichier de clé illisible ({path}) : {e}",
                        f"ملف المفتاح غير مقروء ({path}): {e}") from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise KeyFileError("no_key_file", f"Fichier de clé inconnu : {path}", f"ملف مفتاح غير معروف: {path}")
    return content


def create(path: Path, passphrase: str, *, db_key: bytes | None = None, kdf: Kdf | None = None) -> tuple[bytes, str]:
    """A key file for a new database key (or the given one, recovered from the
    server): returns the database key and the recovery key to show once."""
    check_passphrase(passphrase)
    db_key = db_key or new_database_key()
    recovery = new_recovery_key()
    _write(path, {"format": FORMAT, "passphrase": _passphrase_entry(db_key, passphrase, kdf or DEFAULT_KDF),
                  "recovery": _recovery_entry(db_key, recovery)})
    return db_key, recovery


def unlock(path: Path, passphrase: str) -> bytes:
    entry = _read(path)["passphrase"]
    kdf = Kdf(int(entry["time_cost"]), int(entry["memory_kib"]), int(entry["parallelism"]))
    key = _unwrap(_passphrase_key(passphrase, _unb64(entry["salt"]), kdf), entry, b"passphrase")
    if key is None:
        raise wrong_passphrase()
    return key


def unlock_with_recovery_key(path: Path, recovery: str) -> bytes:
    entry = _read(path)["recovery"]
    raw = _recovery_bytes(recovery)
    key = None if raw is None else _unwrap(_recovery_wrapping_key(raw, _unb64(entry["salt"])), entry, b"recovery")
    if key is None:
        raise wrong_recovery_key()
    return key


def change_passphrase(path: Path, db_key: bytes, new_passphrase: str, *, kdf: Kdf | None = None) -> None:
    """Rewrap the database key under a new passphrase; the data is untouched
    and the recovery key stays valid."""
    check_passphrase(new_passphrase)
    content = _read(path)
    content["passphrase"] = _passphrase_entry(db_key, new_passphrase, kdf or DEFAULT_KDF)
    _write(path, content)


def set_device(path: Path, server: str, device_id: str) -> None:
    """Keep, readable while the database is locked, what a recovery code is
    asked with: the server and this laptop's id (neither is a secret)."""
    content = _read(path)
    content["device"] = {"server": server, "device_id": device_id}
    _write(path, content)


def device(path: Path) -> tuple[str, str] | None:
    """(server, device id) of the enrolled laptop, if it enrolled."""
    try:
        entry = _read(path).get("device")
    except KeyFileError:
        return None
    if not isinstance(entry, dict) or not entry.get("server") or not entry.get("device_id"):
        return None
    return str(entry["server"]), str(entry["device_id"])


def set_passphrase(path: Path, db_key: bytes, passphrase: str) -> str | None:
    """After unlocking with the recovery key or a recovery code: the new
    passphrase wraps the same key. A new recovery key (returned) is made
    only when the key file itself was lost."""
    if path.exists():
        with contextlib.suppress(KeyFileError):
            _read(path)
            change_passphrase(path, db_key, passphrase)
            return None
    return create(path, passphrase, db_key=db_key)[1]


def pragma_key(db_key: bytes) -> str:
    """SQLCipher's raw key form: its own PBKDF2 is skipped, the key being
    random already (or derived above)."""
    return f"\"x'{db_key.hex()}'\""


# The keys of the databases unlocked in this process, so that every
# connection the application opens (the worker's, the printing's, the
# sync's) finds its key without each screen carrying it. Dropped on lock.
_unlocked: dict[Path, bytes] = {}


def remember(db_path: str | Path, db_key: bytes) -> None:
    _unlocked[Path(db_path).resolve()] = db_key


def key_for(db_path: str | Path) -> bytes | None:
    return _unlocked.get(Path(db_path).resolve())


def forget(db_path: str | Path | None = None) -> None:
    if db_path is None:
        _unlocked.clear()
    else:
        with contextlib.suppress(KeyError):
            del _unlocked[Path(db_path).resolve()]
