"""The interface language, switched at run time without a restart.

Qt Linguist does the work: our strings come from ``translations/murafaqa_<lang>.qm``,
Qt's own dialogs from ``qtbase_<lang>.qm``. The layout direction is whatever
the loaded translation says for ``QT_LAYOUT_DIRECTION`` (RTL in Arabic), and the
default locale is ``ar_MA``/``fr_MA`` so that Arabic dates and numbers keep
Morocco's Western digits. Installing a translator sends LanguageChange to every
widget; a widget with texts of its own takes :class:`FollowsLanguage` and
sets them again in ``retranslate()``.

Domain labels (fields, vocabularies, rule messages) already carry French and
Arabic; widgets pick them with :func:`lang`.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from ... import assets

LANGUAGES = ("ar", "fr")
LOCALES = {"ar": "ar_MA", "fr": "fr_MA"}
_current = "ar"
_language: Language | None = None  # the application's one Language


class FollowsLanguage:
    """Mixin (before the Qt class) for a widget whose texts follow the interface
    language: on Qt's LanguageChange it calls the widget's ``retranslate()``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt widget class that follows in the bases


def lang() -> str:
    """The language the interface speaks now ("ar" or "fr")."""
    return _current


def locale() -> QLocale:
    """The interface's locale for numbers. In Arabic, ar_MA would group
    thousands with a dot (23.000 reads as twenty-three): no grouping there."""
    loc = QLocale(LOCALES[_current])
    if _current == "ar":
        loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return loc


def of_twelve(done: int, total: int = 12) -> str:
    """"n / 12" — in Arabic "n من 12", which no bidi reordering can flip."""
    return QCoreApplication.translate("Progress", "%1 / %2").replace("%1", str(done)).replace("%2", str(total))


def layout_direction_marker() -> str:
    """Qt reads this translated string to decide the layout direction."""
    return QCoreApplication.translate(
        "QGuiApplication", "QT_LAYOUT_DIRECTION",
        "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left languages")


def status_text(pending: int) -> str:
    """The sync status until this laptop is enrolled: what the outbox holds."""
    text = QCoreApplication.translate("SyncStatus", "offline · %n change(s) waiting", "", pending)
    return text.replace(str(pending), locale().toString(pending))


class Language(QObject):
    """Owns the installed translators; ``changed`` fires after a switch."""

    changed = Signal(str)

    @classmethod
    def of(cls, app: QApplication) -> Language:
        """The application's one Language (a second would leave its translators
        installed). Kept here rather than found with ``app.findChild``, which
        wraps every child of the application on the way, Qt's style among them
        (≈ 5 ms of enum classes before the first frame)."""
        global _language
        if _language is None or not isValid(_language) or _language.parent() is not app:
            _language = cls(app)
        return _language

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []

    def set(self, code: str) -> None:
        global _current
        if code not in LANGUAGES:
            code = "ar"
        for t in self._translators:
            self._app.removeTranslator(t)
        self._translators = []
        ours = QTranslator(self)
        if not ours.load(f"murafaqa_{code}", str(assets.translations_dir())):
            raise FileNotFoundError(f"murafaqa_{code}.qm missing: run pyside6-lrelease on translations/")
        qt = QTranslator(self)
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translators.append(qt)
        self._translators.append(ours)
        _current = code
        QLocale.setDefault(locale())
        for t in self._translators:
            self._app.installTranslator(t)  # each install posts LanguageChange
        # deliver it now: the switch is complete when this returns
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        rtl = layout_direction_marker() == "RTL"
        self._app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self.changed.emit(code)
