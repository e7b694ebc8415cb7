"""What the dashboard looks at: all, a region or one of its provinces, a
tranche (and a phase of it), a coach. Regions, provinces and tranches come
from the reference data; coaches from the data (the team the figures
found), the chosen one kept even when a narrower scope no longer has them."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ... import assets
from ...domain.dashboard import Scope
from ..kit.i18n import FollowsLanguage, lang, locale


class ScopeBar(FollowsLanguage, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.region = QComboBox()
        self.province = QComboBox()
        self.tranche = QComboBox()
        self.coach = QComboBox()
        self._coaches: list[str] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        for combo in (self.region, self.province, self.tranche, self.coach):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.addWidget(combo)
        row.addStretch(1)
        self.region.currentIndexChanged.connect(self._region_changed)
        for combo in (self.province, self.tranche, self.coach):
            combo.currentIndexChanged.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Scope:"))
        reference = assets.reference()
        _fill(self.region, self.tr("All regions"),
              [(code, place.name(lang())) for code, place in reference.regions.items()])
        self._fill_provinces()
        tranches: list[tuple[str, str]] = []
        for number, tranche in sorted(reference.tranches.items()):
            title = self.tr("Tranche %1").replace("%1", locale().toString(number))
            tranches.append((f"{number}", title))
            for phase, _regions in tranche.phases:
                tranches.append((f"{number}.{phase}", self.tr("%1, phase %2").replace("%1", title)
                                 .replace("%2", locale().toString(phase))))
        _fill(self.tranche, self.tr("All tranches"), tranches)
        _fill(self.coach, self.tr("All coaches"), [(name, name) for name in self._coaches])

    def _fill_provinces(self) -> None:
        region = self.region.currentData()
        places = assets.reference().provinces_of(region) if region else []
        _fill(self.province, self.tr("All provinces"), [(p.code, p.name(lang())) for p in places])
        self.province.setEnabled(bool(places))

    def _region_changed(self) -> None:
        self._fill_provinces()
        self.changed.emit()

    def set_coaches(self, names: Iterable[str]) -> None:
        """The coach choices: the names found, and the one chosen if any."""
        chosen = self.coach.currentData()
        self._coaches = sorted({*names, *([chosen] if chosen else [])})
        _fill(self.coach, self.tr("All coaches"), [(name, name) for name in self._coaches])

    def scope(self) -> Scope:
        tranche = self.tranche.currentData()
        number, _, phase = (tranche or "").partition(".")
        return Scope(region=self.region.currentData(), province=self.province.currentData(),
                     tranche=int(number) if number else None, phase=int(phase) if phase else None,
                     coach=self.coach.currentData())

    def set_scope(self, scope: Scope) -> None:
        """Choose a scope (tests, and a coach's page opening on their own work)."""
        for combo in (self.region, self.province, self.tranche, self.coach):
            combo.blockSignals(True)
        self.region.setCurrentIndex(max(self.region.findData(scope.region), 0))
        self._fill_provinces()
        self.province.setCurrentIndex(max(self.province.findData(scope.province), 0))
        tranche = None if scope.tranche is None else (
            f"{scope.tranche}" if scope.phase is None else f"{scope.tranche}.{scope.phase}")
        self.tranche.setCurrentIndex(max(self.tranche.findData(tranche), 0))
        if scope.coach:
            self.set_coaches([*self._coaches, scope.coach])
        self.coach.setCurrentIndex(max(self.coach.findData(scope.coach), 0))
        for combo in (self.region, self.province, self.tranche, self.coach):
            combo.blockSignals(False)
        self.changed.emit()


def _fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for code, text in items:
        combo.addItem(text, code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
