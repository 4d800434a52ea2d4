"""The pages of the main window, in navigation order (DESIGN.md section 2a).

A module issue adds its page here: ``PageSpec(key, icon, "module:Class")``. The page class takes
``(workspace, parent)``; its title comes from :func:`page_title`, translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class PageSpec:
    key: str
    icon: str
    target: str  # "yichao.ui.pages.module:ClassName"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("admin", "admin", "yichao.ui.pages.admin:AdminPage"),
)

# Navigation order of every page that may ever exist; PAGES lists those that exist now.
NAV_ORDER = ("dashboard", "orgs", "projects", "residents", "passbook", "certificates", "sync", "reports", "admin")


def page_title(key: str) -> str:
    t = QCoreApplication.translate
    titles = {
        "dashboard": t("Navigation", "Dashboard"),
        "orgs": t("Navigation", "Organizations"),
        "projects": t("Navigation", "Projects & roadshows"),
        "residents": t("Navigation", "Residents & needs"),
        "passbook": t("Navigation", "Love passbook"),
        "certificates": t("Navigation", "Certificates"),
        "sync": t("Navigation", "Data sync"),
        "reports": t("Navigation", "Reports"),
        "admin": t("Navigation", "Administration"),
    }
    return titles.get(key, key)


def ordered_pages() -> list[PageSpec]:
    rank = {key: i for i, key in enumerate(NAV_ORDER)}
    return sorted(PAGES, key=lambda spec: rank.get(spec.key, len(rank)))
