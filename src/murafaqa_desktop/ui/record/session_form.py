"""The coaching-session form: what happened, the plan actions reviewed with
their progress, what comes next. A refused session (the 13th, one past the
two-year window, a date before the previous one) shows its reason next to
the date or at the top of the form. What is typed is kept as a draft."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.entities import COACHING_SESSION
from ...domain.errors import DomainError
from ...domain.vocab import ACTION_AXES, label
from ...services import coaching
from ..kit.drafts import DraftKeeper
from ..kit.form import FormPanel
from ..kit.i18n import FollowsLanguage, lang
from ..kit.tasks import Tasks

FIELDS = ("held_on", "duration_minutes", "place", "attendees", "topics", "recommendations", "next_steps",
          "next_date")


class SessionForm(FollowsLanguage, QGroupBox):
    saved = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.coop_id: str | None = None
        self.next_number = 1
        self.plan_actions: list[dict[str, Any]] = []  # the ones a session can review (not cancelled)
        self.form = FormPanel(COACHING_SESSION, FIELDS, columns=2)
        self.reviews = QTableWidget(0, 3)
        self.reviews.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reviews.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.reviews.verticalHeader().hide()
        self.reviews.setMaximumHeight(150)
        self.reviews_label = QLabel()
        self.draft_banner = QLabel()
        self.draft_banner.setStyleSheet("background: #fff4ce; padding: 4px;")
        self.restore_button = QPushButton()
        self.discard_button = QPushButton()
        banner = QHBoxLayout()
        banner.addWidget(self.draft_banner, 1)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self._banner_widgets = (self.draft_banner, self.restore_button, self.discard_button)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addWidget(self.form)
        layout.addWidget(self.reviews_label)
        layout.addWidget(self.reviews)
        layout.addLayout(buttons)
        self.drafts = DraftKeeper(tasks, "coaching_session", self.draft_values, self)
        self.drafts.found.connect(self._offer_draft)
        self.form.changed.connect(self.drafts.touched)
        self.reviews.itemChanged.connect(lambda _i: self.drafts.touched())
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self._kept: dict[str, Any] | None = None
        self._hide_banner()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("New coaching session (no. %1 of 12)").replace("%1", str(self.next_number)))
        self.reviews_label.setText(self.tr("Plan actions reviewed: progress and comment"))
        self.reviews.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Progress (%)"), self.tr("Comment")])
        self.save_button.setText(self.tr("Record the session"))
        self.draft_banner.setText(self.tr("A session you had started typing was kept."))
        self.restore_button.setText(self.tr("Restore it"))
        self.discard_button.setText(self.tr("Discard it"))
        self._fill_action_names()

    # -- the cooperative ------------------------------------------------------
    def show_cooperative(self, coop_id: str, title: str, sessions: list[dict[str, Any]],
                         actions: list[dict[str, Any]]) -> None:
        same = coop_id == self.coop_id
        # a session being typed keeps its reviews through a reload, each on its
        # action: the plan may have changed meanwhile (actions added, moved, cancelled)
        typed = self.review_values() if same and self.drafts.dirty else []
        self.coop_id = coop_id
        self.next_number = len(sessions) + 1
        self.plan_actions = [a for a in actions if a.get("status") not in ("cancelled",)]
        self.retranslate()
        if not same:
            self.form.clear()
            self._fill_reviews()
            self._hide_banner()
            self.drafts.attach(f"coaching_session:{coop_id}", title)
        else:  # a reload: the actions' progress has moved (after a save), or their rows (plan changed)
            self._fill_reviews()
            self._set_reviews(typed)

    def _fill_reviews(self) -> None:
        self.reviews.blockSignals(True)
        self.reviews.setRowCount(len(self.plan_actions))
        for row, action in enumerate(self.plan_actions):
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(int(action.get("progress") or 0))
            spin.setProperty("initial", spin.value())
            spin.valueChanged.connect(lambda _v: self.drafts.touched())
            self.reviews.setCellWidget(row, 1, spin)
            self.reviews.setItem(row, 2, QTableWidgetItem(""))
        self._fill_action_names()
        self.reviews.blockSignals(False)

    def _fill_action_names(self) -> None:
        self.reviews.blockSignals(True)
        for row, action in enumerate(self.plan_actions[: self.reviews.rowCount()]):
            item = QTableWidgetItem(f"{label(ACTION_AXES, action['axis'], lang())} — {action['objective']}")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.reviews.setItem(row, 0, item)
        self.reviews.blockSignals(False)

    def review_values(self) -> list[dict[str, Any]]:
        out = []
        for row, action in enumerate(self.plan_actions):
            spin = self.reviews.cellWidget(row, 1)
            item = self.reviews.item(row, 2)
            comment = item.text().strip() if item else ""
            if isinstance(spin, QSpinBox) and (spin.value() != spin.property("initial") or comment):
                out.append({"action_id": action["id"], "progress": spin.value(), "comment": comment or None})
        return out

    def _set_reviews(self, reviews: list[dict[str, Any]]) -> None:
        """Put reviews (progress and comment, by action id) in the rows of their actions."""
        by_action = {r["action_id"]: r for r in reviews}
        for row, action in enumerate(self.plan_actions):
            kept = by_action.get(action["id"])
            spin = self.reviews.cellWidget(row, 1)
            if kept and isinstance(spin, QSpinBox):
                spin.setValue(int(kept.get("progress") or 0))
                item = self.reviews.item(row, 2)  # made with the spin box by _fill_reviews
                if item is not None:
                    item.setText(kept.get("comment") or "")

    # -- drafts ---------------------------------------------------------------
    def draft_values(self) -> dict[str, Any]:
        return {"fields": self.form.values(), "reviews": self.review_values()}

    def _offer_draft(self, data: dict[str, Any]) -> None:
        self._kept = data
        for w in self._banner_widgets:
            w.show()

    def _hide_banner(self) -> None:
        self._kept = None
        for w in self._banner_widgets:
            w.hide()

    def restore_draft(self) -> None:
        if self._kept is None:
            return
        self.form.set_values(self._kept.get("fields", {}))
        self._set_reviews(self._kept.get("reviews", []))
        self._hide_banner()
        self.drafts.dirty = True

    def discard_draft(self) -> None:
        self._hide_banner()
        self.drafts.discard()

    @property
    def dirty(self) -> bool:
        return self.drafts.dirty

    # -- saving ---------------------------------------------------------------
    def submit(self) -> None:
        if self.coop_id is None:
            return
        coop_id, values, reviews = self.coop_id, self.form.values(), self.review_values()
        self.drafts.save_now()
        self.tasks.run(lambda db: coaching.log_session(db, coop_id, values, reviews), self._done, self.show_error)

    def show_error(self, error: DomainError) -> None:
        self.form.show_error(error)

    def _done(self, _row: dict[str, Any]) -> None:
        self.drafts.discard()
        self.form.clear()
        self.saved.emit()
