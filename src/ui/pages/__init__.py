"""The pages of the main window, in navigation order (DESIGN.md section 2a).

A new domain adds its page here: ``PageSpec(key, icon, "module:Class")``. The page class takes
``(workspace, parent)``; its title comes from :func:`page_title`, translated. A page module may
define ``prepare()``: what its first load imports (never database work); the launcher calls it on a
thread while the user types, when the page is the first one shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from yichao.app.core import offers


@dataclass(frozen=True)
class PageSpec:
    key: str
    icon: str
    target: str  # "yichao.ui.pages.module:ClassName"
    work: str = ""  # the work a level of site may not do (yichao.app.core.levels): then not offered


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", "dashboard", "yichao.ui.pages.dashboard.page:DashboardPage"),
    PageSpec("orgs", "orgs", "yichao.ui.pages.orgs.page:OrgsPage", work="orgs"),
    PageSpec("projects", "projects", "yichao.ui.pages.projects.page:ProjectsPage", work="projects"),
    PageSpec("reports", "reports", "yichao.ui.pages.reports.page:ReportsPage"),
    PageSpec("admin", "admin", "yichao.ui.pages.admin.page:AdminPage"),
    PageSpec("sync", "sync", "yichao.ui.pages.sync.page:SyncPage"),
    PageSpec("passbook", "passbook", "yichao.ui.pages.passbook.page:PassbookPage"),
    PageSpec("residents", "residents", "yichao.ui.pages.residents.page:ResidentsPage"),
    PageSpec("certificates", "certificates", "yichao.ui.pages.certificates.page:CertificatesPage"),
)

# Navigation order of every page that may ever exist; PAGES lists those that exist now.
NAV_ORDER = ("dashboard", "orgs", "projects", "residents", "passbook", "certificates", "sync", "reports", "admin")


def page_title(key: str) -> str:
    titles = {
        "dashboard": QCoreApplication.translate("Navigation", "Dashboard"),
        "orgs": QCoreApplication.translate("Navigation", "Organizations"),
        "projects": QCoreApplication.translate("Navigation", "Projects & roadshows"),
        "residents": QCoreApplication.translate("Navigation", "Residents & needs"),
        "passbook": QCoreApplication.translate("Navigation", "Love passbook"),
        "certificates": QCoreApplication.translate("Navigation", "Certificates"),
        "sync": QCoreApplication.translate("Navigation", "Data sync"),
        "reports": QCoreApplication.translate("Navigation", "Reports"),
        "admin": QCoreApplication.translate("Navigation", "Administration"),
    }
    return titles.get(key, key)


def ordered_pages(site_role: str = "") -> list[PageSpec]:
    """The pages in navigation order; given the site's role, only those its level may use (a
    community savings office has no organization files or projects; the services refuse them too)."""
    rank = {key: i for i, key in enumerate(NAV_ORDER)}
    offered = [spec for spec in PAGES if not (site_role and spec.work) or offers(site_role, spec.work)]
    return sorted(offered, key=lambda spec: rank.get(spec.key, len(rank)))
