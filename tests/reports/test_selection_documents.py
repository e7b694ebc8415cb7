"""The selection's three documents — the ranking for the committee, its
minutes, the letters — in Arabic and in French, read back from the PDF; and
``murafaqa print ranking|minutes|letters``."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdftext import pdf_text, rows
from pypdf import PdfReader
from test_documents import assert_frame, flat

from murafaqa_desktop import cli
from murafaqa_desktop.reports import documents
from selection_data import REG, SelectionData, decide_all, make_selection

PRINTED_ARGS = ("--printed-on", "2026-11-29")
LANGS = ("ar", "fr")


@pytest.fixture
def selection(db) -> SelectionData:
    data = make_selection(db)
    decide_all(db, data)
    return data


def build(db, kind: str, key: str, lang: str, **options) -> tuple[bytes, str]:
    import datetime as dt

    pdf = documents.build(db, kind, key, lang, printed_on=dt.date(2026, 11, 29), **options)
    return pdf, pdf_text(pdf, lang)


def order(text: str, *needles: str) -> list[int]:
    return [text.index(n) for n in needles]


@pytest.mark.parametrize("lang", LANGS)
def test_the_ranking_lists_each_region_with_the_places_line_between_proposed_and_waiting(db, selection, lang):
    pdf, text = build(db, "ranking", selection.call_id, lang)
    assert_frame(pdf, text, lang)
    t = flat(text)
    lines = rows(pdf, lang)
    # every ranked application in ranking order: the tie at the line (C before B) settled by the share
    at = [next(i for i, line in enumerate(lines) if REG[k] in line) for k in ("A", "C", "B", "D")]
    assert at == sorted(at)
    line = next(i for i, text_line in enumerate(lines)
                if ("Limite des places : 2 place(s)" if lang == "fr" else "حد المقاعد، وعددها 2") in text_line)
    assert at[1] < line < at[2]  # the places line between the last proposed and the first waiting
    assert lines[at[1]].startswith("2 | ") and lines[at[2]].startswith("2 | ")  # C and B share rank 2
    if lang == "fr":
        assert "Classement — Laâyoune-Sakia El Hamra" in t and "Classement — Fès-Meknès" in t
        assert "Attente n° 1" in t and "Proposée" in t
        assert "Égalité de score à la limite des places : rang 2" in t
        assert "83,3" in t and "70 %" in t  # C's score and share: what explains its place
        assert "Candidatures non classées et leurs motifs" in t
        assert "Existence légale de 7 ans" in t  # OLD's reason
        assert "Score insuffisant pour la liste d'attente" in t  # D's written reason
    else:
        assert "الترتيب — العيون الساقية الحمراء" in t
        assert "الانتظار رقم 1" in t and "مقترحة" in t
        assert "تساوي النقط عند حد المقاعد: الرتبة 2" in t
        assert "الترشيحات غير المرتبة وأسبابها" in t


def test_the_ranking_of_one_region_only(db, selection):
    _pdf, text = build(db, "ranking", selection.call_id, "fr", region="03")
    assert REG["E"] in text and REG["A"] not in text
    assert "Limite des places : 1 place(s)" in flat(text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_minutes_hold_the_members_the_counts_and_the_lists_of_each_region(db, selection, lang):
    members = ["Amina Alaoui — ODCO", "Karim Benjelloun — Fondation OCP"]
    pdf, text = build(db, "minutes", selection.call_id, lang, members=members)
    assert_frame(pdf, text, lang)
    t = flat(text)
    assert "Amina Alaoui" in t and "Fondation OCP" in t
    if lang == "fr":
        assert "Procès-verbal du comité de sélection" in t
        assert "s'est réuni le 29 novembre 2026" in t  # the print date when no meeting date is given
        lines = rows(pdf, lang)
        # places, received, complete, eligible, rated, retained
        assert "Laâyoune-Sakia El Hamra | 2 | 6 | 5 | 5 | 6 | 2" in lines
        assert "Total | 3 | 8 | 7 | 7 | 8 | 3" in lines
        retained, waiting, rejected = order(t, "Coopératives retenues", "Liste d'attente", "Candidatures non retenues")
        assert retained < waiting < rejected
        assert "Le président du comité" in t and "Le représentant de l'ODCO" in t
        # not ranked, so not retained, with its reason
        assert REG["OLD"] in t[t.rindex("Candidatures non retenues"):]
    else:
        assert "محضر لجنة الانتقاء" in t
        assert "التعاونيات المقبولة" in t and "لائحة الانتظار" in t and "الترشيحات غير المقبولة" in t
        assert "رئيس اللجنة" in t


def test_minutes_without_members_leave_lines_to_fill_in(db, selection):
    _pdf, text = build(db, "minutes", selection.call_id, "fr", held_on=__import__("datetime").date(2026, 7, 15))
    t = flat(text)
    assert "s'est réuni le 15 juillet 2026" in t
    lines = rows(_pdf, "fr")
    assert "N° | Nom et prénom | Qualité | Signature" in lines
    assert [n for n in "123456" if n in lines] == list("123456")  # six numbered lines to fill in


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("reg, fr, ar", [
    (REG["C"], "a retenu la candidature", "قد قبلت ترشيح"),
    (REG["B"], "en position 1", "في الرتبة 1"),
    (REG["D"], "Score insuffisant pour la liste d'attente", "Score insuffisant pour la liste d'attente"),
    (REG["INC"], "Dossier incomplet", "ملف غير مكتمل"),
])
def test_each_letter_says_the_decision_its_position_or_its_reason(db, selection, lang, reg, fr, ar):
    pdf, text = build(db, "letters", selection.apps[reg], lang)
    t = flat(text)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1  # one page: its header, print date and "1 / 1"
    assert ("الصفحة 1 / 1" if lang == "ar" else "Page 1 / 1") in t
    assert ("تاريخ الطبع: 29 نونبر 2026" if lang == "ar" else "Imprimé le 29 novembre 2026") in t
    assert reg in t
    assert (ar if lang == "ar" else fr) in t


def test_letters_go_to_every_decided_or_unranked_application_not_the_undecided(db):
    data = make_selection(db)
    from murafaqa_desktop.services import calls

    calls.decide(db, data.call_id, REG["A"], "retained")
    keys = documents.letter_keys(db, data.call_id)
    assert set(keys) == {data.apps[REG["A"]], data.apps[REG["INC"]], data.apps[REG["OLD"]]}
    with pytest.raises(Exception, match="pas encore de décision"):
        documents.build(db, "letters", data.apps[REG["C"]], "fr")


def run(db_path: Path, *args: str) -> int:
    return cli.main(["print", *args, "--db", str(db_path), *PRINTED_ARGS])


def test_print_letters_makes_one_pdf_with_a_letter_each(db, db_path, selection, tmp_path, capsys):
    out = tmp_path / "letters.pdf"
    assert run(db_path, "letters", selection.call_id, "-o", str(out), "--lang", "ar") == 0
    reader = PdfReader(out)
    titles = [item.title for item in reader.outline]
    assert sorted(titles) == sorted([REG["A"], REG["C"], REG["B"], REG["D"], REG["INC"],
                                     REG["OLD"], REG["E"], REG["F"]])
    assert len(reader.pages) == 8
    assert "تمت الكتابة" in capsys.readouterr().out


def test_print_ranking_and_minutes_of_a_region(db, db_path, selection, tmp_path):
    assert run(db_path, "ranking", selection.call_id, "--region", "11", "-o", str(tmp_path / "r.pdf")) == 0
    assert run(db_path, "minutes", selection.call_id, "--member", "Amina Alaoui — ODCO", "--held-on",
               "2026-07-15", "-o", str(tmp_path / "m.pdf"), "--lang", "fr") == 0
    text = flat(pdf_text((tmp_path / "m.pdf").read_bytes(), "fr"))
    assert "Amina Alaoui" in text and "15 juillet 2026" in text
    r = flat(pdf_text((tmp_path / "r.pdf").read_bytes(), "fr"))
    assert REG["A"] in r and REG["E"] not in r


@pytest.mark.parametrize("args, says", [
    (("ranking", "NO-SUCH-CALL"), "introuvable"),
    (("letters", "NO-SUCH-CALL"), "introuvable"),
    (("minutes", "{call}", "--region", "07"), "ne couvre pas la région"),
    (("ranking", "{call}", "{call}"), "one call id"),
])
def test_bad_input_exits_2_with_one_line_and_no_file(db, db_path, selection, tmp_path, capsys, args, says):
    out = tmp_path / "out.pdf"
    args = tuple(a.replace("{call}", selection.call_id) for a in args)
    assert run(db_path, *args, "-o", str(out), "--lang", "fr") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and says in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_nothing_decided_means_no_letter_to_print(db, db_path, tmp_path, capsys):
    data = make_selection(db)  # in Fès-Meknès both applications are ranked, and none is decided
    out = tmp_path / "l.pdf"
    assert run(db_path, "letters", data.call_id, "--region", "03", "-o", str(out)) == 2
    assert "Aucune lettre" in capsys.readouterr().err
    assert not out.exists()


def test_pdf_bytes_are_a_pdf(db, selection):
    pdf, _ = build(db, "ranking", selection.call_id, "fr")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2  # one page per region
