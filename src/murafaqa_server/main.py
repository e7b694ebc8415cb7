"""The ASGI application as uvicorn builds it in each worker process
(``murafaqa_server.main:create``, a factory: each worker opens its own pool)."""
from __future__ import annotations

from fastapi import FastAPI

from . import logs
from .app import create_app
from .config import Settings
from .database import make_engine


def create() -> FastAPI:
    settings = Settings()
    logs.setup(settings.log_level)
    return create_app(make_engine(settings.url()))
