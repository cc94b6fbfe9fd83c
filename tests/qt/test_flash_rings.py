"""The flash rings of zone events are copied from pictures drawn once: the same rings as
drawn by hand, where the event is, at the flash's age."""

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from viewer.core.projection import Projection
from viewer.core.view import MapView
from viewer.render.context import PaintContext
from viewer.render.event_flash import LIVE_FLASH_S, EventFlashPainter


def rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format_RGB32)
    w, h = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return (
        rows.reshape(h, image.bytesPerLine())[:, : 4 * w].reshape(h, w, 4)[..., 2::-1].copy()
    )  # B, G, R in memory


def test_a_ring_is_where_the_event_is_as_a_drawn_ring_would_be(qapp):
    projection = Projection.from_user_input("lcc")
    x, y = projection.forward(np.array([121.0]), np.array([23.0]))
    view = MapView(float(x[0]), float(y[0]), 1000.0, 200, 200)  # the event at the centre
    ctx = PaintContext(view=view, projection=projection, naming="en", when=None)
    t = 1_700_000_000.0
    events = pd.DataFrame(
        {"time": pd.to_datetime([t - 5.0], unit="s", utc=True), "lon": [121.0], "lat": [23.0],
         "event": ["entry"]}
    )  # fmt: skip
    flash = EventFlashPainter(lambda: t, lambda: 1.0, lambda: True)
    flash.set_events(events)
    image = QImage(200, 200, QImage.Format_RGB32)
    image.fill(Qt.white)
    p = QPainter(image)
    flash.paint(p, ctx)
    p.end()
    age = 5.0 / LIVE_FLASH_S
    r = round(8.0 + 30.0 * age)
    hand = QImage(200, 200, QImage.Format_RGB32)
    hand.fill(Qt.white)
    p = QPainter(hand)
    p.setRenderHint(QPainter.Antialiasing, True)
    colour = QColor("#d62728")
    colour.setAlphaF(1.0 - age)
    p.setPen(QPen(colour, 3.0))
    p.drawEllipse(QPointF(100.0, 100.0), r, r)
    p.end()
    got, want = rgb(image).astype(int), rgb(hand).astype(int)
    red = got[100, 100 + r]
    assert red[0] > 200 and red[1] < 200 and red[2] < 200  # the entry colour, faded
    assert (got[100, 100] == 255).all()  # hollow
    assert np.abs(got - want).max() <= 40
    assert (np.abs(got - want).max(axis=2) > 12).mean() < 0.002
