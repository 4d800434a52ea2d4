"""The toolbar actions of the 路演 tab: new roadshow, projects, judges, recusals, Excel and PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from yichao.app import roadshow
from yichao.app.core import rejection_lines, safe_filename, temp_file
from yichao.app.projects import list_programs, query_projects
from yichao.app.roadshow import export_blank_sheet, export_scores, import_sheet, result_sheet_pdf
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, ask

if TYPE_CHECKING:
    from yichao.ui.pages.projects.roadshow import RoadshowTab


class RoadshowActions(QObject):
    def __init__(self, tab: RoadshowTab) -> None:
        super().__init__(tab)
        self.tab = tab
        b = tab.buttons
        b["new"].clicked.connect(self.new_roadshow)
        b["entries"].clicked.connect(self.add_projects)
        b["judge"].clicked.connect(self.add_judge)
        b["rubric"].clicked.connect(self.rubric)
        b["recusal"].clicked.connect(self.recusal)
        b["blank"].clicked.connect(self.blank_sheet)
        b["import"].clicked.connect(self.import_sheet)
        b["scores"].clicked.connect(self.export_scores)
        b["pdf"].clicked.connect(self.result_pdf)

    @property
    def ws(self):
        return self.tab.ws

    def new_roadshow(self) -> None:
        templates = call(self.tab, roadshow.list_templates, self.ws) or []
        programs = call(self.tab, list_programs, self.ws) or []

        def check(v: dict) -> str | tuple[str, str]:
            names = [n for n in v["judges"].splitlines() if n.strip()]
            return "" if names else ("judges", self.tr("Name at least one judge, one a line."))

        def save(v: dict) -> Any:
            template = templates[v["template"] or 0]
            return roadshow.create_roadshow(self.ws, v["name"], v["held_on"], v["venue"], list(template.criteria),
                                            [n.strip() for n in v["judges"].splitlines() if n.strip()], v["program"])

        row = ask(
            self.tab,
            self.tr("New roadshow"),
            [
                Field("name", self.tr("Name"), required=True),
                Field("held_on", self.tr("Date"), "date"),
                Field("venue", self.tr("Venue")),
                Field(
                    "program",
                    self.tr("Funding round"),
                    "choice",
                    None,
                    choices=[(None, "—")] + [(p.uid, p.name) for p in programs],
                ),
                Field(
                    "template",
                    self.tr("Rubric template"),
                    "choice",
                    0,
                    choices=[
                        (i, f"{t.name}（{'、'.join(c.name for c in t.criteria)}）") for i, t in enumerate(templates)
                    ],
                ),
                Field("judges", self.tr("Judges (one a line)"), "multiline", required=True),
            ],
            check,
            submit=save,
        )
        if row is not None:
            self.tab.reload_roadshows(row.uid)

    def rubric(self) -> None:
        """Edit this roadshow's rubric (refused once scores are typed) and keep it as a template."""
        # the dialog's module loads on first use
        from yichao.ui.pages.projects.rubric_dialog import RubricDialog

        grid = self.tab.grid
        if grid is None:
            return
        dialog = RubricDialog(grid.criteria, "", self.tab)
        if not dialog.exec():
            return
        criteria = dialog.criteria()
        if list(criteria) != list(grid.criteria):
            call(self.tab, roadshow.set_criteria, self.ws, self.tab.roadshow_uid, criteria)
        if dialog.template.text().strip():
            call(self.tab, roadshow.save_template, self.ws, dialog.template.text(), criteria)
        self.tab.load()

    def add_projects(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.projects.roadshow_projects_dialog import RoadshowProjectsDialog

        grid = self.tab.grid
        present = {e.project_uid for e in grid.entries} if grid else set()
        candidates = [p for p in call(self.tab, query_projects, self.ws, 0, 500, "title", False, "screened") or []
                      if p.uid not in present]
        dialog = RoadshowProjectsDialog(candidates, self.tab)
        if dialog.exec() and dialog.chosen():
            call(self.tab, roadshow.add_entries, self.ws, self.tab.roadshow_uid, dialog.chosen())
            self.tab.load()

    def add_judge(self) -> None:
        if ask(self.tab, self.tr("Add judge"), [Field("name", self.tr("Name"), required=True),
                                                Field("affiliation", self.tr("Affiliation"))],
               submit=lambda v: roadshow.add_judge(self.ws, self.tab.roadshow_uid, v["name"], v["affiliation"])):
            self.tab.load()

    def recusal(self) -> None:
        grid = self.tab.grid
        if grid is None:
            return
        if ask(
            self.tab,
            self.tr("Conflict of interest"),
            [
                Field(
                    "judge",
                    self.tr("Judge"),
                    "choice",
                    self.tab.judges.currentData(),
                    choices=[(j.uid, j.name) for j in grid.judges],
                ),
                Field(
                    "project", self.tr("Project"), "choice", choices=[(e.project_uid, e.title) for e in grid.entries]
                ),
                Field("reason", self.tr("Reason"), required=True),
            ],
            note=self.tr("The judge will not score this project; a sheet already typed for it is void."),
            submit=self._declare,
        ):
            self.tab.load()

    def _declare(self, v: dict[str, Any]) -> bool:
        roadshow.declare_recusal(self.ws, self.tab.roadshow_uid, v["judge"], v["project"], v["reason"])
        return True

    def _name(self, what: str, suffix: str = "") -> str:
        """The roadshow's name and ``what``, as a file name (a long name is shortened before ``what``)."""
        return safe_filename(self.tab.grid.roadshow.name if self.tab.grid else "", suffix, tail=what)

    def blank_sheet(self) -> None:
        path = self.tab.ask_save(self.tr("Blank scoring sheet"), self._name("评分表", ".xlsx"), "Excel (*.xlsx)")
        if path and call(self.tab, export_blank_sheet, self.ws, self.tab.roadshow_uid, path) is not None:
            QMessageBox.information(self.tab, self.tr("Yichao"), self.tr("Saved %1.").replace("%1", str(path)))

    def export_scores(self) -> None:
        path = self.tab.ask_save(self.tr("Export scores"), self._name("评分汇总", ".xlsx"), "Excel (*.xlsx)")
        if path and call(self.tab, export_scores, self.ws, self.tab.roadshow_uid, path) is not None:
            QMessageBox.information(self.tab, self.tr("Yichao"), self.tr("Saved %1.").replace("%1", str(path)))

    def import_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.tab, self.tr("Import a filled scoring sheet"), str(Path.home()),
                                              "Excel (*.xlsx)")
        if not path:
            return
        confirm = self.tab.confirm_mode.isChecked()
        report = call(self.tab, import_sheet, self.ws, self.tab.roadshow_uid, Path(path), confirm)
        if report is None:
            return
        if report.rejected:
            QMessageBox.warning(self.tab, self.tr("Nothing imported"), "\n".join(rejection_lines(report)[:30]))
        else:
            QMessageBox.information(
                self.tab, self.tr("Yichao"), self.tr("%1 sheets imported.").replace("%1", str(report.applied))
            )
        self.tab.load()

    def result_pdf(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog

        out = temp_file(self._name(f"评分结果-{date.today():%Y%m%d}"), ".pdf")
        if call(self.tab, result_sheet_pdf, self.ws, self.tab.roadshow_uid, out) is not None:
            self.preview = PdfPreviewDialog(out, self.tr("Roadshow result sheet"), self.tab)
            self.preview.show()
