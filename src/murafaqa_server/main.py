"""The ASGI application as uvicorn builds it in each worker process
(``murafaqa_server.main:create``, a factory: each worker opens its own pool)."""
from __future__ import annotations

from fastapi import FastAPI

from . import logs
from .app import create_app
from .config import Settings
from .database import make_engine, open_connections
from .routes.deps import SYNC_THREADS


def create() -> FastAPI:
    settings = Settings()
    logs.setup(settings.log_level)
    engine = make_engine(settings.url())
    open_connections(engine, SYNC_THREADS)
    return create_app(engine)
