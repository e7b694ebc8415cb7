"""The README's test command covers PostgreSQL whenever one answers at the
usual local address, with no variable to set; a machine without one skips
those tests quickly, and an empty variable leaves them out on purpose."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from server import mfq_harness
from server.mfq_harness import LOCAL_POSTGRES, answers, postgres_url


@pytest.fixture(autouse=True)
def _no_variables(monkeypatch):
    monkeypatch.delenv("MURAFAQA_TEST_POSTGRES_URL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    answers.cache_clear()
    yield
    answers.cache_clear()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_local_postgresql_is_used_when_it_answers():
    if not answers(LOCAL_POSTGRES):
        pytest.skip(f"no PostgreSQL answers at {LOCAL_POSTGRES}")
    assert postgres_url() == LOCAL_POSTGRES


def test_nothing_listening_means_no_postgresql_at_once(monkeypatch):
    monkeypatch.setattr(mfq_harness, "LOCAL_POSTGRES", f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/test")
    started = time.monotonic()
    assert postgres_url() is None
    assert time.monotonic() - started < 1


def test_a_listener_that_is_not_postgresql_is_not_taken_for_one(monkeypatch):
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(listener.accept()[0]), daemon=True).start()
    port = listener.getsockname()[1]
    monkeypatch.setattr(mfq_harness, "LOCAL_POSTGRES", f"postgresql+psycopg://postgres@127.0.0.1:{port}/test")
    started = time.monotonic()
    try:
        assert postgres_url() is None
        assert time.monotonic() - started < 5  # libpq's connect timeout, not a hang
    finally:
        for s in (*held, listener):
            s.close()


def test_a_named_server_wins_and_an_empty_name_leaves_postgresql_out(monkeypatch):
    monkeypatch.setattr(mfq_harness, "answers", lambda _url: pytest.fail("no probe when a server is named"))
    monkeypatch.setenv("MURAFAQA_TEST_POSTGRES_URL", "postgresql+psycopg://u@db.example/t")
    assert postgres_url() == "postgresql+psycopg://u@db.example/t"
    monkeypatch.setenv("MURAFAQA_TEST_POSTGRES_URL", "")
    assert postgres_url() is None
    monkeypatch.delenv("MURAFAQA_TEST_POSTGRES_URL")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://v@db.example/t")
    assert postgres_url() == "postgresql+psycopg://v@db.example/t"
