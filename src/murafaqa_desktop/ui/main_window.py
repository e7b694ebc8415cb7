"""The main window: navigation (Dashboard, Cooperatives, My agenda,
Collective trainings, Selection, Sync), the menus (File, Language), shortcuts, the sync status,
the close guard, and window state remembered in QSettings.

Only the cooperatives list is built before the first frame; the record,
agenda, trainings and sync pages (and the store's code, loaded by the worker
after the first paint) come when first needed, so the window opens fast.

The pages are a table (``PAGES``: key, title, factory, what to refresh when
shown) the window builds its navigation and its stack from; each factory
imports its screen's package when the page is first shown. Printing, backup
and About live in actions.py, given what they act on rather than the window;
the Sync page (sync/page.py) joins the sync status, the conflicts and the
outbox.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from .. import paths
from .actions import WindowActions
from .cooperatives.list_view import CooperativeList
from .kit.errors import ErrorReporter
from .kit.i18n import FollowsLanguage, Language, lang, status_text
from .kit.tasks import Tasks
from .lock import mode as lock_mode

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent  # annotations only: each class costs ~1 ms at startup
    from PySide6.QtWidgets import QMessageBox

    from .agenda.my_agenda import AgendaView
    from .agenda.trainings import TrainingsView
    from .dashboard.page import DashboardPage
    from .lock.idle import IdleWatch
    from .lock.screen import LockScreen
    from .record.page import CooperativeRecord
    from .selection.page import SelectionPage
    from .sync.outbox import OutboxView
    from .sync.page import SyncPage
    from .sync.scheduler import SyncScheduler



class Page(NamedTuple):
    """One page of the window: ``make`` builds it (importing its screen when
    first called) and wires it to the window; ``shown`` refreshes it each
    time it comes to the front. ``title`` is the navigation's source text,
    translated in the window's context."""

    key: str
    title: str
    make: Callable[[MainWindow], QWidget]
    shown: Callable[[Any], None] | None = None


def _cooperatives(w: MainWindow) -> QWidget:
    coops = CooperativeList(w.tasks)
    coops.open_requested.connect(w.open_cooperative)
    coops.new_requested.connect(w.new_cooperative)
    return coops


def _dashboard(w: MainWindow) -> QWidget:
    from .dashboard.page import DashboardPage  # Qt Charts loads with it, when the page is first shown

    dashboard = DashboardPage(w.tasks)
    dashboard.list_requested.connect(w.show_list)
    return dashboard


def _record(w: MainWindow) -> QWidget:
    from .record.page import CooperativeRecord

    record = CooperativeRecord(w.tasks)
    record.back_requested.connect(w.back_to_list)
    record.saved.connect(w._record_saved)
    return record


def _agenda(w: MainWindow) -> QWidget:
    from .agenda.my_agenda import AgendaView

    agenda = AgendaView(w.tasks)
    agenda.open_requested.connect(w.open_cooperative)
    return agenda


def _trainings(w: MainWindow) -> QWidget:
    from .agenda.trainings import TrainingsView

    trainings = TrainingsView(w.tasks)
    trainings.sheet.added.connect(lambda _n: w.refresh_status())
    return trainings


def _selection(w: MainWindow) -> QWidget:
    from .selection.page import SelectionPage

    return SelectionPage(w.tasks)


def _sync(w: MainWindow) -> QWidget:
    from .sync.outbox import OutboxView
    from .sync.page import SyncPage

    outbox = OutboxView(w.tasks)
    outbox.status_changed.connect(w.sync_label.setText)
    return SyncPage(w.tasks.db_path, w.scheduler, outbox)


