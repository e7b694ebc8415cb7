"""A transport that fails the way rural links do, on demand."""
from __future__ import annotations

from typing import Any

from murafaqa_desktop.sync import errors


class Faulty:
    """Wraps a transport. ``plan`` is a list of what to do with the next
    requests: "ok", "drop_request" (never reaches the server), "drop_response"
    (applied on the server, the answer lost), "duplicate" (sent twice)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.plan: list[str] = []
        self.sent: list[tuple[str, Any]] = []

    @property
    def token(self):
        return self.inner.token

    @token.setter
    def token(self, value):
        self.inner.token = value

    def post(self, path: str, body: Any, answer: type, **kw: Any) -> Any:
        action = self.plan.pop(0) if self.plan else "ok"
        if action == "drop_request":
            raise errors.network("dropped request")
        self.sent.append((path, body))
        result = self.inner.post(path, body, answer, **kw)
        if action == "duplicate":
            result = self.inner.post(path, body, answer, **kw)
        if action == "drop_response":
            raise errors.network("dropped response")
        return result
