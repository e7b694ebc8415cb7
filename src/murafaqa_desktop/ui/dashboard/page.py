"""The coordinator's dashboard: where the scope stands, who is behind.

The figures come whole from ``services.dashboard.figures`` (a ``Dashboard``),
computed on the worker; ``show_dashboard`` lays them out. Every number that
counts cooperatives is a link to the cooperatives list filtered on exactly
those cooperatives (``list_requested`` carries the filter: the count's own,
within the page's scope). The freshness line says what the figures stand
on: this laptop's last sync and the changes it has not yet sent.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import assets
from ...domain.dashboard import STAGES, Count, Dashboard, Freshness, Scope
from ...domain.vocab import TRAINING_AXES, label
from ..kit.i18n import FollowsLanguage, lang, locale
from ..kit.stages import stage_title
from ..kit.tasks import Tasks
from . import charts
from .scope_bar import ScopeBar
from .team_model import TeamTableModel
from .tiles import Cell, CountGrid, Tile, number, share

if TYPE_CHECKING:
    from sqlite_utils import Database

SCOPE_FIELDS = ("region", "province", "tranche", "phase", "coach")


def list_filter(scope: Scope, count: Count) -> dict[str, Any]:
    """The list filter behind a count: the page's scope, then the count's own
    (a count of a region within an all-regions scope names its region)."""
    values = {name: getattr(scope, name) for name in SCOPE_FIELDS if getattr(scope, name) is not None}
    return {**values, **count.filter}


def freshness_text(f: Freshness, now: dt.datetime | None = None) -> str:
    """"As of the last sync at 14:05; 3 changes of this laptop not yet sent"
    (the day too when it was not today), or "Never synced; …"."""
    pending = f.pending_here
    if not f.last_sync:
        text = QCoreApplication.translate(
            "Dashboard", "Never synced; %n change(s) of this laptop not yet sent", "", pending)
    else:
        when = dt.datetime.fromisoformat(f.last_sync.replace("Z", "+00:00"))
        if when.tzinfo is not None:
            when = when.astimezone().replace(tzinfo=None)
        today = (now or dt.datetime.now()).date()
        if when.date() == today:
            text = QCoreApplication.translate(
                "Dashboard", "As of the last sync at %1; %n change(s) of this laptop not yet sent", "",
                pending).replace("%1", when.strftime("%H:%M"))
        else:
            text = QCoreApplication.translate(
                "Dashboard", "As of the last sync on %1 at %2; %n change(s) of this laptop not yet sent", "",
                pending).replace("%1", when.strftime("%Y-%m-%d")).replace("%2", when.strftime("%H:%M"))
    return text.replace(str(pending), locale().toString(pending))


def month_label(month: str) -> str:
    """"2025-05" as the locale's short month and year: "ماي 25", "mai 25"."""
    year, m = (int(part) for part in month.split("-"))
    return locale().toString(QDate(year, m, 1), "MMM yy")


