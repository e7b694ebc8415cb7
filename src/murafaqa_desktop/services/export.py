"""Export: the programme as head office reads it, one sheet per table.

``export(db, out, lang=…)`` writes an Excel workbook (or, ``fmt="csv"``, a
folder of CSV files in UTF-8 with a byte-order mark, what Excel opens with
Arabic intact): cooperatives with their eligibility today and selection
score, diagnoses, their sections and needs, plan actions, coaching sessions
and the actions reviewed in them, collective trainings and attendance,
financing, and the programme's indicators per tranche, phase and region.

Headers in the chosen language (the field labels of ``domain.entities``),
codes written as their labels, dates as dates, numbers as numbers, another
row named as a reader knows it (the cooperative's registration number and
name) with its id kept in the last columns for a re-import. Rows stream from
the store to the file: memory does not grow with the data, and a table
longer than a sheet continues on a next sheet "… (2)". The file appears only
whole: it is written under a temporary name and renamed when complete.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import assets
from ..domain import eligibility, selection
from ..domain import vocab as V
from ..domain.entities import (
    COACHING_SESSION,
    COOPERATIVE,
    DIAGNOSIS,
    DIAGNOSIS_NEED,
    DIAGNOSIS_SECTION,
    FINANCING,
    PLAN_ACTION,
    SESSION_REVIEW,
    TRAINING_ATTENDANCE,
    TRAINING_SESSION,
)
from ..domain.errors import DomainError
from ..domain.reference import Reference
from ..domain.schema import EntitySpec, FieldSpec
from ..store import export_rows
from ..store.export_rows import ExportFilter
from ..store.report_figures import progress_rows
from .xlsx_stream import DATE_STYLE, EXCEL_MAX_ROWS, MONEY_STYLE, Sheet, XlsxWriter, sheet_title

FORMATS = ("xlsx", "csv")
BATCH = 2000  # rows between two progress reports (and two looks at a cancel)
FORMULA_START = ("=", "+", "-", "@")

Cell = Any
Getter = Callable[[Sequence[Any]], Cell]


class Cancelled(Exception):
    """The user stopped the export; nothing was written."""


@dataclass(frozen=True)
class Progress:
    sheet: int  # 1-based, of ``sheets``
    sheets: int
    title: str
    rows: int  # rows written so far, every sheet together


@dataclass
class ExportResult:
    path: Path
    sheets: list[tuple[str, int]] = field(default_factory=list)  # (title, data rows)

    @property
    def rows(self) -> int:
        return sum(n for _title, n in self.sheets)


# -- columns ---------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column: its header in both languages and how a query row gives its
    cell (``make`` receives the query's column positions once per sheet)."""

    fr: str
    ar: str
    make: Callable[[dict[str, int]], Getter]
    style: int = 0
    width: float = 16.0

    def header(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.fr


def _as_date(value: Any) -> Cell:
    try:
        return dt.date.fromisoformat(value)  # the stored form, YYYY-MM-DD
    except (TypeError, ValueError):
        pass
    try:
        return dt.date.fromisoformat(value[:10])  # a time after the date
    except (TypeError, ValueError):
        return value  # kept as typed rather than lost


class Labeller:
    """Codes to what people read, in one language."""

    def __init__(self, lang: str, ref: Reference) -> None:
        self.lang = lang
        self.ref = ref
        self.yes, self.no = ("نعم", "لا") if lang == "ar" else ("Oui", "Non")

    def choice(self, vocab: V.Labels) -> Callable[[Any], Cell]:
        # one dict lookup per cell: the labels of this language, unknown codes as they are
        labels = {code: pair[1] if self.lang == "ar" else pair[0] for code, pair in vocab.items()}
        return lambda code: code if code is None else labels.get(str(code), code)

    def place(self, places: dict[str, Any]) -> Callable[[Any], Cell]:
        names = {code: place.name(self.lang) for code, place in places.items()}
        return lambda code: code if code is None else names.get(code, code)

    def module(self, code: Any) -> Cell:
        module = self.ref.modules.get(code) if code else None
        return module.title(self.lang) if module else code

    def module_axis(self, code: Any) -> Cell:
        module = self.ref.modules.get(code) if code else None
        return V.label(V.TRAINING_AXES, module.axis, self.lang) if module else None

    def boolean(self, value: Any) -> Cell:
        return None if value is None else (self.yes if value else self.no)

    def topics(self, raw: Any) -> Cell:
        """Topics are stored as JSON ([{"axis", "text"}] or plain strings)."""
        if raw in (None, ""):
            return None
        try:
            items = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return str(raw)
        out = []
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict):
                axis = V.label(V.ACTION_AXES, item.get("axis"), self.lang) if item.get("axis") else ""
                text = str(item.get("text") or "")
                out.append(f"{axis} : {text}" if axis and self.lang == "fr" else f"{axis}: {text}" if axis else text)
            else:
                out.append(str(item))
        return " ; ".join(x for x in out if x.strip()) if self.lang == "fr" else "؛ ".join(x for x in out if x.strip())

    def need_axis(self, kind: Any, axis: Any) -> Cell:
        vocab = V.TRAINING_AXES if kind == "training" else V.ASSISTANCE_AREAS
        return V.label(vocab, axis, self.lang) if axis else axis


