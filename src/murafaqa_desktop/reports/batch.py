"""Writing documents to disk: one or many, one file or one file each, with
progress and cancel, and never a partial file.

Every file is written to a temporary name in its destination folder and
renamed only once complete: an unknown id, a full disk, a cancel or a crash
leaves the destination as it was. Keys are all checked before the first sheet
is laid out, so a typo in the 600th id costs nothing. Sheets are built and
appended one by one (``pdfjoin``), so memory does not grow with the batch.
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import re
import tempfile
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..domain.errors import DomainError
from ..store.db import disk_full
from . import documents
from .pdfjoin import PdfJoiner


class Cancelled(Exception):
    """The user stopped the batch; nothing was written."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    key: str


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    documents: int = 0
    pages: int = 0


def unwritable(path: Path, fr: str, ar: str | None = None) -> DomainError:
    return DomainError("unwritable", f"Impossible d'écrire {path} : {fr}", f"تعذرت الكتابة في {path}: {ar or fr}")


# The system's own words are English: the reasons a user can act on, said in theirs.
_REASONS = {
    errno.EACCES: ("accès refusé", "تم رفض الوصول"),
    errno.EPERM: ("accès refusé", "تم رفض الوصول"),
    errno.EROFS: ("le support est en lecture seule", "وسيط التخزين للقراءة فقط"),
}


def write_failed(path: Path, error: OSError) -> DomainError:
    """Why a document could not be written, in the user's language."""
    full = disk_full(error, path)
    if full is not None:
        return full
    fr, ar = _REASONS.get(error.errno or 0, (error.strerror or str(error), None))
    return unwritable(path, fr, ar)


@contextmanager
def atomic_file(path: Path) -> Iterator[Any]:
    """A binary file that appears at ``path`` only if the block succeeds."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise unwritable(path, "c'est un dossier (--split pour un fichier par document)",
                         "هذا مجلد (--split لملف لكل وثيقة)")
    if not folder.is_dir():
        raise unwritable(path, f"le dossier {folder} n'existe pas", f"المجلد {folder} غير موجود")
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as e:
        raise write_failed(path, e) from None
    try:
        with os.fdopen(handle, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it private; a printed sheet is not
        os.replace(temp, path)
    except OSError as e:
        _remove(temp)
        raise write_failed(path, e) from None
    except BaseException:
        _remove(temp)
        raise


def _remove(temp: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(temp)


def safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE).strip("-") or "document"


def iter_batch(db: Database, kind: str, keys: Sequence[str], out: str | Path, lang: str = "fr", *,
               split: bool = False, printed_on: dt.date | None = None, result: BatchResult | None = None,
               **options: Any) -> Generator[Progress, None, None]:
    """Build the documents, yielding after each one; stop iterating (close the
    generator) to cancel: the output file is then not created.

    ``split``: ``out`` is a folder and each document gets its own file.
    """
    result = result if result is not None else BatchResult()
    keys = [documents.resolve(db, kind, key) for key in keys]  # every key checked first
    if not keys:
        raise DomainError("nothing_to_print", "Rien à imprimer : aucun identifiant", "لا شيء للطبع: لا يوجد أي معرف")
    out = Path(out)
    total = len(keys)
    if split:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise write_failed(out, e) from None
        for done, key in enumerate(keys, start=1):
            record = documents.load(db, kind, key, lang, **options)
            pdf = documents.render_record(kind, record, lang, printed_on)
            path = out / f"{kind}-{safe_name(documents.name_of(kind, record, key))}-{lang}.pdf"
            with atomic_file(path) as f:
                f.write(pdf)
            result.files.append(path)
            result.documents += 1
            yield Progress(done, total, key)
        return
    if total == 1:
        record = documents.load(db, kind, keys[0], lang, **options)
        pdf = documents.render_record(kind, record, lang, printed_on)
        with atomic_file(out) as f:
            f.write(pdf)
        result.files.append(out)
        result.documents = 1
        yield Progress(1, 1, keys[0])
        return
    with atomic_file(out) as f:
        joiner = PdfJoiner(f, title=documents.kind(kind).module.title({}, lang))
        for done, key in enumerate(keys, start=1):
            record = documents.load(db, kind, key, lang, **options)
            pdf = documents.render_record(kind, record, lang, printed_on)
            result.pages += joiner.add(pdf, bookmark=documents.name_of(kind, record, key))
            result.documents += 1
            yield Progress(done, total, key)
        joiner.close()
    result.files.append(out)


def build_batch(db: Database, kind: str, keys: Sequence[str], out: str | Path, lang: str = "fr", *,
                split: bool = False, on_progress: Callable[[Progress], None] | None = None,
                should_cancel: Callable[[], bool] | None = None, printed_on: dt.date | None = None,
                **options: Any) -> BatchResult:
    """Run ``iter_batch`` to the end, reporting progress; raises ``Cancelled``
    (and leaves no file behind) as soon as ``should_cancel()`` says so."""
    result = BatchResult()
    steps = iter_batch(db, kind, keys, out, lang, split=split, printed_on=printed_on, result=result, **options)
    try:
        for step in steps:
            if on_progress:
                on_progress(step)
            if should_cancel and should_cancel():
                steps.close()  # unwinds atomic_file: the temporary file is removed
                for path in result.files if split else []:
                    path.unlink(missing_ok=True)
                raise Cancelled()
    finally:
        steps.close()
    return result
