"""创投项目 tab: the funding rounds with their budget use always in view, the projects of the
chosen round (paged, sorted and searched in SQL), and the selected project's file beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace
from yichao.app.projects import (
    PROJECT_STATUSES,
    STATUS_LABELS,
    ProgramRow,
    applicant_choices,
    count_projects,
    list_programs,
)
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.models.project_table import ProjectsSource, project_columns
from yichao.ui.operations import call
from yichao.ui.pages.projects.detail import project_html
from yichao.ui.pages.projects.history_import import import_past_projects
from yichao.ui.pages.projects.list_actions import ProjectActions
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, open_page, show_list_states
from yichao.ui.widgets.filter_banner import FilterBanner
from yichao.ui.widgets.list_keys import searchable_list
from yichao.ui.widgets.street_filter import StreetFilter
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class ProjectsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.programs: list[ProgramRow] = []
        self.program = QComboBox()
        self.program.setObjectName("program_combo")
        self.budget = QProgressBar()
        self.budget.setObjectName("budget_bar")
        self.budget.setTextVisible(True)
        self.budget_text = QLabel()
        self.budget_text.setObjectName("budget_text")
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for s in PROJECT_STATUSES:
            self.status.addItem(STATUS_LABELS[s], s)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, initials or applicant"))
        self.search.setClearButtonEnabled(True)
        self.street = StreetFilter(ws)  # a district: the street of each project, and a filter
        self.source = ProjectsSource(ws)
        self.model = PagedTableModel(self.source, project_columns(self.street.column()), self)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        apply_column_widths(self.view, [200, 110, 170, 80, 100, 100, 90] if self.street.district
                            else [200, 170, 80, 100, 100, 90])
        self.detail = QTextBrowser()
        self.detail.setObjectName("project_detail")
        self.buttons: dict[str, QPushButton] = {}
        bars = [QHBoxLayout(), QHBoxLayout()]
        for i, (key, name, text) in enumerate((
            ("round", "add", self.tr("New &round...")), ("edit_round", "edit", self.tr("Edit r&ound...")),
            ("apply", "add", self.tr("&Apply...")), ("step", "next", self.tr("Next &step...")),
            ("report", "print", self.tr("Close-out &report...")), ("export", "export", self.tr("E&xport...")),
            ("plan", "edit", self.tr("Tranche &plan...")), ("disburse", "ok", self.tr("&Disburse...")),
            ("milestone", "calendar", self.tr("&Milestone...")), ("evaluation", "verify", self.tr("E&valuation...")),
            ("activity", "add", self.tr("Acti&vity...")), ("outcome", "edit", self.tr("O&utcome...")),
            ("history", "import", self.tr("Import past pro&jects...")),
        )):
            b = QPushButton(icon(name), text, self)
            b.setObjectName(f"projects_{key}")
            bars[min(i // 6, 1)].addWidget(b)
            self.buttons[key] = b
        for bar in bars:
            bar.addStretch()
        self.budget_text.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Round:")))
        filters.addWidget(self.program, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.street, 1)
        filters.addWidget(self.search, 2)
        budget = QHBoxLayout()
        budget.addWidget(self.budget, 1)
        budget.addWidget(self.budget_text, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        # the six columns need about 800 px on a 1366-wide laptop; the details read well in 360 and
        # a wider window gives its extra width to the list
        split.setSizes([800, 360])
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        for bar in bars:
            layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addLayout(budget)
        self.banner = FilterBanner(self)
        self.banner.cleared.connect(self._show_all)
        # day one: what to do when nothing is recorded yet; when nothing matches, the way back
        self.no_orgs = EmptyState(self.tr(
            "No organization is on file yet. Projects are applied for by organizations: add the street's "
            "organizations first. A funding round can be opened meanwhile."),
            [(self.tr("Go to organizations..."), self.go_to_orgs),
             (self.tr("New funding round..."), lambda: self.actions_.new_round())], self)
        self.no_projects = EmptyState(self.tr(
            "No venture projects yet. Open a funding round, then record the organizations' applications; "
            "projects of past years can be imported."),
            [(self.tr("New funding round..."), lambda: self.actions_.new_round()),
             (self.tr("New application..."), lambda: self.actions_.apply()),
             (self.tr("Import past projects..."), self.import_history)], self)
        self.no_match = no_match_state(self.tr(
            "No project matches the chosen round, status and search. Clear the filter to see every project."),
            self.clear_filters, self)
        can_write = ws.user is not None and ws.user.role in ("staff", "admin")
        for b in (*self.no_orgs.buttons[1:], *self.no_projects.buttons):  # going to a page is for all
            b.setEnabled(can_write)
        layout.addWidget(self.no_orgs)
        layout.addWidget(self.no_projects)
        layout.addWidget(self.no_match)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        searchable_list(self.search, self.view, apply=self.apply_filter)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.program.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.street.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_current())
        self.actions_ = ProjectActions(self)
        self.buttons["history"].clicked.connect(self.import_history)
        self.model.modelReset.connect(self.update_list_states)
        self.reload_programs()

    # -- data -------------------------------------------------------------------------------
    def reload_programs(self, select: str | None = None) -> None:
        keep = select if select is not None else self.program.currentData()
        self.programs = call(self, list_programs, self.ws) or []
        self.program.blockSignals(True)
        self.program.clear()
        self.program.addItem(self.tr("All rounds"), None)
        for p in self.programs:
            self.program.addItem(p.name if str(p.year) in p.name else f"{p.year} {p.name}", p.uid)
        self.program.setCurrentIndex(max(0, self.program.findData(keep)) if keep else 0)
        self.program.blockSignals(False)
        self.apply_filter()

    def current_program(self) -> ProgramRow | None:
        uid = self.program.currentData()
        return next((p for p in self.programs if p.uid == uid), None)

    def show_budget(self) -> None:
        p = self.current_program()
        self.budget.setVisible(p is not None)
        self.buttons["edit_round"].setEnabled(p is not None)
        if p is None:
            total = sum(x.budget_fen for x in self.programs)
            self.budget_text.setText(self.tr("%1 rounds").replace("%1", str(len(self.programs))) if total else "")
            return
        self.budget.setRange(0, max(1, p.budget_fen // 100))
        self.budget.setValue(min(p.committed_fen, p.budget_fen) // 100)
        self.budget.setFormat(self.tr("Committed %p%"))
        self.budget_text.setText(p.budget_line)

    def apply_filter(self) -> None:
        self.source.program_uid = self.program.currentData()
        self.source.status = self.status.currentData()
        self.source.search = self.search.text()
        self.source.origin = self.street.origin()
        self.model.refresh()
        self.show_budget()
        self.show_current()

    def show_records(self, uids: tuple[str, ...] | None, caption: str) -> None:
        """Only ``uids`` (None: every project) of every round and status, the caption above."""
        for widget in (self.program, self.status, self.street, self.search):
            widget.blockSignals(True)
        self.program.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.street.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.program, self.status, self.street, self.search):
            widget.blockSignals(False)
        self.source.uids = uids
        if uids is None:
            self.banner.hide()
        else:
            self.banner.show_caption(caption)
        self.apply_filter()

    def update_list_states(self) -> None:
        """Nothing recorded yet (no organization to apply, or no project: what to do) or nothing that
        matches the filter (clear it); asked again whenever the list is refreshed."""
        rows = self.model.rowCount()
        anything = bool(rows) or count_projects(self.ws) > 0
        no_orgs = not anything and not applicant_choices(self.ws)  # nobody could apply yet: that first
        self.no_orgs.show_when(no_orgs)
        show_list_states(self.no_projects, self.no_match, rows, lambda: anything)
        if no_orgs:
            self.no_projects.show_when(False)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.update_list_states()  # organizations may have been added on their page meanwhile

    def go_to_orgs(self) -> None:
        open_page(self, "orgs")

    def clear_filters(self) -> None:
        """Every project of every round again: round, status, search and a dashboard figure cleared."""
        self.show_records(None, "")

    def _show_all(self) -> None:
        self.source.uids = None
        self.apply_filter()

    def current(self):
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def show_current(self) -> None:
        p = self.current()
        self.detail.setHtml(call(self, project_html, self.ws, p.uid) or "" if p else "")
        for key in ("step", "plan", "disburse", "milestone", "evaluation", "activity", "outcome", "report"):
            self.buttons[key].setEnabled(p is not None)

    def import_history(self) -> None:
        """导入往年项目: the rounds list and the table show them once imported."""
        def imported() -> None:
            self.reload_programs()
            self.after_change()

        import_past_projects(self, self.ws, imported)

    def after_change(self) -> None:
        """Redraw the list, the budget and the detail after a change to the selected project."""
        row = self.view.currentIndex().row()
        self.programs = call(self, list_programs, self.ws) or []
        self.model.refresh()
        if row >= 0:
            self.view.selectRow(min(row, self.model.rowCount() - 1))
        self.show_budget()
        self.show_current()
