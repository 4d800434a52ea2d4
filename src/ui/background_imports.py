"""One lock for importing Qt-heavy code off the GUI thread.

PySide6 6.12 builds its types and enums lazily, and that is not safe from two threads at once: the
icon import (qtawesome, whose qtpy layer touches every lazy type) and the launcher's head start on the
main window (``launch._import_main_window``) crashed the process when they overlapped. Each holds this
lock, so they run one after the other; each is only a head start, so waiting costs the clerk nothing.
"""

from __future__ import annotations

import threading

BACKGROUND_IMPORT = threading.Lock()
