"""Imports every model module so ``Base.metadata`` knows every table.

A module issue adds its module here (one line) together with its Alembic migration.
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
)


def import_all() -> None:
    for name in MODEL_MODULES:
        importlib.import_module(name)
