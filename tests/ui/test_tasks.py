"""The one helper for store work: off the main thread, back on it, and
every failure reaching one place (never a traceback on screen)."""
import threading

from murafaqa_desktop import paths
from murafaqa_desktop.domain.errors import DomainError
from murafaqa_desktop.ui.kit.errors import ErrorReporter
from murafaqa_desktop.ui.kit.tasks import Tasks


def test_jobs_run_on_the_worker_and_call_back_on_the_main_thread(qapp, db_path):
    tasks = Tasks(db_path, ErrorReporter(interactive=False))
    seen = {}
    tasks.run(lambda _db: threading.current_thread().name, lambda name: seen.update(
        job=name, callback=threading.current_thread() is threading.main_thread()))
    assert tasks.wait_idle()
    assert seen == {"job": "murafaqa-store", "callback": True}
    tasks.close()


def test_jobs_run_in_order_on_one_connection(qapp, db_path):
    tasks = Tasks(db_path, ErrorReporter(interactive=False))
    order = []
    for i in range(20):
        tasks.run(lambda db, i=i: (i, id(db)), order.append)
    tasks.wait_idle()
    assert [i for i, _ in order] == list(range(20))
    assert len({conn for _, conn in order}) == 1
    tasks.close()


def test_jobs_given_before_the_worker_starts_run_first_and_in_order(qapp, db_path):
    """The window starts the worker after its first frame; what it asked for
    while building comes first, in the order asked."""
    tasks = Tasks(db_path, ErrorReporter(interactive=False), start=False)
    order: list[int] = []
    for i in range(5):
        tasks.run(lambda _db, i=i: i, order.append)
    assert tasks.pending() == 5 and order == []
    tasks.start()
    for i in range(5, 8):
        tasks.run(lambda _db, i=i: i, order.append)
    assert tasks.wait_idle()
    assert order == list(range(8))
    tasks.close()


def test_a_broken_rule_goes_to_the_caller_or_to_the_reporter(qapp, db_path):
    reporter = ErrorReporter(interactive=False)
    tasks = Tasks(db_path, reporter)
    refused = []

    def job(db):
        raise DomainError("x", "Refus en français", "رفض بالعربية", "field")

    tasks.run(job, on_error=refused.append)
    tasks.wait_idle()
    assert refused[0].code == "x" and reporter.last is None
    tasks.run(job)
    tasks.wait_idle()
    assert reporter.last in ("رفض بالعربية", "Refus en français")
    tasks.close()


def test_an_unexpected_error_is_logged_and_shown_without_a_traceback(qapp, db_path):
    reporter = ErrorReporter(interactive=False)
    tasks = Tasks(db_path, reporter)
    tasks.run(lambda _db: 1 / 0, lambda _r: None)
    tasks.wait_idle()
    assert "Traceback" not in reporter.last and "ZeroDivisionError" not in reporter.last
    assert str(paths.log_path()) in reporter.last
    log = paths.log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "Traceback" in log
    tasks.close()


def test_an_exception_escaping_a_slot_reaches_the_same_place(qapp, monkeypatch):
    import sys

    from murafaqa_desktop.ui.kit.errors import install_excepthook

    reporter = ErrorReporter(interactive=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(reporter)
    try:
        raise KeyError("slot bug")
    except KeyError as e:
        sys.excepthook(type(e), e, e.__traceback__)
    assert str(paths.log_path()) in reporter.last and "Traceback" not in reporter.last
    assert "KeyError: 'slot bug'" in paths.log_path().read_text(encoding="utf-8")
