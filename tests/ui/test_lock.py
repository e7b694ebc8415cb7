"""The window on an encrypted database: it opens on the lock screen, a wrong
passphrase says so and changes nothing, the first start chooses a passphrase
and shows the recovery key, an older plain database is offered encryption,
and after idle minutes the window locks with what was being typed kept."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from tests.factories import make_cooperative

from murafaqa_desktop.store import drafts, keys
from murafaqa_desktop.store.db import is_plain, open_db

PASSPHRASE = "notre phrase de passe"


pytestmark = pytest.mark.usefixtures("encryption_on")


@pytest.fixture(autouse=True)
def _back_to_arabic(qapp) -> None:  # type: ignore[no-untyped-def]
    """The interface's language is the process's: the next tests expect the default."""
    yield
    from murafaqa_desktop.ui.kit.i18n import Language

    Language.of(qapp).set("ar")


@pytest.fixture
def encrypted_db(db_path: Path) -> tuple[Path, dict]:
    key, _ = keys.create(keys.key_path(db_path), PASSPHRASE)
    db = open_db(db_path, key=key)
    coop = make_cooperative(db)
    db.close()
    return db_path, coop


def _digest(*files: Path) -> list[str]:
    return [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    widget.insert(text)  # (QTest.keyClicks types Latin-1 only)


def test_an_encrypted_database_opens_on_the_lock_screen_and_a_wrong_passphrase_changes_nothing(
        make_window, encrypted_db) -> None:  # type: ignore[no-untyped-def]
    path, coop = encrypted_db
    before = _digest(path, keys.key_path(path))
    window = make_window(path, "fr")
    screen = window.lock_screen
    assert screen is not None and screen.isVisible() and not window.central.isEnabled()
    assert screen.pages.currentWidget() is screen.unlock_page
    _type(screen.passphrase, "pas la bonne phrase")
    screen.unlock_button.click()
    assert screen.unlock_error.isVisibleTo(screen) and "incorrecte" in screen.unlock_error.text()
    assert window.lock_screen is screen and keys.key_for(path) is None
    assert _digest(path, keys.key_path(path)) == before
    _type(screen.passphrase, PASSPHRASE)
    screen.unlock_button.click()
    assert window.lock_screen is None and window.central.isEnabled()
    window.tasks.wait_idle()
    assert window.coops.model.rowCount() == 1, window.reporter.last
    window.grab().save(str(path.with_name("unlocked.png")))


def test_the_first_start_chooses_a_passphrase_and_shows_the_recovery_key(make_window, db_path: Path,
                                                                         tmp_path: Path) -> None:
    window = make_window(db_path, "ar")
    screen = window.lock_screen
    assert screen is not None and screen.pages.currentWidget() is screen.choose_page
    assert "10" in screen.rule.text() and not screen.later_button.isVisibleTo(screen)
    _type(screen.new_passphrase, "قصيرة")
    _type(screen.again, "قصيرة")
    screen.choose_button.click()
    assert screen.choose_error.isVisibleTo(screen) and "10" in screen.choose_error.text()
    _type(screen.new_passphrase, PASSPHRASE)
    _type(screen.again, PASSPHRASE + "x")
    screen.choose_button.click()
    assert screen.choose_error.isVisibleTo(screen) and not keys.key_path(db_path).exists()
    _type(screen.again, PASSPHRASE)
    screen.choose_button.click()
    assert screen.pages.currentWidget() is screen.key_page
    recovery = screen.key_label.text()
    assert len(recovery.replace("-", "")) == 32
    sheet = tmp_path / "recovery.pdf"
    screen.write_sheet(sheet)
    assert sheet.read_bytes()[:4] == b"%PDF"
    screen.done_button.click()
    assert window.lock_screen is None
    window.tasks.wait_idle()
    assert db_path.exists() and not is_plain(db_path)
    assert keys.unlock_with_recovery_key(keys.key_path(db_path), recovery) == keys.key_for(db_path)


def test_an_older_plain_database_is_offered_encryption(make_window, db_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    db = open_db(db_path, unencrypted=True)
    make_cooperative(db, name_ar="تعاونية الزيتونة")
    db.close()
    window = make_window(db_path, "fr")
    screen = window.lock_screen
    assert screen is not None and screen.later_button.isVisibleTo(screen)
    _type(screen.new_passphrase, PASSPHRASE)
    _type(screen.again, PASSPHRASE)
    screen.choose_button.click()
    # encrypted on a thread of its own, the window drawing meanwhile
    assert screen.pages.currentWidget() is screen.encrypting_page
    assert screen.encrypting()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is getattr(screen, "key_page", None), timeout=60_000)
    assert not screen.encrypting()
    assert not is_plain(db_path) and "الزيتونة".encode() not in db_path.read_bytes()
    screen.done_button.click()
    window.tasks.wait_idle()
    assert window.coops.model.rowCount() == 1


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_key(make_window, db_path: Path) -> None:
    key, recovery = keys.create(keys.key_path(db_path), PASSPHRASE)
    open_db(db_path, key=key).close()
    window = make_window(db_path, "fr")
    screen = window.lock_screen
    screen.forgot_button.click()
    _type(screen.recovery_input, "AAAA-BBBB")
    screen.recover_button.click()
    assert screen.recover_error.isVisibleTo(screen) and screen.pages.currentWidget() is screen.recover_page
    _type(screen.recovery_input, recovery.lower())
    screen.recover_button.click()
    assert screen.pages.currentWidget() is screen.choose_page
    _type(screen.new_passphrase, "une phrase toute neuve")
    _type(screen.again, "une phrase toute neuve")
    screen.choose_button.click()
    assert window.lock_screen is None
    assert keys.unlock(keys.key_path(db_path), "une phrase toute neuve") == key


def test_idle_minutes_lock_the_window_and_the_typing_comes_back(make_window, encrypted_db, settings) -> None:
    path, coop = encrypted_db
    settings.setValue("lock_minutes", 0.1)  # 6 s
    window = make_window(path, "fr")
    _type(window.lock_screen.passphrase, PASSPHRASE)
    window.lock_screen.unlock_button.click()
    window.tasks.wait_idle()
    window.open_cooperative(coop["id"])
    window.tasks.wait_idle()
    window.record.tabs.setCurrentWidget(window.record.coaching)
    window.tasks.wait_idle()
    place = window.record.coaching.form.form.editors["place"].edit
    place.insert("بمقر التعاونية")
    place.textEdited.emit(place.text())
    assert window.lock_screen is None  # typed before the idle minutes ran out
    deadline = time.monotonic() + 10
    while window.lock_screen is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert window.lock_screen is not None, "the window did not lock"
    assert keys.key_for(path) is None and not window.central.isEnabled()
    # the draft is in the (encrypted) database, the connection closed
    key = keys.unlock(keys.key_path(path), PASSPHRASE)
    db = open_db(path, key=key)
    kept = drafts.load(db, f"coaching_session:{coop['id']}")
    db.close()
    keys.forget()
    assert kept and kept["fields"]["place"] == "بمقر التعاونية"
    _type(window.lock_screen.passphrase, PASSPHRASE)
    window.lock_screen.unlock_button.click()
    window.tasks.wait_idle()
    assert window.lock_screen is None
    assert window.record.coaching.form.form.values()["place"] == "بمقر التعاونية"
