"""Long work on a thread of its own, behind a dialog with a progress bar and
a Cancel button: batch printing and the export share it.

The worker is a QObject with a ``run`` slot, a thread-safe ``cancel()`` and
``finished``, ``failed`` (French, Arabic, …) and ``cancelled`` signals; it
opens its own SQLite connection (connections stay on the thread that made
them), so the window never freezes.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

ENDINGS = ("finished", "failed", "cancelled")


class Worker(Protocol):
    finished: SignalInstance
    failed: SignalInstance
    cancelled: SignalInstance

    def run(self) -> None: ...

    def cancel(self) -> None: ...


class WorkerThread(QThread):
    """A thread that runs one worker's ``run`` and ends with it.

    ``run`` is called from ``QThread.run`` itself rather than through a
    connection to ``started``: PySide dispatches a connected slot on the new
    thread by reading meta-objects before it takes the GIL, which races with
    the main thread creating Python types at that moment (a Bus error or a
    segmentation fault in ``QMetaMethod::name``, about one print preview in
    ten on a loaded machine; PYSIDE-3124). An overridden virtual takes the
    GIL first.

    The worker stays where it was made (the main thread) and is never moved
    to this thread: its signals, emitted here, still reach the main thread's
    receivers queued (Qt compares the emitting thread with the receiver's),
    and it is deleted on the main thread once released. A worker deleted on
    its own thread as it ends (``deleteLater``) runs PySide's destructor
    there, which waits for the GIL while it holds a lock that the main
    thread, holding the GIL, may be waiting for (``moveToThread`` of the next
    worker): the test suite hung on that once."""

    def __init__(self, worker: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker  # kept alive until the thread has ended

    def run(self) -> None:
        self.worker.run()  # type: ignore[attr-defined]


# Threads started here, kept until they have ended: a QThread deleted while
# it runs aborts the whole application (Qt's "destroyed while thread is still
# running"), and a dialog closed as its work ends (the outcome emitted, the
# worker still closing its database) would delete a thread it owned.
_RUNNING: set[QThread] = set()


def start_on_thread(worker: QObject, **slots: Callable[..., Any]) -> QThread:
    """Start ``worker.run`` on a new thread, which ends when the work ends.

    ``slots`` maps worker signals (``progress`` and the endings) to their
    receivers, connected before the thread starts: work that fails at once
    (an unknown id, a folder that does not exist) would otherwise emit before
    anyone listens.

    The thread is owned by no widget (see ``_RUNNING``): whoever waits for
    the work keeps it, and it is released on the main thread once ended.
    """
    thread = WorkerThread(worker)
    for name, slot in slots.items():
        if name not in ("progress", *ENDINGS):
            raise TypeError(f"{type(worker).__name__} has no signal {name!r}")
        getattr(worker, name).connect(slot)
    _RUNNING.add(thread)
    thread.finished.connect(_Release(thread).release)
    thread.start()
    return thread


class _Release(QObject):
    """Drops an ended thread from ``_RUNNING``. A QObject of the main thread,
    so that the thread's ``finished`` (emitted on the thread) is queued to it:
    the thread's wrapper is then released on the main thread."""

    def __init__(self, thread: QThread) -> None:
        super().__init__()
        self.thread_ = thread
        _RELEASES.add(self)

    def release(self) -> None:
        _RUNNING.discard(self.thread_)
        _RELEASES.discard(self)


_RELEASES: set[_Release] = set()


class ProgressDialog(QDialog):
    """A label, a progress bar and Cancel; closes itself when the work is
    done, shows the failure in the user's language, and cancels before it
    closes (Escape, the close box)."""

    completed = Signal(object)  # the worker's result
    stopped = Signal(str)  # "cancelled" or the failure message

    def __init__(self, steps: int, parent: QWidget | None = None, ui_lang: str = "fr") -> None:
        """``steps``: the progress bar's length; the subclass sets the title
        and the first text (in its own translation context)."""
        super().__init__(parent)
        self.ui_lang = ui_lang
        self.result_value: Any = None
        self.setMinimumWidth(440)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, steps)
        self.bar.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.worker: Worker | None = None
        self.worker_thread: QThread | None = None
        self.cancelling = False

    def start(self, worker: QObject, **slots: Callable[..., Any]) -> None:
        """Run ``worker`` (a ``Worker``) with this dialog's endings and ``slots``."""
        self.worker = worker  # type: ignore[assignment]
        self.worker_thread = start_on_thread(worker, finished=self._finished, failed=self._failed,
                                             cancelled=self._cancelled, **slots)

    def step(self, value: int, text: str) -> None:
        """The progress the worker reported; once Cancel is pressed the label
        keeps saying so (the step under way may still report)."""
        self.bar.setValue(value)
        if not self.cancelling:
            self.label.setText(text)

    def cancel(self) -> None:
        """Ask the worker to stop at its next step."""
        self.cancelling = True
        # Its own context: self.tr would look under the subclass's name.
        self.label.setText(QCoreApplication.translate("ProgressDialog", "Cancelling…"))
        self.buttons.setEnabled(False)
        if self.worker is not None:
            self.worker.cancel()

    def _finished(self, result: Any, *_: Any) -> None:
        self.result_value = result
        self.bar.setValue(self.bar.maximum())
        self._wait()
        self.completed.emit(result)
        self.accept()

    def _failed(self, fr: str, ar: str, *_: Any) -> None:
        message = ar if self.ui_lang == "ar" else fr
        self._wait()
        self.label.setText(message)
        self.label.setWordWrap(True)
        self.stopped.emit(message)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _cancelled(self, *_: Any) -> None:
        self._wait()
        self.stopped.emit("cancelled")
        self.reject()

    def _wait(self) -> None:
        if self.worker_thread is not None:
            self.worker_thread.quit()
            self.worker_thread.wait(10_000)

    def reject(self) -> None:
        if self.worker_thread is not None and self.worker_thread.isRunning():  # Escape, the close box
            self.cancel()
            return
        super().reject()