class DashboardPage(FollowsLanguage, QWidget):
    list_requested = Signal(dict)  # a CooperativeFilter's fields

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.dashboard: Dashboard | None = None
        self._generation = 0
        self.scope_bar = ScopeBar()
        self.scope_bar.changed.connect(self.refresh)
        self.freshness = QLabel()
        self.freshness.setStyleSheet("color: #5f6368;")
        self.freshness.setWordWrap(True)

        self.pipeline_box = QGroupBox()
        self.stage_tiles = {stage: Tile() for stage in STAGES}
        self.coaching_box = QGroupBox()
        self.held_tile, self.on_time_tile, self.overdue_tile = Tile(False), Tile(False), Tile()
        self.training_box = QGroupBox()
        self.axis_tiles = {code: Tile(False) for code in TRAINING_AXES}
        self.participants_tile, self.women_tile, self.youth_tile = Tile(False), Tile(False), Tile(False)
        self.plan_box = QGroupBox()
        self.plan_grid = CountGrid()
        self.regions_box = QGroupBox()
        self.regions_grid = CountGrid()
        self.team_box = QGroupBox()
        self.team_model = TeamTableModel(self)
        self.team = QTableView()
        self.team.setModel(self.team_model)
        self.team.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.team.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.team.setAlternatingRowColors(True)
        self.team.verticalHeader().hide()
        # one height for every row, an Arabic name's (taller than a Latin one's)
        line = self.team.fontMetrics().boundingRect("المؤطر Ég").height()
        self.team.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.team.verticalHeader().setDefaultSectionSize(line + 10)
        self.team.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.team.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team.clicked.connect(self._team_clicked)
        self.team.activated.connect(self._team_clicked)
        self.region_chart = charts.chart_view(charts.rows_height(len(assets.reference().regions)))
        self.month_chart = charts.chart_view(260)
        self.stage_chart = charts.chart_view(charts.rows_height(len(STAGES)))

        for tile in (*self.stage_tiles.values(), self.overdue_tile):
            assert tile.button is not None
            tile.button.count_clicked.connect(self._open)
        self.plan_grid.count_clicked.connect(self._open)
        self.regions_grid.count_clicked.connect(self._open)

        tiles = QHBoxLayout(self.pipeline_box)
        for stage in STAGES:
            tiles.addWidget(self.stage_tiles[stage], 1)
        coaching = QGridLayout(self.coaching_box)
        coaching.addWidget(self.held_tile, 0, 0)
        coaching.addWidget(self.on_time_tile, 0, 1)
        coaching.addWidget(self.overdue_tile, 1, 0, 1, 2)
        training = QGridLayout(self.training_box)
        for i, tile in enumerate(self.axis_tiles.values()):
            training.addWidget(tile, 0, i)
        for i, tile in enumerate((self.participants_tile, self.women_tile, self.youth_tile)):
            training.addWidget(tile, 1, i)
        QVBoxLayout(self.plan_box).addWidget(self.plan_grid)
        regions = QHBoxLayout(self.regions_box)
        regions.addWidget(self.regions_grid, 2)
        regions.addWidget(self.region_chart, 3)
        QVBoxLayout(self.team_box).addWidget(self.team)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.pipeline_box)
        second = QHBoxLayout()
        second.addWidget(self.stage_chart, 3)
        side = QVBoxLayout()
        side.addWidget(self.coaching_box)
        side.addStretch(1)
        second.addLayout(side, 2)
        body.addLayout(second)
        body.addWidget(self.plan_box)
        body.addWidget(self.month_chart)
        body.addWidget(self.training_box)
        body.addWidget(self.regions_box)
        body.addWidget(self.team_box)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_bar)
        layout.addWidget(self.freshness)
        layout.addWidget(scroll, 1)
        self.retranslate()

    # -- loading -----------------------------------------------------------
    def refresh(self) -> None:
        """Compute the figures of the chosen scope on the worker, then show them."""
        self._generation += 1
        generation, scope = self._generation, self.scope_bar.scope()

        def job(db: Database) -> Dashboard:
            # the figures' service, loaded on the worker with the page's first figures
            from ...services.dashboard import figures

            dashboard: Dashboard = figures(db, scope, dt.date.today())
            return dashboard

        self.tasks.run(job, lambda d: self._loaded(generation, d))

    def _loaded(self, generation: int, dashboard: Dashboard) -> None:
        if generation == self._generation:  # a newer scope is on its way otherwise
            self.show_dashboard(dashboard)

    def show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        if d.scope.coach is None:
            self.scope_bar.set_coaches(row.coach for row in d.team)
        self._show()

    # -- showing -------------------------------------------------------------
    def _show(self) -> None:
        d = self.dashboard
        self.freshness.setText(freshness_text(d.freshness) if d else "")
        if d is None:
            return
        for stage, tile in self.stage_tiles.items():
            count = d.pipeline.stages[stage]
            note = ""
            if stage == "financed" and d.pipeline.financed_target is not None:
                note = self.tr("target: %1").replace("%1", number(d.pipeline.financed_target))
            tile.show_value(stage_title(stage), count, note)
        c = d.coaching
        self.held_tile.show_value(self.tr("Coaching sessions held"), number(c.held),
                                  self.tr("%1 due by today").replace("%1", number(c.due)))
        self.on_time_tile.show_value(self.tr("Held on time"), share(c.on_time_rate),
                                     self.tr("%1 of %2 sessions").replace("%1", number(c.on_time))
                                     .replace("%2", number(c.held)))
        oldest = (self.tr("the oldest due on %1").replace("%1", c.oldest_overdue.isoformat())
                  if c.oldest_overdue else "")
        self.overdue_tile.show_value(self.tr("Cooperatives overdue now"), c.overdue, oldest)
        assert self.overdue_tile.button is not None
        self.overdue_tile.button.set_warning(c.overdue.value > 0)
        t = d.training
        axes = {a.axis: a for a in t.axes}
        for code, tile in self.axis_tiles.items():
            axis = axes.get(code)
            participants = number(axis.participants if axis else 0)
            tile.show_value(label(TRAINING_AXES, code, lang()), number(axis.sessions if axis else 0),
                            self.tr("sessions · %1 participants").replace("%1", participants))
        self.participants_tile.show_value(self.tr("Participants"), number(t.participants))
        self.women_tile.show_value(self.tr("Women"), share(t.women_share))
        self.youth_tile.show_value(self.tr("Young people"), share(t.youth_share))
        self._show_plan(d)
        self._show_regions(d)
        self.team_model.set_rows(d.team)
        self.team_box.setVisible(bool(d.team))
        self._fit_team()
        self._show_charts(d)

    def _show_plan(self, d: Dashboard) -> None:
        rows: list[list[Cell]] = []
        for row in d.plan:
            title = self.tr("Tranche %1").replace("%1", locale().toString(row.tranche))
            if row.phase is not None:
                title = self.tr("%1, phase %2").replace("%1", title).replace("%2", locale().toString(row.phase))
            rows.append([title, number(row.planned), row.held, number(row.diagnosed_planned), row.diagnosed,
                         number(row.financed_planned), row.financed])
        self.plan_grid.set_rows([self.tr("Tranche"), self.tr("Planned"), self.tr("In the database"),
                                 self.tr("Diagnoses planned"), self.tr("Diagnosed"), self.tr("Financing planned"),
                                 self.tr("Financed")], rows)

    def _show_regions(self, d: Dashboard) -> None:
        self.regions_grid.set_rows(
            [self.tr("Region"), self.tr("Cooperatives"), self.tr("Coached"), self.tr("Completed"), self.tr("Overdue")],
            [[_region_name(r.region), r.cooperatives, r.coached, r.completed, r.overdue] for r in d.regions],
            warn_columns=(4,))

    def _fit_team(self) -> None:
        """The team table as tall as its rows: the page scrolls, not the table."""
        rows = sum(self.team.rowHeight(r) for r in range(self.team_model.rowCount()))
        frame = 2 * self.team.frameWidth()
        self.team.setFixedHeight(self.team.horizontalHeader().sizeHint().height() + rows + frame + 2)

    def _region_sets(self) -> list[str]:
        return [self.tr("Cooperatives"), self.tr("Coached"), self.tr("Completed"), self.tr("Overdue")]

    def _show_charts(self, d: Dashboard) -> None:
        regions = [_region_name(r.region) for r in d.regions]
        names = self._region_sets()
        region_chart = charts.row_chart(self.tr("Cooperatives per region"), regions, list(zip(names, [
            [r.cooperatives.value for r in d.regions], [r.coached.value for r in d.regions],
            [r.completed.value for r in d.regions], [r.overdue.value for r in d.regions]], strict=True)))
        region_chart.series()[0].clicked.connect(self._region_bar_clicked)  # type: ignore[attr-defined]
        self.region_chart.setMinimumHeight(charts.rows_height(len(regions)))
        charts.put_chart(self.region_chart, region_chart)
        charts.put_chart(self.month_chart, charts.bar_chart(
            self.tr("Coaching sessions per month"), [month_label(m.month) for m in d.coaching.per_month],
            [(self.tr("Sessions"), [m.sessions for m in d.coaching.per_month])], legend=False))
        # each stage's number in its name: Qt Charts misplaces bar labels on a reversed (right-to-left) axis
        stages = [f"{stage_title(s)} ({number(d.pipeline.stages[s].value)})" for s in STAGES]
        charts.put_chart(self.stage_chart, charts.row_chart(
            self.tr("Pipeline"), stages, [(self.tr("Cooperatives"), [d.pipeline.stages[s].value for s in STAGES])]))

    def _region_bar_clicked(self, index: int, bars: Any) -> None:
        """A bar of the region chart opens the list of what it counts."""
        if self.dashboard is None:
            return
        regions = self.dashboard.regions
        row = regions[charts.drawn_index(self.region_chart.chart(), index, len(regions))]
        which = self._region_sets().index(bars.label())
        self._open((row.cooperatives, row.coached, row.completed, row.overdue)[which])

    def _team_clicked(self, index: QModelIndex) -> None:
        count = self.team_model.count_at(index)
        if count is not None:
            self._open(count)

    def _open(self, count: Count) -> None:
        scope = self.dashboard.scope if self.dashboard is not None else self.scope_bar.scope()
        self.list_requested.emit(list_filter(scope, count))

    def retranslate(self) -> None:
        self.pipeline_box.setTitle(self.tr("Pipeline"))
        self.coaching_box.setTitle(self.tr("Coaching"))
        self.training_box.setTitle(self.tr("Collective training"))
        self.plan_box.setTitle(self.tr("Against the programme's plan"))
        self.regions_box.setTitle(self.tr("Regions"))
        self.team_box.setTitle(self.tr("The team"))
        self.team_model.retranslate()
        self._show()


def _region_name(code: str) -> str:
    place = assets.reference().regions.get(code)
    return place.name(lang()) if place else code
