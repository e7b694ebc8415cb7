"""When the command's own output cannot be written (a full disk, a reader
that stopped, an output not open for writing): exit 2 and one line on
stderr that says why, never a traceback, never a silent failure."""
from __future__ import annotations

import errno
import io
import os
import subprocess
import sys

import pytest

from factories import make_cooperative
from murafaqa_desktop import cli
from murafaqa_desktop.store.db import open_db


@pytest.fixture
def one(db_path):
    db = open_db(db_path)
    make_cooperative(db, registration_number="RC/1", name_fr="Coopérative Al Amal")
    db.close()
    return db_path


class Failing(io.StringIO):
    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, _text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))


@pytest.mark.parametrize("code, fr, ar", [
    (errno.ENOSPC, "le disque est plein", "القرص ممتلئ"),
    (errno.EPIPE, "s'est arrêté", "توقف البرنامج"),
    (errno.EBADF, "pas ouverte en écriture", "ليست مفتوحة للكتابة"),
])
def test_an_output_that_cannot_be_written_is_said_in_one_line(one, monkeypatch, capsys, code, fr, ar):
    for lang, words in (("fr", fr), ("ar", ar)):
        monkeypatch.setattr(sys, "stdout", Failing(code))
        assert cli.main(["search", "amal", "--db", str(one), "--lang", lang]) == 2
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def _run(one, **streams):
    return subprocess.run([sys.executable, "-m", "murafaqa_desktop", "search", "amal", "--db", str(one)],
                          stderr=subprocess.PIPE, text=True, timeout=120, **streams)


def test_output_to_a_full_device(one):
    with open("/dev/full", "w") as full:
        done = _run(one, stdout=full)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "murafaqa : impossible d'écrire la sortie de la commande : le disque est plein"]


def test_output_to_a_reader_that_has_gone(one):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader stopped before the first line
    try:
        done = _run(one, stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "s'est arrêté" in done.stderr


def test_output_not_open_for_writing(one):
    with open(os.devnull, "rb") as read_only:
        done = _run(one, stdout=read_only)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "pas ouverte en écriture" in done.stderr
