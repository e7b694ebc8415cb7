"""How much of a file ``murafaqa import`` reads, and how many of its errors it
prints.

A coordinator's real list is the programme's cooperatives of a region or a
tranche: 2,000 at the very most, some twenty columns, short cells. The caps
stand far above that, yet keep a hostile or broken file (a zip bomb, a sheet
of millions of rows, a cell of megabytes) to a few seconds and a few tens of
megabytes. The README's import section states them: change both together.
"""
from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
# The sum of the sizes a workbook's zip declares for its members, checked
# before the workbook is opened. Declared sizes can lie: the row cap below
# stops the reading in any case.
MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 10_000  # after the header, empty rows included
MAX_COLUMNS = 200  # up to the last filled cell of a row
MAX_CELL_CHARS = 5_000
# Counted in a workbook's sheet before openpyxl parses it: openpyxl builds a
# whole row in memory (a row of 5 million cells took 2.3 GB), and reads the
# whole sheet once on opening when the sheet does not state its dimension.
# Rows times columns would let 2,000,000 cells through (20 s to read):
# a real list is some 2,000 × 30.
MAX_CELLS = 500_000
MAX_CELLS_IN_A_ROW = 16_384  # Excel's own last column (XFD); empty formatted cells count

MAX_ERRORS_SHOWN = 50  # the bad rows listed; a count stands for the rest
MAX_IGNORED_COLUMNS_NAMED = 5
