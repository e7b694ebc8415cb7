"""File and Help menu entries that reach beyond one page: print previews,
batch printing of the list's selection, the export to Excel, a backup of
the database, About.

They are given what they act on (the store's worker, the cooperative open
now, the list's filter, the widget their dialogs belong to), not the
window: the window makes them, and they know nothing of its pages."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from .kit.i18n import lang

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..store.cooperatives import CooperativeFilter
    from .kit.tasks import Tasks


class WindowActions(QObject):
    def __init__(self, parent: QWidget, tasks: Tasks, current_cooperative: Callable[[], str | None],
                 list_filter: Callable[[], CooperativeFilter]) -> None:
        super().__init__(parent)
        self.owner = parent
        self.tasks = tasks
        self.current_cooperative = current_cooperative
        self.list_filter = list_filter
        self.preview_sheet = QAction(parent)
        self.preview_sheet.triggered.connect(lambda: self.preview("diagnostic"))
        self.preview_plan = QAction(parent)
        self.preview_plan.triggered.connect(lambda: self.preview("plan"))
        self.batch = QAction(parent)
        self.batch.triggered.connect(self.batch_print)
        self.export = QAction(parent)
        self.export.triggered.connect(self.export_all)
        self.backup = QAction(parent)
        self.backup.triggered.connect(self.back_up)
        self.about = QAction(parent)
        self.about.triggered.connect(self.show_about)

    def add_to(self, file_menu: Any, help_menu: Any) -> None:
        for action in (self.preview_sheet, self.preview_plan, self.batch):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addAction(self.backup)
        help_menu.addAction(self.about)

    def retranslate(self) -> None:
        self.preview_sheet.setText(self.tr("Print the diagnostic sheet…"))
        self.preview_plan.setText(self.tr("Print the development plan…"))
        self.batch.setText(self.tr("Print the diagnostic sheets of the list…"))
        self.export.setText(self.tr("Export to Excel…"))
        self.backup.setText(self.tr("Back up the database…"))
        self.about.setText(self.tr("About Murafaqa"))

    # -- printing ------------------------------------------------------------
    def preview(self, kind: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs: classes made when first opened, not at startup

        from .printing.preview import PrintPreviewDialog

        coop_id = self.current_cooperative()
        if not coop_id:
            QMessageBox.information(self.owner, self.tr("Print"),
                                    self.tr("Open a cooperative first: its sheet is what gets printed."))
            return
        dialog = PrintPreviewDialog(self.tasks.db_path, kind, [coop_id], lang=lang(),
                                    parent=self.owner, ui_lang=lang())
        dialog.exec()

    def batch_print(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..store import cooperatives as store

        target, _ = QFileDialog.getSaveFileName(self.owner, self.tr("Save the sheets as"), "fiches.pdf", "PDF (*.pdf)")
        if not target:
            return
        f = self.list_filter()  # what the list shows now
        self.tasks.run(lambda db: store.ids(db, f), lambda ids: self._run_batch(ids, target))

    def _run_batch(self, ids: list[str], target: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from .printing.batch import BatchPrintDialog

        if not ids:
            QMessageBox.information(self.owner, self.tr("Print"), self.tr("The list is empty: nothing to print."))
            return
        BatchPrintDialog(self.tasks.db_path, "diagnostic", ids, target, lang=lang(),
                         parent=self.owner, ui_lang=lang()).exec()

    # -- export ----------------------------------------------------------------
    def export_all(self) -> None:
        """Every table of this laptop's database, a sheet each, headers in the
        interface's language; the CSV choice makes a new folder of files."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from .export_dialog import ExportDialog

        excel, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV files in a new folder (*)")
        target, chosen = QFileDialog.getSaveFileName(self.owner, self.tr("Export to"), "murafaqa.xlsx",
                                                     f"{excel};;{csv}")
        if not target:
            return
        fmt = "csv" if chosen == csv else "xlsx"
        if fmt == "csv" and target.endswith(".xlsx"):
            target = target.removesuffix(".xlsx")
        dialog = ExportDialog(self.tasks.db_path, target, fmt, lang=lang(), parent=self.owner, ui_lang=lang())
        if dialog.exec() and dialog.result_value is not None:
            QMessageBox.information(self.owner, self.tr("Export"),
                                    self.tr("The export was written to %1 (%2 rows).")
                                    .replace("%1", target).replace("%2", str(dialog.result_value.rows)))

    # -- backup and about ------------------------------------------------------
    def back_up(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from ..store.backup import backup_to, default_backup_name

        target, _ = QFileDialog.getSaveFileName(self.owner, self.tr("Back up the database"),
                                                default_backup_name(), "SQLite (*.db)")
        if not target:
            return
        def written(_path: Any) -> None:
            QMessageBox.information(self.owner, self.tr("Backup"),
                                    self.tr("The backup was written to %1").replace("%1", target))

        self.tasks.run(lambda db: backup_to(db, target), written)

    def show_about(self) -> None:
        from .about import AboutDialog

        AboutDialog(str(self.tasks.db_path), self.owner).exec()
