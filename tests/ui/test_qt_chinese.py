"""Qt's own dialogs speak Chinese: qtbase_zh_CN loads from the installed PySide6, and what it lacks
(the file dialog's "Look in:") comes from ours."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton

from yichao.ui.i18n import install_translators
from yichao.ui.qt_words import qt_words

LATIN = re.compile(r"[A-Za-z]{2,}")


def test_standard_buttons_and_the_file_dialog_are_chinese(qtbot) -> None:
    app = QApplication.instance()
    locale = QLocale()
    try:
        assert install_translators(app, "zh_CN")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(buttons)
        assert {b.text() for b in buttons.buttons()} >= {"确定", "取消", "保存"}
        dialog = QFileDialog(None, "打开", "", "Excel (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton) if w.text()]
        assert texts and [t for t in texts if LATIN.search(t)] == []
        assert [w for w in qt_words() if LATIN.search(w)] == []
    finally:
        install_translators(app, "en")  # removes both translators
        QLocale.setDefault(locale)
