"""HTTP for sync (httpx): gzip bodies both ways, the schema version on every
request, bytes on the wire counted, and every failure turned into a
``SyncError`` of the right kind."""
from __future__ import annotations

import gzip
import ipaddress
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from murafaqa_protocol.messages import API_PREFIX, SCHEMA_HEADER, SCHEMA_VERSION

from . import errors

M = TypeVar("M", bound=BaseModel)

try:  # httpx decodes zstd when this is installed (httpx[zstd]): ask for it then
    import zstandard  # noqa: F401

    ACCEPT_ENCODING = "zstd, gzip"
except ImportError:  # pragma: no cover - installed with the application
    ACCEPT_ENCODING = "gzip"

# Every limit applies to one step, never to a whole request: connecting, one
# read or one write of the socket, or waiting for a connection of the pool.
# A page that takes a minute to arrive over EDGE keeps each read short; what
# fails is a link silent for that long, and the sync retries it.
TIMEOUT = httpx.Timeout(60.0, connect=20.0)
RECEIVE_CHUNK = 8192
NDJSON = "application/x-ndjson"  # several answers, one a line


@dataclass
class WireStats:
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    in_flight: int = 0  # of the answer being received, not counted above yet

    @property
    def total(self) -> int:
        return self.bytes_sent + self.bytes_received


def _header_bytes(headers: httpx.Headers) -> int:
    return sum(len(k) + len(v) + 4 for k, v in headers.raw)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_server_address(base_url: str) -> None:
    """Refuse an address the laptop must not send a password or a token to:
    anything but ``https://``, except this laptop itself (a server on
    loopback: a trial or a test, nothing crosses a network). httpx verifies
    the certificate of an https address (it is never turned off here)."""
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError):
        raise errors.insecure(base_url) from None
    if url.scheme == "https" and url.host:
        return
    if url.scheme == "http" and url.host and is_loopback(url.host):
        return
    raise errors.insecure(base_url)


# Answers that say nothing of the request itself: retried as a cut link is.
TRANSIENT = frozenset({408, 502, 503, 504})


