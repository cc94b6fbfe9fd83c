"""Draw `trace_me_2021-10-04.png`: a picture to practise tracing on, in the manner of the daily
map Taiwan's Ministry of National Defense publishes (flight paths around Taiwan, a count by type).

It is NOT a ministry map: the paths are four of the illustrative sample's tracks
(`record_day_2021-10-04.csv`: a J-16 formation, an H-6K formation, a Y-8 ASW and a KJ-500), drawn
as a ministry graphic draws them, over GSHHG coastlines in plate carrée. The picture says so in
its caption. The README's how-to traces over it; tests place it with control points.

    .venv/bin/python resources/sample/make_trace_picture.py [--out PATH]

Deterministic: the same bytes each run (Qt's PNG writer, no time stamps).
Picture geometry (for tests): ``PX_PER_DEG`` pixels per degree, the top-left map corner at
(``MARGIN``, ``MARGIN``) = (``WEST``, ``NORTH``); a light dashed grid every degree inside the
frame (``GRID_COLOUR``), labelled on the frame.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WEST, EAST, SOUTH, NORTH = 116.5, 125.0, 19.5, 26.5
PX_PER_DEG = 110.0
MARGIN = 44
TRACKS = {  # sample track -> how the graphic names and colours it
    "PLA-D01": ("J-16 ×4", "#D7191C"),
    "PLA-B01": ("H-6K ×4", "#7B3294"),
    "PLA-Y01": ("Y-8 ASW ×1", "#E66101"),
    "PLA-K01": ("KJ-500 ×1", "#1A9641"),
}
OUT = HERE / "trace_me_2021-10-04.png"
GRID_COLOUR = "#8FA3B3"  # the degree grid inside the frame: light, under the paths


def pixel(lon, lat):
    """Picture pixel of a lon/lat (plate carrée)."""
    return MARGIN + (lon - WEST) * PX_PER_DEG, MARGIN + (NORTH - lat) * PX_PER_DEG


def draw(out: Path) -> Path:
    import numpy as np
    import pandas as pd
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QPolygonF

    from viewer.core.basemap import GshhgResolution

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need it
    width = round(MARGIN * 2 + (EAST - WEST) * PX_PER_DEG)
    height = round(MARGIN + (NORTH - SOUTH) * PX_PER_DEG) + 76
    image = QImage(width, height, QImage.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing, True)
    map_rect = QRectF(MARGIN, MARGIN, (EAST - WEST) * PX_PER_DEG, (NORTH - SOUTH) * PX_PER_DEG)
    p.fillRect(map_rect, QColor("#DCEBF5"))
    p.setClipRect(map_rect)
    gshhg = GshhgResolution("i")
    p.setPen(QPen(QColor("#6B6B6B"), 1.0))
    for i in gshhg.select(WEST - 1, SOUTH - 1, EAST + 1, NORTH + 1):
        if gshhg.level[i] != 1:
            continue
        ring = gshhg.ring(int(i))
        xs, ys = pixel(ring[:, 0], ring[:, 1])
        p.setBrush(QColor("#F3EBD8"))
        p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]))
    p.setBrush(Qt.NoBrush)
    # a light graticule every degree, as the ministry's maps draw it: its crossings are the
    # spots to place control points on (the same crossings are on the app's map)
    p.setPen(QPen(QColor(GRID_COLOUR), 1.0, Qt.DashLine))
    for lon in range(int(np.ceil(WEST)), int(EAST) + 1):
        x, _ = pixel(lon, NORTH)
        p.drawLine(QPointF(x, map_rect.top()), QPointF(x, map_rect.bottom()))
    for lat in range(int(np.ceil(SOUTH)), int(NORTH) + 1):
        _, y = pixel(WEST, lat)
        p.drawLine(QPointF(map_rect.left(), y), QPointF(map_rect.right(), y))
    frame = pd.read_csv(HERE / "record_day_2021-10-04.csv")
    label_font = QFont()
    label_font.setPixelSize(15)
    label_font.setBold(True)
    p.setFont(label_font)
    for track_id, (_name, colour) in TRACKS.items():
        rows = frame[frame["track_id"] == track_id]
        xs, ys = pixel(rows["lon"].to_numpy(), rows["lat"].to_numpy())
        pen = QPen(QColor(colour), 3.0)
        p.setPen(pen)
        p.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys, strict=True)]))
        # an arrowhead at the end, as the ministry's graphics draw the direction of flight
        k = max(1, len(xs) // 30)
        ang = np.arctan2(ys[-1] - ys[-1 - k], xs[-1] - xs[-1 - k])
        tip = QPointF(xs[-1], ys[-1])
        head = [
            tip,
            QPointF(xs[-1] - 14 * np.cos(ang - 0.4), ys[-1] - 14 * np.sin(ang - 0.4)),
            QPointF(xs[-1] - 14 * np.cos(ang + 0.4), ys[-1] - 14 * np.sin(ang + 0.4)),
        ]
        p.setBrush(QColor(colour))
        p.drawPolygon(QPolygonF(head))
        p.setBrush(Qt.NoBrush)
    # the legend, as the ministry's maps give it: colour, type and number of aircraft
    x0, y0 = pixel(122.75, 26.3)
    box = QRectF(x0, y0, 230, 34 + 26 * len(TRACKS))
    p.setPen(QPen(QColor("#444444"), 1.0))
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRect(box)
    p.setBrush(Qt.NoBrush)
    p.drawText(QPointF(box.left() + 12, box.top() + 24), "Aircraft (type ×number)")
    for k, (name, colour) in enumerate(TRACKS.values()):
        y = box.top() + 50 + 26 * k
        p.setPen(QPen(QColor(colour), 4.0))
        p.drawLine(QPointF(box.left() + 14, y - 5), QPointF(box.left() + 56, y - 5))
        p.setPen(QColor("#222222"))
        p.drawText(QPointF(box.left() + 68, y), name)
    p.setClipping(False)
    p.setPen(QPen(QColor("#444444"), 1.0))
    p.drawRect(map_rect)
    small = QFont()
    small.setPixelSize(13)
    p.setFont(small)
    for lon in range(int(np.ceil(WEST)), int(EAST) + 1):
        x, _ = pixel(lon, NORTH)
        p.drawLine(QPointF(x, MARGIN - 6), QPointF(x, MARGIN))
        p.drawText(QRectF(x - 30, 4, 60, 30), Qt.AlignCenter, f"{lon}°E")
    for lat in range(int(np.ceil(SOUTH)), int(NORTH) + 1):
        _, y = pixel(WEST, lat)
        p.drawLine(QPointF(MARGIN - 6, y), QPointF(MARGIN, y))
        p.drawText(QRectF(0, y - 10, MARGIN - 8, 20), Qt.AlignRight | Qt.AlignVCenter, f"{lat}°N")
    title = QFont()
    title.setPixelSize(18)
    title.setBold(True)
    p.setFont(title)
    bottom = map_rect.bottom() + 10
    p.drawText(
        QRectF(MARGIN, bottom, map_rect.width(), 24),
        Qt.AlignLeft,
        "PLA aircraft around Taiwan, 4 Oct 2021, 10:00–14:30 Taiwan time",
    )
    p.setFont(small)
    p.drawText(
        QRectF(MARGIN, bottom + 26, map_rect.width(), 36),
        Qt.AlignLeft | Qt.TextWordWrap,
        "ILLUSTRATIVE practice picture drawn by ADIZ Viewer (resources/sample/"
        "make_trace_picture.py) from invented sample tracks — not a Ministry of National Defense "
        "map. Coastlines: GSHHG 2.3, LGPL-3.0.",
    )
    p.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(draw(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
