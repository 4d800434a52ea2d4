"""The close-out report (结项报告) of one project as PDF, assembled from its records: the
application, the status trail, budget against actual, tranches, milestones, activities,
beneficiaries and evaluations. Nothing in it is typed twice.
"""

from __future__ import annotations

from pathlib import Path

from yichao.app.core.workspace import Workspace
from yichao.app.pdf.tables import build, grid, para
from yichao.app.projects.evaluations import list_activities, list_evaluations
from yichao.app.projects.flow import list_transitions
from yichao.app.projects.labels import EVALUATION_KIND_LABELS, STATUS_LABELS
from yichao.app.projects.money import fen_to_yuan
from yichao.app.projects.records import get_project
from yichao.app.projects.tranches import list_milestones, list_tranches


def _d(value: object) -> str:
    return value.strftime("%Y-%m-%d") if value else "—"  # type: ignore[attr-defined]


def closeout_report_pdf(ws: Workspace, project_uid: str, out: str | Path) -> Path:
    """Write the report; a project not yet closed gets it marked as an interim (进展) report."""
    ws.require("viewer", "导出结项报告")
    p = get_project(ws, project_uid)
    tranches = list_tranches(ws, project_uid)
    paid = sum(t.amount_fen for t in tranches if t.disbursed_on)
    closed = p.status == "closed"
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.units import mm
    story: list[object] = [
        para(f"{p.title}{'结项报告' if closed else '项目进展报告'}", "title"),
        para(f"申报单位：{p.org_name}　资助批次：{p.program_name or '—'}　当前状态：{p.status_label}", "subtitle"),
        para("一、项目概况", "h2"),
        grid([["服务领域", p.domain or "—", "申报日期", _d(p.applied_on)],
              ["计划受益人数", f"{p.planned_beneficiaries} 人", "实际受益人数", f"{p.actual_beneficiaries} 人"],
              ["项目简介", para(p.summary or "—"), "", ""]],
             [30 * mm, 60 * mm, 30 * mm, 60 * mm], header_rows=0, spans=[((1, 2), (3, 2))]),
        para("二、资金使用（元）", "h2"),
        grid([["申请金额", "立项金额", "已拨付", "实际支出", "结余"],
              [fen_to_yuan(p.requested_fen), fen_to_yuan(p.approved_fen), fen_to_yuan(paid),
               fen_to_yuan(p.spent_fen), fen_to_yuan(paid - p.spent_fen)]], align_right_from=0),
        para("三、分期拨付", "h2"),
        grid([["期次", "比例", "金额（元）", "拨付条件", "拨付日期", "备注"],
              *[[str(t.seq), f"{t.percent}%", fen_to_yuan(t.amount_fen), t.condition_label, _d(t.disbursed_on),
                 para(t.note)] for t in tranches]] if tranches else [["尚未立项，没有拨付计划"]]),
        para("四、项目节点", "h2"),
    ]
    milestones = list_milestones(ws, project_uid)
    story.append(grid([["序号", "节点", "计划日期", "完成日期"],
                       *[[str(m.seq), para(m.title), _d(m.due_on), _d(m.done_on)] for m in milestones]])
                 if milestones else para("没有登记项目节点。", "body"))
    activities = list_activities(ws, project_uid)
    story.append(para("五、服务活动", "h2"))
    story.append(grid([["日期", "活动", "参与人数", "说明"],
                       *[[_d(a.held_on), para(a.title), str(a.participants), para(a.note)] for a in activities],
                       ["合计", f"{len(activities)} 场", str(sum(a.participants for a in activities)), ""]])
                 if activities else para("没有登记服务活动。", "body"))
    evaluations = list_evaluations(ws, project_uid)
    story.append(para("六、评估", "h2"))
    story.append(grid([["类型", "日期", "得分", "评估方", "评语"],
                       *[[EVALUATION_KIND_LABELS[e.kind], _d(e.on), f"{e.score:g}", e.evaluator, para(e.comment)]
                         for e in evaluations]]) if evaluations else para("还没有评估记录。", "body"))
    story.append(para("七、项目进程", "h2"))
    story.append(grid([["日期", "状态", "说明"],
                       *[[_d(t.on), STATUS_LABELS.get(t.to_status, t.to_status), para(t.note)]
                         for t in list_transitions(ws, project_uid)]]))
    story.append(para("　", "body"))
    story.append(para("项目负责人签字：＿＿＿＿＿＿　　孵化中心审核：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", "body"))
    return build(out, story, title=f"{p.title}结项报告", mark="" if closed else "进展")
