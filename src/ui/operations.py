"""Run a use case off the GUI thread (after Anki's CollectionOp/QueryOp and taskman).

    run_op(parent, lambda: service(ws, ...), on_success=..., label=self.tr("Importing..."),
           with_progress=True)

The callable may accept ``progress`` and ``cancel`` keyword arguments (``yichao.app.core.progress``);
then a progress dialog with a Cancel button is shown. A service's ``UserError`` reaches the user as
one sentence through :func:`show_error`; anything else goes to the crash path.
"""

from __future__ import annotations

import inspect
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from yichao.app.core import USER_ERRORS, Cancelled, CancelToken, NotAuthorized, message_of

log = logging.getLogger(__name__)

# One worker: services share one database, and ordering of user actions is preserved.
_pool: QThreadPool | None = None
_running: set[_Job] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.kwargs = kwargs
        self.signals = _Signals()

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(**self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("QObject", "Yichao"), message)


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def run_op(
    parent: QWidget | None,
    fn: Callable[..., Any],
    on_success: Callable[[Any], object] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    label: str = "",
    with_progress: bool = False,
) -> None:
    """Run ``fn`` on the worker; call back on the GUI thread."""
    kwargs: dict[str, Any] = {}
    token = CancelToken()
    dialog: QProgressDialog | None = None
    job = _Job(fn, kwargs)
    if _accepts(fn, "cancel"):
        kwargs["cancel"] = token
    if _accepts(fn, "progress"):
        kwargs["progress"] = lambda done, total: job.signals.progressed.emit(int(done), int(total))
    if with_progress:
        dialog = QProgressDialog(label or QCoreApplication.translate("QObject", "Working..."),
                                 QCoreApplication.translate("QObject", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(token.cancel)

        def on_progress(done: int, total: int) -> None:
            if dialog is not None and total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

        job.signals.progressed.connect(on_progress)

    def finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        if on_success is not None:
            on_success(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_failure is not None:
            on_failure(exc)  # type: ignore[arg-type]
        elif isinstance(exc, (Cancelled, NotAuthorized)):
            return  # NotAuthorized: the main window says it once and signs out
        elif isinstance(exc, USER_ERRORS):
            show_error(parent, message_of(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    job.signals.succeeded.connect(succeeded)
    job.signals.failed.connect(failed)
    _running.add(job)
    pool().start(job)


def call(parent: QWidget | None, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a quick service call on the GUI thread; a UserError becomes a message box and None."""
    try:
        return fn(*args, **kwargs)
    except NotAuthorized:
        return None  # this PC was revoked: the main window says it once and signs out
    except USER_ERRORS as exc:
        show_error(parent, message_of(exc))
        return None
