"""Screen overlays for projectors and exports: the title (and scene) and a large clock."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.core.timeline import format_time
from viewer.qt.painters import PaintContext


def paint_title(
    painter: QPainter,
    ctx: PaintContext,
    title: str,
    subtitle: str = "",
    above: QRectF | None = None,
) -> None:
    """Title bottom left, above the scale bar, with the scene as a subtitle; moved up to stay
    above ``above`` (the clock) where the two would overlap."""
    if not title:
        return
    s = ctx.font_scale
    big = QFont()
    big.setPointSizeF(13 * s)
    big.setBold(True)
    small = QFont()
    small.setPointSizeF(9.5 * s)
    small.setBold(ctx.theme.bold)
    fm, fs = QFontMetricsF(big), QFontMetricsF(small)
    w = max(fm.horizontalAdvance(title), fs.horizontalAdvance(subtitle) if subtitle else 0) + 20
    h = fm.height() + (fs.height() if subtitle else 0) + 10
    rect = QRectF(10, ctx.view.height - h - 90 * s, min(w, ctx.view.width - 20), h)
    if above is not None and rect.intersects(above):
        rect.moveBottom(above.top() - 6 * s)
    hc = ctx.theme.high_contrast
    painter.save()
    painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0) if hc else Qt.NoPen)
    painter.setBrush(ctx.theme.color("panel") if hc else QColor(255, 255, 255, 225))
    painter.drawRoundedRect(rect, 5, 5)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.setFont(big)
    painter.drawText(rect.adjusted(10, 4, -10, 0), Qt.AlignLeft | Qt.AlignTop, title)
    if subtitle:
        painter.setFont(small)
        painter.setPen(ctx.theme.color("text") if hc else QColor("#333333"))
        painter.drawText(
            rect.adjusted(10, 4 + fm.height(), -10, 0), Qt.AlignLeft | Qt.AlignTop, subtitle
        )
    painter.restore()


def paint_clock(
    painter: QPainter,
    ctx: PaintContext,
    t: float,
    zone: str = "Asia/Taipei",
    avoid: QRectF | None = None,
) -> QRectF:
    """The replay time in UTC and in ``zone``, bottom centre, large enough for a room; where
    it would overlap ``avoid`` (the legend, on a narrow screen) it goes above it, clear of the
    scale bar too. Returns where it was drawn."""
    text = f"{format_time(t, 'UTC')}    {format_time(t, zone)}"
    font = QFont()
    font.setPointSizeF(12 * ctx.font_scale)
    font.setBold(True)
    fm = QFontMetricsF(font)
    w = fm.horizontalAdvance(text) + 24
    rect = QRectF(
        (ctx.view.width - w) / 2,
        ctx.view.height - fm.height() - 34 * ctx.font_scale,
        w,
        fm.height() + 10,
    )
    if avoid is not None and rect.intersects(avoid):
        rect.moveBottom(avoid.top() - 6 * ctx.font_scale)
    hc = ctx.theme.high_contrast
    painter.save()
    if hc:  # opaque, framed: the clock reads from the back of the room
        painter.setPen(QPen(ctx.theme.color("panel_border"), 2.0))
        painter.setBrush(ctx.theme.color("panel"))
        painter.drawRect(rect)
    else:
        painter.fillRect(rect, QColor(255, 255, 255, 220))
    painter.setFont(font)
    painter.setPen(ctx.theme.color("text") if hc else QColor("#111111"))
    painter.drawText(rect, Qt.AlignCenter, text)
    painter.restore()
    return rect