class _Field:
    """A column read from one query column, converted when not empty: the
    common case, picked for a whole row at once by ``_RowPlan``."""

    def __init__(self, source: str, convert: Callable[[Any], Cell] | None) -> None:
        self.source = source
        self.convert = convert

    def __call__(self, at: dict[str, int]) -> Getter:
        i, convert = at[self.source], self.convert
        if convert is None:
            return lambda row: row[i]
        return lambda row: None if row[i] is None else convert(row[i])


def _get(name: str, convert: Callable[[Any], Cell] | None = None) -> Callable[[dict[str, int]], Getter]:
    return _Field(name, convert)


class _RowPlan:
    """A query row to a sheet row: every plain column picked in one C call
    (``itemgetter``), then only the columns that convert or compute. Most
    cells of the export are plain; this halves the time spent on them."""

    def __init__(self, columns: Sequence[Column], at: dict[str, int]) -> None:
        indices: list[int] = []
        self.converts: list[tuple[int, Callable[[Any], Cell]]] = []
        self.computed: list[tuple[int, Getter]] = []
        for j, column in enumerate(columns):
            make = column.make
            if isinstance(make, _Field):
                indices.append(at[make.source])
                if make.convert is not None:
                    self.converts.append((j, make.convert))
            else:
                indices.append(0)  # replaced by the computed value
                self.computed.append((j, make(at)))
        self._pick = itemgetter(*indices) if len(indices) > 1 else (lambda row: (row[indices[0]],))

    def __call__(self, row: Sequence[Any]) -> list[Cell]:
        values = list(self._pick(row))
        for j, convert in self.converts:
            value = values[j]
            if value is not None:
                values[j] = convert(value)
        for j, get in self.computed:
            values[j] = get(row)
        return values


def _field_column(spec: FieldSpec, lab: Labeller, name: str | None = None) -> Column:
    """A declared field, its cell as a reader wants it."""
    source = name or spec.name
    convert: Callable[[Any], Cell] | None = None
    style, width = 0, 16.0
    if spec.kind == "date":
        convert, style, width = _as_date, DATE_STYLE, 12.0
    elif spec.kind == "choice" and spec.choices is not None:
        convert = lab.choice(spec.choices)
    elif spec.kind == "bool":
        convert = lab.boolean
    elif spec.kind == "money":
        style = MONEY_STYLE
    elif spec.kind == "json":
        convert, width = lab.topics, 40.0
    elif spec.kind == "longtext":
        width = 40.0
    elif spec.kind == "int":
        width = 10.0
    return Column(spec.fr, spec.ar, _get(source, convert), style, width)


def _fields(entity: EntitySpec, lab: Labeller, skip: Sequence[str] = ()) -> list[Column]:
    columns = []
    for spec in entity.fields:
        if spec.name in skip or spec.kind == "ref":
            continue
        columns.append(_field_column(spec, lab))
    return columns


def _cooperative_reference() -> list[Column]:
    """The cooperative a row belongs to, as a reader knows it."""
    reg = COOPERATIVE.field("registration_number")
    return [Column(reg.fr, reg.ar, _get("coop_registration"), width=16.0),
            Column("Coopérative", "التعاونية", _get("coop_name"), width=32.0)]


