"""uvicorn's HTTP protocol with limits on a request's head, which the
application never sees: uvicorn waits for a head however slowly it comes
and however long it grows (its keep-alive timeout only runs between
requests, and is cancelled by the first byte of the next one).

* ``HEAD_TIMEOUT_S``: from the connection (or the first byte of a request on
  a kept-alive connection) to the end of the head. A laptop's head is a few
  hundred bytes, a fraction of a second even on EDGE; a client that opens
  connections and trickles header bytes to hold them is answered 408 and cut.
* ``MAX_HEAD_BYTES``: a head longer than this is answered 431 and cut.

The body's limits are the application's (``limits.py``).

A connection closed while its client is still sending (a refusal of a head
or a body, before the request's end) is closed gently: the answer is sent,
the sending side shut, and what the client still sends is read and dropped
for up to ``LINGER_S`` before the socket closes. Closed at once, the unread
bytes would make the system reset the connection, and the client would
see "connection reset" instead of the refusal's message.
"""
from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEAD_TIMEOUT_S = 20.0
MAX_HEAD_BYTES = 64 * 1024
LINGER_S = 2.0


def _refusal(status: int, reason: str, code: str, detail: str) -> bytes:
    body = json.dumps({"code": code, "detail": detail}).encode()
    return (f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\nconnection: close\r\n"
            f"content-length: {len(body)}\r\n\r\n").encode() + body


class _GentleTransport(asyncio.Transport):
    """The connection's transport as uvicorn sees it: the same, except that
    closing it while the request is unfinished lingers (see above)."""

    def __init__(self, transport: asyncio.Transport, unfinished: Callable[[], bool]) -> None:
        super().__init__()
        self._transport = transport
        self._unfinished = unfinished
        self._linger: asyncio.TimerHandle | None = None
        self.lingering = False

    def close(self, *, linger: bool = False) -> None:
        if self.lingering or self._transport.is_closing():
            return
        if not (linger or self._unfinished()):
            self._transport.close()
            return
        self.lingering = True
        if self._transport.can_write_eof():
            self._transport.write_eof()  # after what is buffered: the answer goes first
        self._transport.resume_reading()
        self._linger = asyncio.get_running_loop().call_later(LINGER_S, self._transport.close)

    def closed(self) -> None:
        if self._linger is not None:
            self._linger.cancel()

    def is_closing(self) -> bool:
        return self.lingering or self._transport.is_closing()

    # the rest as the transport does it
    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._transport.write(data)

    def writelines(self, list_of_data: Iterable[bytes | bytearray | memoryview]) -> None:
        self._transport.writelines(list_of_data)

    def write_eof(self) -> None:
        self._transport.write_eof()

    def can_write_eof(self) -> bool:
        return self._transport.can_write_eof()

    def abort(self) -> None:
        self._transport.abort()

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def pause_reading(self) -> None:
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        self._transport.resume_reading()

    def is_reading(self) -> bool:
        return self._transport.is_reading()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size()

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return self._transport.get_write_buffer_limits()

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._transport.get_protocol()


class GuardedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol (the one ``uvicorn[standard]`` picks),
    each request's head held to a deadline and a size."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._head_timer: asyncio.TimerHandle | None = None
        self._head_bytes = 0

    # -- the head's span: from its first byte (or the connection) to its end --------------------------

    def _head_begins(self) -> None:
        self._head_ends()
        self._head_bytes = 0
        self._head_timer = self.loop.call_later(HEAD_TIMEOUT_S, self._head_too_slow)

    def _head_ends(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._gentle = _GentleTransport(transport, self._request_unfinished)
        super().connection_made(self._gentle)
        self._head_begins()

    def _request_unfinished(self) -> bool:
        """The client is still sending this request: its head, or its body."""
        return self._head_timer is not None or (self.cycle is not None and self.cycle.more_body)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._head_timer is None:  # a new request on a kept-alive connection
            self._head_begins()

    def on_headers_complete(self) -> None:
        self._head_ends()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_ends()
        self._gentle.closed()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._gentle.lingering:  # answered and closing: what still comes is dropped
            return
        super().data_received(data)
        # Still in a head after this chunk: every byte of it was head.
        if self._head_timer is not None and not self.transport.is_closing():
            self._head_bytes += len(data)
            if self._head_bytes > MAX_HEAD_BYTES:
                self._head_ends()
                self._cut(_refusal(431, "Request Header Fields Too Large", "head_too_large",
                                   f"The request's head is over the server's limit of {MAX_HEAD_BYTES} bytes."))

    # -- cutting -------------------------------------------------------------------------------------------

    def _head_too_slow(self) -> None:
        self._head_timer = None
        self._cut(_refusal(408, "Request Timeout", "too_slow",
                           f"The request's head did not arrive within {HEAD_TIMEOUT_S:.0f} s."))

    def _cut(self, answer: bytes) -> None:
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:  # no response of ours is under way
            self.transport.write(answer)
        self._gentle.close(linger=True)  # cut in the middle of a head
