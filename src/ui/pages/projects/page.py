"""项目与路演: community proposals, venture-philanthropy projects with their rounds, and roadshows."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.pages.projects.list_view import ProjectsTab
from yichao.ui.pages.projects.proposals import ProposalsTab
from yichao.ui.pages.projects.roadshow import RoadshowTab


class ProjectsPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.proposals = ProposalsTab(ws, self)
        self.projects = ProjectsTab(ws, self)
        self.roadshow = RoadshowTab(ws, self)
        self.tabs.addTab(self.proposals, icon("needs"), self.tr("&Proposals"))
        self.tabs.addTab(self.projects, icon("projects"), self.tr("&Venture projects"))
        self.tabs.addTab(self.roadshow, icon("verify"), self.tr("&Roadshow"))
        self.tabs.setCurrentIndex(1)
        self.tabs.currentChanged.connect(self.refresh_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def show_records(self, target: str, uids: tuple[str, ...] | None, caption: str) -> None:
        """The dashboard's protocol: the projects behind a figure, under ``caption``."""
        self.tabs.setCurrentWidget(self.projects)
        self.projects.show_records(uids, caption)

    def refresh_tab(self, index: int) -> None:
        """Another tab may have changed what this one shows (a proposal became a project...)."""
        tab = self.tabs.widget(index)
        if tab is self.projects:
            self.projects.after_change()
        elif tab is self.roadshow:
            self.roadshow.load()
        elif tab is self.proposals:
            self.proposals.reload()
