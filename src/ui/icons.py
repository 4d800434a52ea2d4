"""Icons by meaning (after Spyder's icon manager): code asks for ``icon("save")``.

qtawesome must not be touched before a QApplication exists (DESIGN.md section 8), so nothing here
runs at import time. Importing it costs about 170 ms: its qtpy layer does ``from PySide6.QtWidgets
import *``, which makes PySide6 create every lazily-built type and enum. That creation is not safe
while another thread creates types too (shiboken's type map is changed under the first thread's
feet: a SIGSEGV, seen in 3 of 12 start-ups when the import ran on a thread), so the import runs on
the GUI thread, at its first idle moment after the login dialog or the main window is painted
(:func:`preload`), and never while the launcher's head start imports the main window's code on its
thread (the one lock of ``background_imports``). Widgets built before then put their icons on when
they are ready (:func:`when_ready`) instead of holding the window back.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon

from yichao.ui.background_imports import BACKGROUND_IMPORT

log = logging.getLogger(__name__)

ICONS: dict[str, str] = {
    "dashboard": "mdi6.view-dashboard-outline",
    "orgs": "mdi6.account-group-outline",
    "projects": "mdi6.presentation",
    "residents": "mdi6.home-heart",
    "passbook": "mdi6.book-open-variant",
    "certificates": "mdi6.certificate-outline",
    "sync": "mdi6.usb-flash-drive-outline",
    "reports": "mdi6.chart-bar",
    "admin": "mdi6.cog-outline",
    "users": "mdi6.account-key-outline",
    "communities": "mdi6.home-group",
    "merge": "mdi6.call-merge",
    "retire": "mdi6.archive-outline",
    "journal": "mdi6.history",
    "backup": "mdi6.backup-restore",
    "settings": "mdi6.tune",
    "add": "mdi6.plus",
    "edit": "mdi6.pencil-outline",
    "delete": "mdi6.delete-outline",
    "save": "mdi6.content-save-outline",
    "search": "mdi6.magnify",
    "refresh": "mdi6.refresh",
    "import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "print": "mdi6.printer-outline",
    "preview": "mdi6.file-eye-outline",
    "lock": "mdi6.lock-outline",
    "unlock": "mdi6.lock-open-variant-outline",
    "key": "mdi6.key-variant",
    "link": "mdi6.link-variant",
    "apart": "mdi6.link-variant-off",
    "conflicts": "mdi6.call-split",
    "eye": "mdi6.eye-outline",
    "ok": "mdi6.check-circle-outline",
    "warning": "mdi6.alert-outline",
    "error": "mdi6.alert-circle-outline",
    "logout": "mdi6.logout",
    "user": "mdi6.account-circle-outline",
    "calendar": "mdi6.calendar",
    "filter": "mdi6.filter-outline",
    "attachment": "mdi6.paperclip",
    "needs": "mdi6.clipboard-list-outline",
    "previous": "mdi6.chevron-left",
    "next": "mdi6.chevron-right",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
    "fit": "mdi6.fit-to-page-outline",
    "fit-width": "mdi6.arrow-expand-horizontal",
    "verify": "mdi6.shield-check-outline",
    "revoke": "mdi6.cancel",
    "reprint": "mdi6.printer-pos-refresh-outline",
}


class _Loader(QObject):
    """Lives in the GUI thread; ``loaded`` tells the widgets waiting for icons that they can have them."""

    loaded = Signal()


_loader: _Loader | None = None
_started = False
_done = threading.Event()
RETRY_MS = 20  # while the main window's code is imported on a thread, try again this much later


def defer() -> None:
    """Say that icons will come later: :func:`when_ready` then waits instead of importing now."""
    global _loader
    if _loader is None and not _done.is_set():
        _loader = _Loader()


def preload() -> None:
    """Import qtawesome on the GUI thread at its next idle moment (once); after the QApplication."""
    global _started
    defer()
    if _started or _done.is_set():
        return
    _started = True
    _schedule(_load, 0)


def _schedule(work: Callable[[], None], delay_ms: int) -> None:
    QTimer.singleShot(delay_ms, work)


def _load() -> None:
    if not BACKGROUND_IMPORT.acquire(blocking=False):  # never beside the main window's head start
        _schedule(_load, RETRY_MS)
        return
    try:
        _import_qtawesome()
    except Exception:  # noqa: BLE001 - icon() will raise it again where an icon is wanted
        log.exception("could not import qtawesome")
    finally:
        BACKGROUND_IMPORT.release()
    _done.set()
    if _loader is not None:
        _loader.loaded.emit()
        _load_fonts()


def _load_fonts() -> None:
    """qtawesome reads its dozen icon fonts at its first icon (about 35 ms): do it now, not when
    the main window is waited for."""
    icon("dashboard")


def _import_qtawesome() -> None:
    import qtawesome  # noqa: F401 - the import is the work


def wait_loaded(timeout: float = 30.0) -> bool:
    """Import the icons now if they are still to come (screenshots); the caller then processes events."""
    if _loader is None or _done.is_set():
        return True
    with BACKGROUND_IMPORT:
        _import_qtawesome()
    _done.set()
    _loader.loaded.emit()
    return True


def ready() -> bool:
    """True once icons can be made without waiting for an import (or nobody asked to wait)."""
    return _done.is_set() or _loader is None


class _Pending(QObject):
    """One waiting ``apply``: a child of its receiver, so it dies (and is never called) with it."""

    def __init__(self, receiver: QObject, apply: Callable[[], None]) -> None:
        super().__init__(receiver)
        self._apply: Callable[[], None] | None = apply

    def fire(self) -> None:
        apply, self._apply = self._apply, None
        if apply is not None:  # once, even if the signal and the re-check below both call
            apply()


def when_ready(receiver: QObject, apply: Callable[[], None]) -> None:
    """Call ``apply`` (in the GUI thread) now if icons are ready, else as soon as they are.

    Nothing is called if ``receiver`` is deleted first.
    """
    if ready():
        apply()
        return
    assert _loader is not None
    pending = _Pending(receiver, apply)
    _loader.loaded.connect(pending.fire)
    if _done.is_set():  # the import finished between the check and the connection
        pending.fire()


@cache
def icon(meaning: str, color: str = "#37474f") -> QIcon:
    """The icon for ``meaning`` (imports qtawesome first if nobody has yet)."""
    if "qtawesome" not in sys.modules:
        with BACKGROUND_IMPORT:  # not beside a head start's type building on its thread
            _import_qtawesome()
    # qtawesome only after the QApplication exists (DESIGN.md section 8)
    import qtawesome

    return qtawesome.icon(ICONS.get(meaning, "mdi6.help-circle-outline"), color=color)
