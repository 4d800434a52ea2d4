"""What each kind of certificate says, and how one certificate page is drawn from a layout.

``compose`` turns a subject into the texts printed (this snapshot is stored in the register, so a
reprint says exactly the same); ``draw_certificate`` puts them on a page. In pre-printed mode only
the variable texts are printed, moved by the PC's calibration offset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from yichao.app.certificates.chinese_date import chinese_date
from yichao.app.certificates.labels import KIND_LABELS
from yichao.app.certificates.layouts import Field, Layout
from yichao.app.certificates.subjects import KINDS, Subject
from yichao.app.pdf.document import (
    MM,
    Box,
    TextBlock,
    draw_fitted,
    draw_image,
    draw_qr,
    fit,
    line_origins,
    rgb,
    text_width,
)
from yichao.app.pdf.fonts import register_cjk_font
from yichao.app.pdf.sheet import Code, Item, Picture, Rect, Sheet, Text

NUMBERS = "〇一二三四五六七八九"
GROWING = ("nursery", "accelerating", "scaling")
VOLUNTEER_STARS = {1: "一星级", 2: "二星级", 3: "三星级", 4: "四星级", 5: "五星级"}


def _date_text(iso: str, fallback: date) -> str:
    return chinese_date(date.fromisoformat(iso) if iso else fallback)


def _hours(value: float) -> str:
    return f"{value:g}"


def title_of(subject: Subject) -> str:
    if subject.kind == "rating":
        return "等级评估证书" if subject.facts.get("rating_kind") == "grade" else KIND_LABELS["rating"]
    return KINDS[subject.kind].title


def body_of(subject: Subject, center: str, issued_on: date) -> str:
    """The body paragraph a street office writes for this kind (两个全角空格 start a paragraph)."""
    f = subject.facts
    name = subject.recipient
    indent = "\u3000\u3000"
    if subject.kind == "entry":
        code = f"（统一社会信用代码：{f['credit_code']}）" if f.get("credit_code") else ""
        stage = f"进入{f['stage_label']}阶段培育" if f.get("stage") in GROWING else "接受孵化培育"
        return (f"{indent}{name}{code}经评审同意，于{_date_text(f.get('since', ''), issued_on)}入驻{center}，"
                f"{stage}。\n{indent}特发此证。")
    if subject.kind == "graduation":
        return (f"{indent}{name}在{center}完成孵化培育，经评估达到出壳标准，"
                f"于{_date_text(f.get('graduated_on', ''), issued_on)}正式出壳。\n"
                f"{indent}特发此证，望扎根社区，服务居民，再创佳绩。")
    if subject.kind == "rating":
        level = int(f["level"])
        if f.get("rating_kind") == "grade":
            result = f"{level}A级社会组织"
            what = "社会组织等级评估"
        else:
            result = f"{NUMBERS[level]}星级社会组织（{'★' * level}）"
            what = "社会组织星级评定"
        year = "".join(NUMBERS[int(d)] for d in str(f["rating_year"]))
        return f"{indent}{name}在{year}年度{what}中，被评定为{result}。\n{indent}特发此证。"
    if subject.kind == "volunteer":
        number = f"（志愿者编号：{f['volunteer_number']}）" if f.get("volunteer_number") else ""
        stars = f"，达到{VOLUNTEER_STARS[f['stars']]}志愿者标准" if f.get("stars") in VOLUNTEER_STARS else ""
        return (f"{indent}兹证明{name}{number}积极参加{center}组织的志愿服务活动，"
                f"截至{chinese_date(issued_on)}累计志愿服务时长{_hours(f['hours'])}小时{stars}。\n"
                f"{indent}特此证明。")
    if subject.kind == "award":
        who = f"{f['org_name']}申报的" if f.get("org_name") and f["org_name"] != f.get("project") else ""
        program = f"在{f['program']}中" if f.get("program") else "在公益创投项目路演中"
        return f"{indent}{who}“{f['project']}”项目{program}荣获{f['award']}。\n{indent}特发此证，以资鼓励。"
    raise ValueError(subject.kind)


def recipient_line(subject: Subject) -> str:
    return f"{subject.recipient}：" if subject.kind != "volunteer" else f"{subject.recipient} 同志："


@dataclass(frozen=True)
class PrintOptions:
    """How one print run looks; per-print, not part of the certificate's recorded content."""

    layout: Layout
    preprinted: bool = False
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    seal: Path | None = None
    logo: Path | None = None


