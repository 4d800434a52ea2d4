"""One lock for importing Qt-heavy code off the GUI thread.

PySide6 6.12 builds its types and enums lazily, and that is not safe from two threads at once: the
icon import (qtawesome, whose qtpy layer touches every lazy type) and the launcher's head start on the
main window (``launch._import_main_window``) crashed the process when they overlapped, and so did the
icon import on a thread beside the GUI thread's own work. So the one Qt-heavy import left off the GUI
thread is the head start, which holds this lock; the icon import (on the GUI thread) takes it without
waiting, and tries again a moment later when the head start has it.
"""

from __future__ import annotations

import threading

BACKGROUND_IMPORT = threading.Lock()