def _ids(*pairs: tuple[str, str, str]) -> list[Column]:
    """The row's own id and those it points at, last, for a re-import."""
    return [Column(fr, ar, _get(name), width=38.0) for name, fr, ar in pairs]


_ID = ("id", "Identifiant", "المعرف")
_COOP_ID = ("cooperative_id", "Identifiant de la coopérative", "معرف التعاونية")


def _place_column(spec: FieldSpec, convert: Callable[[Any], Cell], name: str | None = None) -> Column:
    return Column(spec.fr, spec.ar, _get(name or spec.name, convert), width=24.0)


# -- sheets ----------------------------------------------------------------------


@dataclass(frozen=True)
class SheetSpec:
    table: str
    fr: str
    ar: str

    def title(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.fr


SHEETS = (
    SheetSpec("cooperatives", "Coopératives", "التعاونيات"),
    SheetSpec("diagnoses", "Diagnostics", "التشخيصات"),
    SheetSpec("diagnosis_sections", "Volets des diagnostics", "محاور التشخيص"),
    SheetSpec("diagnosis_needs", "Besoins identifiés", "الحاجات المحددة"),
    SheetSpec("plan_actions", "Actions des plans", "إجراءات مخططات التنمية"),
    SheetSpec("coaching_sessions", "Séances d'accompagnement", "حصص المواكبة"),
    SheetSpec("session_reviews", "Actions revues en séance", "الإجراءات المراجعة في الحصص"),
    SheetSpec("training_sessions", "Formations collectives", "دورات التكوين الجماعي"),
    SheetSpec("training_attendance", "Présences aux formations", "الحضور في التكوينات"),
    SheetSpec("financing", "Financements", "طلبات التمويل"),
    SheetSpec("indicators", "Indicateurs", "المؤشرات"),
)


def _cooperative_columns(lab: Labeller, today: dt.date) -> list[Column]:
    columns: list[Column] = []
    for spec in COOPERATIVE.fields:
        if spec.name == "region":
            columns.append(_place_column(spec, lab.place(lab.ref.regions)))
        elif spec.name == "province":
            columns.append(_place_column(spec, lab.place(lab.ref.provinces)))
        elif spec.name == "sector":
            columns.append(Column(spec.fr, spec.ar, _get("sector", lambda v: lab.ref.sector_label(v, lab.lang) or v)))
        else:
            columns.append(_field_column(spec, lab))
    day = today.isoformat()
    # Both eligibility columns read one verdict per row (the last row's, kept).
    last: list[Any] = [None, None]

    def assessed(at: dict[str, int]) -> Callable[[Sequence[Any]], eligibility.Eligibility]:
        legal, activity = at["legal_date"], at["activity_start"]

        def verdict(row: Sequence[Any]) -> eligibility.Eligibility:
            if last[0] is not row:
                last[0] = row
                last[1] = eligibility.assess(_date_or_none(row[legal]), _date_or_none(row[activity]), today)
            found: eligibility.Eligibility = last[1]
            return found
        return verdict

    def eligible(at: dict[str, int]) -> Getter:
        verdict = assessed(at)
        return lambda row: lab.boolean(verdict(row).eligible)

    def reasons(at: dict[str, int]) -> Getter:
        verdict = assessed(at)
        glue = "؛ " if lab.lang == "ar" else " ; "
        return lambda row: glue.join(r.message(lab.lang) for r in verdict(row).reasons) or None

    columns += [
        Column(f"Éligible au {day}", f"مؤهلة في {day}", eligible, width=12.0),
        Column("Motifs de non-éligibilité", "أسباب عدم الأهلية", reasons, width=40.0),
        Column("Score de sélection (/100)", "نقطة الانتقاء (/100)",
               _get("rating_total", lambda total: selection.score_from_total(int(total or 0))), width=12.0),
        *_ids(_ID),
    ]
    return columns


def _date_or_none(value: Any) -> dt.date | None:
    parsed = _as_date(value)
    return parsed if isinstance(parsed, dt.date) else None


def _columns(table: str, lab: Labeller, today: dt.date) -> list[Column]:
    coop = _cooperative_reference()
    if table == "cooperatives":
        return _cooperative_columns(lab, today)
    if table == "diagnoses":
        return [*coop, *_fields(DIAGNOSIS, lab), *_ids(_ID, _COOP_ID)]
    diagnosis_id = ("diagnosis_id", "Identifiant du diagnostic", "معرف التشخيص")
    if table == "diagnosis_sections":
        return [*coop, *_fields(DIAGNOSIS_SECTION, lab), *_ids(_ID, diagnosis_id)]
    if table == "diagnosis_needs":
        columns = []
        for spec in DIAGNOSIS_NEED.fields:
            if spec.name == "axis":
                def need_axis(at: dict[str, int]) -> Getter:
                    k, a = at["kind"], at["axis"]
                    return lambda row: lab.need_axis(row[k], row[a])
                columns.append(Column(spec.fr, spec.ar, need_axis, width=24.0))
            elif spec.kind != "ref":
                columns.append(_field_column(spec, lab))
        return [*coop, *columns, *_ids(_ID, diagnosis_id)]
    if table == "plan_actions":
        return [*coop, *_fields(PLAN_ACTION, lab), *_ids(_ID, _COOP_ID)]
    if table == "coaching_sessions":
        return [*coop, *_fields(COACHING_SESSION, lab), *_ids(_ID, _COOP_ID)]
    if table == "session_reviews":
        number = COACHING_SESSION.field("number")
        position, axis = PLAN_ACTION.field("position"), PLAN_ACTION.field("axis")
        return [
            *coop,
            Column(number.fr, number.ar, _get("session_number"), width=10.0),
            Column("Date de la séance", "تاريخ الحصة", _get("session_held_on", _as_date), DATE_STYLE, 12.0),
            Column(f"{position.fr} de l'action", f"{position.ar} الإجراء", _get("action_position"), width=10.0),
            Column(f"{axis.fr} de l'action", f"{axis.ar} الإجراء", _get("action_axis", lab.choice(V.ACTION_AXES))),
            Column("Action", "الإجراء", _get("action_objective"), width=40.0),
            *_fields(SESSION_REVIEW, lab),
            *_ids(_ID, ("session_id", "Identifiant de la séance", "معرف الحصة"),
                  ("action_id", "Identifiant de l'action", "معرف الإجراء")),
        ]
    if table == "training_sessions":
        module, region = TRAINING_SESSION.field("module_code"), TRAINING_SESSION.field("region")
        return [
            Column(module.fr, module.ar, _get("module_code", lab.module), width=40.0),
            Column("Axe", "المحور", _get("module_code", lab.module_axis), width=32.0),
            *_fields(TRAINING_SESSION, lab),
            _place_column(region, lab.place(lab.ref.regions)),
            *_ids(_ID),
        ]
    if table == "training_attendance":
        module, region = TRAINING_SESSION.field("module_code"), TRAINING_SESSION.field("region")
        return [
            Column("Date de la session", "تاريخ الدورة", _get("training_held_on", _as_date), DATE_STYLE, 12.0),
            Column(module.fr, module.ar, _get("training_module", lab.module), width=40.0),
            _place_column(region, lab.place(lab.ref.regions), "training_region"),
            *coop,
            *_fields(TRAINING_ATTENDANCE, lab),
            *_ids(_ID, ("training_session_id", "Identifiant de la session", "معرف الدورة"), _COOP_ID),
        ]
    if table == "financing":
        return [*coop, *_fields(FINANCING, lab), *_ids(_ID, _COOP_ID)]
    raise KeyError(table)


# The programme's totals per tranche, phase and region (store.report_figures).
INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("cooperatives", "Coopératives", "التعاونيات"),
    ("diagnosed", "Diagnostiquées", "المشخَّصة"),
    ("coached", "Accompagnées (au moins une séance)", "المواكَبة (حصة واحدة على الأقل)"),
    ("sessions_done", "Séances d'accompagnement tenues", "حصص المواكبة المنجزة"),
    ("completed", "Accompagnement achevé", "أنهت المواكبة"),
    ("financed", "Financées", "المموَّلة"),
    ("members", "Adhérents", "عدد المتعاونين"),
    ("women", "dont femmes", "منهم نساء"),
    ("youth", "dont jeunes (< 35 ans)", "منهم شباب (أقل من 35 سنة)"),
)


