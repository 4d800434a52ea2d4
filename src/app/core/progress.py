"""Progress and cancel for long work, without Qt: the GUI passes these into services."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled long work; the service rolled back."""


class CancelToken:
    """Set from the GUI thread, checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled("操作已取消，没有任何记录被改动。")


def no_progress(done: int, total: int) -> None:
    """The progress sink of headless callers."""


ProgressFn = Callable[[int, int], None]
