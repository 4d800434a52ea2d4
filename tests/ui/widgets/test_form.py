"""The one form dialog: names and frames the wrong field as the clerk types, checks money as typed,
runs the service before it closes and keeps everything typed when the service refuses."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from yichao.app.core import UserError
from yichao.ui.launch import make_application
from yichao.ui.widgets.form import Field, FormDialog, assign_mnemonics, plain


@pytest.fixture
def app():
    return make_application()


def _form(qtbot, submit=None, check=None) -> FormDialog:
    dialog = FormDialog("立项", [
        Field("title", "项目名称", required=True),
        Field("requested", "申请金额", "money", 5000_00),
        Field("amount", "立项金额", "money", required=True),
        Field("note", "备注", "multiline"),
        Field("urgent", "", "check", text="加急"),
    ], submit=submit, check=check)
    qtbot.addWidget(dialog)
    return dialog


def test_names_and_frames_the_wrong_field_as_you_type(qtbot, app):
    dialog = _form(qtbot)
    assert not dialog.ok_button.isEnabled() and dialog.error.text().startswith("项目名称")
    assert dialog.problem_key == "title" and not dialog.title.property("invalid")  # untouched: named, not framed
    dialog.title.setText("四点半课堂")
    dialog.title.clear()
    assert dialog.problem_key == "title" and dialog.title.property("invalid")
    dialog.title.setText("四点半课堂")
    assert dialog.problem_key == "amount" and "立项金额" in dialog.error.text()
    assert not dialog.title.property("invalid") and not dialog.amount.property("invalid")
    qtbot.keyClicks(dialog.amount, "4000.125")
    assert dialog.problem_key == "amount" and dialog.amount.property("invalid") and "两位小数" in dialog.error.text()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "4000")
    assert dialog.ok_button.isEnabled() and dialog.error.text() == "" and not dialog.amount.property("invalid")
    assert dialog.values()["amount"] == 4000_00 and dialog.values()["requested"] == 5000_00


@pytest.mark.parametrize("typed, fen", [("5000元", 5000_00), ("¥5,000", 5000_00), ("５０００", 5000_00),
                                        ("3000.5", 3000_50), ("1.2万", 12000_00), ("0.05", 5)])
def test_money_as_clerks_type_it_is_understood(qtbot, app, typed, fen):
    dialog = _form(qtbot)
    dialog.title.setText("x")
    dialog.amount.setText(typed)
    assert dialog.ok_button.isEnabled(), dialog.error.text()
    assert dialog.values()["amount"] == fen
    dialog.amount.editingFinished.emit()  # leaving the field shows what is kept
    assert dialog.amount.text() == re.sub(r"\.?0+$", "", f"{fen // 100}.{fen % 100:02d}")


@pytest.mark.parametrize("typed, says", [("五千", "5000"), ("一万二", "12000"), ("3000.555", "两位小数"),
                                         ("-5", "负数"), ("abc", "3000.50")])
def test_money_in_words_or_with_too_many_decimals_is_refused_with_a_sentence(qtbot, app, typed, says):
    dialog = _form(qtbot)
    dialog.title.setText("x")
    dialog.amount.setText(typed)
    assert not dialog.ok_button.isEnabled() and dialog.problem_key == "amount"
    assert dialog.error.text().startswith("立项金额") and says in dialog.error.text()
    dialog.amount.editingFinished.emit()
    assert dialog.amount.text() == typed  # nothing the clerk typed is thrown away


def test_a_refused_save_keeps_everything_typed_and_marks_the_field(qtbot, app):
    calls = []

    def submit(v):
        calls.append(v)
        if v["amount"] > v["requested"]:
            raise UserError("立项金额不能超过申请金额 5,000.00 元。")
        return "saved"

    dialog = _form(qtbot, submit=submit)
    dialog.title.setText("四点半课堂")
    dialog.amount.setText("6000")
    dialog.note.setPlainText("评审意见：压缩场地费")
    dialog.urgent.setChecked(True)
    dialog.accept()
    assert dialog.result() == 0 and len(calls) == 1
    assert dialog.error.text() == "立项金额不能超过申请金额 5,000.00 元。" and dialog.problem_key == "amount"
    assert dialog.amount.property("invalid") and not dialog.title.property("invalid")
    assert (dialog.title.text(), dialog.amount.text(), dialog.note.toPlainText(), dialog.urgent.isChecked()) == \
        ("四点半课堂", "6000", "评审意见：压缩场地费", True)
    dialog.amount.setText("5000")
    dialog.accept()
    assert dialog.result() == 1 and dialog.saved == "saved" and calls[-1]["amount"] == 5000_00


def test_a_refusal_naming_no_field_is_shown_and_the_form_stays(qtbot, app):
    def submit(v):
        raise UserError("第 2 笔拨付要等中期评估完成。")

    dialog = _form(qtbot, submit=submit)
    dialog.title.setText("x")
    dialog.amount.setText("1")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text() == "第 2 笔拨付要等中期评估完成。"
    assert dialog.problem_key is None and dialog.title.text() == "x"


def test_the_forms_rule_names_its_field(qtbot, app):
    dialog = _form(qtbot, check=lambda v: ("note", "请写明理由。") if v["urgent"] and not v["note"] else "")
    dialog.title.setText("x")
    dialog.amount.setText("1")
    dialog.urgent.setChecked(True)
    assert dialog.problem_key == "note" and dialog.error.text() == "请写明理由。" and not dialog.ok_button.isEnabled()
    dialog.note.setPlainText("老人多")
    assert dialog.ok_button.isEnabled()


def test_focus_tab_and_mnemonics(qtbot, app):
    dialog = _form(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.title
    assert isinstance(dialog.note, QPlainTextEdit) and dialog.note.tabChangesFocus()
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.urgent and dialog.note.toPlainText() == ""
    letters = [re.search(r"&(\w)", label.text()).group(1).upper()
               for label in dialog.labels.values() if "&" in label.text()] + \
        [re.search(r"&(\w)", dialog.urgent.text()).group(1).upper()]
    assert len(letters) == 5 and len(set(letters)) == len(letters)
    assert plain(dialog.labels["amount"].text()) == "立项金额"


def test_assign_mnemonics_keeps_asked_letters_and_never_repeats():
    out = assign_mnemonics([("name", "&Name"), ("number", "Number"), ("note", "名称(&N)"), ("x", "备注")], {"O"})
    letters = [re.search(r"&(\w)", t).group(1).upper() for t in out]
    assert out[0] == "&Name" and len(set(letters)) == 4 and "O" not in letters
    assert out[2].startswith("名称(&") and out[3].startswith("备注(&")


def test_a_field_key_that_hides_a_dialog_attribute_is_refused(qtbot, app):
    with pytest.raises(ValueError, match="result"):
        FormDialog("x", [Field("result", "结果")])
