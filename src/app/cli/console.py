"""The CLI's output streams as Windows hands them over.

Redirected on a Chinese PC (``yichao list --json > x.json``), Python writes in the ANSI code page
(GBK) and dies on a character GBK lacks (U+00A0 pasted from Excel, "•", emoji, 䶮). A windowed exe
(``yichao-gui``, pythonw) has no streams at all: ``sys.stdout`` is None. So: UTF-8 whenever the
output is not a console, a replacement character rather than an exception anywhere, and a sink
where there is no stream.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO


def prepare_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe to write any text to (call once, first)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _sink())
            continue
        try:
            console = stream.isatty()
        except (OSError, ValueError):
            console = False
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        chosen = console or bool(os.environ.get("PYTHONIOENCODING"))  # keep what the console or user set
        try:
            if chosen:
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (LookupError, OSError, ValueError):
            continue


class _Sink(io.TextIOBase):
    """Where text goes when there is no console: nowhere, without an error (and without a file)."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def _sink() -> TextIO:
    return _Sink()  # type: ignore[return-value]
