"""Runs the sync engine off the main thread: on demand, every few minutes,
and as soon as connectivity returns (QNetworkInformation where the platform
has a backend, plus probing the server with backoff after a network error).

Self-contained: it takes the database path and opens its own connection in
the worker thread (SQLite connections stay in their thread). One sync at a
time; a request while one runs is remembered and run after it.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from sqlite_utils import Database

from ...store import sync_state as st
from ...store.db import open_db
from ...sync import account, errors, escrow, pieces
from ...sync.engine import Cancelled, SyncEngine, Transport
from ...sync.transport import HttpTransport, probe
from ..kit.background import WorkerThread

if TYPE_CHECKING:  # QtNetwork is loaded only when the scheduler starts watching the network
    from PySide6.QtNetwork import QNetworkInformation

TransportFactory = Callable[[Database], Transport]

BACKOFF_MS = (15_000, 30_000, 60_000, 120_000, 300_000, 600_000)
DEFAULT_INTERVAL_MS = 5 * 60_000


class SyncWorker(QObject):
    progress = Signal(str, int, int)
    finished = Signal(dict)
    failed = Signal(str, str, str)  # kind, French, Arabic

    def __init__(self, db_path: Path, transport_factory: TransportFactory | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.transport_factory = transport_factory or (lambda db: account.transport_for(db))
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    @Slot()
    def run(self) -> None:
        db = open_db(self.db_path, check_same_thread=False)
        transport: object = None
        try:
            transport = self.transport_factory(db)
            if isinstance(transport, HttpTransport):
                escrow.deposit(db, transport)  # once, if enrolment could not
            engine = SyncEngine(db, transport, progress=lambda *a: self.progress.emit(*a),
                                cancelled=lambda: self._cancel, retry=pieces.Retry())
            report = engine.run()
            self.finished.emit(report.as_dict())
        except Cancelled:
            self.failed.emit("cancelled", "Synchronisation arrêtée ; rien n'est perdu.",
                             "أوقفت المزامنة؛ لم يضع أي شيء.")
        except errors.SyncError as e:  # already in the sync state: the engine keeps its outcome
            self.failed.emit(e.kind, e.fr, e.ar)
        except Exception as e:  # noqa: BLE001 - shown to the user, never a crash of the window
            self.failed.emit("internal", f"Erreur inattendue : {e}", f"خطأ غير متوقع: {e}")
        finally:
            # One HTTP client per sync: closed with it, or every sync of the
            # day would leave its connections open.
            close = getattr(transport, "close", None)
            if callable(close):
                close()
            db.close()


class SyncScheduler(QObject):
    started = Signal()
    progress = Signal(str, int, int)
    finished = Signal(dict)
    failed = Signal(str, str, str)
    online_changed = Signal(bool)

    def __init__(self, db_path: Path, parent: QObject | None = None, *, interval_ms: int = DEFAULT_INTERVAL_MS,
                 transport_factory: TransportFactory | None = None,
                 prober: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.transport_factory = transport_factory
        self.prober = prober or probe
        self.worker_thread: QThread | None = None
        self.worker: SyncWorker | None = None
        self.again = False
        self.failures = 0
        self.online = True
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_now)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self._probe)
        self._watch_network()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6
            return
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        up = reachability in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site)
        if up and not self.online:
            self.sync_now()

    def start(self) -> None:
        """Periodic syncs while the app is open, plus one now."""
        self.timer.start()
        self.sync_now()

    def stop(self) -> None:
        self.timer.stop()
        self.retry.stop()
        if self.worker:
            self.worker.cancel()
        if self.worker_thread:
            self.worker_thread.quit()
            self.worker_thread.wait(30_000)

    def busy(self) -> bool:
        return self.worker_thread is not None

    @Slot()
    def sync_now(self) -> None:
        if self.worker_thread is not None:
            self.again = True
            return
        self.retry.stop()
        self.worker = SyncWorker(self.db_path, self.transport_factory)
        self.worker_thread = WorkerThread(self.worker, self)  # see kit/background.py
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.started.emit()
        self.worker_thread.start()

    def _end_thread(self) -> None:
        assert self.worker_thread is not None
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.worker_thread.deleteLater()
        self.worker_thread = None
        self.worker = None

    @Slot(dict)
    def _done(self, report: dict[str, Any]) -> None:
        self._end_thread()
        self.failures = 0
        self._set_online(True)
        self.finished.emit(report)
        self._maybe_again()

    @Slot(str, str, str)
    def _failed(self, kind: str, fr: str, ar: str) -> None:
        self._end_thread()
        if kind == errors.NETWORK:
            self._set_online(False)
            delay = BACKOFF_MS[min(self.failures, len(BACKOFF_MS) - 1)]
            self.failures += 1
            self.retry.start(delay)
        self.failed.emit(kind, fr, ar)
        self._maybe_again()

    def _maybe_again(self) -> None:
        if self.again:
            self.again = False
            self.sync_now()

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    @Slot()
    def _probe(self) -> None:
        """Back off while the server stays out of reach; sync the moment it answers."""
        db = open_db(self.db_path)
        try:
            server = st.get(db, "server")
        finally:
            db.close()
        if server and self.prober(server):
            self.sync_now()
            return
        delay = BACKOFF_MS[min(self.failures, len(BACKOFF_MS) - 1)]
        self.failures += 1
        self.retry.start(delay)
