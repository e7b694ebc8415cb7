"""One editor per field kind, built from the field's declaration
(domain.entities): labels, choices and left-to-right fields come from there,
so a form never restates what the domain already says.

Every editor exposes ``value()``, ``set_value()`` and a ``changed`` signal;
values are what the services accept (ISO dates, codes, plain text).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import assets
from ...domain.schema import FieldSpec
from ...domain.vocab import ACTION_AXES, label
from .i18n import lang

EMPTY_DATE = QDate(1900, 1, 1)


class Editor(QWidget):
    changed = Signal()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def retranslate(self) -> None:
        """Choice labels follow the language."""


def _wrap(editor: Editor, inner: QWidget) -> None:
    box = QHBoxLayout(editor)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(inner)
    editor.setFocusProxy(inner)


class TextEditor(Editor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.edit = QLineEdit()
        if spec.max_length:
            self.edit.setMaxLength(spec.max_length * 2)  # the domain says when it is too long
        if spec.ltr:  # phone, e-mail, identifiers read left to right even in Arabic
            self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.edit.textEdited.connect(self.changed)
        _wrap(self, self.edit)

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class NumberEditor(TextEditor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setMaximumWidth(160)
        box = self.layout()
        assert isinstance(box, QHBoxLayout)  # the one _wrap gave it
        box.addStretch(1)  # the short box sits at the start of its line

    def set_value(self, value: Any) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        super().set_value(value)


class LongTextEditor(Editor):
    def __init__(self, _spec: FieldSpec) -> None:
        super().__init__()
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(64)
        self.edit.textChanged.connect(self.changed)
        _wrap(self, self.edit)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText("" if value is None else str(value))
        self.edit.blockSignals(False)


class DateEditor(Editor):
    """A calendar picker that can also be empty (shown blank)."""

    def __init__(self, _spec: FieldSpec) -> None:
        super().__init__()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        # Left to right before the format: in a right-to-left widget Qt
        # mirrors the format's sections (2007-10-05 would read 05-10-2007).
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(EMPTY_DATE)
        self.edit.setSpecialValueText(" ")
        self.edit.setMaximumWidth(160)
        self.edit.setDate(EMPTY_DATE)
        self.edit.dateChanged.connect(self._on_date)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(lambda: self.edit.setDate(EMPTY_DATE))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.edit)
        box.addWidget(self.clear_button)
        box.addStretch(1)
        self.setFocusProxy(self.edit)

    def _on_date(self, date: QDate) -> None:
        cal = self.edit.calendarWidget()
        if date == EMPTY_DATE and cal is not None:
            cal.setSelectedDate(QDate.currentDate())  # the popup opens on today, not on 1900
        self.changed.emit()

    def value(self) -> Any:
        d = self.edit.date()
        return None if d == EMPTY_DATE else d.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        date = QDate.fromString(str(value), "yyyy-MM-dd") if value else EMPTY_DATE
        self.edit.setDate(date if date.isValid() else EMPTY_DATE)
        self.edit.blockSignals(False)


class ChoiceEditor(Editor):
    """A closed list: codes stored, labels shown in the current language."""

    def __init__(self, options: Callable[[], list[tuple[str, str]]], blank: bool = True) -> None:
        super().__init__()
        self._options = options
        self._blank = blank
        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        _wrap(self, self.combo)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.value()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self._blank:
            self.combo.addItem("", None)
        for code, text in self._options():
            self.combo.addItem(text, code)
        self.combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(None if value is None else str(value))
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)


class SectorEditor(ChoiceEditor):
    """The reference list's sectors by name, or any other sector typed in
    (the programme's list grows slower than the field; the service keeps an
    unknown sector as text)."""

    def __init__(self) -> None:
        ref = assets.reference()
        super().__init__(lambda: [(c, s.name(lang())) for c, s in ref.sectors.items()])
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.editTextChanged.connect(lambda _t: self.changed.emit())

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        return self.combo.itemData(index) if index > 0 else (text or None)

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(None if value is None else str(value))
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(0)
            self.combo.setEditText("" if value is None else str(value))
        self.combo.blockSignals(False)


class BoolEditor(Editor):
    def __init__(self, _spec: FieldSpec) -> None:
        super().__init__()
        self.box = QCheckBox()
        self.box.toggled.connect(lambda _b: self.changed.emit())
        _wrap(self, self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(bool(value))
        self.box.blockSignals(False)


class TopicsEditor(Editor):
    """Topics of a coaching session, one line per plan axis; stored as
    ``[{"axis": ..., "text": ...}]``."""

    def __init__(self, _spec: FieldSpec) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.lines: dict[str, QLineEdit] = {}
        for axis in ACTION_AXES:
            line = QLineEdit()
            line.textEdited.connect(self.changed)
            self.lines[axis] = line
            box.addWidget(line)
        self.setFocusProxy(self.lines["supply"])
        self.retranslate()

    def retranslate(self) -> None:
        for axis, line in self.lines.items():
            line.setPlaceholderText(label(ACTION_AXES, axis, lang()))

    def value(self) -> Any:
        return [{"axis": a, "text": line.text().strip()} for a, line in self.lines.items() if line.text().strip()]

    def set_value(self, value: Any) -> None:
        import json

        items = json.loads(value) if isinstance(value, str) and value else (value or [])
        for line in self.lines.values():
            line.clear()
        for item in items:
            if item.get("axis") in self.lines:
                self.lines[item["axis"]].setText(item.get("text", ""))


def _ref_options(name: str, region_of: Callable[[], str | None] | None) -> Callable[[], list[tuple[str, str]]]:
    ref = assets.reference()

    def options() -> list[tuple[str, str]]:
        if name == "region":
            return [(c, f"{c} · {p.name(lang())}") for c, p in ref.regions.items()]
        if name == "province":
            region = region_of() if region_of else None
            places = ref.provinces_of(region) if region else list(ref.provinces.values())
            return [(p.code, p.name(lang())) for p in places]
        if name == "module_code":
            return [(c, f"{c} · {m.title(lang())}") for c, m in ref.modules.items()]
        return []
    return options


def make_editor(spec: FieldSpec, region_of: Callable[[], str | None] | None = None) -> Editor:
    if spec.kind == "longtext":
        return LongTextEditor(spec)
    if spec.kind in ("int", "money"):
        return NumberEditor(spec)
    if spec.kind == "date":
        return DateEditor(spec)
    if spec.kind == "bool":
        return BoolEditor(spec)
    if spec.kind == "json":
        return TopicsEditor(spec)
    if spec.kind == "choice":
        choices = spec.choices or {}
        return ChoiceEditor(lambda: [(c, label(choices, c, lang())) for c in choices], blank=not spec.required)
    if spec.kind == "ref":
        return ChoiceEditor(_ref_options(spec.name, region_of), blank=not spec.required)
    if spec.name == "sector":
        return SectorEditor()
    return TextEditor(spec)
