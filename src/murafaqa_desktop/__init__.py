"""Murafaqa Desktop: the field and office application of the Murafaqa programme."""

__version__ = "0.1.0"
