"""Qt Widgets interface of the coach's desktop (the only package importing Qt)."""
from .kit import qt_fixes  # noqa: F401  (before any signal is emitted)
