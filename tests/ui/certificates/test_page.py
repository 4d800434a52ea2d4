"""The 证书打印 page: issue through the dialog off the GUI thread, preview, revoke, verify, setup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from yichao.app.certificates.batch import print_certificates
from yichao.app.certificates.lookup import count_certificates
from yichao.app.certificates.register import get_certificate
from yichao.app.core.pinyin import initials
from yichao.app.core.workspace import CurrentUser
from yichao.models.organization import Organization
from yichao.ui.pages.certificates import page as page_module
from yichao.ui.pages.certificates.dialogs import IssueDialog, RevokeDialog, SetupDialog, VerifyDialog
from yichao.ui.pages.certificates.page import CertificatesPage


def orgs(ws, *names, stage="nursery"):
    uids = []
    with ws.unit() as s:
        for name in names:
            o = Organization(name=name, stage=stage, name_initials=initials(name))
            s.add(o)
            s.flush()
            uids.append(o.uid)
    return uids


def test_batch_issue_runs_off_the_gui_thread_and_opens_the_preview(qtbot, workspace, monkeypatch):
    orgs(workspace, "夕阳情艺术团", "邻里守望队", "红帆服务社")
    page = CertificatesPage(workspace)
    qtbot.addWidget(page)

    def fake_exec(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("entry"))
        dialog._check_all(True)
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IssueDialog, "exec", fake_exec)
    page.batch()
    qtbot.waitUntil(lambda: page.last_pdf is not None, timeout=20_000)
    assert count_certificates(workspace) == 3
    assert page.model.rowCount() == 3
    assert page.preview.page_count == 3 and page.preview.isVisible()
    page.preview.close()


def test_issue_dialog_requires_a_recipient_and_filters(qtbot, workspace):
    orgs(workspace, "夕阳情艺术团", "邻里守望队")
    dialog = IssueDialog(workspace, batch=False)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.search.setText("xyq")
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=3000)
    dialog.list.setCurrentRow(0)
    assert ok.isEnabled() and len(dialog.subject_uids()) == 1
    dialog.kind.setCurrentIndex(dialog.kind.findData("graduation"))
    assert dialog.list.count() == 0 and not ok.isEnabled() and dialog.year.isEnabled()


def test_revoke_waits_for_a_reason_and_updates_the_register(qtbot, workspace, tmp_path, monkeypatch):
    uid = orgs(workspace, "夕阳情艺术团")[0]
    row = print_certificates(workspace, "entry", [uid], tmp_path / "a.pdf").pages[0].row
    page = CertificatesPage(workspace)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    assert page.revoke_action.isEnabled() and row.serial in page.detail.text()
    dialog = RevokeDialog(row.serial)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason.setPlainText("名称有误")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    def fake_exec(d):
        d.reason.setPlainText("名称有误")
        d.accept()  # the dialog revokes before it closes
        return d.result()

    monkeypatch.setattr(RevokeDialog, "exec", fake_exec)
    page.revoke()
    assert get_certificate(workspace, row.uid).status == "revoked"
    page.view.selectRow(0)
    assert not page.revoke_action.isEnabled() and not page.reprint_action.isEnabled()
    assert page.model.data(page.model.index(0, 4), Qt.ItemDataRole.DisplayRole) == page.tr("Revoked")


def test_verify_dialog_and_viewer_rights(qtbot, workspace, tmp_path):
    uid = orgs(workspace, "夕阳情艺术团")[0]
    row = print_certificates(workspace, "entry", [uid], tmp_path / "a.pdf").pages[0].row
    workspace.user = CurrentUser("guest", "viewer")
    page = CertificatesPage(workspace)
    qtbot.addWidget(page)
    assert not page.issue_action.isEnabled() and not page.setup_action.isEnabled()
    assert page.verify_action.isEnabled()
    dialog = VerifyDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.code.setText(row.code)
    dialog.check()
    assert row.serial in dialog.verdict.text() and "夕阳情艺术团" in dialog.verdict.text()


def test_setup_dialog_saves_calibration(qtbot, workspace):
    dialog = SetupDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.dx.setValue(2.5)
    dialog.prefix.setText("lx")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workspace.settings.get("certificate_offset_x_mm") == 2.5
    assert workspace.settings.get("certificate_prefix") == "LX"


def test_page_is_registered():
    from yichao.ui.pages import PAGES

    assert any(p.key == "certificates" and p.target.endswith("CertificatesPage") for p in PAGES)
    assert page_module.CertificatesPage is CertificatesPage
