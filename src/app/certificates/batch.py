"""Print runs: one or many certificates into one PDF, with progress and cancel (GUI work thread).

Every run is all-or-nothing: the register rows and the PDF appear together, or neither does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from yichao.app.certificates.certificates import PrintOptions, certificate_sheet, draw_certificate
from yichao.app.certificates.register import Issued, _live, issue_in_session, print_options, reprint_in_session
from yichao.app.certificates.subjects import kind_spec, load_subjects
from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import describe_os_error, remove_quietly, replace_with_retry
from yichao.app.core.progress import CancelToken, ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.pdf.document import new_canvas
from yichao.app.pdf.fonts import require_drawable
from yichao.app.pdf.sheet import Sheet

MAX_BATCH = 5000


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: tuple[Issued, ...]
    options: PrintOptions | None = None  # how the run was laid out: :func:`result_sheets` needs it

    @property
    def new_count(self) -> int:
        return sum(1 for p in self.pages if not p.reprint)

    @property
    def reprint_count(self) -> int:
        return sum(1 for p in self.pages if p.reprint)


def _check_out(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"输出文件 {out.name} 应以 .pdf 结尾。")
    if not out.parent.exists():
        raise UserError(f"文件夹 {out.parent} 不存在。")
    return out


def render(pages: Sequence[Issued], options: PrintOptions, out: Path, progress: ProgressFn = no_progress,
           cancel: CancelToken | None = None, title: str = "") -> Path:
    """Draw ``pages`` into ``out`` through a temporary file; nothing is left behind on cancel.

    Every text is checked against the font first: a name with a character the font lacks stops
    the run (and so its register rows) before a page is drawn."""
    for page in pages:
        content = page.row.content
        require_drawable({k: v for k, v in content.items() if isinstance(v, str) and k != "qr"},
                         f"证书（{content.get('recipient') or ''}）")
    tmp = out.with_name(f".{out.name}.part")
    canvas = new_canvas(tmp, options.layout.pagesize, title=title or "证书", subject="益巢证书")
    try:
        total = len(pages)
        for n, page in enumerate(pages):
            if cancel is not None and n % 10 == 0:
                cancel.check()
            draw_certificate(canvas, page.row.content, options, _mark(page))
            canvas.showPage()
            if n % 10 == 9 or n + 1 == total:
                progress(n + 1, total)
        canvas.save()
        replace_with_retry(tmp, out)  # antivirus holds a fresh PDF for a moment; a viewer may hold ``out``
    except OSError as exc:  # a full disk or stick: one sentence, and the register rows roll back
        remove_quietly(tmp)
        raise UserError(describe_os_error(exc, f"无法写入 {out.name}")) from exc
    except BaseException:
        remove_quietly(tmp)
        raise
    return out


def print_certificates(ws: Workspace, kind: str, subject_uids: Sequence[str], out: Path, *,
                       layout: str | None = None, preprinted: bool | None = None, issued_on: date | None = None,
                       extra: Mapping[str, Any] | None = None, progress: ProgressFn = no_progress,
                       cancel: CancelToken | None = None) -> PrintResult:
    """Issue a certificate of ``kind`` for each subject and print them all into one PDF.

    A subject that already holds a valid identical certificate gets a reprint of it (same serial),
    so running the same batch twice never burns serials.
    """
    ws.require("staff", "签发证书")
    spec = kind_spec(kind)
    if spec.subject_type != "person":  # an office prints volunteer service records only (core.levels)
        ws.require("staff", f"签发{spec.label}", work="org_certificates")
    out = _check_out(out)
    uids = list(dict.fromkeys(u.strip() for u in subject_uids if u and u.strip()))
    if not uids:
        raise UserError("没有要打印证书的对象。")
    if len(uids) > MAX_BATCH:
        raise UserError(f"一次最多打印 {MAX_BATCH} 张证书，请分批打印。")
    options = print_options(ws, kind, layout, preprinted)
    subjects = load_subjects(ws, kind, uids, extra)
    if cancel is not None:
        cancel.check()
    total = len(subjects)

    def half(done: int, _total: int) -> None:
        progress(done, total * 2)

    with ws.unit() as session:
        pages = issue_in_session(ws, session, subjects, options, issued_on, cancel=cancel)
        half(total, total)
        render(pages, options, out, lambda d, t: progress(total + d, total * 2), cancel, title=spec.label)
    return PrintResult(out, tuple(pages), options)


def reprint_certificates(ws: Workspace, uids: Sequence[str], out: Path, *, reason: str = "",
                         layout: str | None = None, preprinted: bool | None = None,
                         progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> PrintResult:
    """Reprint (补打) registered certificates: the same words, serial and code, marked as a reprint."""
    ws.require("staff", "补打证书")
    out = _check_out(out)
    uids = [u for u in uids if u]
    if not uids:
        raise UserError("请先选择要补打的证书。")
    with ws.unit() as session:
        kind = _live(session, uids[0]).kind
        options = print_options(ws, kind, layout, preprinted)
        pages = reprint_in_session(ws, session, uids, options, reason)
        render(pages, options, out, progress, cancel, title="证书补打")
    return PrintResult(out, tuple(pages), options)


def _mark(page: Issued) -> str:
    return f"补打（第{page.row.print_count}次打印）" if page.reprint else ""


def result_sheets(result: PrintResult) -> list[Sheet]:
    """The pages of a print run as sheets for 1:1 printing, laid out as in its PDF."""
    if result.options is None:
        return []
    return [certificate_sheet(page.row.content, result.options, _mark(page)) for page in result.pages]
