"""Opens the main window, every page and every dialog on a 1366×728 screen (a 1366×768 laptop less
its taskbar) and prints what it measured as JSON. Run by ``test_screen_fit.py`` in its own process,
because the screen size is fixed when Qt starts:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.fit_probe DATA_DIR
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QWidget

DialogFactory = Callable[[Any, QWidget], QDialog]
# set YICHAO_FIT_SHOTS=DIR to keep a picture of each page and dialog for a human to look at
SHOTS = Path(os.environ["YICHAO_FIT_SHOTS"]) if os.environ.get("YICHAO_FIT_SHOTS") else None


def _factories(ws: Any, tmp: Path) -> dict[str, DialogFactory]:
    """One way to open each dialog with realistic content (the demo street's records)."""
    from yichao.app import core, needs, orgs, passbook, projects
    from yichao.app.core import ImportReport
    from yichao.app.roadshow import CriterionSpec
    from yichao.app.sync import ImportResult
    from yichao.app.sync.plan import KindCounts  # tests may reach behind a facade
    from yichao.ui.dialogs.login import LoginDialog
    from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog
    from yichao.ui.dialogs.setup_wizard import SetupWizard
    from yichao.ui.pages.admin.data_key import ExportKeyDialog, ImportKeyDialog
    from yichao.ui.pages.admin.users import NewUserDialog
    from yichao.ui.pages.certificates.dialogs import IssueDialog, RevokeDialog, SetupDialog, VerifyDialog
    from yichao.ui.pages.orgs.edit_dialog import OrgDialog
    from yichao.ui.pages.orgs.import_dialog import OrgImportDialog
    from yichao.ui.pages.orgs.lookups_dialog import LookupsDialog
    from yichao.ui.pages.orgs.records_dialogs import ActivityDialog, MentoringDialog, RatingDialog, SubsidyDialog
    from yichao.ui.pages.orgs.stage_dialogs import ResidencyDialog, StageDialog
    from yichao.ui.pages.passbook.bulk_dialog import BulkCreditDialog
    from yichao.ui.pages.passbook.edit_dialogs import ItemDialog, RuleDialog
    from yichao.ui.pages.passbook.open_dialog import OpenPassbookDialog
    from yichao.ui.pages.passbook.print_dialogs import CalibrationDialog, PassbookPrintDialog
    from yichao.ui.pages.projects.roadshow_projects_dialog import RoadshowProjectsDialog
    from yichao.ui.pages.projects.rubric_dialog import RubricDialog
    from yichao.ui.pages.residents.claim_dialog import ClaimDialog
    from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog
    from yichao.ui.pages.residents.need_dialog import NeedDialog
    from yichao.ui.pages.residents.needs_for_org_dialog import NeedsForOrgDialog
    from yichao.ui.pages.residents.person_dialog import PersonDialog
    from yichao.ui.pages.residents.review_dialog import ReviewDialog
    from yichao.ui.pages.sync.preview import PreviewDialog
    from yichao.ui.widgets.confirm import _AskDialog
    from yichao.ui.widgets.form import FormDialog
    from yichao.ui.widgets.form_fields import Field
    from yichao.ui.widgets.value_mapping import ValueMappingDialog

    org = orgs.get_org(ws, orgs.org_uids(ws, orgs.OrgFilter())[0])
    need = next(iter(needs.query_needs(ws, needs.NeedsFilter(), 0, 1)))
    book = next(iter(passbook.query_passbooks(ws, passbook.PassbookFilter(), 0, 1)))
    communities = core.community_names(ws)
    pdf = tmp / "probe.pdf"
    orgs_xlsx = tmp / "orgs.xlsx"
    orgs.export_orgs(ws, orgs_xlsx)
    _write_pdf(pdf)
    long_reasons = tuple((i + 2, "身份证号码校验位不对，请核对第 18 位。" * 3) for i in range(60))
    kinds = {"organization": KindCounts(new=3, changed=1, unchanged=9)}
    return {
        "SetupWizard": lambda ws, p: SetupWizard(tmp / "new-site", p),
        "LoginDialog": lambda ws, p: LoginDialog("甸柳街道", lambda user, password: None),
        "PdfPreviewDialog": lambda ws, p: PdfPreviewDialog(pdf, "预览", p),
        "NewUserDialog": lambda ws, p: NewUserDialog(ws, p),
        "ExportKeyDialog": lambda ws, p: ExportKeyDialog(ws, tmp / "甸柳街道身份证号码密钥.yckey", p),
        "ImportKeyDialog": lambda ws, p: ImportKeyDialog(ws, tmp / "甸柳街道身份证号码密钥.yckey", p),
        "IssueDialog": lambda ws, p: IssueDialog(ws, p, batch=True),
        "RevokeDialog": lambda ws, p: RevokeDialog("DL-2026-RZ-0001", p),
        "VerifyDialog": lambda ws, p: VerifyDialog(ws, p),
        "SetupDialog": lambda ws, p: SetupDialog(ws, p),
        "OrgDialog": lambda ws, p: OrgDialog(ws, org, p),
        "OrgImportDialog": lambda ws, p: OrgImportDialog(ws, str(orgs_xlsx), p),
        "LookupsDialog": lambda ws, p: LookupsDialog(ws, p),
        "ActivityDialog": lambda ws, p: ActivityDialog(ws, org.uid, p),
        "MentoringDialog": lambda ws, p: MentoringDialog(ws, org.uid, p),
        "SubsidyDialog": lambda ws, p: SubsidyDialog(ws, org.uid, p),
        "RatingDialog": lambda ws, p: RatingDialog(ws, org.uid, p),
        "StageDialog": lambda ws, p: StageDialog(ws, org, p),
        "ResidencyDialog": lambda ws, p: ResidencyDialog(ws, org, p),
        "BulkCreditDialog": lambda ws, p: BulkCreditDialog(ws, p),
        "ItemDialog": lambda ws, p: ItemDialog(ws, None, p),
        "RuleDialog": lambda ws, p: RuleDialog(ws, None, p),
        "OpenPassbookDialog": lambda ws, p: OpenPassbookDialog(ws, p),
        "PassbookPrintDialog": lambda ws, p: PassbookPrintDialog(ws, book.number, p),
        "CalibrationDialog": lambda ws, p: CalibrationDialog(ws, p),
        "FormDialog": lambda ws, p: FormDialog("新建资助批次", [
            Field("name", "批次名称", required=True), Field("note", "备注", "multiline"),
            Field("year", "年度", "int", 2026), Field("budget", "预算", "money"),
            Field("opens", "征集开始", "date")], p),  # the shared form, as projects and the counter use it
        "RoadshowProjectsDialog": lambda ws, p: RoadshowProjectsDialog(
            list(projects.query_projects(ws, 0, 40)), p),
        "RubricDialog": lambda ws, p: RubricDialog(
            tuple(CriterionSpec(f"评分项{i}", 0.2, 20.0) for i in range(5)), "公益创投路演评分标准", p),
        "ClaimDialog": lambda ws, p: ClaimDialog(ws, need, p),
        "ImportPreviewDialog": lambda ws, p: ImportPreviewDialog(ImportReport(80, 20, 0, long_reasons), p),
        "NeedDialog": lambda ws, p: NeedDialog(ws, communities, None, p),
        "NeedsForOrgDialog": lambda ws, p: NeedsForOrgDialog(ws, p),
        "PersonDialog": lambda ws, p: PersonDialog(ws, communities, None, p),
        "ReviewDialog": lambda ws, p: ReviewDialog(ws, need, p),
        "PreviewDialog": lambda ws, p: PreviewDialog(ImportResult(
            "370102", "历下区", 3, "2026-12-01", 13, kinds, 0, False), p),
        "_AskDialog": lambda ws, p: _AskDialog(p, "删除", "删除这条记录？" * 4, "删除"),
        "ValueMappingDialog": lambda ws, p: ValueMappingDialog([core.ValueQuestion(
            "需求类别（请按民政局口径填写）", "category", "需求类别", f"居家养老上门服务第{i}类", 3 + i, "助老",
            ("助老", "助残", "儿童", "环境", "邻里互助", "维修", "文体", "其他")) for i in range(30)], p),
    }


def _write_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 720, "probe")
    c.save()


