"""Certificate layouts: JSON files in ``resources/layouts`` (millimetres from the top-left corner).

A street office measures its pre-printed paper with a ruler, so positions are in mm from the top-left.
In pre-printed mode the decorations and fixed words (``preprinted_skip``) are left out and every
field moves by the PC's calibration offset (settings ``certificate_offset_x_mm`` / ``_y_mm``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from yichao.app.certificates.labels import LAYOUT_LABELS
from yichao.app.core.errors import UserError
from yichao.app.pdf.document import MM, Box
from yichao.resources import LAYOUTS_DIR

PREFIX = "certificate_"


@dataclass(frozen=True)
class Field:
    name: str
    x: float
    y: float
    w: float
    h: float
    size: float = 12.0
    min_size: float = 7.0
    align: str = "center"
    valign: str = "middle"
    wrap: bool = False
    leading: float = 1.4
    color: str = "#000000"
    char_space: float = 0.0


@dataclass(frozen=True)
class Frame:
    inset_mm: float
    line_width: float
    color: str


@dataclass(frozen=True)
class Layout:
    name: str
    label: str
    width_mm: float
    height_mm: float
    fields: dict[str, Field]
    frames: tuple[Frame, ...]
    preprinted_skip: frozenset[str]
    default_for: tuple[str, ...]

    @property
    def pagesize(self) -> tuple[float, float]:
        return (self.width_mm * MM, self.height_mm * MM)

    @property
    def landscape(self) -> bool:
        return self.width_mm > self.height_mm

    def box(self, name: str, dx_mm: float = 0.0, dy_mm: float = 0.0) -> Box:
        """The field's rectangle in points (bottom-left origin), moved by a calibration offset."""
        f = self.fields[name]
        return Box((f.x + dx_mm) * MM, (self.height_mm - f.y - f.h - dy_mm) * MM, f.w * MM, f.h * MM)


def layout_path(name: str) -> Path:
    return LAYOUTS_DIR / f"{PREFIX}{name}.json"


def layout_names() -> list[str]:
    return sorted(p.stem[len(PREFIX):] for p in LAYOUTS_DIR.glob(f"{PREFIX}*.json"))


def layout_choices() -> str:
    """The layouts as a clerk reads them: "横版（landscape）、竖版（portrait）"."""
    return "、".join(f"{LAYOUT_LABELS[n]}（{n}）" if n in LAYOUT_LABELS else n for n in layout_names())


def layout_name(text: str) -> str:
    """The layout a clerk names: its word (横版), its label ("A4 横版") or its name (landscape, for scripts)."""
    wanted = "".join((text or "").split())
    names = layout_names()
    if wanted.lower() in names:
        return wanted.lower()
    for name in names:
        if wanted == LAYOUT_LABELS.get(name):
            return name
    for name in names:
        if wanted == "".join(load_layout(name).label.split()):
            return name
    raise UserError(f"没有名为“{text}”的证书版式，可选：{layout_choices()}。")


@lru_cache(maxsize=16)
def load_layout(name: str) -> Layout:
    """Read and check a layout (by name, word or label: :func:`layout_name`); an unknown or broken
    file is refused with one sentence."""
    path = layout_path(name)
    if not path.exists():
        return load_layout(layout_name(name))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = {key: Field(name=key, **value) for key, value in raw["fields"].items()}
        layout = Layout(
            name=raw["name"], label=raw.get("label", name),
            width_mm=float(raw["page"]["width_mm"]), height_mm=float(raw["page"]["height_mm"]),
            fields=fields, frames=tuple(Frame(**f) for f in raw.get("frames", ())),
            preprinted_skip=frozenset(raw.get("preprinted_skip", ())),
            default_for=tuple(raw.get("default_for", ())),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"证书版式文件 {path.name} 格式有误：{exc}。") from exc
    missing = {"title", "recipient", "body", "issuer", "date", "serial"} - set(fields)
    if missing:
        raise UserError(f"证书版式文件 {path.name} 缺少字段：{'、'.join(sorted(missing))}。")
    for f in fields.values():
        if f.x < 0 or f.y < 0 or f.x + f.w > layout.width_mm + 0.01 or f.y + f.h > layout.height_mm + 0.01:
            raise UserError(f"证书版式 {name} 的字段 {f.name} 超出了纸张范围。")
    return layout


def default_layout(kind: str) -> str:
    for name in layout_names():
        if kind in load_layout(name).default_for:
            return name
    return "landscape"
