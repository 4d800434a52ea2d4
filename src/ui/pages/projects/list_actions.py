"""The toolbar actions of the 创投项目 tab: rounds, applications, status steps, tranches,
milestones, evaluations, activities, outcome, close-out report and Excel export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from yichao.app import projects
from yichao.app.core import temp_file
from yichao.app.projects import (
    FUND_LABELS,
    PROGRAM_KIND_LABELS,
    STATUS_LABELS,
    FundSourceInput,
    ProgramInput,
    ProjectInput,
    closeout_report_pdf,
    export_programs,
    export_projects,
    fen_to_yuan,
)
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, ask

if TYPE_CHECKING:
    from yichao.ui.pages.projects.list_view import ProjectsTab


class ProjectActions(QObject):
    def __init__(self, tab: ProjectsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        for key, slot in (
            ("round", self.new_round),
            ("edit_round", self.edit_round),
            ("apply", self.apply),
            ("step", self.step),
            ("plan", self.plan),
            ("disburse", self.disburse),
            ("milestone", self.milestone),
            ("evaluation", self.evaluation),
            ("activity", self.activity),
            ("outcome", self.outcome),
            ("report", self.report),
            ("export", self.export),
        ):
            tab.buttons[key].clicked.connect(slot)

    @property
    def ws(self):
        return self.tab.ws

    # -- rounds -----------------------------------------------------------------------------
    def _round_form(self, title: str, p: projects.ProgramRow | None) -> projects.ProgramRow | None:
        """The round form; saved (created, or updated when ``p`` is given) before it closes."""
        amounts = {s.kind: s.amount_fen for s in p.sources} if p else {}
        fields = [
            Field("name", self.tr("Name"), default=p.name if p else "", required=True),
            Field(
                "kind", self.tr("Kind"), "choice", p.kind if p else "venture", choices=list(PROGRAM_KIND_LABELS.items())
            ),
            Field("year", self.tr("Year"), "int", p.year if p else date.today().year, maximum=2100),
            Field("budget", self.tr("Budget"), "money", p.budget_fen if p else None, required=True),
            *[Field(k, FUND_LABELS[k], "money", amounts.get(k)) for k in FUND_LABELS],
            Field("call_opens", self.tr("Call opens"), "date", p.call_opens if p else None),
            Field("call_closes", self.tr("Call closes"), "date", p.call_closes if p else None),
            Field("roadshow_on", self.tr("Roadshow"), "date", p.roadshow_on if p else None),
            Field("publicity_from", self.tr("Publicity from"), "date", p.publicity_from if p else None),
            Field("publicity_until", self.tr("Publicity until"), "date", p.publicity_until if p else None),
            Field("tranche_plan", self.tr("Tranches (%)"), default=p.tranche_plan if p else "50,30,20"),
        ]

        def build(v: dict[str, Any]) -> ProgramInput:
            sources = tuple(FundSourceInput(k, v[k]) for k in FUND_LABELS if v[k])
            return ProgramInput(
                v["name"],
                v["kind"],
                v["year"],
                v["budget"],
                sources,
                v["call_opens"],
                v["call_closes"],
                v["roadshow_on"],
                v["publicity_from"],
                v["publicity_until"],
                v["tranche_plan"],
            )

        def check(v: dict[str, Any]) -> str:
            projects.validate_program(build(v))
            return ""

        def save(v: dict[str, Any]) -> projects.ProgramRow:
            if p is None:
                return projects.create_program(self.ws, build(v))
            return projects.update_program(self.ws, p.uid, build(v))

        return ask(self.tab, title, fields, check, submit=save)

    def new_round(self) -> None:
        if row := self._round_form(self.tr("New funding round"), None):
            self.tab.reload_programs(row.uid)

    def edit_round(self) -> None:
        current = self.tab.current_program()
        if current and self._round_form(self.tr("Edit funding round"), current):
            self.tab.reload_programs(current.uid)

    # -- projects ---------------------------------------------------------------------------
    def apply(self) -> None:
        orgs = call(self.tab, projects.applicant_choices, self.ws) or []
        rounds = [(p.uid, f"{p.year} {p.name}") for p in self.tab.programs]
        saved = ask(
            self.tab,
            self.tr("Project application"),
            [
                Field("org", self.tr("Applicant"), "choice", choices=orgs),
                Field(
                    "program",
                    self.tr("Round"),
                    "choice",
                    self.tab.program.currentData(),
                    choices=[(None, "—"), *rounds],
                ),
                Field("title", self.tr("Title"), required=True),
                Field("domain", self.tr("Service domain")),
                Field("summary", self.tr("Summary"), "multiline"),
                Field("requested", self.tr("Requested"), "money", required=True),
                Field("planned", self.tr("Planned beneficiaries"), "int", 0),
                Field("applied_on", self.tr("Applied on"), "date"),
                Field("plan", self.tr("Tranches (%)"), default=""),
            ],
            lambda v: "" if v["org"] else ("org", self.tr("Choose the applying organization.")),
            submit=lambda v: projects.apply_project(
                self.ws,
                ProjectInput(
                    v["org"],
                    v["title"],
                    v["requested"],
                    v["program"],
                    v["domain"],
                    v["summary"],
                    v["planned"],
                    v["applied_on"],
                    v["plan"],
                ),
            ),
        )
        if saved:
            self.tab.after_change()

    def step(self) -> None:
        p = self.tab.current()
        if p is None:
            return
        options = projects.next_statuses(p.status)
        if not options:
            QMessageBox.information(self.tab, self.tr("Yichao"), self.tr("This project has finished its course."))
            return
        saved = ask(
            self.tab,
            self.tr("Next step of %1").replace("%1", p.title),
            [
                Field("to", self.tr("New status"), "choice", choices=[(s, STATUS_LABELS[s]) for s in options]),
                Field("on", self.tr("Date"), "date"),
                Field(
                    "amount",
                    self.tr("Approved amount"),
                    "money",
                    p.requested_fen,
                    required=True,
                    visible=lambda v: v["to"] == "approved",
                ),
                Field("note", self.tr("Note / reason"), "multiline"),
            ],
            lambda v: (
                ("note", self.tr("Give the reason.")) if v["to"] in projects.NEEDS_REASON and not v["note"] else ""
            ),
            submit=lambda v: projects.advance(
                self.ws, p.uid, v["to"], v["on"], v["note"], v["amount"] if v["to"] == "approved" else None
            ),
        )
        if saved:
            self.tab.after_change()

    def plan(self) -> None:
        """Change the split of an approved grant (e.g. 40/40/20) before anything is paid."""
        p = self.tab.current()
        if p is None:
            return
        current = ",".join(str(t.percent) for t in call(self.tab, projects.list_tranches, self.ws, p.uid) or [])
        saved = ask(
            self.tab,
            self.tr("Tranche plan"),
            [Field("plan", self.tr("Tranches (%)"), default=current or "50,30,20")],
            note=self.tr(
                "The first is paid on approval, the last after the final evaluation, "
                "the one before it after the midterm evaluation."
            ),
            submit=lambda v: projects.replan_tranches(self.ws, p.uid, v["plan"]),
        )
        if saved is not None:
            self.tab.after_change()

    def disburse(self) -> None:
        p = self.tab.current()
        due = (
            [t for t in call(self.tab, projects.list_tranches, self.ws, p.uid) or [] if not t.disbursed_on] if p else []
        )
        if not due:
            QMessageBox.information(self.tab, self.tr("Yichao"), self.tr("No tranche is waiting to be paid."))
            return
        t = due[0]
        saved = ask(self.tab, self.tr("Disburse tranche %1").replace("%1", str(t.seq)), [
            Field("on", self.tr("Paid on"), "date"), Field("note", self.tr("Note"))],
            note=self.tr("%1 yuan (%2%), condition: %3").replace("%1", fen_to_yuan(t.amount_fen))
            .replace("%2", str(t.percent)).replace("%3", t.condition_label),
            submit=lambda v: projects.disburse(self.ws, t.uid, v["on"], v["note"]))
        if saved is not None:
            self.tab.after_change()

    def milestone(self) -> None:
        p = self.tab.current()
        if p is None:
            return
        open_ = [(m.uid, self.tr("Complete: %1").replace("%1", m.title))
                 for m in call(self.tab, projects.list_milestones, self.ws, p.uid) or [] if not m.done_on]
        def save(v: dict[str, Any]) -> Any:
            if v["which"]:
                return projects.complete_milestone(self.ws, v["which"], v["on"])
            return projects.add_milestone(self.ws, p.uid, v["title"], v["on"])

        if ask(self.tab, self.tr("Milestone"), [
            Field("which", self.tr("Action"), "choice", choices=[(None, self.tr("Add a new milestone")), *open_]),
            Field("title", self.tr("New milestone"), visible=lambda v: not v["which"]),
            Field("on", self.tr("Due / done on"), "date"),
        ], lambda v: ("title", self.tr("Name the new milestone.")) if not v["which"] and not v["title"] else "",
                submit=save) is not None:
            self.tab.after_change()

    def evaluation(self) -> None:
        p = self.tab.current()
        if p is None:
            return
        if ask(self.tab, self.tr("Evaluation"), [
            Field("kind", self.tr("Kind"), "choice", "final" if p.status == "midterm" else "midterm",
                  choices=list(projects.EVALUATION_KIND_LABELS.items())),
            Field("on", self.tr("Date"), "date"), Field("score", self.tr("Score (0-100)"), "float", maximum=100),
            Field("evaluator", self.tr("Evaluator")), Field("comment", self.tr("Comments"), "multiline"),
        ], submit=lambda v: projects.record_evaluation(self.ws, p.uid, v["kind"], v["on"], v["score"],
                                                      v["evaluator"], v["comment"])) is not None:
            self.tab.after_change()

    def activity(self) -> None:
        p = self.tab.current()
        if p is None:
            return
        if ask(self.tab, self.tr("Service activity"), [
            Field("on", self.tr("Date"), "date"), Field("title", self.tr("Activity"), required=True),
            Field("people", self.tr("Participants"), "int"), Field("note", self.tr("Note"), "multiline"),
        ], submit=lambda v: projects.record_activity(self.ws, p.uid, v["on"], v["title"], v["people"],
                                                    v["note"])) is not None:
            self.tab.after_change()

    def outcome(self) -> None:
        p = self.tab.current()
        if p is None:
            return
        if ask(self.tab, self.tr("Outcome"), [
            Field("spent", self.tr("Actually spent"), "money", p.spent_fen or None),
            Field("people", self.tr("Actual beneficiaries"), "int", p.actual_beneficiaries),
        ], submit=lambda v: projects.record_outcome(self.ws, p.uid, v["spent"] or 0, v["people"])) is not None:
            self.tab.after_change()

    def report(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog

        p = self.tab.current()
        if p is None:
            return
        out = temp_file(p.title, ".pdf", tail="结项报告")  # a long title is shortened before the words
        if call(self.tab, closeout_report_pdf, self.ws, p.uid, out) is not None:
            self.preview = PdfPreviewDialog(out, self.tr("Close-out report"), self.tab)
            self.preview.show()

    def export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self.tab, self.tr("Export to Excel"), str(Path.home() / "项目一览.xlsx"),
            self.tr("Projects (*.xlsx);;Funding rounds (*.xlsx)"))
        if not path:
            return
        exporter = export_programs if chosen.startswith(self.tr("Funding rounds")) else export_projects
        count = call(self.tab, exporter, self.ws, Path(path))
        if count is not None:
            QMessageBox.information(self.tab, self.tr("Yichao"), self.tr("%1 rows exported.").replace("%1", str(count)))
