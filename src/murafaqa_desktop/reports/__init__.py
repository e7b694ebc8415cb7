"""Printed documents (reportlab): diagnostic sheet, development plan, coaching
session report, attendance sheet, programme progress report — in Arabic and
French. Text shaping here is for PDF only; no Qt in this package. Start with
``documents.build`` (one document) or ``batch.build_batch`` (many)."""
