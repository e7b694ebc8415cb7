"""The log file is owner-only, like the database beside it: it tells what was
done with the cooperatives' records."""
from __future__ import annotations

import logging
import os
import stat

import pytest

from murafaqa_desktop.ui.kit import errors


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MURAFAQA_DATA_DIR", str(tmp_path / "data"))
    yield tmp_path / "data"
    log = logging.getLogger(errors.LOGGER)
    for handler in list(log.handlers):
        if isinstance(handler, logging.FileHandler):
            log.removeHandler(handler)
            handler.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_the_log_file_is_created_owner_only(data_dir):
    errors.setup_logging()
    logging.getLogger(errors.LOGGER).info("a line")
    assert _mode(data_dir / "murafaqa.log") == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_log_left_readable_by_an_earlier_version_becomes_owner_only(data_dir):
    data_dir.mkdir()
    (data_dir / "murafaqa.log").write_text("earlier\n", encoding="utf-8")
    os.chmod(data_dir / "murafaqa.log", 0o644)
    errors.setup_logging()
    assert _mode(data_dir / "murafaqa.log") == 0o600
    assert (data_dir / "murafaqa.log").read_text(encoding="utf-8").startswith("earlier")
