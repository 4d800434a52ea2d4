"""居民与需求: residents (居民), the skills register (能人库) and the need lists (需求清单), as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.pages.residents.needs import NeedsTab
from yichao.ui.pages.residents.people import PeopleTab


class ResidentsPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws

        self.tabs = QTabWidget()
        self.people_tab = PeopleTab(ws, skills=False, parent=self)
        self.skills_tab = PeopleTab(ws, skills=True, parent=self)
        self.needs_tab = NeedsTab(ws, self)
        self.tabs.addTab(self.people_tab, icon("residents"), self.tr("Residents"))
        self.tabs.addTab(self.skills_tab, icon("user"), self.tr("Skills register"))
        self.tabs.addTab(self.needs_tab, icon("needs"), self.tr("Need lists"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def show_records(self, target: str, uids: tuple[str, ...] | None, caption: str) -> None:
        """The dashboard's protocol: the needs or residents behind a figure, under ``caption``."""
        tab = self.needs_tab if target == "needs" else self.people_tab
        self.tabs.setCurrentWidget(tab)
        tab.show_records(uids, caption)
