"""The calibration page: a ruler grid and two crosses at known places, printed with this PC's offset.

The clerk prints it on the paper the layout is for, measures with a ruler how far cross A lies from
the paper's left and top edges, and enters those two numbers; :func:`offset_from_ruler` turns them
into the new offset. Cross B, at the opposite corner, shows whether the printer scales the page
(then A and B are off by different amounts and no offset can help: "fit to page" is on).
"""

from __future__ import annotations

from yichao.app.pdf.sheet import Item, Line, Sheet, Text, placed

MARGIN = 20.0  # where the crosses sit, from the edges (inside every printer's printable area)
GRID = "#b0b0b0"


def cross_positions(width_mm: float, height_mm: float) -> dict[str, tuple[float, float]]:
    """Where crosses A and B belong on a sheet, in mm from its top-left corner."""
    return {"A": (MARGIN, MARGIN), "B": (width_mm - MARGIN, height_mm - MARGIN)}


def offset_from_ruler(offset: tuple[float, float], measured_left: float, measured_top: float) -> tuple[float, float]:
    """The offset that puts cross A where it belongs, from where the ruler shows it landed.

    The cross was sent to (MARGIN + dx, MARGIN + dy); it landed ``measured`` mm from the edges, so
    the printer adds (measured - MARGIN - d); the new offset takes that away.
    """
    dx, dy = offset
    return round(dx + MARGIN - measured_left, 1), round(dy + MARGIN - measured_top, 1)


def _cross(name: str, x: float, y: float) -> list[Item]:
    arm = 4.0
    return [Line(x - arm, y, x + arm, y, 0.4), Line(x, y - arm, x, y + arm, 0.4),
            Text(x + 1.2, y - 1.2, name, 9)]


def calibration_sheet(width_mm: float, height_mm: float, offset: tuple[float, float], title: str,
                      extra: tuple[Item, ...] = (), name: str = "") -> Sheet:
    """The grid (every 10 mm, numbered), 1-mm rulers along the top and left, crosses A and B, and
    the layout's own marks (``extra``, already moved by the offset)."""
    dx, dy = offset
    items: list[Item] = []
    x = 10.0
    while x < width_mm:
        items.append(Line(x + dx, dy + 5, x + dx, height_mm + dy - 5, 0.1, GRID))
        items.append(placed(f"{x:g}", x + dx, dy + 4.5, 5, "center", color="#606060"))
        x += 10
    y = 10.0
    while y < height_mm:
        items.append(Line(dx + 5, y + dy, width_mm + dx - 5, y + dy, 0.1, GRID))
        items.append(Text(dx + 1.0, y + dy + 1.0, f"{y:g}", 5, "#606060"))
        y += 10
    for mm in range(5, int(width_mm) - 4):  # the top ruler, 1-mm ticks
        tick = 2.5 if mm % 10 == 0 else 1.6 if mm % 5 == 0 else 1.0
        items.append(Line(mm + dx, 5 + dy, mm + dx, 5 + dy + tick, 0.15))
    for mm in range(5, int(height_mm) - 4):  # the left ruler
        tick = 2.5 if mm % 10 == 0 else 1.6 if mm % 5 == 0 else 1.0
        items.append(Line(5 + dx, mm + dy, 5 + dx + tick, mm + dy, 0.15))
    crosses = cross_positions(width_mm, height_mm)
    for label, (cx, cy) in crosses.items():
        items += _cross(label, cx + dx, cy + dy)
    ax, ay = crosses["A"]
    bx, by = crosses["B"]
    items.append(Text(ax + dx + 6, ay + dy + 4, title, 8))
    items.append(Text(ax + dx + 6, ay + dy + 8.5, f"当前偏移：向右 {dx:+.1f} 毫米，向下 {dy:+.1f} 毫米", 7))
    how = f"用直尺量十字 A 的中心到纸张左边、上边的距离（应为 {ax:g} 毫米和 {ay:g} 毫米），填入打印校准。"
    items.append(Text(ax + dx + 6, ay + dy + 12.5, how, 7))
    items.append(placed(f"B 应距纸张左边 {bx:g} 毫米、上边 {by:g} 毫米；若 A 对而 B 不对，打印机在缩放页面。",
                        bx + dx - 2, by + dy - 3, 7, "right"))
    items += extra
    return Sheet(width_mm, height_mm, tuple(items), name)
