"""Every form of the program, as a keyboard user meets it: the first field has the focus, Tab leaves
multi-line fields, and no two labels, tick boxes or buttons share an Alt-letter."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit

from yichao.app.orgs import OrgInput, create_org, get_org
from yichao.ui.launch import make_application
from yichao.ui.widgets.form import FormDialog


def _dialogs(ws) -> list[FormDialog]:
    from yichao.ui.pages.admin.users import NewUserDialog
    from yichao.ui.pages.certificates.dialogs import RevokeDialog, SetupDialog
    from yichao.ui.pages.orgs.edit_dialog import OrgDialog
    from yichao.ui.pages.orgs.records_dialogs import ActivityDialog, MentoringDialog, RatingDialog, SubsidyDialog
    from yichao.ui.pages.orgs.stage_dialogs import ResidencyDialog, StageDialog
    from yichao.ui.pages.passbook.bulk_dialog import BulkCreditDialog
    from yichao.ui.pages.passbook.edit_dialogs import ItemDialog, RuleDialog
    from yichao.ui.pages.passbook.open_dialog import OpenPassbookDialog
    from yichao.ui.pages.residents.need_dialog import NeedDialog
    from yichao.ui.pages.residents.person_dialog import PersonDialog

    org = create_org(ws, OrgInput(name="红帆服务社", kind="unregistered_team"))
    detail = get_org(ws, org.uid)
    return [OrgDialog(ws, None), OrgDialog(ws, detail), ActivityDialog(ws, org.uid), MentoringDialog(ws, org.uid),
            SubsidyDialog(ws, org.uid), RatingDialog(ws, org.uid), StageDialog(ws, detail),
            ResidencyDialog(ws, detail), PersonDialog(ws, {}), NeedDialog(ws, {}), OpenPassbookDialog(ws),
            BulkCreditDialog(ws), ItemDialog(ws), RuleDialog(ws), NewUserDialog(ws), RevokeDialog("DL-2026-RZ-0001"),
            SetupDialog(ws)]


def _letters(dialog: FormDialog) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None and w.isVisibleTo(dialog)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisibleTo(dialog)]
    return [m.group(1).upper() for t in texts if (m := re.search(r"&(\w)", t.replace("&&", "")))]


def test_every_form_is_usable_from_the_keyboard(qtbot, workspace):
    make_application()
    for dialog in _dialogs(workspace):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        name = type(dialog).__name__
        first = next(f for f in dialog.fields if f.kind != "label" and dialog.widgets[f.key].isEnabled())
        focused = dialog.focusWidget()
        assert focused is not None and (focused is dialog.widgets[first.key]
                                        or dialog.widgets[first.key].isAncestorOf(focused)), name
        letters = _letters(dialog)
        assert len(letters) == len(set(letters)), (name, sorted(letters))
        for widget in dialog.widgets.values():
            if isinstance(widget, QPlainTextEdit):
                assert widget.tabChangesFocus(), name
        dialog.close()


@pytest.mark.parametrize("typed", ["五千", "3000.555"])
def test_subsidy_amount_in_words_is_answered_while_typing(qtbot, workspace, typed):
    from yichao.ui.pages.orgs.records_dialogs import SubsidyDialog

    make_application()
    org = create_org(workspace, OrgInput(name="红帆服务社", kind="unregistered_team"))
    dialog = SubsidyDialog(workspace, org.uid)
    qtbot.addWidget(dialog)
    dialog.amount.setText(typed)
    assert not dialog.ok_button.isEnabled() and dialog.problem_key == "amount" and "金额" in dialog.error.text()
    dialog.amount.setText("5000元")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.amount_fen == 5000_00