def _indicator_rows(db: Database, f: ExportFilter, lab: Labeller
                    ) -> tuple[list[Column], list[str], Iterator[Sequence[Any]]]:
    rows = [r for r in progress_rows(db, f.tranche, f.phase) if f.region is None or r["region"] == f.region]
    names = ["tranche", "phase", "region", *(key for key, _fr, _ar in INDICATORS)]
    tranche, phase, region = (COOPERATIVE.field(n) for n in ("tranche", "phase", "region"))
    columns = [Column(tranche.fr, tranche.ar, _get("tranche"), width=9.0),
               Column(phase.fr, phase.ar, _get("phase"), width=9.0),
               _place_column(region, lab.place(lab.ref.regions)),
               *(Column(fr, ar, _get(key), width=14.0) for key, fr, ar in INDICATORS)]
    return columns, names, iter([[r[name] for name in names] for r in rows])


# -- output ----------------------------------------------------------------------


class _Output:
    """Sheets to a workbook or to CSV files, split at ``max_rows``."""

    def __init__(self, temp: Path, fmt: str, lang: str, max_rows: int) -> None:
        self.fmt = fmt
        self.max_rows = max_rows
        self.temp = temp
        self.book = XlsxWriter(temp, right_to_left=lang == "ar") if fmt == "xlsx" else None
        self.sheet: Sheet | None = None
        self._csv: Any = None
        self._handle: Any = None

    def begin(self, index: int, title: str, headers: list[str], columns: list[Column]) -> None:
        """A sheet (or a CSV file, named after the table's place and the sheet)."""
        self._close_csv()
        if self.book is not None:
            self.sheet = self.book.add_sheet(title, [c.width for c in columns], [c.style for c in columns])
            self.sheet.header(headers)
            return
        name = f"{index:02d} {title}.csv"
        self._handle = open(self.temp / name, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by _close_csv
        self._csv = csv.writer(self._handle)
        self._csv.writerow(headers)

    def row(self, values: list[Cell]) -> None:
        if self.sheet is not None:
            self.sheet.append(values)
        else:
            self._csv.writerow([_csv_cell(v) for v in values])

    def _close_csv(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def close(self) -> None:
        self._close_csv()
        if self.book is not None:
            self.book.close()

    def abandon(self) -> None:
        with suppress(Exception):
            self._close_csv()
            if self.book is not None:
                self.book.__exit__(Exception, None, None)


def _csv_cell(value: Cell) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        # Excel takes such a CSV cell for a formula: the apostrophe it hides makes it text
        return "'" + value
    return value


# -- the export ----------------------------------------------------------------------


def _refuse(out: Path, fr: str, ar: str) -> DomainError:
    return DomainError("export_unwritable", f"Impossible d'écrire {out} : {fr}", f"تعذرت الكتابة في {out}: {ar}")


def check_filter(ref: Reference, region: str | None, tranche: int | None, phase: int | None) -> ExportFilter:
    """The filter, its region given by code or name; an unknown one refused."""
    code = None
    if region not in (None, ""):
        code = ref.region_code(str(region))
        if code is None:
            raise DomainError("bad_region", f"Région inconnue « {region} » (code 01-12 ou nom)",
                              f"جهة غير معروفة «{region}» (رمز من 01 إلى 12 أو الاسم)", "region")
    if tranche is not None and tranche not in ref.tranches:
        known = ", ".join(str(n) for n in sorted(ref.tranches))
        raise DomainError("bad_tranche", f"Tranche inconnue « {tranche} » (tranches : {known})",
                          f"شطر غير معروف «{tranche}» (الأشطر: {known})", "tranche")
    if phase is not None and phase not in (1, 2):
        raise DomainError("bad_phase", f"Phase inconnue « {phase} » (1 ou 2)", f"مرحلة غير معروفة «{phase}» (1 أو 2)",
                          "phase")
    return ExportFilter(region=code, tranche=tranche, phase=phase)


def _prepare_target(out: Path, fmt: str) -> Path:
    """Where the temporary output goes; refuses a target it could not replace."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise _refuse(out, f"le dossier {folder} n'existe pas", f"المجلد {folder} غير موجود")
    if fmt == "xlsx":
        if out.is_dir():
            raise _refuse(out, "c'est un dossier", "هذا مجلد")
        try:
            handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".part")
        except OSError as e:
            raise _refuse(out, e.strerror or str(e), e.strerror or str(e)) from None
        os.close(handle)
        return Path(temp)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise _refuse(out, "existe déjà (un dossier vide ou un nouveau nom pour les fichiers CSV)",
                      "موجود من قبل (مجلد فارغ أو اسم جديد لملفات CSV)")
    try:
        return Path(tempfile.mkdtemp(dir=folder, prefix=f".{out.name}.", suffix=".part"))
    except OSError as e:
        raise _refuse(out, e.strerror or str(e), e.strerror or str(e)) from None


def _remove(temp: Path) -> None:
    with suppress(OSError):
        if temp.is_dir():
            shutil.rmtree(temp)
        else:
            temp.unlink()


def export(db: Database, out: str | Path, *, lang: str = "fr", fmt: str = "xlsx", region: str | None = None,
           tranche: int | None = None, phase: int | None = None, today: dt.date | None = None,
           max_rows: int = EXCEL_MAX_ROWS, on_progress: Callable[[Progress], None] | None = None,
           should_cancel: Callable[[], bool] | None = None) -> ExportResult:
    """Write every sheet to ``out`` (a workbook, or a new folder of CSV files).

    ``max_rows``: rows of a sheet, its header included, before the table
    continues on a next sheet (Excel's limit; smaller in tests)."""
    if fmt not in FORMATS:
        raise DomainError("bad_format", f"Format inconnu « {fmt} » (xlsx ou csv)",
                          f"صيغة غير معروفة «{fmt}» (xlsx أو csv)")
    if max_rows < 2:
        raise ValueError("a sheet holds its header and at least one row")
    lang = "ar" if lang == "ar" else "fr"
    ref = assets.reference()
    scope = check_filter(ref, region, tranche, phase)
    today = today or dt.date.today()
    out = Path(out)
    temp = _prepare_target(out, fmt)
    lab = Labeller(lang, ref)
    output = _Output(temp, fmt, lang, max_rows)
    result = ExportResult(out)
    written = 0
    try:
        with export_rows.snapshot(db):
            for index, sheet in enumerate(SHEETS, start=1):
                title = sheet.title(lang)
                if on_progress:
                    on_progress(Progress(index, len(SHEETS), title, written))
                if sheet.table == "indicators":
                    columns, names, rows = _indicator_rows(db, scope, lab)
                else:
                    columns = _columns(sheet.table, lab, today)
                    names, rows = export_rows.rows(db, sheet.table, scope, BATCH, lang)
                at = {name: i for i, name in enumerate(names)}
                plan = _RowPlan(columns, at)
                headers = [c.header(lang) for c in columns]
                part, in_sheet, count = 1, 1, 0
                output.begin(index, sheet_title(title), headers, columns)
                for row in rows:
                    if in_sheet >= max_rows:  # this sheet is full: the table goes on in the next
                        result.sheets.append((_part_title(title, part), count))
                        part, in_sheet, count = part + 1, 1, 0
                        output.begin(index, _part_title(title, part), headers, columns)
                    output.row(plan(row))
                    in_sheet += 1
                    count += 1
                    written += 1
                    if written % BATCH == 0:
                        if should_cancel and should_cancel():
                            raise Cancelled
                        if on_progress:
                            on_progress(Progress(index, len(SHEETS), title, written))
                result.sheets.append((_part_title(title, part), count))
        output.close()
        _publish(temp, out, fmt)
    except BaseException:
        output.abandon()
        _remove(temp)
        raise
    return result


def _part_title(title: str, part: int) -> str:
    return sheet_title(title, f" ({part})" if part > 1 else "")


def _publish(temp: Path, out: Path, fmt: str) -> None:
    try:
        if fmt == "csv" and out.is_dir():
            out.rmdir()  # checked empty before the export began
        os.replace(temp, out)
    except OSError as e:
        raise _refuse(out, e.strerror or str(e), e.strerror or str(e)) from None
