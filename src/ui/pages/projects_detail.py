"""The selected project's file as simple HTML: figures, tranches, milestones, evaluations, trail."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from yichao.app.projects import STATUS_LABELS, get_project
from yichao.app.projects_evaluations import KIND_LABELS, list_activities, list_evaluations
from yichao.app.projects_flow import list_transitions
from yichao.app.projects_money import fen_to_yuan
from yichao.app.projects_tranches import list_milestones, list_tranches, tranche_summary
from yichao.app.workspace import Workspace


def _t(text: str) -> str:
    return QCoreApplication.translate("ProjectDetail", text)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"<p style='color:#777'>{_t('None yet.')}</p>"
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'><tr style='background:#e8eef5'>{head}</tr>{body}</table>"


def project_html(ws: Workspace, uid: str) -> str:
    p = get_project(ws, uid)
    tranches = list_tranches(ws, uid)
    d = lambda v: v.isoformat() if v else "—"  # noqa: E731
    parts = [
        f"<h3>{escape(p.title)}</h3>",
        f"<p><b>{escape(p.org_name)}</b> · {escape(p.program_name or '—')} · {escape(p.domain or '')}<br>"
        f"{_t('Status')}: <b>{escape(p.status_label)}</b> ({d(p.status_on)})</p>",
        f"<p>{escape(p.summary)}</p>",
        f"<p>{_t('Requested')} {fen_to_yuan(p.requested_fen)} · {_t('Approved')} {fen_to_yuan(p.approved_fen)} · "
        f"{_t('Spent')} {fen_to_yuan(p.spent_fen)}<br>{_t('Beneficiaries')}: {p.planned_beneficiaries} → "
        f"{p.actual_beneficiaries}</p>",
        f"<h4>{_t('Tranches')} — {escape(tranche_summary(tranches))}</h4>",
        _table([_t("No."), "%", _t("Amount"), _t("Condition"), _t("Paid on")],
               [[str(t.seq), str(t.percent), fen_to_yuan(t.amount_fen), t.condition_label, d(t.disbursed_on)]
                for t in tranches]),
        f"<h4>{_t('Milestones')}</h4>",
        _table([_t("No."), _t("Milestone"), _t("Due"), _t("Done")],
               [[str(m.seq), m.title, d(m.due_on), d(m.done_on)] for m in list_milestones(ws, uid)]),
        f"<h4>{_t('Evaluations')}</h4>",
        _table([_t("Kind"), _t("Date"), _t("Score"), _t("Comment")],
               [[KIND_LABELS[e.kind], d(e.on), f"{e.score:g}", e.comment] for e in list_evaluations(ws, uid)]),
        f"<h4>{_t('Activities')}</h4>",
        _table([_t("Date"), _t("Activity"), _t("People")],
               [[d(a.held_on), a.title, str(a.participants)] for a in list_activities(ws, uid)]),
        f"<h4>{_t('Trail')}</h4>",
        _table([_t("Date"), _t("Status"), _t("Note")],
               [[d(t.on), STATUS_LABELS.get(t.to_status, t.to_status), t.note] for t in list_transitions(ws, uid)]),
    ]
    return "".join(parts)
