"""A form over some fields of one entity, with its refusals shown inline.

Labels come from the field declarations in the current language; a
ValidationError is spread over the fields by ``DomainError.field`` (the
message in red under its field), and what belongs to no field shown at the top.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.schema import EntitySpec
from .fields import ChoiceEditor, Editor, make_editor
from .i18n import FollowsLanguage, lang

ERROR_STYLE = "color: #b3261e;"


class FormPanel(FollowsLanguage, QWidget):
    changed = Signal()

    def __init__(self, entity: EntitySpec, names: Iterable[str], columns: int = 1,
                 parent: QWidget | None = None,
                 options: dict[str, Callable[[], list[tuple[str, str]]]] | None = None) -> None:
        """``options`` gives a closed list to a field the domain leaves open
        (a need's axis depends on its kind)."""
        super().__init__(parent)
        self.entity = entity
        self.editors: dict[str, Editor] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        # one grid per column, so that a tall field in one column does not
        # stretch the row beside it
        row_of_grids = QHBoxLayout()
        row_of_grids.setSpacing(24)
        grids = []
        for _ in range(columns):
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(1, 1)
            grids.append(grid)
            box = QVBoxLayout()
            box.addLayout(grid)
            box.addStretch(1)
            row_of_grids.addLayout(box, 1)
        outer.addLayout(row_of_grids)
        outer.addStretch(1)
        names = list(names)
        per_column = (len(names) + columns - 1) // columns
        for i, name in enumerate(names):
            spec = entity.field(name)
            col, row = divmod(i, per_column)
            grid = grids[col]
            if options and name in options:
                editor: Editor = ChoiceEditor(options[name], blank=not spec.required)
            else:
                editor = make_editor(spec, region_of=self._region)
            editor.setObjectName(name)
            caption = QLabel()
            caption.setBuddy(editor.focusProxy() or editor)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.editors[name], self.labels[name], self.errors[name] = editor, caption, error
            tall = spec.kind in ("longtext", "json")
            grid.addWidget(caption, row * 2, 0, Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(editor, row * 2, 1)
            grid.addWidget(error, row * 2 + 1, 1)
            editor.changed.connect(self.changed)
            editor.changed.connect(lambda n=name: self._clear_error(n))
        if "region" in self.editors and "province" in self.editors:
            self.editors["region"].changed.connect(self.editors["province"].retranslate)
        self.retranslate()

    def _region(self) -> str | None:
        editor = self.editors.get("region")
        return editor.value() if editor else None

    def retranslate(self) -> None:
        for name, caption in self.labels.items():
            spec = self.entity.field(name)
            caption.setText(spec.label(lang()) + (" *" if spec.required else ""))
            self.editors[name].retranslate()

    # -- values ---------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def set_values(self, row: dict[str, Any]) -> None:
        for name in ("region", *self.editors):  # the region first: it filters provinces
            if name in self.editors and name in row:
                self.editors[name].set_value(row[name])
                if name == "region" and "province" in self.editors:
                    self.editors["province"].retranslate()
        self.clear_errors()

    def clear(self) -> None:
        for editor in self.editors.values():
            editor.set_value(None)
        self.clear_errors()

    # -- refusals -------------------------------------------------------
    def clear_errors(self) -> None:
        for name in self.errors:
            self._clear_error(name)
        self.general_error.hide()

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()
        self.errors[name].clear()

    def show_error(self, error: DomainError) -> None:
        """Place every message next to its field; returns nothing, focuses the first."""
        self.clear_errors()
        items = error.items()
        loose: list[str] = []
        first: QWidget | None = None
        for item in items:
            text = item.message(lang())
            if item.field in self.errors:
                label = self.errors[item.field]
                label.setText((label.text() + "\n" if label.text() else "") + text)
                label.show()
                first = first or self.editors[item.field]
            else:
                loose.append(text)
        if loose:
            self.general_error.setText("\n".join(loose))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    def error_text(self, name: str) -> str:
        return self.errors[name].text()
