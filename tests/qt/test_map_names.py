"""The names on the map (issue 19), as a class gets them: the default briefing rendered through
`adiz-viewer render`, read back from what the label pass says it drew (``--labels``) and from
the pixels; the legend; high contrast; the tracks' labels; the cost per replay frame."""

import json
from collections import Counter
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

from viewer.app import main
from viewer.cli.headless import open_session
from viewer.core.briefing import default_briefing_path, load_briefing
from viewer.core.labels import box_corners, quads_overlap
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.tracks import TrackSet
from viewer.render.label_pass import SEA_BLUE, LabelPass
from viewer.render.map_scene import MapScene
from viewer.render.theme import HIGH_CONTRAST, NORMAL
from viewer.render.track_painter import TrackPainter

BRIEFING = str(default_briefing_path())
SIZES = ["1280x720", "1920x1080", "3840x2160"]
SCENES = [s.title for s in load_briefing(default_briefing_path()).scenes]
MEDIAN = str(SCENES.index("The median line") + 1)


def render(tmp_path, *args) -> tuple[QImage, dict]:
    """The default briefing rendered by the command line, and what it says it drew."""
    out, labels = tmp_path / "map.png", tmp_path / "labels.json"
    assert main(["render", BRIEFING, "--out", str(out), "--labels", str(labels), *args]) == 0
    return QImage(str(out)), json.loads(labels.read_text(encoding="utf-8"))


def overlaps(report: dict) -> list[tuple[str, str]]:
    """Every pair that overlaps: two names (their turned rectangles), a name and a track's
    label, a name and an overlay's box, two tracks' labels."""
    names = [(n["text"], np.array(n["corners"])) for n in report["names"]]
    tracks = [box_corners(b) for b in report["track_labels"]]
    out = []
    for i, (text, quad) in enumerate(names):
        out += [(text, other) for other, q in names[i + 1 :] if quads_overlap(quad, q)]
        out += [(text, "a track's label") for q in tracks if quads_overlap(quad, q)]
        out += [
            (text, f"overlay {b}")
            for b in report["keep_clear"]
            if quads_overlap(quad, box_corners(b))
        ]
    for i, a in enumerate(tracks):
        out += [("a track's label", "another") for b in tracks[i + 1 :] if quads_overlap(a, b)]
    return out


def pixels_in(image: QImage, corners) -> list[QColor]:
    """The colours of the pixels whose centres lie inside a (turned) rectangle."""
    poly = QPolygonF([QPointF(x, y) for x, y in corners])
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return [
        image.pixelColor(x, y)
        for x in range(max(0, int(min(xs))), min(image.width(), int(max(xs)) + 1))
        for y in range(max(0, int(min(ys))), min(image.height(), int(max(ys)) + 1))
        if poly.containsPoint(QPointF(x + 0.5, y + 0.5), Qt.OddEvenFill)
    ]


def near(c: QColor, target: QColor, tol: int = 40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c.getRgb()[:3], target.getRgb()[:3], strict=True))


