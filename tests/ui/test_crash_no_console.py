"""The crash path under yichao-gui (a windowed exe, pythonw): no console, sys.__stderr__ is None."""

from __future__ import annotations

import logging
import sys

import pytest

from yichao.ui import crash


def _no_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Called inside the test: pytest puts its own capture streams back between phases."""
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "__stderr__", None)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "__stdout__", None)


def test_excepthook_survives_when_neither_the_dialog_nor_a_console_is_there(monkeypatch):
    _no_console(monkeypatch)

    def broken(*args, **kwargs):
        raise RuntimeError("no display")

    monkeypatch.setattr(crash, "QMessageBox", broken)  # the name the crash path uses (imported at the top)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)  # must not raise


def test_logging_without_a_writable_folder_or_a_console_does_not_raise(monkeypatch):
    _no_console(monkeypatch)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        assert crash.setup_logging(None) is None
        assert root.handlers == before  # no handler on a stream that does not exist
        logging.getLogger("yichao").error("nobody reads this, and nothing breaks")
    finally:
        for handler in root.handlers[len(before):]:
            root.removeHandler(handler)


def test_write_to_console_uses_what_exists(capsys):
    crash.write_to_console("hello\n")
    assert capsys.readouterr().err == "hello\n"
