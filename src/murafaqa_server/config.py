"""Configuration from the environment (pydantic-settings), declared once.

``DATABASE_URL``: ``postgresql+psycopg://...`` in production; by default an
embedded SQLite file in the data folder, so ``murafaqa-server serve`` works
with no set-up.
"""
from __future__ import annotations

import os
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "murafaqa-server"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    database_url: str | None = None
    data_dir: Path = default_data_dir()
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    log_level: str = "INFO"
    # Which proxies' X-Forwarded-For is believed (the address sign-ins are
    # throttled by): the TLS reverse proxy's address, comma-separated.
    forwarded_allow_ips: str = "127.0.0.1"
    # A laptop token's lifetime, renewed at each sync: a laptop that has not
    # synced for this long signs in again.
    token_days: int = 90
    # The key sealing the laptops' escrowed database keys (64 hex digits;
    # same on every machine of a deployment). Unset: a key file made in the
    # data folder at first need, for a one-machine server.
    escrow_key: str | None = None
    # Earlier escrow keys, comma-separated, still read after a rotation until
    # `murafaqa-server escrow rekey` has sealed everything again.
    escrow_old_keys: str = ""
    # How long a one-time recovery code issued by `device recover` is valid.
    recovery_code_hours: int = 24

    def url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'murafaqa-server.db'}"