def _size(widget: QWidget) -> dict[str, list[int]]:
    frame = widget.frameGeometry()
    hint = widget.minimumSizeHint()
    return {"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "minimum": [max(hint.width(), widget.minimumWidth()), max(hint.height(), widget.minimumHeight())]}


def main(data_dir: str) -> int:
    from yichao.app.core import open_workspace
    from yichao.app.core.workspace import CurrentUser
    from yichao.ui.fonts import install_cjk_font
    from yichao.ui.i18n import install_translators
    from yichao.ui.launch import show_main_window
    from yichao.ui.screen_fit import install_screen_fit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_cjk_font(app)
    install_translators(app, "zh_CN")
    ws = open_workspace(Path(data_dir))
    ws.user = CurrentUser("admin", "admin", "管理员")
    screen = app.primaryScreen().availableGeometry()
    out: dict[str, Any] = {"screen": [screen.width(), screen.height()], "pages": {}, "dialogs": {}, "errors": {}}
    window = show_main_window(ws, remember_geometry=True)
    install_screen_fit(app)
    app.processEvents()
    out["main_window"] = _size(window) | {"maximized": window.isMaximized()}
    for spec in window._specs:
        page = window.show_page(spec.key)
        app.processEvents()
        out["pages"][spec.key] = _size(page)
        if SHOTS:
            window.grab().save(str(SHOTS / f"page-{spec.key}.png"))
    if SHOTS:
        residents = window.show_page("residents")
        residents.tabs.setCurrentWidget(residents.needs_tab)
        app.processEvents()
        window.grab().save(str(SHOTS / "page-needs.png"))
        org_page = window.show_page("orgs")
        org_page.list.view.setCurrentIndex(org_page.list.model.index(2, 0))
        app.processEvents()
        window.grab().save(str(SHOTS / "page-org-detail.png"))
    tmp = Path(data_dir) / "probe"
    tmp.mkdir(exist_ok=True)
    for name, factory in _factories(ws, tmp).items():
        try:
            dialog = factory(ws, window)
            dialog.show()
            app.processEvents()
            out["dialogs"][name] = _size(dialog)
            if SHOTS:
                dialog.grab().save(str(SHOTS / f"dialog-{name}.png"))
            dialog.close()
            dialog.deleteLater()
        except Exception as exc:  # reported, so the test names the dialog it could not open
            out["errors"][name] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(out, ensure_ascii=False))
    window.close()
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
