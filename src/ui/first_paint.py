"""Start background work only once a window is on the screen.

Work handed to threads competes with the GUI thread for Python's GIL; started while a window is
being shown, it holds back that window's first paint (by 100 ms at start-up on a 100,000-resident
street). Pages and the launcher start such work with :func:`after_first_paint`.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PAINTED = "yichaoPainted"  # a dynamic property on the window, set at its first paint
_WATCHER = "yichaoFirstPaintWatcher"


class _FirstPaint(QObject):
    """Watches one window until its first paint, then runs what waited for it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_WATCHER)
        self.waiting: list[tuple[QWidget, Callable[[], None]]] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # the top level gets UpdateRequest when its backing store paints (its children may cover
        # it whole, so it need not get a Paint event itself)
        if event.type() in (QEvent.Type.UpdateRequest, QEvent.Type.Paint):
            watched.removeEventFilter(self)
            watched.setProperty(_PAINTED, True)
            waiting, self.waiting = self.waiting, []
            for widget, fn in waiting:
                if shiboken6.isValid(widget):  # a page closed before the paint is left out
                    QTimer.singleShot(0, widget, fn)  # after this paint has finished
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, fn: Callable[[], None]) -> None:
    """Call ``fn`` on the GUI thread once ``widget``'s window has been painted (soon, if it has).

    Nothing is called if ``widget`` is deleted first.
    """
    window = widget.window()
    if window.property(_PAINTED):
        QTimer.singleShot(0, widget, fn)
        return
    watcher = window.findChild(QObject, _WATCHER)
    if not isinstance(watcher, _FirstPaint):
        watcher = _FirstPaint(window)
    watcher.waiting.append((widget, fn))
