"""Each live snapshot is a new TrackSet with more tracks than the last; the old one is freed and
Python may give the new one its address. Caches keyed by ``id()`` then handed the new snapshot
the old one's per-track arrays: the live window's paint raised IndexError (a CI run, #20).

Whether CPython reuses an address is chance; the tests make it certain by giving the modules an
``id`` under which every object has the same address."""

from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtGui import QImage, QPainter

from viewer.core import label_priority
from viewer.core.label_priority import ALERTING, OTHER, LabelPriority
from viewer.core.live_alerts import Alert
from viewer.core.live_tracks import LiveLook
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet
from viewer.render import track_painter
from viewer.render.map_scene import MapScene
from viewer.render.track_painter import TrackPainter

T = 1_700_000_000.0


def _snapshot(n: int, projection, first: int = 0) -> TrackSet:
    ids = [f"{i:06x}" for i in range(first, first + n)]
    frame = pd.DataFrame(
        {
            "track_id": ids * 2,
            "time": pd.to_datetime([T - 60.0] * n + [T] * n, unit="s", utc=True),
            "lon": np.tile(np.linspace(119.0, 123.0, n), 2),
            "lat": np.tile(np.linspace(22.0, 26.0, n), 2),
            "kind": (["aircraft", "ship"] * n)[:n] * 2,
        }
    )
    return TrackSet.from_frame(frame, projection)


def test_growing_snapshots_paint_with_their_own_per_track_arrays(qapp, state, monkeypatch):
    monkeypatch.setattr(track_painter, "id", lambda _: 1, raising=False)
    scene = MapScene(state)
    view = scene.view_of_lonlat((118.0, 20.0, 126.0, 28.0), 640, 400)
    layers = TrackLayers()
    looks: dict[int, LiveLook] = {}
    painter = TrackPainter(layers, lambda: T, lambda: 0.0, look=lambda ts: looks[ts.n_tracks])
    for n in range(2, 60):
        ts = _snapshot(n, state.projection)
        looks.clear()
        looks[n] = LiveLook(np.zeros(n), np.full(n, 1e9), None, False, None, None)
        layers.clear()
        layers.add(LoadedTracks(Path("<live feeds>"), ts, None))
        image = QImage(640, 400, QImage.Format_ARGB32_Premultiplied)
        qp = QPainter(image)
        painter.paint(qp, scene.context(view))
        qp.end()
        kinds, colours, _ = painter._codes(ts)
        assert len(kinds) == len(colours) == n
        assert len(painter.drawn.heads[0][1].tracks) == n
        del ts


def test_label_ranks_follow_the_snapshot_not_its_address(state, monkeypatch):
    """Snapshots of the same size, one with the alerting aircraft and one without, in turn."""
    monkeypatch.setattr(label_priority, "id", lambda _: 1, raising=False)
    priority = LabelPriority()
    alert = Alert(
        T,
        "000001",
        "fighter",
        "",
        "",
        "taiwan_adiz",
        "Taiwan ADIZ",
        "entry",
        "",
        121.0,
        24.0,
        0.0,
        False,
        False,
        T,
    )
    priority.add([alert])
    for k in range(40):
        first = 0 if k % 2 == 0 else 100  # even: 000000..000009; odd: none of them alerting
        ts = _snapshot(10, state.projection, first)
        ranks = priority.ranks(ts, T)
        expected = np.full(10, OTHER)
        if first == 0:
            expected[1] = ALERTING
        assert ranks.tolist() == expected.tolist()
        del ts
