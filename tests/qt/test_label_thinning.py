"""Track labels thinned by density, as a cartographer would: a label only where it fits without
overlapping another, the selected track first, then live tracks that alerted, then those inside
a zone, the sparse places before the crowds; a lone aircraft is labelled whatever its place in
the file."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from viewer.core.label_priority import ALERTING, INSIDE, OTHER
from viewer.core.live_tracks import LiveLook
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet
from viewer.render.label_sprites import label_order
from viewer.render.map_scene import MapScene
from viewer.render.track_painter import TrackPainter

T = 1_700_000_000.0
W, H = 1280, 800
N = 2000
ALERTING_ONE, INSIDE_ONE, SELECTED, LONE = 777, 778, 1200, N - 1


@pytest.fixture
def picture(qapp, state):
    """2,000 aircraft: 1,999 in a crowd 400 x 300 px at the left, one alone at the right (the
    last of the file); their labels painted at 1280x800."""
    scene = MapScene(state)
    view = scene.view_of_lonlat((118.0, 20.0, 126.0, 28.0), W, H)
    rng = np.random.default_rng(7)
    sx = np.append(rng.uniform(100, 500, N - 1), 1100.0)
    sy = np.append(rng.uniform(200, 500, N - 1), 600.0)
    x, y = view.to_map(sx, sy)
    lon, lat = state.projection.inverse(x, y)
    ids = [f"{i:06x}" for i in range(N)]
    frame = pd.DataFrame(
        {
            "track_id": ids * 2,
            "time": pd.to_datetime([T - 60.0] * N + [T + 60.0] * N, unit="s", utc=True),
            "lon": np.tile(lon, 2),
            "lat": np.tile(lat, 2),
        }
    )
    ts = TrackSet.from_frame(frame, state.projection)
    index = {str(i): k for k, i in enumerate(ts.ids)}
    rank = np.full(ts.n_tracks, OTHER, dtype=np.int8)
    rank[index[ids[ALERTING_ONE]]] = ALERTING
    rank[index[ids[INSIDE_ONE]]] = INSIDE
    look = LiveLook(np.zeros(N), np.full(N, 1e9), None, False, None, rank)
    layers = TrackLayers()
    layers.add(LoadedTracks(Path("<live feeds>"), ts, None))
    painter = TrackPainter(layers, lambda: T, lambda: 0.0, look=lambda _: look)
    painter.selected = ("<live feeds>", index[ids[SELECTED]])

    def paint():
        image = QImage(W, H, QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.white)
        p = QPainter(image)
        painter.paint(p, scene.context(view))
        p.end()
        return painter.drawn.labels

    def labelled():
        """Track ids of the labels drawn."""
        return {str(ts.ids[track]) for _, track in painter.drawn.labelled}

    return paint, labelled, ids, painter


def test_labels_never_overlap(picture):
    paint, _, _, _ = picture
    rects = paint()
    assert 20 < len(rects) <= 200
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), (a, b)


def test_the_selected_the_alerting_the_inside_and_the_lone_aircraft_are_labelled(picture):
    paint, labelled, ids, _ = picture
    paint()
    shown = labelled()
    for k in (SELECTED, ALERTING_ONE, INSIDE_ONE, LONE):
        assert ids[k] in shown, k
    # in the crowd most go without (no room), and the labels are spread, not piled
    assert len(shown) < N // 4


def test_the_order_puts_rank_first_then_sparse_places():
    sx = np.array([10.0, 12.0, 500.0, 14.0, 300.0])
    sy = np.array([10.0, 40.0, 500.0, 70.0, 300.0])
    rank = np.array([2, 2, 2, 0, 2])
    order = list(label_order(sx, sy, rank, (16.0, 16.0)))
    assert order[0] == 3  # alerting, though in the crowd
    assert set(order[1:3]) == {2, 4}  # alone before the crowd
    assert order[3:] == [0, 1]  # then the crowd in track order
    # two anchors in one 30 x 16 px box: only the first is tried
    one_box = label_order(
        np.array([1.0, 25.0]), np.array([1.0, 5.0]), np.array([2, 1]), (30.0, 16.0)
    )
    assert list(one_box) == [1]
    # in two boxes: both tried, the better ranked first
    two_boxes = label_order(
        np.array([1.0, 35.0]), np.array([1.0, 5.0]), np.array([2, 1]), (30.0, 16.0)
    )
    assert list(two_boxes) == [1, 0]