# The navigation, in its order; the record page is reached from a list, not from it.
PAGES: tuple[Page, ...] = (
    Page("dashboard", str(QT_TRANSLATE_NOOP("MainWindow", "Dashboard")), _dashboard, lambda page: page.refresh()),
    Page("cooperatives", str(QT_TRANSLATE_NOOP("MainWindow", "Cooperatives")), _cooperatives),
    Page("agenda", str(QT_TRANSLATE_NOOP("MainWindow", "My agenda")), _agenda, lambda page: page.refresh()),
    Page("trainings", str(QT_TRANSLATE_NOOP("MainWindow", "Collective trainings")), _trainings,
         lambda page: page.refresh(keep=True)),
    Page("selection", str(QT_TRANSLATE_NOOP("MainWindow", "Selection")), _selection, lambda page: page.refresh()),
    Page("sync", str(QT_TRANSLATE_NOOP("MainWindow", "Sync")), _sync,
         lambda page: page.outbox.refresh(with_history=True)),
)
RECORD = Page("record", "", _record)
_BY_KEY = {page.key: page for page in (*PAGES, RECORD)}
_ROW = {page.key: row for row, page in enumerate(PAGES)}
# Who opens on the dashboard: the programme's view is a coordinator's first
# question ("where does my region stand"); a coach's is their cooperatives.
DASHBOARD_FIRST = frozenset({"coordinator", "admin"})


class _Progress(QObject):
    message = Signal(str)


