"""A transport closes the HTTP client it made, never one it was given."""
from __future__ import annotations

import httpx

from murafaqa_desktop.sync.transport import HttpTransport


def test_a_transport_closes_only_the_client_it_made() -> None:
    own = HttpTransport("https://murafaqa.test")
    own.close()
    assert own.client.is_closed
    given = httpx.Client()
    HttpTransport("https://murafaqa.test", client=given).close()
    assert not given.is_closed
    given.close()
