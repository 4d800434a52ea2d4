"""Draw the Yichao icon (a nest holding a heart) and write resources/icons/yichao.png and .ico.

    python tools/make_icon.py

A development tool: the results are committed, so neither the build nor the program runs this.
QPainter draws the 256-pixel picture; Pillow (already installed with reportlab) packs the sizes
Windows asks for (16-256) into the .ico.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    # tile: warm teal, rounded
    tile = QLinearGradient(0, 0, 0, 256)
    tile.setColorAt(0, QColor("#26a69a"))
    tile.setColorAt(1, QColor("#00695c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(tile))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    # the heart, resting in the nest
    heart = QPainterPath()
    heart.moveTo(128, 150)
    heart.cubicTo(70, 110, 86, 52, 128, 78)
    heart.cubicTo(170, 52, 186, 110, 128, 150)
    p.setBrush(QColor("#ff7043"))
    p.drawPath(heart)
    # the nest: a bowl of woven twigs
    bowl = QPainterPath()
    bowl.moveTo(40, 128)
    bowl.cubicTo(48, 214, 208, 214, 216, 128)
    bowl.cubicTo(190, 146, 66, 146, 40, 128)
    p.setBrush(QColor("#ffe0b2"))
    p.drawPath(bowl)
    twig = QPen(QColor("#8d6e63"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(twig)
    p.setBrush(Qt.BrushStyle.NoBrush)
    for dy, bend in ((150, 18), (170, 14), (188, 8)):
        path = QPainterPath(QPointF(60 + (dy - 150) * 0.6, dy))
        path.quadTo(QPointF(128, dy + bend), QPointF(196 - (dy - 150) * 0.6, dy))
        p.drawPath(path)
    p.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage text needs none, painting does
    ICONS.mkdir(parents=True, exist_ok=True)
    big = to_pillow(draw(256))
    big.save(ICONS / "yichao.png", optimize=True)
    # small sizes drawn at their own size stay sharp, rather than shrunk from 256
    frames = {s: to_pillow(draw(s)) for s in SIZES}
    frames[256].save(ICONS / "yichao.ico", sizes=[(s, s) for s in SIZES],
                     append_images=[frames[s] for s in SIZES if s != 256])
    print(ICONS / "yichao.png", ICONS / "yichao.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
