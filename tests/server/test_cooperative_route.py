"""GET /api/v1/cooperatives/{key}: by id or by registration number in the
programme's own format (slashes), over a real HTTP connection; a cooperative
outside the caller's scope answers exactly as one that does not exist."""
from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
import uvicorn

from murafaqa_protocol.messages import SCHEMA_VERSION
from murafaqa_server.app import create_app
from server.mfq_harness import PASSWORD

REG = "07/2022/00042"  # the programme's registration numbers: region/year/serial


@pytest.fixture
def http(server) -> Iterator[httpx.Client]:
    """The app behind uvicorn on a free port of 127.0.0.1: the path travels as
    a real client writes it, percent-encoding included."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(server.engine), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=20) as client:
        yield client
    uv.should_exit = True
    thread.join(20)
    sock.close()


def _enrol(client: httpx.Client, user: str) -> dict[str, str]:
    r = client.post("/api/v1/enrol", json={"schema_version": SCHEMA_VERSION, "user": user, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture
def coop(server, http) -> dict[str, object]:
    """Ali's cooperative registered as 07/2022/00042 (region 07); an admin, the
    coordinator of 07, the coordinator of 08 and another coach."""
    for name, role, region in (("ali", "coach", None), ("sara", "coach", None), ("boss", "admin", None),
                               ("coord", "coordinator", "07"), ("coord8", "coordinator", "08")):
        server.user(name, role, region)
    tokens = {name: _enrol(http, name) for name in ("ali", "sara", "boss", "coord", "coord8")}
    coop_id = str(uuid.uuid4())
    body = {"schema_version": SCHEMA_VERSION, "mutations": [
        {"n": 1, "t": "cooperatives", "id": coop_id, "op": "upsert",
         "f": {"registration_number": REG, "legal_date": "2022-01-01", "region": "07"}, "b": {}}]}
    r = http.post("/api/v1/sync", json=body, headers=tokens["ali"])
    assert r.status_code == 200 and r.json()["results"][0]["st"] == "ok", r.text
    return {"id": coop_id, "tokens": tokens}


@pytest.mark.parametrize("path", [REG, quote(REG, safe="")], ids=["slashes", "percent-encoded"])
@pytest.mark.parametrize("who", ["boss", "coord", "ali"])
def test_a_cooperative_is_found_by_its_registration_number_with_slashes(http, coop, path, who):
    r = http.get(f"/api/v1/cooperatives/{path}", headers=coop["tokens"][who])
    assert r.status_code == 200, r.text
    assert r.json()["id"] == coop["id"]
    by_id = http.get(f"/api/v1/cooperatives/{coop['id']}", headers=coop["tokens"][who])
    assert by_id.status_code == 200 and by_id.json() == r.json()


@pytest.mark.parametrize("who", ["sara", "coord8"])
def test_out_of_scope_answers_exactly_as_not_found(http, coop, who):
    headers = coop["tokens"][who]
    for key in (REG, coop["id"]):
        hidden = http.get(f"/api/v1/cooperatives/{key}", headers=headers)
        # A key no cooperative holds: the same answer, but for the key it names.
        missing = http.get(f"/api/v1/cooperatives/{key}-x", headers=headers)
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json() == {"code": "not_found", "detail": f"No cooperative {key!r}."}
        assert missing.json() == {"code": "not_found", "detail": f"No cooperative {key + '-x'!r}."}
        assert hidden.headers["content-type"] == missing.headers["content-type"]
