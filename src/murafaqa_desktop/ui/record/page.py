"""A cooperative's record, in tabs: Profile, Eligibility & selection,
Strategic diagnosis, Development plan, Coaching, Trainings attended,
Financing, History (who changed what: read and fetched when shown). The
whole file is read in one worker job (services.cooperatives.file) and every
tab fills itself from it; any save reloads it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ...domain.entities import COOPERATIVE
from ...domain.errors import DomainError
from ...services import cooperatives
from ..kit.drafts import DraftKeeper
from ..kit.form import FormPanel
from ..kit.i18n import FollowsLanguage, lang
from ..kit.tasks import Tasks
from .coaching_tab import CoachingTab
from .history_tab import HistoryTab
from .plan_tab import PlanTab
from .selection_tab import SelectionTab
from .tabs import DiagnosisTab, FinancingTab, TrainingsAttendedTab

# two columns of eleven: who and where the cooperative is; then its people and its programme
PROFILE_FIELDS = ("registration_number", "name_ar", "name_fr", "legal_date", "activity_start", "application_date",
                  "legal_standing", "region", "province", "commune", "sector",
                  "president", "phone", "email", "members", "women", "youth", "tranche", "phase", "status", "coach",
                  "notes")


class ProfileTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = FormPanel(COOPERATIVE, PROFILE_FIELDS, columns=2)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.draft_note = QLabel()
        self.draft_note.setStyleSheet("color: #5f6368;")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_note, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)


class CooperativeRecord(FollowsLanguage, QWidget):
    """``loaded`` fires when a file is shown; ``saved`` after any change."""

    loaded = Signal(str)
    saved = Signal(str)
    back_requested = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self.file: dict[str, Any] | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.profile = ProfileTab()
        self.selection = SelectionTab(tasks)
        self.diagnosis = DiagnosisTab(tasks)
        self.plan = PlanTab(tasks)
        self.coaching = CoachingTab(tasks)
        self.trainings = TrainingsAttendedTab()
        self.financing = FinancingTab(tasks)
        self.history = HistoryTab(tasks)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for tab in (self.profile, self.selection, self.diagnosis, self.plan, self.coaching, self.trainings,
                    self.financing, self.history):
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        for tab in (self.selection, self.diagnosis, self.plan, self.coaching, self.financing):
            tab.changed.connect(self.reload)
        self.profile.save_button.clicked.connect(self.save_profile)
        self.profile_drafts = DraftKeeper(tasks, "cooperative", self.profile.form.values, self)
        self.profile.form.changed.connect(self.profile_drafts.touched)
        self.profile_drafts.found.connect(self._profile_draft)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        names = (self.tr("Profile"), self.tr("Eligibility && selection"), self.tr("Strategic diagnosis"),
                 self.tr("Development plan"), self.tr("Coaching"), self.tr("Trainings attended"),
                 self.tr("Financing"), self.tr("History"))
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        self.back_button.setText(self.tr("Back to the list"))
        self.profile.save_button.setText(self.tr("Save"))
        self._titles()

    def _titles(self) -> None:
        if self.file is None:
            self.title.setText(self.tr("New cooperative"))
            self.subtitle.setText(self.tr("Fields marked * are required."))
            return
        c = self.file["cooperative"]
        first, second = ("name_ar", "name_fr") if lang() == "ar" else ("name_fr", "name_ar")
        # a mark first: the line reads (and aligns) in the interface's direction,
        # whatever script the name is in
        mark = "\u200f" if lang() == "ar" else "\u200e"
        self.title.setText(mark + (c[first] or c[second] or c["registration_number"]))
        other = c[second] if c[first] else None  # not the title twice
        self.subtitle.setText(mark + " · ".join(x for x in (c["registration_number"], other) if x))

    # -- opening --------------------------------------------------------------
    def open(self, coop_id: str) -> None:
        self.coop_id = coop_id
        self.tasks.run(lambda db: cooperatives.file(db, coop_id), self.show_file)

    def new(self) -> None:
        self.coop_id, self.file = None, None
        self.profile.form.clear()
        self.profile.form.editors["status"].set_value("applied")
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, False)
        self.tabs.setCurrentIndex(0)
        self.profile.draft_note.clear()
        self.profile_drafts.attach("cooperative:new", None)
        self._titles()
        self.profile.form.editors["registration_number"].setFocus()

    def reload(self) -> None:
        if self.coop_id:
            self.saved.emit(self.coop_id)
            self.open(self.coop_id)

    def show_file(self, file: dict[str, Any]) -> None:
        if file["cooperative"]["id"] != self.coop_id:
            return
        fresh = self.file is None or self.file["cooperative"]["id"] != self.coop_id
        self.file = file
        for i in range(self.tabs.count()):
            self.tabs.setTabEnabled(i, True)
        if fresh or not self.profile_drafts.dirty:
            self.profile.form.set_values(file["cooperative"])
            self.profile.draft_note.clear()
        if fresh:
            self.profile_drafts.attach(f"cooperative:{self.coop_id}", None)
        self._titles()
        self.selection.show_file(file)
        self.diagnosis.show_file(file)
        self.plan.show_file(file)
        self.plan.after_reload()
        title = self.title.text()
        self.coaching.show_file(file, title)
        self.trainings.show_file(file)
        self.financing.show_file(file)
        if self.tabs.currentWidget() is self.history and self.coop_id is not None:
            # Another cooperative: ask the server; the same one saved: only this laptop's part moved.
            self.history.show_cooperative(self.coop_id, fetch=self.history.coop_id != self.coop_id)
        self.loaded.emit(self.coop_id)

    def _tab_shown(self, index: int) -> None:
        """The history is read, and asked of the server, only when looked at."""
        if self.tabs.widget(index) is self.history and self.coop_id is not None and self.file is not None:
            self.history.show_cooperative(self.coop_id)

    def _profile_draft(self, data: dict[str, Any]) -> None:
        self.profile.form.set_values(data)
        self.profile_drafts.dirty = True
        self.profile.draft_note.setText(self.tr("Unsaved changes from an earlier session were restored."))

    # -- saving ---------------------------------------------------------------
    def save_profile(self) -> None:
        values = self.profile.form.values()
        coop_id = self.coop_id
        if coop_id is None:
            self.tasks.run(lambda db: cooperatives.create(db, values), self._created, self.profile.form.show_error)
        else:
            self.tasks.run(lambda db: cooperatives.update(db, coop_id, values), lambda _r: self._profile_saved(),
                           self.profile.form.show_error)

    def _created(self, row: dict[str, Any]) -> None:
        self.profile_drafts.discard()
        self.coop_id = row["id"]
        self.saved.emit(row["id"])
        self.open(row["id"])

    def _profile_saved(self) -> None:
        self.profile_drafts.discard()
        self.profile.draft_note.setText(self.tr("Saved."))
        self.reload()

    def save_current(self) -> None:
        """Ctrl+S: save what the visible tab edits."""
        tab = self.tabs.currentWidget()
        if tab is self.profile:
            self.save_profile()
        elif tab is self.coaching:
            self.coaching.form.submit()
        elif tab is self.diagnosis:
            self.diagnosis.save()
        elif tab is self.selection:
            self.selection.save()
        elif tab is self.financing:
            self.financing.submit()

    @property
    def dirty(self) -> bool:
        return self.profile_drafts.dirty or self.coaching.form.dirty

    def flush_drafts(self) -> None:
        self.profile_drafts.save_now()
        self.coaching.form.drafts.save_now()

    def refused(self, error: DomainError) -> None:
        self.profile.form.show_error(error)
