"""Every window inside the screen a clerk has: a 1366×768 laptop whose taskbar leaves about 1366×728.

Dialogs ask for comfortable sizes (``resize(820, 560)``); on a small screen those must shrink rather
than hang below the taskbar. One application-wide event filter clamps every dialog and main window
to the available area of its screen when it is shown, so no dialog has to remember to, and Qt's own
dialogs are covered too. A window's minimum size still has to fit: the fit test checks that.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

# the smallest screen Yichao is made for, less a taskbar
SMALL_SCREEN = QSize(1366, 728)
# a frame not yet known before the first show: Windows' title bar and borders
_FRAME_GUESS = QSize(16, 40)


def available_rect(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by the taskbar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_window(window: QWidget) -> None:
    """Shrink ``window`` to the available screen (frame included) and move it fully onto it."""
    area = available_rect(window)
    frame, inner = window.frameGeometry(), window.geometry()
    extra_w = max(frame.width() - inner.width(), _FRAME_GUESS.width() if frame == inner else 0)
    extra_h = max(frame.height() - inner.height(), _FRAME_GUESS.height() if frame == inner else 0)
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    full_w, full_h = window.width() + extra_w, window.height() + extra_h
    x = min(max(window.frameGeometry().x(), area.x()), area.x() + max(0, area.width() - full_w))
    y = min(max(window.frameGeometry().y(), area.y()), area.y() + max(0, area.height() - full_h))
    if (x, y) != (window.frameGeometry().x(), window.frameGeometry().y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Fits each dialog and main window into the screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, (QDialog, QMainWindow)) \
                and watched.isWindow() and not watched.isMaximized() and not watched.isFullScreen():
            fit_window(watched)
        return False


_filter: ScreenFit | None = None


def install_screen_fit(app: QCoreApplication | None) -> None:
    """Install the filter once per application (``QApplication.instance()``; None: nothing to fit)."""
    global _filter
    if _filter is None and app is not None:
        _filter = ScreenFit(app)
        app.installEventFilter(_filter)