class HttpTransport:
    """Talks to one server. ``client`` lets tests pass an in-process one."""

    def __init__(self, base_url: str, token: str | None = None, *, client: httpx.Client | None = None,
                 timeout: httpx.Timeout = TIMEOUT) -> None:
        check_server_address(base_url)
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.client = client or httpx.Client(timeout=timeout)
        self._owns_client = client is None
        self.stats = WireStats()
        # Told the bytes received so far (all requests), as an answer arrives.
        self.on_bytes: Callable[[int], None] | None = None

    def close(self) -> None:
        """Close the HTTP client this transport made (one it was given stays
        its owner's)."""
        if self._owns_client:
            self.client.close()

    def post(self, path: str, body: BaseModel, answer: type[M], *, headers: Mapping[str, str] | None = None
             ) -> M:
        """``headers``: more of them, for this request (what the laptop tells
        of itself on a sync)."""
        return self.send("POST", path, body, answer, headers=headers)

    def send(self, method: str, path: str, body: BaseModel, answer: type[M], *,
             headers: Mapping[str, str] | None = None) -> M:
        raw = gzip.compress(body.model_dump_json(exclude_defaults=True).encode("utf-8"), compresslevel=6)
        sent = {"Content-Type": "application/json", "Content-Encoding": "gzip",
                "Accept-Encoding": ACCEPT_ENCODING, SCHEMA_HEADER: str(SCHEMA_VERSION), **(headers or {})}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        url = f"{self.base_url}{API_PREFIX}{path}"
        try:
            request = self.client.build_request(method, url, content=raw, headers=sent)
            response = self.client.send(request, stream=True)
            try:
                content = self._receive(response)
            finally:
                response.close()
        except httpx.HTTPError as e:
            failure = errors.network(f"{type(e).__name__}: {e}")
            failure.cut = not isinstance(e, httpx.ConnectError | httpx.ConnectTimeout)
            raise failure from None
        self.stats.round_trips += 1
        self.stats.bytes_sent += len(raw) + _header_bytes(request.headers) + len(url) + 16
        self.stats.bytes_received += response.num_bytes_downloaded + _header_bytes(response.headers) + 16
        return self._answer(response, content, answer)

    def post_lines(self, path: str, body: BaseModel, answer: type[M], each: Callable[[M], None], *,
                   headers: Mapping[str, str] | None = None) -> int:
        """A post whose answer may come as several, a JSON answer a line
        (``application/x-ndjson``): ``each`` is given each one as soon as its
        line has arrived, while the next ones are still on their way. An
        ordinary answer is given as the only one. How many were given; a
        link cut after some of them raises as a cut, those kept."""
        raw = gzip.compress(body.model_dump_json(exclude_defaults=True).encode("utf-8"), compresslevel=6)
        sent = {"Content-Type": "application/json", "Content-Encoding": "gzip",
                "Accept-Encoding": ACCEPT_ENCODING, SCHEMA_HEADER: str(SCHEMA_VERSION), **(headers or {})}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        url = f"{self.base_url}{API_PREFIX}{path}"
        given = 0
        response: httpx.Response | None = None
        request: httpx.Request | None = None
        try:
            request = self.client.build_request("POST", url, content=raw, headers=sent)
            response = self.client.send(request, stream=True)
            try:
                if response.status_code >= 400 or not response.headers.get("content-type", "").startswith(NDJSON):
                    content = self._receive(response)
                    each(self._answer(response, content, answer))
                    return 1
                waiting = b""
                for part in response.iter_bytes(RECEIVE_CHUNK):
                    if self.on_bytes is not None:
                        self.on_bytes(self.stats.bytes_received + response.num_bytes_downloaded)
                    lines = (waiting + part).split(b"\n")
                    waiting = lines.pop()
                    self.stats.in_flight = response.num_bytes_downloaded
                    for line in lines:
                        if line.strip():
                            each(self._answer(response, line, answer))
                            given += 1
                if waiting.strip():
                    each(self._answer(response, waiting, answer))
                    given += 1
                return given
            finally:
                response.close()
        except httpx.HTTPError as e:
            failure = errors.network(f"{type(e).__name__}: {e}")
            failure.cut = not isinstance(e, httpx.ConnectError | httpx.ConnectTimeout)
            raise failure from None
        finally:
            self.stats.in_flight = 0
            if request is not None and response is not None:
                self.stats.round_trips += 1
                self.stats.bytes_sent += len(raw) + _header_bytes(request.headers) + len(url) + 16
                self.stats.bytes_received += response.num_bytes_downloaded + _header_bytes(response.headers) + 16

    def get(self, path: str, params: Mapping[str, str | int], answer: type[M]) -> M:
        """A read (a cooperative's history): the same headers and refusals as
        a post; a 404 is a record the server does not hold for this user."""
        sent = {"Accept-Encoding": "gzip", SCHEMA_HEADER: str(SCHEMA_VERSION)}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        url = f"{self.base_url}{API_PREFIX}{path}"
        try:
            request = self.client.build_request("GET", url, params=dict(params), headers=sent)
            response = self.client.send(request)
            content = response.read()
        except httpx.HTTPError as e:
            raise errors.network(f"{type(e).__name__}: {e}") from None
        self.stats.round_trips += 1
        self.stats.bytes_sent += _header_bytes(request.headers) + len(str(request.url)) + 16
        self.stats.bytes_received += response.num_bytes_downloaded + _header_bytes(response.headers) + 16
        if response.status_code == 404:
            raise errors.not_on_server(content[:200].decode("utf-8", "replace"))
        return self._answer(response, content, answer)

    def _receive(self, response: httpx.Response) -> bytes:
        parts = []
        for part in response.iter_bytes(RECEIVE_CHUNK):
            parts.append(part)
            if self.on_bytes is not None:
                self.on_bytes(self.stats.bytes_received + response.num_bytes_downloaded)
        return b"".join(parts)

    def _answer(self, response: httpx.Response, content: bytes, answer: type[M]) -> M:
        detail, code = "", ""
        if response.status_code >= 400:
            try:
                body: Any = json.loads(content)
                detail = str(body.get("detail", "")) if isinstance(body, dict) else str(body)
                code = str(body.get("code", "")) if isinstance(body, dict) else ""
            except ValueError:
                detail = content[:200].decode("utf-8", "replace")
        status = response.status_code
        if status == 426:
            raise errors.update_required(detail)
        if status == 401 and code == "device_revoked":
            raise errors.revoked(detail)
        if status == 401 and code == "token_expired":
            raise errors.expired(detail)
        if status == 401:
            raise errors.auth(detail)
        if status == 429:
            raise errors.throttled(detail, response.headers.get("Retry-After", "?"))
        if status == 403:
            raise errors.SyncError(errors.FORBIDDEN, f"Refusé : {detail}", f"مرفوض: {detail}", detail)
        if status == 422:
            raise errors.SyncError(errors.BAD_REQUEST, f"Requête refusée par le serveur : {detail}",
                                   f"رفض الخادم الطلب: {detail}", detail)
        if status in TRANSIENT:
            # The link or the way to the server, not the request: a body that
            # came too slowly over EDGE (408, nothing applied), a proxy whose
            # server is restarting or slow (502-504). Sent again like a cut.
            failure = errors.network(f"{status} {detail}".strip())
            failure.cut = True
            raise failure
        if status >= 400:
            raise errors.server(status, detail)
        try:
            return answer.model_validate_json(content)
        except ValueError as e:
            raise errors.server(status, f"unreadable answer: {e}") from None


def probe(base_url: str, timeout: float = 5.0) -> bool:
    """Is the server reachable now? (``/healthz``: a few hundred bytes.)"""
    try:
        with httpx.Client(timeout=timeout) as client:
            return client.get(f"{base_url.rstrip('/')}/healthz").status_code == 200
    except httpx.HTTPError:
        return False