class MainWindow(FollowsLanguage, QMainWindow):
    def __init__(self, db_path: str | Path, language: Language, settings: QSettings | None = None,
                 interactive: bool = True) -> None:
        super().__init__()
        self.language = language
        self.interactive = interactive
        self.settings = settings or QSettings()
        self.reporter = ErrorReporter(self, interactive)
        self.reporter.window = self
        self.tasks = Tasks(db_path, self.reporter, self, start=False)
        self._scheduler: SyncScheduler | None = None
        self._pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.sync_label = QLabel()
        # Locked (an encrypted database, or one to encrypt): the lock screen
        # is the first frame, and the pages behind it are made once unlocked.
        opening = lock_mode.start_mode(Path(db_path))
        self.pending = 0
        self.nav = QListWidget()
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget { border: none; font-size: 11pt; } "
                               "QListWidget::item { padding: 10px 8px; }")
        for _ in PAGES:
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.show_page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.central = central  # disabled under the lock screen
        self.busy_label = QLabel()
        # "working…" only for work a coach would wait on: a search answers in a
        # few milliseconds, and a label flickering on each keystroke is noise
        self._busy_delay = QTimer(self, singleShot=True, interval=400)
        self._busy_delay.timeout.connect(lambda: self.busy_label.setText(self.tr("working…")))
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.tasks.busy_changed.connect(self._busy)
        self._menus()
        self.close_answer: QMessageBox.StandardButton | None = None  # tests answer the close guard here
        self.erased = False  # the laptop was revoked and its data erased: nothing more is kept
        self.revoked_message = ""
        self.retranslate()
        self._restore(page=opening is None)
        self.refresh_status()
        self._started = False
        self.lock_screen: LockScreen | None = None
        self.idle: IdleWatch | None = None
        if opening is not None:
            self._show_lock(opening)  # then the first frame is the lock screen
        self.installEventFilter(self)
        QTimer.singleShot(300, self._after_first_frame)  # in case no paint comes (a minimised start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_frame)
        return False

    def _after_first_frame(self) -> None:
        """The first frame is up: now open the store and read the reference
        data (the region filter's choices). Once, whichever comes first: the
        first paint or the timer of a minimised start."""
        if self._started or self.lock_screen is not None:
            return
        self._started = True
        self.tasks.start()
        self.coops.load_places()
        self._open_on_role_page()

    def _open_on_role_page(self) -> None:
        """A coordinator or an admin opens on the dashboard (their role is the
        enrolled account's, read on the worker once it runs); a coach or an
        unenrolled laptop stays on the page the window opened on. Not if the
        user has already moved elsewhere meanwhile."""
        opened_on = self.nav.currentRow()

        def job(db: Any) -> str | None:
            from ..store import sync_state

            return sync_state.get(db, "role") if sync_state.get(db, "token") else None

        def done(role: str | None) -> None:
            if role in DASHBOARD_FIRST and self.nav.currentRow() == opened_on and not self._on_record():
                self.nav.setCurrentRow(_ROW["dashboard"])

        self.tasks.run(job, done)
    # -- pages, made when first needed --------------------------------------------
    def _page(self, name: str) -> QWidget:
        """The page of a key, made by its maker (_BY_KEY) the first time: the
        properties below name each key's class (cast, not imported here)."""
        page = self._pages.get(name)
        if page is None:
            page = _BY_KEY[name].make(self)
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    @property
    def coops(self) -> CooperativeList:
        return cast(CooperativeList, self._page("cooperatives"))

    @property
    def record(self) -> CooperativeRecord:
        return cast("CooperativeRecord", self._page("record"))

    @property
    def dashboard(self) -> DashboardPage:
        return cast("DashboardPage", self._page("dashboard"))

    @property
    def agenda(self) -> AgendaView:
        return cast("AgendaView", self._page("agenda"))

    @property
    def trainings(self) -> TrainingsView:
        return cast("TrainingsView", self._page("trainings"))

    @property
    def selection(self) -> SelectionPage:
        return cast("SelectionPage", self._page("selection"))

    @property
    def sync_page(self) -> SyncPage | None:
        return cast("SyncPage | None", self._pages.get("sync"))

    @property
    def outbox(self) -> OutboxView:
        return cast("SyncPage", self._page("sync")).outbox

    def current_cooperative(self) -> str | None:
        """The cooperative open in the record page, if it was ever opened."""
        return self.record.coop_id if "record" in self._pages else None

    @property
    def scheduler(self) -> SyncScheduler:
        """Syncs in the background once this laptop is connected to a server."""
        if self._scheduler is None:
            from .sync.scheduler import SyncScheduler

            self._scheduler = SyncScheduler(self.tasks.db_path, self)
            self._scheduler.finished.connect(lambda _r: self.refresh_status())
            self.watch_revocation(self._scheduler)
        return self._scheduler

    def watch_revocation(self, scheduler: SyncScheduler) -> None:
        """A laptop revoked by the administrator erases its data (ui/sync/revoked.py)."""
        from .sync.revoked import watch_revocation

        watch_revocation(self, scheduler)

    def start_sync_if_enrolled(self) -> None:
        def job(db: Any) -> bool:
            from ..store import sync_state

            return bool(sync_state.get(db, "token"))

        self.tasks.run(job, lambda enrolled: self.scheduler.start() if enrolled else None)

    def refresh_status(self) -> None:
        """The sync status: "offline · N changes waiting", from the outbox."""
        if "sync" in self._pages:
            self.outbox.refresh(with_history=self.stack.currentWidget() is self._pages["sync"])
            return

        def job(db: Any) -> int:
            from ..store import outbox

            return outbox.pending_count(db)

        self.tasks.run(job, self._show_status)

    def _show_status(self, pending: int) -> None:
        self.pending = pending
        self.sync_label.setText(status_text(pending))

    # -- menus and shortcuts ---------------------------------------------------
    def _menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_cooperative)
        self.save_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self.save)
        self.find_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.find_cooperative)
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        for action in (self.new_action, self.save_action, self.find_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.help_menu = QMenu(self)
        self.extra_actions = WindowActions(self, self.tasks, self.current_cooperative,
                                           lambda: self.coops.model.filter)
        self.extra_actions.add_to(self.file_menu, self.help_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("ar", "العربية"), ("fr", "Français")):
            action = QAction(name, self, checkable=True)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.menuBar().addMenu(self.help_menu)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.escape)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Murafaqa — coaching of cooperatives"))
        for i, page in enumerate(PAGES):
            self.nav.item(i).setText(QCoreApplication.translate("MainWindow", page.title))
        self.file_menu.setTitle(self.tr("&File"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.extra_actions.retranslate()
        self.new_action.setText(self.tr("New cooperative"))
        self.save_action.setText(self.tr("Save"))
        self.find_action.setText(self.tr("Find a cooperative"))
        self.quit_action.setText(self.tr("Quit"))
        self.language_actions[lang()].setChecked(True)
        if self.busy_label.text():
            self.busy_label.setText(self.tr("working…"))
        if "sync" not in self._pages:
            self.sync_label.setText(status_text(self.pending))

    def set_language(self, code: str) -> None:
        if code != lang():
            self.language.set(code)
            self.settings.setValue("language", code)

    # -- navigation ------------------------------------------------------------
    def show_page(self, row: int) -> None:
        if row < 0:
            return
        spec = PAGES[row]
        page = self._page(spec.key)
        if spec.key == "cooperatives" and self.stack.currentWidget() is self._pages.get("record"):
            return
        self.stack.setCurrentWidget(page)
        if spec.shown is not None:
            spec.shown(page)
        self.settings.setValue("page", spec.key)

    def _mark_list_in_nav(self) -> None:
        """The record belongs to the cooperatives' entry of the navigation."""
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(_ROW["cooperatives"])
        self.nav.blockSignals(False)

    def open_cooperative(self, coop_id: str) -> None:
        self._mark_list_in_nav()
        self.stack.setCurrentWidget(self.record)
        self.record.open(coop_id)

    def new_cooperative(self) -> None:
        self._mark_list_in_nav()
        self.stack.setCurrentWidget(self.record)
        self.record.new()

    def back_to_list(self) -> None:
        if "record" in self._pages:
            self.record.flush_drafts()
            self.record.history.wait()  # a fetch under way ends before its thread's owner goes
        self.stack.setCurrentWidget(self.coops)
        self.nav.setCurrentRow(_ROW["cooperatives"])

    def show_list(self, filters: dict[str, Any]) -> None:
        """The cooperatives list filtered on exactly these cooperatives (a
        figure of the dashboard opens the list behind it)."""
        self.back_to_list()
        self.settings.setValue("page", "cooperatives")
        self.coops.show_filter(filters)

    def _on_record(self) -> bool:
        return "record" in self._pages and self.stack.currentWidget() is self._pages["record"]

    def save(self) -> None:
        if self._on_record():
            self.record.save_current()

    def find_cooperative(self) -> None:
        """Back to the cooperatives list, the cursor in its search box."""
        if self.stack.currentWidget() is not self.coops:
            self.back_to_list()
        self.coops.focus_search()

    def escape(self) -> None:
        if self._on_record():
            self.back_to_list()
        elif self.stack.currentWidget() is self.coops and self.coops.search.text():
            self.coops.search.clear()

    def _record_saved(self, _coop_id: str) -> None:
        self.coops.model.reload()
        self.refresh_status()

    def _busy(self, busy: bool) -> None:
        if busy:
            if not self._busy_delay.isActive() and not self.busy_label.text():
                self._busy_delay.start()
        else:
            self._busy_delay.stop()
            self.busy_label.setText("")

    # -- first start -----------------------------------------------------------
    def check_first_start(self) -> None:
        def job(db: Any) -> bool:
            from ..services import profile

            return profile.is_first_start(db)

        self.tasks.run(job, lambda first: self._offer_profile() if first else None)

    def _offer_profile(self) -> None:
        from .first_start import FirstStartDialog

        dialog = FirstStartDialog(self)
        if dialog.exec() == FirstStartDialog.DialogCode.Accepted:
            p = dialog.profile()
            self.first_start(p["coach"] or "—", p["region"], dialog.demo.isChecked())

    def first_start(self, coach: str, region: str | None, load_demo: bool, cooperatives: int = 2000) -> None:
        """Save the coach's profile, then load the demonstration programme if
        asked. The load can be cancelled: it stops at its next batch and is
        rolled back whole, so the empty database (and the profile) remain."""
        import threading

        from PySide6.QtWidgets import QProgressDialog

        from ..services import demo, profile

        self.tasks.run(lambda db: profile.save(db, coach, region))
        if not load_demo:
            return
        stop = threading.Event()  # set here, read by the worker between batches
        progress = QProgressDialog(self.tr("Loading the demonstration programme…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        signals = _Progress(self)
        signals.message.connect(lambda text: progress.setLabelText(
            self.tr("Loading the demonstration programme…") + "\n" + text))

        def cancel() -> None:
            stop.set()
            self.statusBar().showMessage(self.tr("Cancelling the demonstration load…"))

        progress.canceled.connect(cancel)  # the button, Escape and the close box
        progress.show()

        def load(db: Any) -> Any:
            try:
                return demo.generate(db, cooperatives, on_progress=signals.message.emit, should_cancel=stop.is_set)
            except demo.Cancelled:
                return None

        def finish() -> None:
            progress.canceled.disconnect(cancel)
            progress.hide()  # not close(): closing a progress dialog reports a cancel
            progress.deleteLater()

        def done(summary: Any) -> None:
            finish()
            if summary is None:
                self.statusBar().showMessage(
                    self.tr("The demonstration load was cancelled: nothing of it was kept."), 10_000)
                return
            self.statusBar().clearMessage()
            self.coops.model.reload()
            self.refresh_status()

        def failed(error: Any) -> None:
            finish()
            self.reporter.report(error)

        self.tasks.run(load, done, failed)

    # -- locked and unlocked ---------------------------------------------------------
    def _show_lock(self, opening: str) -> None:
        from .lock.screen import LockScreen

        self.tasks.hold()
        self.lock_screen = LockScreen(self.tasks.db_path, opening, self, self.interactive)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.setGeometry(self.rect())
        self.central.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.focus_field()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.rect())

    def _unlocked(self) -> None:
        screen, self.lock_screen = self.lock_screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        self.central.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.tasks.release()
        if self.nav.currentRow() < 0:  # first unlocked: the page it was left on
            self._restore_page()
        if not self._started:
            self._after_first_frame()
        else:
            self.refresh_status()
            self.start_sync_if_enrolled()
        if paths.key_file(self.tasks.db_path).exists():  # encrypted: it locks itself when left alone
            from .lock.idle import IdleWatch

            if self.idle is None:
                self.idle = IdleWatch(self.settings, self)
                self.idle.idle.connect(self.lock)
            self.idle.start()

    def lock(self) -> None:
        """Lock the window: what is being typed is kept as a draft, the
        worker's connection closes and the key leaves the store's memory; the
        lock screen covers everything until the passphrase is typed again."""
        if self.lock_screen is not None:
            return
        if self.idle is not None:
            self.idle.stop()
        if "record" in self._pages:
            self.record.flush_drafts()
        if self._scheduler is not None:
            self._scheduler.stop()
        self.tasks.hold()  # waits for the drafts to be written, then closes the connection
        from ..store import keys

        keys.forget()
        self._show_lock(lock_mode.UNLOCK)

    # -- state -----------------------------------------------------------------
    def _restore(self, page: bool = True) -> None:
        """The window's size, and (``page``) the page it was left on."""
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if page:
            self._restore_page()

    def _restore_page(self) -> None:
        page = self.settings.value("page", "cooperatives")
        self.nav.setCurrentRow(_ROW.get(str(page), _ROW["cooperatives"]))

    def closeEvent(self, event: QCloseEvent) -> None:
        from PySide6.QtWidgets import QMessageBox  # made when needed: not a startup cost

        if self.erased:  # nothing to keep: the database is gone
            super().closeEvent(event)
            return
        if self.lock_screen is not None and self.lock_screen.encrypting():
            # Quitting would not lose the data (an interrupted encryption is
            # finished at the next start), but would throw away its minutes.
            event.ignore()
            return

        if self._on_record() and self.record.dirty:
            answer = self.close_answer if not self.interactive else QMessageBox.question(
                self, self.tr("Unsaved changes"),
                self.tr("This form has changes that are not saved. Save them before closing?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel or answer is None:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self.record.save_current()
                self.tasks.wait_idle()
                if self.record.dirty:  # refused: the reason is shown by its field
                    event.ignore()
                    return
            else:
                self.record.profile_drafts.discard()
                self.record.coaching.form.discard_draft()
        if "record" in self._pages:
            self.record.flush_drafts()
            self.record.history.wait()  # a fetch under way ends before its thread's owner goes
        self.settings.setValue("geometry", self.saveGeometry())
        if self._scheduler is not None:
            self._scheduler.stop()
        self.tasks.close()
        super().closeEvent(event)


