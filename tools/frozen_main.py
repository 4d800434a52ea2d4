"""Entry point of the frozen build: the same `yichao` command line."""

import sys

from yichao.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
