"""The command's own output: a write that fails (a full disk, a closed pipe,
a standard output not open for writing) is told apart from the command's
own file errors, and said in one line."""
from __future__ import annotations

import errno
import json
import os
import sys
from typing import TextIO


class OutputError(Exception):
    """The command's own output could not be written."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error

    def message(self, lang: str) -> str:
        code = self.error.errno
        if code == errno.ENOSPC:
            fr, ar = "le disque est plein", "القرص ممتلئ"
        elif code == errno.EPIPE:
            fr, ar = "le programme qui la lisait s'est arrêté", "توقف البرنامج الذي كان يقرؤها"
        elif code == errno.EBADF:
            fr, ar = "elle n'est pas ouverte en écriture", "ليست مفتوحة للكتابة"
        else:
            fr = ar = self.error.strerror or str(self.error)
        if lang == "ar":
            return f"murafaqa: تعذرت كتابة ناتج الأمر: {ar}"
        return f"murafaqa : impossible d'écrire la sortie de la commande : {fr}"


class GuardedOutput:
    """Standard output for one command: a failed write raises OutputError."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:  # started with its output closed
            raise OutputError(OSError(errno.EBADF, os.strerror(errno.EBADF)))
        try:
            return self._stream.write(text)
        except OSError as e:
            raise OutputError(e) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as e:
            raise OutputError(e) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def silence(stdout: TextIO | None) -> None:
    """What is left in the output's buffer would fail again when Python
    exits, with a second message: the process's own output now goes to the
    null device (only when it is the real standard output)."""
    real = sys.__stdout__
    if real is None or stdout is not real:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, real.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