def compose(subject: Subject, *, serial: str, code_display: str, qr_payload: str, issuer: str, center: str,
            issued_on: date) -> dict[str, Any]:
    """Every text printed on the certificate: the register stores exactly this."""
    return {
        "kind": subject.kind, "title": title_of(subject), "recipient": recipient_line(subject),
        "recipient_name": subject.recipient, "body": body_of(subject, center, issued_on), "issuer": issuer,
        "date": chinese_date(issued_on), "serial": f"编号：{serial}", "code": f"验证码：{code_display}",
        "qr": qr_payload, "verify_hint": "扫描二维码或在益巢“证书核验”中输入验证码核验真伪",
        "facts": subject.facts,
    }


# fields whose words are the same on every page of a batch: drawn once, with the frames, as a PDF form
REPEATED = ("title", "issuer", "date", "verify_hint")
VARYING = ("serial", "reprint_mark", "recipient", "body", "code")


def _reuse(canvas: Any, key: tuple[Any, ...], draw: Callable[[], None]) -> None:
    """Draw once into a named form (XObject) and place it; later pages only place it again.

    A 1,000-page batch then carries its frames, title, issuer and date once, not 1,000 times.
    """
    forms: dict[tuple[Any, ...], str] | None = canvas.__dict__.get("_yichao_forms")
    if forms is None:
        forms = canvas.__dict__["_yichao_forms"] = {}
    name = forms.get(key)
    if name is None:
        name = forms[key] = f"YC{len(forms)}"
        outer = canvas.__dict__.get("_yc_fill")
        canvas.beginForm(name)
        canvas.__dict__["_yc_fill"] = None  # a form starts with its own graphics state
        draw()
        canvas.endForm()
        canvas.__dict__["_yc_fill"] = outer
    canvas.doForm(name)


def _static(canvas: Any, opts: PrintOptions) -> None:
    """Frames, seal and logo: the parts of the sheet that do not depend on the certificate."""
    layout = opts.layout
    if opts.preprinted:
        return
    width, height = layout.pagesize
    for frame in layout.frames:
        inset = frame.inset_mm * MM
        canvas.setStrokeColor(rgb(frame.color))
        canvas.setLineWidth(frame.line_width)
        canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset, stroke=1, fill=0)
    for name, image in (("seal", opts.seal), ("logo", opts.logo)):
        if image is not None and name in layout.fields:
            draw_image(canvas, image, layout.box(name))


@dataclass(frozen=True)
class _Plan:
    """Where a page's texts go for one layout, paper mode and offset: worked out once per batch."""

    layout: Layout
    repeated: tuple[tuple[str, Field, Box], ...]  # shown fields of REPEATED, in order
    varying: tuple[tuple[str, Field, Box], ...]  # shown fields of VARYING, in order
    qr: tuple[float, float, float] | None  # x, y, side
    background: tuple[Any, ...]  # what, besides its texts, makes a page's background form


def _plan(canvas: Any, opts: PrintOptions) -> _Plan:
    last = canvas.__dict__.get("_yc_last_plan")
    if last is not None and last[0] is opts:  # every page of a batch after the first
        return last[1]
    layout = opts.layout
    key = (id(layout), opts.preprinted, opts.offset_x_mm, opts.offset_y_mm, opts.seal, opts.logo)
    plans: dict[tuple[Any, ...], _Plan] = canvas.__dict__.setdefault("_yc_plans", {})
    plan = plans.get(key)
    if plan is None or plan.layout is not layout:
        skip = layout.preprinted_skip if opts.preprinted else frozenset()
        dx, dy = (opts.offset_x_mm, opts.offset_y_mm) if opts.preprinted else (0.0, 0.0)

        def fields(names: tuple[str, ...]) -> tuple[tuple[str, Field, Box], ...]:
            return tuple((n, layout.fields[n], layout.box(n, dx, dy)) for n in names
                         if n in layout.fields and n not in skip)

        qr = None
        if "qr" in layout.fields and "qr" not in skip:
            box = layout.box("qr", dx, dy)
            side = min(box.w, box.h)
            qr = (box.x, box.y + box.h - side, side)
        repeated = fields(REPEATED)
        background = (layout.name, opts.preprinted, opts.offset_x_mm, opts.offset_y_mm, opts.seal, opts.logo,
                      tuple(spec[0] for spec in repeated))
        plan = plans[key] = _Plan(layout, repeated, fields(VARYING), qr, background)
    canvas.__dict__["_yc_last_plan"] = (opts, plan)
    return plan


