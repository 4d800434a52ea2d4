"""`yichao check` for the love passbook: every stored balance equals the sum of its ledger."""

from __future__ import annotations

from yichao.app.core.check import register
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.ledger import ledger_problems


@register("爱心存折余额")
def _check_ledgers(ws: Workspace) -> list[str]:
    """Every passbook's stored balance (and hours, entry count) equals the sum of its ledger."""
    with ws.read() as session:
        return ledger_problems(session)
