"""One structured log event per HTTP request."""
from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import logs


class RequestLog:
    """One structured log event per HTTP request (method, path, status,
    milliseconds). Plain ASGI: unlike ``@app.middleware("http")`` it adds no
    task and no stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless the response starts: an exception escaped

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            logs.event("request", method=scope["method"], path=scope["path"], status=status,
                       ms=round((time.perf_counter() - start) * 1000, 1))