def _draw_field(canvas: Any, font: str, spec: tuple[str, Field, Box], text: str, into: TextBlock | None = None) -> None:
    _, f, box = spec
    fitted = fit(font, text, box, f.size, f.min_size, wrap_first=f.wrap, leading=f.leading)
    draw_fitted(canvas, font, fitted, box, f.align, f.valign, f.color, f.char_space, into)  # type: ignore[arg-type]


def draw_certificate(canvas: Any, content: dict[str, Any], opts: PrintOptions, reprint_mark: str = "") -> None:
    """One certificate page on ``canvas`` (the caller ends the page)."""
    font = register_cjk_font()
    plan = _plan(canvas, opts)
    canvas.__dict__["_yc_fill"] = None  # a new page starts with the default colour
    repeated = tuple([str(content.get(spec[0]) or "") for spec in plan.repeated])

    def background() -> None:
        _static(canvas, opts)
        for spec, text in zip(plan.repeated, repeated):
            if text:
                _draw_field(canvas, font, spec, text)

    # one form per distinct background: the same for every page of a batch
    _reuse(canvas, (plan.background, repeated), background)
    words = TextBlock(canvas)  # the varying texts of the page in one text object
    for name, f, box in plan.varying:
        text = reprint_mark if name == "reprint_mark" else str(content.get(name) or "")
        if text:
            fitted = fit(font, text, box, f.size, f.min_size, wrap_first=f.wrap, leading=f.leading)
            draw_fitted(canvas, font, fitted, box, f.align, f.valign, f.color, f.char_space, words)  # type: ignore[arg-type]
    words.close()
    if plan.qr is not None and content.get("qr"):
        draw_qr(canvas, content["qr"], *plan.qr)


def _shown_fields(opts: PrintOptions) -> tuple[list[tuple[str, Field, Box]], tuple[float, float, float] | None]:
    """The fields a page shows, in drawing order, with their boxes (points), and the QR square."""
    layout = opts.layout
    skip = layout.preprinted_skip if opts.preprinted else frozenset()
    dx, dy = (opts.offset_x_mm, opts.offset_y_mm) if opts.preprinted else (0.0, 0.0)
    fields = [(n, layout.fields[n], layout.box(n, dx, dy)) for n in REPEATED + VARYING
              if n in layout.fields and n not in skip]
    qr = None
    if "qr" in layout.fields and "qr" not in skip:
        box = layout.box("qr", dx, dy)
        side = min(box.w, box.h)
        qr = (box.x, box.y + box.h - side, side)
    return fields, qr


def certificate_sheet(content: dict[str, Any], opts: PrintOptions, reprint_mark: str = "") -> Sheet:
    """One certificate as a :class:`Sheet` for 1:1 printing: the same fitting and placement as
    :func:`draw_certificate` (:func:`fit`, :func:`line_origins`), in millimetres from the top-left."""
    font = register_cjk_font()
    layout = opts.layout
    h = layout.height_mm
    items: list[Item] = []
    if not opts.preprinted:
        for frame in layout.frames:
            i = frame.inset_mm
            items.append(Rect(i, i, layout.width_mm - 2 * i, h - 2 * i, frame.line_width, frame.color))
        for name, image in (("seal", opts.seal), ("logo", opts.logo)):
            if image is not None and name in layout.fields:
                f = layout.fields[name]
                items.append(Picture(image, f.x, f.y, f.w, f.h))
    fields, qr = _shown_fields(opts)
    for name, f, box in fields:
        text = reprint_mark if name == "reprint_mark" else str(content.get(name) or "")
        if not text:
            continue
        fitted = fit(font, text, box, f.size, f.min_size, wrap_first=f.wrap, leading=f.leading)
        for x, baseline, space, line in line_origins(font, fitted, box, f.align, f.valign,  # type: ignore[arg-type]
                                                     f.char_space):
            if not space:
                items.append(Text(x / MM, h - baseline / MM, line, fitted.size, f.color))
                continue
            for ch in line:  # spaced titles: each character placed here, not by a renderer's spacing
                items.append(Text(x / MM, h - baseline / MM, ch, fitted.size, f.color))
                x += text_width(font, ch, fitted.size) + space
    if qr is not None and content.get("qr"):
        x, y, side = qr
        items.append(Code(content["qr"], x / MM, h - (y + side) / MM, side / MM))
    return Sheet(layout.width_mm, layout.height_mm, tuple(items), layout.label)
