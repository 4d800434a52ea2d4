"""One organization in tabs: profile (with the district's grade, read-only), stage history,
activities, mentoring visits, subsidies, attachments and the change journal of the record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from yichao.app.core import JournalFilter, Workspace, community_names
from yichao.app.history import described_journal
from yichao.app.orgs import (
    KIND_LABELS,
    PARTY_FORM_LABELS,
    STAGE_LABELS,
    TODO_LABELS,
    OrgDetail,
    current_rating,
    get_org,
    lookup_names,
    stage_history,
)
from yichao.ui.models.org_rows import ListSource
from yichao.ui.models.paged_table_model import ROW_ROLE, Column, PagedTableModel
from yichao.ui.pages.orgs.tabs import ActivitiesTab, AttachmentsTab, MentoringTab, SubsidiesTab
from yichao.ui.widgets.list_keys import row_keys
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


def small_table(columns: Sequence[Column], widths: list[int], parent: QWidget) -> tuple[Any, PagedTableModel]:
    """A view and model for a short per-organization list."""
    view = make_table_view(parent)
    view.setSortingEnabled(False)
    model = PagedTableModel(ListSource([]), columns, parent)
    view.setModel(model)
    apply_column_widths(view, widths)
    return view, model


class OrgDetailView(QWidget):
    """Shows the organization whose uid :meth:`show_org` was given; ``changed`` after an edit."""

    changed = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.org: OrgDetail | None = None
        self.title = QLabel()
        self.title.setObjectName("orgTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.tabs = QTabWidget()
        self.tabs.tabBar().setUsesScrollButtons(False)  # every tab readable: the splitter makes room
        self.profile = QLabel()
        self.profile.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.profile.setWordWrap(True)
        self.profile.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_view, self.history = small_table([
            Column("", QCoreApplication.translate("OrgDetail", "Date"), lambda c: c.on.isoformat()),
            Column("", QCoreApplication.translate("OrgDetail", "From"), lambda c: STAGE_LABELS.get(c.from_stage, "")),
            Column("", QCoreApplication.translate("OrgDetail", "To"), lambda c: STAGE_LABELS.get(c.to_stage, "")),
            Column("", QCoreApplication.translate("OrgDetail", "Reason"), lambda c: c.reason),
            Column("", QCoreApplication.translate("OrgDetail", "By"), lambda c: c.by_user),
        ], [90, 80, 80, 220, 70], self)
        self.journal_view, self.journal = small_table(
            [
                Column(
                    "",
                    QCoreApplication.translate("OrgDetail", "Time"),
                    lambda j: j.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                ),
                Column("", QCoreApplication.translate("OrgDetail", "User"), lambda j: j.user),
                Column("", QCoreApplication.translate("OrgDetail", "Operation"), lambda j: j.action),
                # a long change is cut off in the cell: the tooltip has every change, a line each
                Column("", QCoreApplication.translate("OrgDetail", "Changes"), lambda j: j.summary(),
                       tip=lambda j: "\n".join(j.summary_lines())),
            ],
            [130, 70, 60, 400],
            self,
        )
        # Enter or a double click on a change shows it whole
        self.journal_view.doubleClicked.connect(lambda _i: self.show_change())
        row_keys(self.journal_view, open_row=self.show_change)
        self.activities = ActivitiesTab(ws, self)
        self.mentoring = MentoringTab(ws, self)
        self.subsidies = SubsidiesTab(ws, self)
        self.attachments = AttachmentsTab(ws, self)
        self.activities.photos_changed.connect(self.attachments.reload)
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.history_view, self.tr("Stage history"))
        self.tabs.addTab(self.activities, self.tr("Activities"))
        self.tabs.addTab(self.mentoring, self.tr("Mentoring"))
        self.tabs.addTab(self.subsidies, self.tr("Subsidies"))
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.tabs.addTab(self.journal_view, self.tr("Journal"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.show_org("")

    def show_org(self, uid: str) -> None:
        self.org = get_org(self.ws, uid) if uid else None
        self.tabs.setEnabled(self.org is not None)
        for tab in (self.activities, self.mentoring, self.subsidies, self.attachments):
            tab.set_org(uid)
        if self.org is None:
            self.title.setText(self.tr("Select an organization to see its file."))
            self.profile.setText("")
            self.history.set_source(ListSource([]))
            self.journal.set_source(ListSource([]))
            return
        o = self.org
        self.title.setText(o.name + (f"（{o.short_name}）" if o.short_name else ""))
        self.profile.setText(self.profile_html(o))
        self.history.set_source(ListSource(stage_history(self.ws, uid)))
        self.journal.set_source(ListSource(described_journal(self.ws, JournalFilter(uid=uid), 0, 200)))

    def show_change(self) -> None:
        index = self.journal_view.currentIndex()
        entry = self.journal.data(index, ROW_ROLE) if index.isValid() else None
        if entry is None:
            return
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Change"),
                          f"{entry.at.astimezone():%Y-%m-%d %H:%M}　{entry.user}　{entry.action}", parent=self)
        box.setObjectName("journalChange")
        box.setInformativeText("\n".join(entry.summary_lines()))
        box.exec()

    def profile_html(self, o: OrgDetail) -> str:
        names = lookup_names(self.ws)
        communities = community_names(self.ws)
        rating = current_rating(self.ws, o.uid)
        if rating is None:
            grade = self.tr("not rated")
        else:
            grade = f"<b>{rating.label}</b>　" + self.tr("valid until %1").replace("%1", rating.valid_until.isoformat())
            if rating.expired:
                grade += '　<span style="color:#c62828">' + self.tr("expired") + "</span>"
            elif rating.plaque:
                grade += "　" + self.tr("(certificate and plaque)")
            grade += "　<i>" + self.tr("rated by the district; read-only") + "</i>"
        residency = self.tr("no")
        if o.resident:
            residency = self.tr("workstation %1 since %2").replace("%1", o.workstation).replace(
                "%2", o.resident_since.isoformat() if o.resident_since else "")
        elif o.resident_until:
            residency = self.tr("left on %1").replace("%1", o.resident_until.isoformat())
        waived = self.tr("accepted despite its check character: %1").replace("%1", o.credit_code_waiver)
        code = o.credit_code + (f"（{waived}）" if o.credit_code_waiver else "")
        since = self.tr("since %1").replace("%1", o.stage_since.isoformat()) if o.stage_since else ""
        todo = ""
        if o.todo:  # what the roster lacked, in red at the top until the clerk fills it in
            todo = ('<span style="color:#c62828"><b>' + escape("、".join(TODO_LABELS.get(k, k) for k in o.todo))
                    + "</b></span>")
        fields: list[tuple[str, str]] = [
            *([(self.tr("To complete"), todo)] if todo else []),
            (self.tr("Kind"), KIND_LABELS.get(o.kind, o.kind)),
            (self.tr("Stage"), STAGE_LABELS.get(o.stage, o.stage) + (f"（{since}）" if since else "")),
            (self.tr("Grade"), grade),
            (self.tr("Category"), names.get(o.category_uid or "", "")),
            (self.tr("Service domains"), "、".join(names.get(u, "") for u in o.domain_uids)),
            (self.tr("Credit code"), code), (self.tr("Filing number"), o.filing_number),
            (self.tr("Founded on"), _iso(o.founded_on)),
            (self.tr("Registered on"), _iso(o.registered_on)), (self.tr("Filed on"), _iso(o.filed_on)),
            (self.tr("Community"), communities.get(o.community_uid or "", "")), (self.tr("Address"), o.address),
            (self.tr("Leader"), o.leader), (self.tr("Phone"), o.phone),
            (self.tr("Members / volunteers / party members"), f"{o.members} / {o.volunteers} / {o.party_members}"),
            (self.tr("Party building"), PARTY_FORM_LABELS.get(o.party_form, "")),
            (self.tr("Residency"), residency), (self.tr("Notes"), o.notes),
        ]
        rich = {self.tr("Grade"), self.tr("Residency"), self.tr("To complete")}
        rows = "".join(f"<tr><td style='color:#555;padding-right:12px'>{k}</td>"
                       f"<td>{(v if k in rich else escape(v)) or '—'}</td></tr>" for k, v in fields)
        return f"<table cellspacing='4'>{rows}</table>"


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""
