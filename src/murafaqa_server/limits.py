"""What a client may send, and how slowly: the request body's size and pace.

A body over ``MAX_BODY_BYTES`` is answered 413 before it is read whole: at
once when its ``Content-Length`` says so, otherwise as soon as the bytes
received pass the limit; a gzip body is held to the same limit once
unpacked (``routes/bodies.py``), so a small bomb cannot fill the memory. The
limit is far above the largest real push (``MAX_MUTATIONS`` mutations of
the fullest records is a few megabytes, and a laptop sends 500 at a time).

A body that comes too slowly is cut with 408: after a grace of
``BODY_GRACE_S`` it must have kept up ``BODY_MIN_RATE`` bytes a second on
average. EDGE's upload (20 kbit/s, 2,500 bytes a second) is five times that
rate; a client trickling a byte now and then to hold a connection and a
worker's memory is not. The request's head has its own limits, before the
application sees it (``http_protocol.py``).

Both refusals close the connection, so that the rest of the body is not
read either.
"""
from __future__ import annotations

import time

import anyio
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 16 * 1024 * 1024
BODY_GRACE_S = 20.0
BODY_MIN_RATE = 500  # bytes a second, on average, once the grace is over


class BodyRefused(Exception):
    """The body broke a limit while the route was reading it."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


def too_large(limit: int) -> BodyRefused:
    return BodyRefused(413, "body_too_large",
                       f"The request body is over the server's limit of {limit} bytes (nothing was changed).")


def too_slow(received: int, seconds: float) -> BodyRefused:
    return BodyRefused(408, "too_slow",
                       f"The request body came too slowly ({received} bytes in {seconds:.0f} s; at least "
                       f"{BODY_MIN_RATE} bytes a second are needed after {BODY_GRACE_S:.0f} s): nothing was "
                       "changed, please try again.")


class BodyLimits:
    """Plain ASGI middleware holding every request's body to the limits
    above; the routes read their body as usual."""

    def __init__(self, app: ASGIApp, max_bytes: int | None = None, grace_s: float | None = None,
                 min_rate: float | None = None) -> None:
        self.app = app
        # None: the module's value at the time of the request (tests lower them)
        self._max_bytes, self._grace_s, self._min_rate = max_bytes, grace_s, min_rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self._max_bytes if self._max_bytes is not None else MAX_BODY_BYTES
        grace_s = self._grace_s if self._grace_s is not None else BODY_GRACE_S
        min_rate = self._min_rate if self._min_rate is not None else BODY_MIN_RATE
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > max_bytes:
            await _refuse(too_large(max_bytes), scope, send)
            return
        started = time.monotonic()
        received = 0
        complete = False
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received, complete
            if complete:  # after the body, receive() waits for a disconnect: no pace to keep
                return await receive()
            allowed = started + grace_s + received / min_rate - time.monotonic()
            try:
                with anyio.fail_after(max(allowed, 0.0)):
                    message = await receive()
            except TimeoutError:
                raise too_slow(received, time.monotonic() - started) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > max_bytes:
                    raise too_large(max_bytes)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, noting_send)
        except BodyRefused as refused:
            if response_started:  # cannot happen: a route answers after reading its body
                raise
            await _refuse(refused, scope, send)


async def _refuse(refused: BodyRefused, scope: Scope, send: Send) -> None:
    # the body of every refusal (routes/errors.py); the rest of the request body is not read
    response = JSONResponse({"code": refused.code, "detail": refused.detail}, status_code=refused.status,
                            headers={"Connection": "close"})
    await response(scope, _nothing_to_receive, send)


async def _nothing_to_receive() -> Message:
    return {"type": "http.disconnect"}
