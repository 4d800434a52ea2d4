"""`yichao demo`: fill a realistic street through the same services the GUI uses.

Each module adds a step module to :data:`DEMO_STEPS`; a step is ``run(ws, ctx) -> str`` (a line
for the summary). Steps run in order, so later modules find the residents and organizations that
earlier steps made. They run on a copy of the data folder that replaces the real one only when all
have succeeded (:mod:`yichao.app.demo.shadow`): a demo killed half-way leaves the folder as it was.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from yichao.app.core import ProgressFn, UserError, Workspace, no_progress
from yichao.app.demo.shadow import shadow_workspace
from yichao.models.person import Person

DEMO_STEPS: tuple[str, ...] = (
    "yichao.app.demo.street",
    "yichao.app.demo.orgs",
    "yichao.app.demo.needs",
    "yichao.app.demo.passbook",
    "yichao.app.demo.projects",
    "yichao.app.demo.certificates",
)
# No exchange with a district: the demo never touches the district's keys, acknowledgements or
# records, so a demo street exchanges with a real district afterwards like any other (issue 14
# point 6). On request the street's own community offices are made, throw-away sites that exchange
# with it (issue 17 point 6):
OFFICE_STEP = "yichao.app.demo.offices"


@dataclass
class DemoContext:
    rng: random.Random
    residents: int
    progress: ProgressFn = no_progress
    # what earlier steps made, for later ones: e.g. "community_uids", "person_uids", "volunteer_uids"
    made: dict[str, Any] = field(default_factory=dict)
    scratch: Path | None = None  # where a step may put throw-away folders (inside the shadow folder)


def run_demo(ws: Workspace, residents: int = 2000, seed: int = 2026,
             progress: ProgressFn = no_progress, offices: bool = False) -> list[str]:
    """Run every demo step on a copy of the folder, then put the copy in place; returns one
    summary line per step. Nothing of the real folder changes unless every step succeeds.
    ``offices``: also two community savings offices that exchanged bundles with the street.
    Administrators only."""
    ws.require("admin", "生成演示数据", work="demo")
    _refuse_filled_folder(ws)
    lines = []
    with shadow_workspace(ws) as work:
        ctx = DemoContext(random.Random(seed), residents, progress, scratch=Path(work.data_dir))
        for name in (*DEMO_STEPS, OFFICE_STEP) if offices else DEMO_STEPS:
            module = importlib.import_module(name)
            lines.append(module.run(work, ctx))
        refresh_planner_statistics(work)
    return lines


def _refuse_filled_folder(ws: Workspace) -> None:
    """Demo data goes into a fresh folder only: mixed into real records it could never be told apart."""
    with ws.read() as session:
        if session.scalars(select(Person.uid).limit(1)).first() is not None:
            raise UserError("这个数据文件夹里已经有居民记录，演示数据只能生成在新建的数据文件夹里。")


def refresh_planner_statistics(ws: Workspace) -> None:
    """ANALYZE after a bulk load: without statistics SQLite may pick the low-selectivity
    ``deleted`` index over a selective one and turn a filter into seconds."""
    with ws.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
