"""The Sync page shows the changes set aside, with why, in the interface's
language, and nothing while there are none."""
from __future__ import annotations

import pytest

from factories import make_cooperative
from murafaqa_desktop.store import outbox as outbox_store
from murafaqa_desktop.store import set_aside as store
from murafaqa_desktop.store.db import open_db


@pytest.fixture
def speak(qapp):
    from murafaqa_desktop.ui.kit.i18n import Language

    language = Language.of(qapp)
    yield language.set
    language.set("ar")


def cells(view) -> list[list[str]]:
    m = view.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_changes_set_aside_are_listed_with_their_reason_in_both_languages(qtbot, db_path, speak):
    from murafaqa_desktop.ui.sync.set_aside import SetAsideView

    db = open_db(db_path)
    make_cooperative(db)
    other = make_cooperative(db, registration_number="RC-2022-0002")
    [first, second] = outbox_store.entries(db)
    with db.atomic():
        store.move(db, first["id"], store.SERVER)
        store.move(db, second["id"], store.INVALID, "f.president: text cannot hold a NUL character")
    assert outbox_store.pending_count(db) == 0 and store.count(db) == 2
    assert db.execute("SELECT count(*) FROM cooperatives WHERE id = ?", [other["id"]]).fetchone()[0] == 1
    db.close()

    speak("fr")
    view = SetAsideView(db_path)
    qtbot.addWidget(view)
    view.reload()
    assert not view.isHidden() and view.title.text() == "Modifications mises de côté"
    rows = cells(view)
    assert [r[1] for r in rows] == ["Coopérative", "Coopérative"]
    assert "Le serveur n'a pas pu l'appliquer" in rows[1][3]
    assert rows[0][3].startswith("Ce poste n'a pas pu l'envoyer") and "NUL" not in rows[0][3]
    speak("ar")
    assert view.title.text() == "تعديلات موضوعة جانبا"
    rows = cells(view)
    assert "لم يتمكن الخادم من تطبيقه" in rows[1][3]
    assert "لم يتمكن هذا الحاسوب من إرساله" in rows[0][3]
    view.grab().save(str(db_path.parent / "set_aside_ar.png"))


def test_nothing_is_shown_when_nothing_was_set_aside(qtbot, db_path, qapp):
    from murafaqa_desktop.ui.sync.set_aside import SetAsideView

    open_db(db_path).close()
    view = SetAsideView(db_path)
    qtbot.addWidget(view)
    view.reload()
    assert view.isHidden()
