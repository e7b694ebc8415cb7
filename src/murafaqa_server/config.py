"""Configuration from the environment (pydantic-settings), declared once.

``DATABASE_URL``: ``postgresql+psycopg://...`` in production; by default an
embedded SQLite file in the data folder, so ``murafaqa-server serve`` works
with no set-up.
"""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Worker processes when WORKERS is not set: twice the cores the server may
# run on. A sync is Python work, one at a time per process, and while one
# process waits on the database another computes (measured: 50 laptops at
# once on 2 cores, p95 ~210 ms with 4 workers). The cap keeps a large
# machine's processes, and their database connections, within what one
# PostgreSQL serves by default (100 connections).
WORKERS_PER_CORE = 2
MAX_DEFAULT_WORKERS = 16


def usable_cores() -> int:
    """The cores this process may run on (a container's or a taskset's
    share), not every core of the machine."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_workers(cores: int | None = None) -> int:
    return max(1, min(WORKERS_PER_CORE * (cores or usable_cores()), MAX_DEFAULT_WORKERS))


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "murafaqa-server"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    database_url: str | None = None
    data_dir: Path = default_data_dir()
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default_factory=default_workers, ge=1)
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
