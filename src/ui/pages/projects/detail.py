"""The selected project's file as simple HTML: figures, tranches, milestones, evaluations, trail."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from yichao.app.core import Workspace
from yichao.app.projects import (
    EVALUATION_KIND_LABELS,
    STATUS_LABELS,
    fen_to_yuan,
    get_project,
    list_activities,
    list_evaluations,
    list_milestones,
    list_tranches,
    list_transitions,
    tranche_summary,
)


def _labels() -> dict[str, str]:
    return {
        "none": QCoreApplication.translate("ProjectDetail", "None yet."),
        "status": QCoreApplication.translate("ProjectDetail", "Status"),
        "requested": QCoreApplication.translate("ProjectDetail", "Requested"),
        "approved": QCoreApplication.translate("ProjectDetail", "Approved"),
        "spent": QCoreApplication.translate("ProjectDetail", "Spent"),
        "people": QCoreApplication.translate("ProjectDetail", "Beneficiaries"),
        "tranches": QCoreApplication.translate("ProjectDetail", "Tranches"),
        "no": QCoreApplication.translate("ProjectDetail", "No."),
        "amount": QCoreApplication.translate("ProjectDetail", "Amount"),
        "condition": QCoreApplication.translate("ProjectDetail", "Condition"),
        "paid": QCoreApplication.translate("ProjectDetail", "Paid on"),
        "milestones": QCoreApplication.translate("ProjectDetail", "Milestones"),
        "milestone": QCoreApplication.translate("ProjectDetail", "Milestone"),
        "due": QCoreApplication.translate("ProjectDetail", "Due"),
        "done": QCoreApplication.translate("ProjectDetail", "Done"),
        "evaluations": QCoreApplication.translate("ProjectDetail", "Evaluations"),
        "kind": QCoreApplication.translate("ProjectDetail", "Kind"),
        "date": QCoreApplication.translate("ProjectDetail", "Date"),
        "score": QCoreApplication.translate("ProjectDetail", "Score"),
        "comment": QCoreApplication.translate("ProjectDetail", "Comment"),
        "activities": QCoreApplication.translate("ProjectDetail", "Activities"),
        "activity": QCoreApplication.translate("ProjectDetail", "Activity"),
        "participants": QCoreApplication.translate("ProjectDetail", "People"),
        "trail": QCoreApplication.translate("ProjectDetail", "Trail"),
        "note": QCoreApplication.translate("ProjectDetail", "Note"),
    }


def _table(headers: list[str], rows: list[list[str]], none: str) -> str:
    if not rows:
        return f"<p style='color:#777'>{escape(none)}</p>"
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return ("<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>"
            f"<tr style='background:#e8eef5'>{head}</tr>{body}</table>")


def project_html(ws: Workspace, uid: str) -> str:
    L = _labels()
    p = get_project(ws, uid)
    tranches = list_tranches(ws, uid)
    d = lambda v: v.isoformat() if v else "—"  # noqa: E731
    n = L["none"]
    return "".join(
        [
            f"<h3>{escape(p.title)}</h3>",
            f"<p><b>{escape(p.org_name)}</b> · {escape(p.program_name or '—')} · {escape(p.domain or '')}<br>"
            f"{L['status']}: <b>{escape(p.status_label)}</b> ({d(p.status_on)})</p>",
            f"<p>{escape(p.summary)}</p>",
            f"<p>{L['requested']} {fen_to_yuan(p.requested_fen)} · {L['approved']} {fen_to_yuan(p.approved_fen)} · "
            f"{L['spent']} {fen_to_yuan(p.spent_fen)}<br>{L['people']}: {p.planned_beneficiaries} → "
            f"{p.actual_beneficiaries}</p>",
            f"<h4>{L['tranches']} — {escape(tranche_summary(tranches))}</h4>",
            _table(
                [L["no"], "%", L["amount"], L["condition"], L["paid"]],
                [
                    [str(t.seq), str(t.percent), fen_to_yuan(t.amount_fen), t.condition_label, d(t.disbursed_on)]
                    for t in tranches
                ],
                n,
            ),
            f"<h4>{L['milestones']}</h4>",
            _table(
                [L["no"], L["milestone"], L["due"], L["done"]],
                [[str(m.seq), m.title, d(m.due_on), d(m.done_on)] for m in list_milestones(ws, uid)],
                n,
            ),
            f"<h4>{L['evaluations']}</h4>",
            _table(
                [L["kind"], L["date"], L["score"], L["comment"]],
                [
                    [EVALUATION_KIND_LABELS[e.kind], d(e.on), f"{e.score:g}", e.comment]
                    for e in list_evaluations(ws, uid)
                ],
                n,
            ),
            f"<h4>{L['activities']}</h4>",
            _table(
                [L["date"], L["activity"], L["participants"]],
                [[d(a.held_on), a.title, str(a.participants)] for a in list_activities(ws, uid)],
                n,
            ),
            f"<h4>{L['trail']}</h4>",
            _table(
                [L["date"], L["status"], L["note"]],
                [[d(t.on), STATUS_LABELS.get(t.to_status, t.to_status), t.note] for t in list_transitions(ws, uid)],
                n,
            ),
        ]
    )
