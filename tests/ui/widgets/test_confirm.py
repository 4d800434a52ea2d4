"""The one way to ask before an irreversible action: named action, Cancel is the default."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLineEdit

from tests.ui.modal import answer, seen
from yichao.ui.widgets.confirm import ask_choice, ask_date, confirm


def test_confirm_says_what_happens_and_needs_the_named_button(qtbot):
    answer("confirm-action")
    assert confirm(None, "补发新折", "存折 A001 将作废，余额 120 分转入新折。", "补发新折")
    assert "余额 120 分" in seen[-1]
    answer("confirm-cancel")
    assert not confirm(None, "补发新折", "存折 A001 将作废。", "补发新折")


def test_enter_does_not_do_the_irreversible_thing(qtbot):
    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, press_enter)
            return
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert not confirm(None, "删除", "删除这条活动记录？", "删除")


def test_ask_date_returns_the_chosen_day(qtbot):
    def pick(dialog) -> None:
        dialog.findChild(QDateEdit, "ask-date").setDate(QDate(2026, 3, 5))

    answer("confirm-action", fill=pick)
    assert ask_date(None, "拨付", "确认已拨付 5000 元？", "确认拨付", "拨付日期") == date(2026, 3, 5)
    answer("confirm-cancel")
    assert ask_date(None, "拨付", "确认已拨付？", "确认拨付", "拨付日期") is None


def test_ask_choice_needs_a_choice(qtbot):
    def choose(dialog) -> None:
        combo = dialog.findChild(QComboBox, "ask-choice")
        action = dialog.findChild(type(dialog.go), "confirm-action")
        assert not action.isEnabled()
        combo.setCurrentIndex(combo.findData("遗失"))
        dialog.findChild(QLineEdit, "ask-note").setText("居民搬家时遗失")
        assert action.isEnabled()

    answer("confirm-action", fill=choose)
    assert ask_choice(None, "补打证书", "补打 DL-2026-ZY-0009？", "补打", "原因", ["损坏", "遗失", "更正"], "说明") == (
        "遗失", "居民搬家时遗失")
