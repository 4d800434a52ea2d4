"""Imports every model module so ``Base.metadata`` knows every table.

A new model module is listed here (one line) together with its Alembic migration.

Opening a workspace imports only :data:`STARTUP_MODULES`: mapping the other forty-odd classes costs
about 150 ms, and every service imports the models it uses anyway, so they load with the first
use of their module (often on a worker thread after the main window is up). SQLAlchemy allows
that: a mapper is never built while ``configure_mappers()`` runs (its ``_CONFIGURE_MUTEX``), and
these models have no ``relationship()`` naming a class in another module. Whatever needs the
whole schema (Alembic, ``journaled_models()``, the sync and check services) calls
:func:`import_all`.
"""

from __future__ import annotations

import importlib

MODEL_MODULES = (
    "yichao.models.journal",
    "yichao.models.site",
    "yichao.models.user",
    "yichao.models.person",
    "yichao.models.organization",
    "yichao.models.project",
    "yichao.models.project_proposal",
    "yichao.models.project_roadshow",
    "yichao.models.org_records",
    "yichao.models.org_attachment",
    "yichao.models.sync",
    "yichao.models.need",
    "yichao.models.certificate",
    "yichao.models.passbook",
    "yichao.models.stats_indexes",
    "yichao.models.import_memory",
    "yichao.models.district",
)


# what signing in and the status bar touch: the journal (every change, logins), the site, the users,
# and the PCs of a shared database (opening one checks that this PC is authorized)
STARTUP_MODULES = (
    "yichao.models.journal",
    "yichao.models.site",
    "yichao.models.user",
    "yichao.models.district",
)


def import_startup() -> None:
    for name in STARTUP_MODULES:
        importlib.import_module(name)


def configure_imported() -> None:
    """Finish mapping the classes imported so far; SQLAlchemy would do it in the next query.

    About 100 ms for all of them: worth doing on a thread before the user waits for a query.
    """
    # sqlalchemy.orm only when mapping: this module loads before the data layer
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def import_all() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
