"""Auto-lock: after so many minutes without a key pressed or the mouse used
(the setting ``lock_minutes``, 15 unless changed; 0 never), ``idle`` fires."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication

DEFAULT_MINUTES = 15.0
INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod})


def lock_minutes(settings: QSettings) -> float:
    try:
        return max(0.0, float(settings.value("lock_minutes", DEFAULT_MINUTES)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle.emit)
        self.settings = settings
        self._watching = False

    def start(self) -> None:
        """Watch the application's input from now (again after an unlock)."""
        minutes = lock_minutes(self.settings)
        if minutes <= 0:
            return
        self.timer.setInterval(int(minutes * 60_000))
        if not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self._watching:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT and self.timer.isActive():
            self.timer.start()
        return False
