"""Words of Qt's own dialogs that Qt's Chinese (qtbase_zh_CN) leaves in English.

Qt looks a text up in every installed translator; what qtbase_zh_CN lacks falls through to ours,
so listing the source texts here under Qt's own context puts them into yichao_zh_CN.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_words() -> list[str]:
    """The texts as the installed translators give them (a test checks they are all Chinese)."""
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
    ]
