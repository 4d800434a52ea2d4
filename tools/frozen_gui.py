"""Entry point of yichao-gui.exe (windowed, no console): what the Start menu and desktop start.

With no arguments it opens the window; any arguments are the same command line as yichao.exe
(e.g. ``yichao-gui --data-dir D:\\Yichao``). Output has nowhere to go: use yichao.exe for scripts.
"""

import sys

from yichao.ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
