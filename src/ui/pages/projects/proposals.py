"""提案 tab: community proposals with the six steps of their loop; record the next step, attach the
minutes, and turn an adopted proposal into a project."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from yichao.app import projects
from yichao.app.core import Workspace, list_attachments, list_communities
from yichao.app.projects import OUTCOME_LABELS, STEP_LABELS, ProjectInput, applicant_choices
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.models.project_table import ProposalsSource, proposal_columns
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, ask
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class ProposalsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("All proposals"), None)
        for key, label in OUTCOME_LABELS.items():
            self.outcome.addItem(label, key)
        self.source = ProposalsSource(ws)
        self.model = PagedTableModel(self.source, proposal_columns(), self)
        self.view = make_table_view(self)
        self.view.setSortingEnabled(False)
        self.view.setModel(self.model)
        apply_column_widths(self.view, [220, 120, 110, 80])
        self.detail = QTextBrowser()
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, name, text, slot in (("new", "add", self.tr("&New proposal..."), self.new),
                                      ("step", "next", self.tr("Record next &step..."), self.step),
                                      ("project", "projects", self.tr("Make a &project..."), self.to_project)):
            b = QPushButton(icon(name), text, self)
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch()
        bar.addWidget(self.outcome)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.outcome.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_current())
        self.reload()

    def reload(self) -> None:
        self.source.outcome = self.outcome.currentData()
        self.model.refresh()
        self.show_current()

    def current(self):
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def show_current(self) -> None:
        p = self.current()
        self.buttons["step"].setEnabled(p is not None and p.next_step is not None)
        self.buttons["project"].setEnabled(p is not None and not p.project_uid
                                           and any(s.step == "adopt" for s in p.steps))
        if p is None:
            self.detail.clear()
            return

        files = {s.uid: "、".join(a.filename for a in list_attachments(self.ws, s.uid)) for s in p.steps}
        rows = "".join(f"<tr><td><b>{STEP_LABELS[s.step]}</b></td><td>{s.held_on}</td><td>{escape(s.participants)}</td>"
                       f"<td>{escape(s.decision)}</td><td>{escape(files[s.uid])}</td></tr>" for s in p.steps)
        todo = "".join(f"<span style='color:#999'> → {STEP_LABELS[s]}</span>"
                       for s in list(STEP_LABELS)[len(p.steps):]) if p.outcome == "open" else ""
        self.detail.setHtml(
            f"<h3>{escape(p.title)}</h3><p>{escape(p.proposer)} · {escape(p.community_name)} · "
            f"<b>{OUTCOME_LABELS[p.outcome]}</b>{todo}</p><p>{escape(p.summary)}</p>"
            f"<table border='1' cellspacing='0' cellpadding='3'>{rows}</table>")

    def _reselect(self, uid: str) -> None:
        self.model.refresh()
        for row in range(self.model.rowCount()):
            if self.model.data(self.model.index(row, 0), ROW_ROLE).uid == uid:
                self.view.selectRow(row)
                break
        self.show_current()

    def new(self) -> None:
        communities = [(c.uid, c.name) for c in call(self, list_communities, self.ws) or []]
        row = ask(self, self.tr("New community proposal"), [
            Field("title", self.tr("Title"), required=True), Field("proposer", self.tr("Proposer"), required=True),
            Field("community", self.tr("Community"), "choice", choices=[(None, "—"), *communities]),
            Field("on", self.tr("Collected on"), "date"), Field("participants", self.tr("Participants")),
            Field("summary", self.tr("Summary"), "multiline"),
        ], submit=lambda v: projects.create_proposal(self.ws, v["title"], v["proposer"], v["on"], v["community"],
                                                     v["summary"], v["participants"]))
        if row is not None:
            self._reselect(row.uid)

    def step(self) -> None:
        p = self.current()
        if p is None or p.next_step is None:
            return
        fields = [Field("on", self.tr("Date"), "date"), Field("participants", self.tr("Participants"), required=True),
                  Field("decision", self.tr("Decision"), "multiline", required=True)]
        if p.next_step == "deliberate":
            fields.append(Field("adopted", self.tr("Adopted"), "choice", True,
                                choices=[(True, self.tr("Adopted")), (False, self.tr("Not adopted"))]))
        step = p.next_step

        def save(v: dict) -> Any:
            files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach minutes or photos (optional)"),
                                                    str(Path.home()))
            return projects.record_step(self.ws, p.uid, step, v["on"], v["participants"], v["decision"],
                                        [Path(f) for f in files], v.get("adopted", True))

        if ask(self, self.tr("Step: %1").replace("%1", STEP_LABELS[step]), fields, submit=save):
            self._reselect(p.uid)

    def to_project(self) -> None:
        p = self.current()
        if p is None:
            return
        if ask(
            self,
            self.tr("Proposal to project"),
            [
                Field("org", self.tr("Carried out by"), "choice", choices=call(self, applicant_choices, self.ws) or []),
                Field("title", self.tr("Project title"), default=p.title, required=True),
                Field("requested", self.tr("Requested"), "money", required=True),
                Field("on", self.tr("Applied on"), "date"),
            ],
            submit=lambda v: projects.to_project(
                self.ws, p.uid, ProjectInput(v["org"], v["title"], v["requested"], None, "", p.summary, 0, v["on"])
            ),
        ):
            self._reselect(p.uid)