def luminance(c: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def lin(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


# ---------------------------------------------------------------------------- acceptance
@pytest.mark.parametrize("size", SIZES)
def test_the_median_line_scene_names_its_line_strait_and_zones_once_without_overlaps(
    tmp_path, qapp, size
):
    _, report = render(tmp_path, "--scene", MEDIAN, "--size", size)
    texts = [n["text"] for n in report["names"]]
    assert "Taiwan Strait median line" in texts and "Taiwan Strait" in texts
    keys = [n["key"] for n in report["names"]]
    # every zone the scene shows is named, once: the Taiwan ADIZ and the overlap
    assert keys.count("taiwan_adiz") == 1 and keys.count("overlap_taiwan_ecs") == 1
    assert len(keys) == len(set(keys))
    assert overlaps(report) == []


# What each scene must name besides (its region's lines, zones and waters).
MUST_NAME = {
    "1": {
        "median_line",
        "taiwan_adiz",
        "japan_adiz",
        "china_ecs_adiz",
        "place_names:taiwan_strait",
    },
    "2": {"median_line", "taiwan_adiz", "place_names:taiwan_strait"},
    "4": {"senkaku_12nmi", "senkaku_24nmi", "japan_adiz", "china_ecs_adiz"},
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", ["1", "2", "4"])
def test_no_name_overlaps_another_or_a_track_label_in_any_scene(tmp_path, qapp, scene, size):
    _, report = render(tmp_path, "--scene", scene, "--size", size)
    assert report["names"] and overlaps(report) == []
    keys = [n["key"] for n in report["names"]]
    assert MUST_NAME[scene] <= set(keys) and len(keys) == len(set(keys))
    if scene == "1":
        assert len(report["track_labels"]) > 5  # the record day's formations are labelled too


def test_text_pixels_are_where_the_label_pass_says_a_name_is(tmp_path, qapp):
    image, report = render(tmp_path, "--scene", MEDIAN, "--size", "1920x1080")
    strait = next(n for n in report["names"] if n["text"] == "Taiwan Strait")
    inside = pixels_in(image, strait["corners"])
    ink = sum(near(c, QColor(SEA_BLUE), 45) for c in inside)
    assert ink > 0.04 * len(inside), (ink, len(inside))  # italic sea-blue letters there
    line = next(n for n in report["names"] if n["text"] == "Taiwan Strait median line")
    assert abs(line["angle"]) > 20  # along the diagonal line, turned with it
    dark = sum(c.lightness() < 90 for c in pixels_in(image, line["corners"]))
    assert dark > 100


def test_names_follow_the_naming(tmp_path, qapp):
    _, report = render(tmp_path, "--scene", MEDIAN, "--naming", "zh_TW")
    texts = {n["key"]: n["text"] for n in report["names"]}
    assert texts["median_line"] == "臺灣海峽中線" and texts["taiwan_adiz"] == "臺灣 防空識別區"
    assert texts["place_names:taiwan_strait"] == "臺灣海峽"


# ---------------------------------------------------------------------------- high contrast
def names_and_without(size=(1280, 720), scene=0, theme=HIGH_CONTRAST):
    """The default briefing's scene with and without its names, and the names drawn."""
    session = open_session([BRIEFING])
    session.apply_scene(scene)
    map_scene = MapScene.for_session(session)
    map_scene.theme = theme
    view = session.map_view(*size, scene)
    with_names = map_scene.render_image(view)
    drawn = list(map_scene.labels.drawn)
    map_scene.labels.enabled = False
    return with_names, map_scene.render_image(view), drawn


def name_contrast(with_names: QImage, without: QImage, label) -> float:
    """WCAG contrast of a name against what is behind its letters: among the pixels the name
    changed (its letters and halo), the darkest (ink) against the most common light one."""
    changed = [
        c
        for c, d in zip(
            pixels_in(with_names, label.corners), pixels_in(without, label.corners), strict=True
        )
        if c != d
    ]
    assert changed, label.text
    ink = min(luminance(c) for c in changed)
    light = [c.rgb() for c in changed if luminance(c) > 0.4]
    behind = luminance(QColor.fromRgb(Counter(light).most_common(1)[0][0]))
    return (behind + 0.05) / (ink + 0.05)


@pytest.mark.parametrize("scene", [0, SCENES.index("The median line")])
def test_names_reach_7_to_1_in_high_contrast(qapp, scene):
    with_names, without, drawn = names_and_without(scene=scene)
    assert len(drawn) > 8
    ratios = {d.text: name_contrast(with_names, without, d) for d in drawn}
    assert min(ratios.values()) >= 7.0, ratios
    # why the theme exists: in the normal theme some names (pale layer colours, sea blue on a
    # translucent halo) are readable but not 7:1
    with_names, without, drawn = names_and_without(scene=scene, theme=NORMAL)
    assert min(name_contrast(with_names, without, d) for d in drawn) < 7.0


# ---------------------------------------------------------------------------- the legend
def test_the_legend_lists_the_layers_on_the_map_in_the_naming_with_their_colours(tmp_path, qapp):
    image, report = render(tmp_path, "--scene", "1", "--naming", "ja", "--size", "1920x1080")
    legend = report["legend"]
    assert legend[:4] == [
        "台湾 防空識別圏",
        "日本 防空識別圏（一部）",
        "中国 東シナ海防空識別区",
        "台湾海峡中間線",
    ]
    assert "尖閣諸島" in legend and "地点" in legend and "重複：台湾と中国の防空識別圏" in legend
    assert "地名" not in legend  # the place names are text on the map: nothing to key
    assert "韓国 防空識別区（南部）" not in legend  # not in this scene
    assert legend[-2].startswith("published edge") and legend[-1].startswith("approximate edge")
    x0, y0, x1, y1 = report["legend_box"]
    assert (x1 - x0) < 0.3 * 1920 and (y1 - y0) < 0.4 * 1080  # compact
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    colours = pixels_in(image, corners)
    for layer_colour in ("#0072B2", "#D55E00", "#CC79A7", "#E69F00"):  # each layer's swatch
        assert sum(near(c, QColor(layer_colour), 30) for c in colours) > 10, layer_colour


def test_the_legend_shows_only_what_is_visible(tmp_path, qapp):
    session = open_session([BRIEFING])
    scene = MapScene.for_session(session)
    view = session.map_view(1280, 720, 0)
    ctx = scene.context(view)
    before = [r.layer_id for r in scene.legend.rows(ctx) if r.layer_id]
    session.state.update_layer("median_line", visible=False)
    after = [r.layer_id for r in scene.legend.rows(scene.context(view)) if r.layer_id]
    assert "median_line" in before and after == [i for i in before if i != "median_line"]


# ---------------------------------------------------------------------------- points and tracks
def test_a_point_is_named_by_the_label_pass_only(qapp, state):
    """The points painter draws markers; their names come from the label pass, once: no
    "Irizaki" drawn by the painter under "Yonaguni" any more."""
    for st in state.layers:
        state.update_layer(st.id, visible=st.id in ("landmarks", "place_names"))
    scene = MapScene(state)
    view = scene.view_of_lonlat((122.6, 23.9, 124.0, 24.7), 800, 600)
    scene.render_image(view)
    texts = [d.text for d in scene.labels.drawn]
    assert texts.count("Irizaki") == 1 and texts.count("Yonaguni") == 1
    assert texts.count("Hateruma-jima") == 1
    # Without the names, what the landmarks layer adds to the picture is its markers alone:
    # every pixel it changes lies on one of them.
    scene.labels.enabled = scene.legend.visible = False
    with_points = scene.render_image(view)
    state.update_layer("landmarks", visible=False)
    without = scene.render_image(view)
    layer = state.layer("landmarks")
    x, y = state.projection.forward(layer.features.geometry.x, layer.features.geometry.y)
    sx, sy = view.to_screen(np.asarray(x), np.asarray(y))
    changed = [
        (px, py)
        for px in range(800)
        for py in range(600)
        if with_points.pixel(px, py) != without.pixel(px, py)
    ]
    assert changed  # the markers
    far = [(px, py) for px, py in changed if np.min(np.hypot(sx - px - 0.5, sy - py - 0.5)) > 6.0]
    assert far == []


def one_track_layers(lon: float, lat: float, *more: tuple[float, float]) -> TrackLayers:
    """One aircraft going east through (lon, lat) at T0 + 30 min (two fixes an hour apart),
    and one more through each of ``more``."""
    t0 = pd.Timestamp("2021-10-04T00:00:00Z")
    rows = []
    for i, (x, y) in enumerate([(lon, lat), *more]):
        name = ["ALPHA", "BRAVO", "CHARLIE"][i]
        for k, dx in enumerate((-0.5, 0.5)):
            rows.append((name, t0 + pd.Timedelta(hours=k), x + dx, y, "fighter"))
    frame = pd.DataFrame(rows, columns=["track_id", "time", "lon", "lat", "kind"])
    from viewer.core.projection import Projection

    layers = TrackLayers()
    layers.add(LoadedTracks("t.csv", TrackSet.from_frame(frame, Projection.default()), None))
    return layers


def test_a_tracks_label_dodges_a_name(qapp, state):
    scene = MapScene(state)
    view = scene.view_of_lonlat((120.0, 23.0, 122.0, 25.0), 800, 600)
    t = pd.Timestamp("2021-10-04T00:30:00Z").timestamp()
    painter_ = TrackPainter(one_track_layers(121.0, 24.0), lambda: t, lambda: 600.0)
    image = QImage(800, 600, QImage.Format_RGB32)

    def label_with(avoid):
        qp = QPainter(image)
        painter_.paint(qp, replace(scene.context(view), avoid=avoid))
        qp.end()
        (rect,) = painter_.drawn.labels
        return rect

    free = label_with(())
    (_, _, sx, _) = painter_.drawn.heads[0]
    assert free.left() > sx[0]  # right of the head where nothing is in the way
    name = (free.left(), free.top() - 2, free.right() + 40, free.bottom() + 2)
    dodged = label_with((name,))
    assert not dodged.intersects(QRectF(name[0], name[1], name[2] - name[0], name[3] - name[1]))
    assert dodged.right() < sx[0]  # to the left instead


def test_a_tracks_label_covers_no_other_tracks_icon(qapp, state):
    # BRAVO's head a little right of ALPHA's, where ALPHA's label would go: the label goes
    # elsewhere and no label covers either icon; the labels are drawn over the icons (last).
    scene = MapScene(state)
    view = scene.view_of_lonlat((120.0, 23.0, 122.0, 25.0), 800, 600)
    t = pd.Timestamp("2021-10-04T00:30:00Z").timestamp()
    layers = one_track_layers(121.0, 24.0, (121.12, 24.0))
    painter_ = TrackPainter(layers, lambda: t, lambda: 600.0)
    image = QImage(800, 600, QImage.Format_RGB32)
    qp = QPainter(image)
    painter_.paint(qp, scene.context(view))
    qp.end()
    (_, _, sx, sy) = painter_.drawn.heads[0]
    assert len(sx) == 2 and 20 < abs(sx[1] - sx[0]) < 60  # BRAVO where ALPHA's label would go
    size = painter_.style.head_size * scene.context(view).label_scale
    icons = [
        QRectF(x - size * 0.8, y - size * 0.8, size * 1.6, size * 1.6)
        for x, y in zip(sx, sy, strict=True)
    ]
    assert len(painter_.drawn.labels) == 2
    assert not any(label.intersects(icon) for label in painter_.drawn.labels for icon in icons)


# ---------------------------------------------------------------------------- cost per frame
def test_names_are_placed_once_not_per_replay_frame(qapp, monkeypatch):
    calls = []
    place = LabelPass._place
    monkeypatch.setattr(LabelPass, "_place", lambda self, *a: calls.append(1) or place(self, *a))
    session = open_session([BRIEFING])
    scene = MapScene.for_session(session)
    index = SCENES.index("The median line")
    session.apply_scene(index)
    view = session.map_view(1280, 720, index)
    start = session.timeline.time
    for i in range(12):  # twelve replay frames, a minute apart
        session.timeline.set_time(start + 60.0 * i)
        scene.render_image(view)
    assert len(calls) == 1
    again = QImage(1280, 720, QImage.Format_RGB32)  # the static layers painted again (a window
    qp = QPainter(again)  # repaints them when a pan or an animation settles): the same names
    scene.paint_static(qp, view)
    qp.end()
    assert len(calls) == 1
    session.state.set_naming("ja")  # a look change: placed again, once
    scene.render_image(view)
    scene.render_image(view)
    assert len(calls) == 2


def test_the_window_places_names_once_while_a_replay_plays(qtbot, window, monkeypatch):
    calls = []
    place = LabelPass._place
    monkeypatch.setattr(LabelPass, "_place", lambda self, *a: calls.append(1) or place(self, *a))
    assert window.briefings.open_briefing(default_briefing_path())
    qtbot.waitUntil(
        lambda: not window.track_files._loading and bool(window.session.tracks.items),
        timeout=20_000,
    )
    window.briefings.set_presentation(True)  # the clock and the title shown, on every frame
    canvas = window.canvas
    canvas.repaint()
    before = len(calls)
    start = window.session.timeline.time
    for i in range(10):  # replay frames: the clock moves, the canvas repaints
        window.session.timeline.set_time(start + 120.0 * i)
        canvas.repaint()
    assert len(calls) == before and window.scene.labels.drawn
    window.briefings.set_presentation(False)
