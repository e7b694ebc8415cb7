"""The cooperatives screen's first frame built with Qt alone: the same Qt
classes, fonts, translators, widgets and column titles as the application's
first frame, and none of the application's code. Its start time, over a bare
window's, is the floor the application's ``startup_ratio`` can approach.

Run by bench_ui.py as a child process (``python first_frame_qt_only.py ROOT``),
with the same paint watcher prepended as the other children.
"""
import sys

from PySide6.QtCore import QAbstractTableModel, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ROOT = sys.argv[1]
TITLES = ["رقم التسجيل", "الاسم", "الجهة", "الشطر", "الوضعية", "المؤطر", "مؤهلة", "الجلسات", "الجلسة المقبلة"]


class EmptyList(QAbstractTableModel):
    def rowCount(self, _parent=None):  # noqa: N802
        return 0

    def columnCount(self, _parent=None):  # noqa: N802
        return len(TITLES)

    def data(self, _index, _role=Qt.ItemDataRole.DisplayRole):
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return TITLES[section]
        return None


app = QApplication([])
families: list[str] = []
for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
    font_id = QFontDatabase.addApplicationFont(f"{ROOT}/resources/fonts/{name}")
    families += QFontDatabase.applicationFontFamilies(font_id)
font = QFont()
font.setFamilies(families)
font.setPointSizeF(10)
app.setFont(font)
ours, qt = QTranslator(), QTranslator()
ours.load("murafaqa_ar", f"{ROOT}/translations")
qt.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
app.installTranslator(qt)
app.installTranslator(ours)
QLocale.setDefault(QLocale("ar_MA"))
app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

window = QMainWindow()
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
nav = QListWidget()
nav.setFixedWidth(190)
nav.setStyleSheet("QListWidget { border: none; font-size: 11pt; } QListWidget::item { padding: 10px 8px; }")
for label in ("لوحة القيادة", "التعاونيات", "برنامجي", "التكوينات الجماعية", "المزامنة"):
    nav.addItem(QListWidgetItem(label))
search = QLineEdit()
search.setClearButtonEnabled(True)
search.setPlaceholderText("البحث بالاسم أو رقم التسجيل أو الرئيس أو الجماعة…")
filters = QHBoxLayout()
for everything in ("كل الجهات", "كل الأشطر", "كل الوضعيات", "مؤهلة أو لا"):
    combo = QComboBox()
    combo.addItem(everything, None)
    filters.addWidget(combo, 1)
filters.addWidget(QCheckBox("التأطير المتأخر فقط"))
table = QTableView()
table.setModel(EmptyList(table))
table.setSortingEnabled(True)
table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
table.setAlternatingRowColors(True)
table.setWordWrap(False)
table.verticalHeader().hide()
table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
top = QHBoxLayout()
top.addWidget(search, 3)
top.addWidget(QPushButton("تعاونية جديدة"))
page = QWidget()
column = QVBoxLayout(page)
column.addLayout(top)
column.addLayout(filters)
column.addWidget(table, 1)
column.addWidget(QLabel(""))
stack = QStackedWidget()
stack.addWidget(page)
central = QWidget()
row = QHBoxLayout(central)
row.setContentsMargins(0, 0, 0, 0)
row.addWidget(nav)
row.addWidget(stack, 1)
window.setCentralWidget(central)
window.statusBar().addPermanentWidget(QLabel(""))
window.statusBar().addPermanentWidget(QLabel("غير متصل · 0 تغيير في الانتظار"))
for title, count in (("&ملف", 6), ("&اللغة", 2), ("&مساعدة", 1)):
    menu = window.menuBar().addMenu(title)
    for i in range(count):
        menu.addAction(QAction(f"إجراء {i + 1}", window))
for key in (QKeySequence.StandardKey.Save, QKeySequence.StandardKey.Find, QKeySequence.StandardKey.New):
    QShortcut(QKeySequence(key), window)
nav.setCurrentRow(1)
window.resize(1280, 800)
watch = _Watch()  # noqa: F821 - prepended by bench_ui.py
window.installEventFilter(watch)
window.show()
app.exec()
