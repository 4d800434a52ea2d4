"""One crash path (after qutebrowser's crashsignal and Vorta's __main__): log, dialog, faulthandler."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from yichao.app.core import install_redaction, redact

log = logging.getLogger("yichao")
_fault_file = None


def setup_logging(log_dir: Path | None) -> Path | None:
    """Named loggers into a rotating file in the data folder (stderr when it cannot be written)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_dir / "yichao.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(fmt)
            root.addHandler(install_redaction(handler))
            global _fault_file
            _fault_file = open(log_dir / "crash.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(_fault_file)
            return log_dir / "yichao.log"
        except OSError:
            pass
    if sys.stderr is not None:  # yichao-gui (pythonw, a windowed exe) has no console at all
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        root.addHandler(install_redaction(stream))
    return None


def _qt_message_handler(mode: QtMsgType, context, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, message)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and tell the user where the log is; never a silent death.

    The text (log, dialog details) is redacted: no identity or phone number leaves the program."""
    text = redact("".join(traceback.format_exception(exc_type, exc, tb)))
    log.critical("unexpected error:\n%s", text)
    try:
        if QApplication.instance() is not None:
            box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("Crash", "Yichao - unexpected error"),
                              QApplication.translate("Crash", "Something went wrong that Yichao did not expect. "
                                                     "Your data is safe: the last action was not saved. "
                                                     "Please send the log file to support."))
            box.setDetailedText(text)
            box.exec()
    except Exception:  # noqa: BLE001 - the crash path must never crash
        write_to_console(text)


def write_to_console(text: str) -> None:
    """Write to the console if there is one; a windowed program (pythonw) has none."""
    for stream in (sys.stderr, sys.__stderr__):
        if stream is not None:
            try:
                stream.write(text)
                stream.flush()
                return
            except (OSError, ValueError):  # closed or broken console: try the next, then give up
                continue


def install_crash_handlers() -> None:
    sys.excepthook = excepthook
    qInstallMessageHandler(_qt_message_handler)
