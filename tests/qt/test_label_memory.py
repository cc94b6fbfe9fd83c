"""Labels kept still from frame to frame on a live picture (`viewer.render.label_memory`): the
last placement is drawn again, each label moved with its head, while the heads creep; an alert
labels its aircraft at once; a head that moved, a new view, or `REUSE_FRAMES` frames place them
all anew — and what is drawn is always a placement without overlaps."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from viewer.core.label_priority import ALERTING, OTHER
from viewer.core.live_tracks import LiveLook
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet
from viewer.render import label_sprites
from viewer.render.label_memory import REUSE_FRAMES, REUSE_PX
from viewer.render.map_scene import MapScene
from viewer.render.track_painter import TrackPainter

T = 1_700_000_000.0
W, H = 1280, 800
N = 1500


class Live:
    """A crowd of live heads; `snapshot` makes a new TrackSet (as the feed does) from screen
        positions, `paint` draws a frame and counts the grid's `take` calls (a label tried) and
    `mark_points` calls (the icons marked: a full placement)."""

    def __init__(self, state, monkeypatch):
        self.state = state
        self.scene = MapScene(state)
        self.view = self.scene.view_of_lonlat((118.0, 20.0, 126.0, 28.0), W, H)
        rng = np.random.default_rng(11)
        self.sx = rng.uniform(100, 1100, N)
        self.sy = rng.uniform(100, 700, N)
        self.ids = [f"{i:06x}" for i in range(N)]
        self.rank = np.full(N, OTHER, dtype=np.int8)
        self.layers = TrackLayers()
        self.painter = TrackPainter(self.layers, lambda: T, lambda: 0.0, look=lambda _: self.look)
        self.takes = self.full = 0
        take, mark_points = label_sprites.LabelGrid.take, label_sprites.LabelGrid.mark_points

        def counted(grid, *args):
            self.takes += 1
            return take(grid, *args)

        def marked(grid, *args):
            self.full += 1
            return mark_points(grid, *args)

        monkeypatch.setattr(label_sprites.LabelGrid, "take", counted)
        monkeypatch.setattr(label_sprites.LabelGrid, "mark_points", marked)
        self.snapshot()

    def snapshot(self):
        x, y = self.view.to_map(self.sx, self.sy)
        lon, lat = self.state.projection.inverse(x, y)
        frame = pd.DataFrame(
            {
                "track_id": self.ids * 2,
                "time": pd.to_datetime([T - 60.0] * N + [T + 60.0] * N, unit="s", utc=True),
                "lon": np.tile(lon, 2),
                "lat": np.tile(lat, 2),
            }
        )
        self.ts = TrackSet.from_frame(frame, self.state.projection)
        order = [self.ids.index(str(i)) for i in self.ts.ids]  # the TrackSet's track order
        self.look = LiveLook(np.zeros(N), np.full(N, 1e9), None, False, None, self.rank[order])
        self.layers.clear()
        self.layers.add(LoadedTracks(Path("<live feeds>"), self.ts, None))

    def paint(self, view=None):
        self.takes = self.full = 0
        image = QImage(W, H, QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.white)
        p = QPainter(image)
        self.painter.paint(p, self.scene.context(view or self.view))
        p.end()
        drawn = self.painter.drawn
        return [r.getRect() for r in drawn.labels], {
            str(self.ts.ids[track]) for _, track in drawn.labelled
        }


@pytest.fixture
def live(qapp, state, monkeypatch):
    return Live(state, monkeypatch)


def _no_overlap(rects):
    for i, (x, y, w, h) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_a_still_picture_is_placed_once_and_drawn_again_the_same(live):
    first, names = live.paint()
    assert live.full == 1 and len(first) > 50
    for _ in range(REUSE_FRAMES):
        again, names_again = live.paint()
        assert live.takes == live.full == 0  # drawn from the memory: no placement
        assert again == first and names_again == names
    placed, _ = live.paint()  # then a full placement again, the same one
    assert live.full == 1 and placed == first


def test_labels_follow_heads_that_creep_and_are_placed_anew_when_one_jumps(live):
    first, names = live.paint()
    live.sx += 0.6  # a new snapshot: every head 0.6 px to the right
    live.snapshot()
    moved, names_moved = live.paint()
    assert live.takes == live.full == 0 and names_moved == names
    np.testing.assert_allclose(np.array(moved) - [0.6, 0, 0, 0], np.array(first), atol=1e-6)
    # one labelled head jumps further than REUSE_PX: everything is placed anew
    k = live.ids.index(sorted(names)[0])
    live.sx[k] += REUSE_PX + 2.0
    live.snapshot()
    rects, _ = live.paint()
    assert live.full == 1
    _no_overlap(rects)


def test_an_alert_labels_its_aircraft_at_once_and_nothing_overlaps(live):
    _, names = live.paint()
    unlabelled = [i for i in live.ids if i not in names]
    alerting = unlabelled[len(unlabelled) // 2]  # somewhere in the crowd
    live.rank[live.ids.index(alerting)] = ALERTING
    live.snapshot()
    rects, shown = live.paint()
    assert alerting in shown  # the very next frame
    assert live.full == 0 and live.takes > 0  # the placement amended, not made anew
    _no_overlap(rects)
    assert len(shown) >= len(names) - 3  # it displaced at most a few others


def test_a_head_out_of_view_loses_its_label_and_a_new_view_is_placed_anew(live):
    _, names = live.paint()
    gone = sorted(names)[0]
    live.sx[live.ids.index(gone)] = -500.0  # off the map (a new snapshot)
    live.snapshot()
    _, shown = live.paint()
    assert gone not in shown and live.takes == live.full == 0
    panned = live.view.__class__(**{**live.view.__dict__, "center_x": live.view.center_x + 50})
    live.paint(panned)
    assert live.full == 1
