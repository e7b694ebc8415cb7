"""Whatever is typed or pasted into a search: FTS5's own syntax (quotes,
``*``, ``NEAR(``, ``-``, ``AND``/``OR``/``NOT``, ``^``, ``:``, unbalanced
parentheses), very long strings, control characters, lone surrogates (a
command line's undecodable bytes): the search never fails, counts what it
lists, and a word wrapped in that syntax still finds what the word alone
finds. Through the store, the command line (in process, and one real
process); the window's search box is in tests/ui/test_search_box_fuzz.py.

``MURAFAQA_FUZZ_EXAMPLES`` and ``MURAFAQA_FUZZ_SEED``: tests/fuzzing.py.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzzing import EXAMPLES, fuzz
from murafaqa_desktop import cli
from murafaqa_desktop.domain.text import search_tokens
from murafaqa_desktop.store import cooperative_list, search
from murafaqa_desktop.store import cooperatives as store
from murafaqa_desktop.store.cooperatives import CooperativeFilter

FUZZ = fuzz(EXAMPLES * 4)

SYNTAX = st.sampled_from(['"', '""', "*", "NEAR(", "NEAR(a b, 2)", ")", "(", "-", "+", "AND", "OR", "NOT", "^", ":",
                          "name_fr:", "{name_fr body}:", "'", "\\", "%", "_", ";", "--", "/*", "\x00", "\x1b[2J",
                          "\r\n", "\t", "\u200f", "\u202e", "\ufeff", "\ufffd", "ـ", "ً", "٣", "ﷺ", "ß", "İ"])
CONTROL = st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp"])
WORD = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8)
QUERY = st.one_of(
    st.lists(st.one_of(SYNTAX, WORD, CONTROL), max_size=12).map(" ".join),
    st.lists(st.one_of(SYNTAX, WORD, CONTROL), max_size=12).map("".join),
    st.text(max_size=40),
    st.builds(lambda part, n: part * n, st.one_of(SYNTAX, WORD), st.integers(100, 5000)),  # pasted pages
)
# FTS5's syntax that is not a word (AND, OR, NOT, NEAR and column names are
# words: searched for as words, they narrow the search as any word does)
WRAP = st.sampled_from(['"{}"', '"{}', "{}*", "({}", "{})", "-{}", "^{}", "{}:", ":{}", '{}"*', "(({}))",
                        "{}\x00", "\u200f{}", "\t{}\r\n", "{}\u0640", "*{}*", "+{}", "{}^"])


def _ids(db, text: str) -> list[str]:
    return [r["id"] for r in store.page(db, CooperativeFilter(text=text), limit=-1, columns="c.id")]


@FUZZ
@given(text=QUERY)
def test_any_text_searches_without_failing_and_counts_what_it_lists(demo_db, text):
    found = _ids(demo_db, text)
    assert store.count(demo_db, CooperativeFilter(text=text)) == len(found)
    assert cooperative_list.count(demo_db, CooperativeFilter(text=text)) == len(found)
    fast = cooperative_list.first_page(demo_db, CooperativeFilter(text=text), limit=50, columns="c.id")
    assert [r["id"] for r in fast] == found[:50]
    ranked = store.search_rows(demo_db, text, limit=1000)
    assert {r["id"] for r in ranked} <= set(store.ids(demo_db, CooperativeFilter()))
    expression = search.match_expression(text)
    assert expression is None or len(expression) < 40 * search.MAX_QUERY_WORDS + search.MAX_QUERY_CHARS


@FUZZ
@given(data=st.data(), wrap=WRAP)
def test_a_word_wrapped_in_search_syntax_finds_what_the_word_finds(demo_db, data, wrap):
    coop = data.draw(st.sampled_from(store.page(demo_db, CooperativeFilter(), limit=-1)))
    words = [w for key in ("name_fr", "president", "commune") for w in search_tokens(coop.get(key))
             if len(w) >= 3 and not any(noise.startswith(w) for noise in search.NOISE_WORDS) and w != "coop"]
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    wrapped = wrap.format(word)
    assert coop["id"] in _ids(demo_db, wrapped)
    assert _ids(demo_db, wrapped) == _ids(demo_db, word)


@FUZZ
@given(text=QUERY, json=st.booleans(), lang=st.sampled_from(["fr", "ar"]))
def test_the_search_command_answers_any_text(demo_db, text, json, lang):
    out, err = io.StringIO(), io.StringIO()
    argv = ["search", text, "--db", str(demo_db.conn.execute("PRAGMA database_list").fetchone()[2]),
            "--lang", lang, *(["--json"] if json else [])]
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(argv)
    assert "Traceback" not in err.getvalue()
    if text.startswith("-"):  # may read as an option ("--", "-x"): one usage line, exit 2
        assert code == 0 or (code == 2 and len(err.getvalue().strip().splitlines()) == 1), err.getvalue()
    else:
        assert code == 0, err.getvalue()


def test_a_real_process_searches_bytes_that_are_not_utf8(demo_db_file, tmp_path):
    """A terminal can hand the command line bytes that decode to nothing
    (they arrive as lone surrogates): the search answers, in one line."""
    import shutil

    db = tmp_path / "demo.db"
    shutil.copy(demo_db_file, db)
    for query in (b"\xff\xfe NEAR( \"* \x1b[2J", "تعاونية \"(".encode() + b"\x80" + b" a" * 50_000):
        done = subprocess.run([sys.executable, "-m", "murafaqa_desktop", "search", query, "--db", str(db)],
                              capture_output=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done


@pytest.mark.parametrize("text", ['"', "NEAR(", "(((", "a)", "-", "^", ":", "AND", 'x" OR "y', "\x00", "*" * 5000])
def test_the_store_answers_syntax_alone(demo_db, text):
    assert store.count(demo_db, CooperativeFilter(text=text)) == len(_ids(demo_db, text))
