"""Authoring in the window: place a picture with control points clicked on the picture and on the
map, trace a track over it, edit and undo, save and reopen, reported counts in the chart."""

from __future__ import annotations

import importlib.util
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from viewer.core.counts import ReportedCount
from viewer.core.tracing import (
    SPEED,
    TRACED_PATH,
    VERTICES,
    Timing,
    TracedTrack,
    TracingError,
    vertex_times,
)
from viewer.qt.traced_panel import TrackDialog

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
_spec = importlib.util.spec_from_file_location(
    "make_trace_picture", SAMPLE / "make_trace_picture.py"
)
pic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pic)  # type: ignore[union-attr]
PICTURE = SAMPLE / "trace_me_2021-10-04.png"
# Graticule crossings on the picture: easy to click on both the picture and the map. Spread
# unevenly: with a symmetric layout (a rectangle's corners) one wrong corner cannot be told from
# another, whatever the method — the affine fit absorbs it the same way.
CONTROL = [(118.0, 26.0), (124.0, 25.0), (119.0, 20.0), (123.0, 21.0), (121.0, 23.0), (117.0, 22.0)]
T0 = datetime(2021, 10, 4, 2, 0, tzinfo=UTC)


def _at(window, lon, lat) -> QPoint:
    sx, sy = window.canvas.screen_of(lon, lat)
    return QPoint(round(sx), round(sy))


class AutoDialog(TrackDialog):
    """The real dialog, accepted at once with fields set by the test (no modal loop)."""

    fields: ClassVar[dict] = {}

    def exec(self) -> int:
        f = self.fields
        if "id" in f:
            self.id_edit.setText(f["id"])
        if "kind" in f:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(f["kind"]))
        if "count" in f:
            self.count_spin.setValue(f["count"])
        if "speed" in f:
            self.speed_spin.setValue(f["speed"])
        self.accept()
        return self.result()


def place_picture(qtbot, w) -> None:
    assert w.authoring.add_picture(str(PICTURE))
    gp = w.authoring.georef_panel
    gp.resize(420, 700)
    w.authoring.georef_dock.show()
    qtbot.waitExposed(gp.view)
    for lon, lat in CONTROL:
        px, py = pic.pixel(lon, lat)
        qtbot.keyClick(gp, Qt.Key_P)  # Add point
        assert gp.picking == "picture"
        at = gp.view.to_widget(px, py)
        qtbot.mouseClick(gp.view, Qt.LeftButton, pos=QPoint(round(at.x()), round(at.y())))
        assert gp.picking == "map"
        qtbot.mouseClick(w.canvas, Qt.LeftButton, pos=_at(w, lon, lat))
        assert gp.picking is None


def test_picture_placed_by_clicks_lands_where_it_belongs(qtbot, window) -> None:
    w = window
    place_picture(qtbot, w)
    u = w.session.briefing.underlay
    assert len(u.points) == 6 and Path(u.path) == PICTURE.absolute()
    fit = u.fit()
    # Clicks are whole screen pixels on both sides: the fit is good to a few picture pixels.
    assert fit.rms_px < 4.0 and fit.rms_km < 4.0
    lon, lat = fit.pixel_to_lonlat(*pic.pixel(122.0, 24.0))
    assert (float(lon), float(lat)) == pytest.approx((122.0, 24.0), abs=0.05)
    assert w.scene.underlay is not None
    assert "RMS error" in w.authoring.georef_panel.fit_label.text()
    # The picture's legend box (white, upper right, ~123-125°E 25.3-26.2°N) is drawn there on
    # the map: a mostly white patch where the map has open sea (the map's names and legend left
    # out: on this narrow map the legend reaches that spot).
    w.scene.labels.enabled = w.scene.legend.visible = False
    w.authoring.georef_panel.opacity.setValue(100)
    image = w.scene.render_image(w.canvas.view)
    sx, sy = w.canvas.screen_of(124.3, 25.5)
    colour = QColor(image.pixel(round(sx), round(sy)))
    assert colour.red() > 235 and colour.green() > 235 and colour.blue() > 235
    w.authoring.georef_panel.opacity.setValue(0)
    image = w.scene.render_image(w.canvas.view)
    sea = QColor(image.pixel(round(sx), round(sy)))
    assert sea.blue() > sea.red() + 10  # the basemap's sea again


def test_a_bad_point_is_flagged_and_can_be_turned_off(qtbot, window) -> None:
    w = window
    place_picture(qtbot, w)
    gp = w.authoring.georef_panel
    item = gp.table.item(1, 4)  # point 2's longitude, typed 0.4° wrong
    item.setText(f"{CONTROL[1][0] + 0.4:.5f}")
    fit = w.session.briefing.underlay.fit()
    assert fit.worst_point() == 1
    assert "largest residual: point 2" in gp.fit_label.text()
    gp.table.item(1, 1).setCheckState(Qt.Unchecked)
    fit = w.session.briefing.underlay.fit()
    assert not w.session.briefing.underlay.points[1].enabled and fit.rms_km < 4.0
    w.briefings.undo()
    w.briefings.undo()
    assert w.session.briefing.underlay.points[1].lon == pytest.approx(CONTROL[1][0], abs=0.05)


def test_trace_a_track_edit_it_undo_redo(qtbot, window) -> None:
    w, c = window, window.canvas
    AutoDialog.fields = {"id": "J-16 A", "kind": "fighter", "count": 4, "speed": 430.0}
    w.authoring.track_dialog_class = AutoDialog
    w.authoring.trace_act.setChecked(True)
    path = [(117.2, 23.0), (119.2, 22.4), (120.0, 21.7), (119.0, 21.6)]
    for lon, lat in path:
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, *path[-1]))  # a double-click's jitter: ignored
    qtbot.keyClick(c, Qt.Key_Return)
    sc = w.session.briefing.traced
    assert [t.id for t in sc.tracks] == ["J-16 A"]
    track = sc.tracks[0]
    assert len(track.points) == 4 and track.count == 4 and track.timing.speed_kt == 430.0
    assert np.allclose(track.points, path, atol=0.02)
    # It replays: a "Traced tracks" entry with 4 fixes, counted as 4 aircraft.
    item = next(i for i in w.session.tracks.items if i.path == TRACED_PATH)
    assert item.trackset.n_fixes == 4 and int(item.trackset.counts[0]) == 4
    assert item.trackset.display_name(0) == "J-16 A ×4 (traced, illustrative)"  # on the map
    assert w.authoring.traced_panel.table.rowCount() == 1
    # Edit: drag vertex 2, Ctrl+click a leg to insert, right-click to delete.
    w.authoring.edit_track_vertices("J-16 A")
    qtbot.mousePress(c, Qt.LeftButton, pos=_at(w, *path[1]))
    qtbot.mouseMove(c, _at(w, 119.5, 23.0))
    qtbot.mouseRelease(c, Qt.LeftButton, pos=_at(w, 119.5, 23.0))
    moved = w.session.briefing.traced.tracks[0]
    assert moved.points[1] == pytest.approx((119.5, 23.0), abs=0.02)
    mid = (
        (moved.points[2][0] + moved.points[3][0]) / 2,
        (moved.points[2][1] + moved.points[3][1]) / 2,
    )
    qtbot.mouseClick(c, Qt.LeftButton, Qt.ControlModifier, pos=_at(w, *mid))
    assert len(w.session.briefing.traced.tracks[0].points) == 5
    qtbot.mouseClick(c, Qt.RightButton, pos=_at(w, *mid))
    assert len(w.session.briefing.traced.tracks[0].points) == 4
    # Undo walks back through every edit, redo forward again.
    w.briefings.undo()
    assert len(w.session.briefing.traced.tracks[0].points) == 5
    w.briefings.undo()
    w.briefings.undo()
    assert w.session.briefing.traced.tracks[0].points[1] == pytest.approx(path[1], abs=0.02)
    w.briefings.undo()
    assert w.session.briefing.traced is None  # as before the first track
    assert all(i.path != TRACED_PATH for i in w.session.tracks.items)
    w.briefings.redo()
    assert len(w.session.briefing.traced.tracks) == 1
    # Duplicate (a second formation 12 minutes later), then delete it.
    w.authoring.duplicate_track("J-16 A", minutes=12)
    a, b = w.session.briefing.traced.tracks
    assert b.id == "J-16 A-2"
    assert np.allclose(vertex_times(b) - vertex_times(a), 720.0)
    w.authoring.delete_track(b.id)
    assert [t.id for t in w.session.briefing.traced.tracks] == ["J-16 A"]


def test_escape_and_backspace_while_tracing(qtbot, window) -> None:
    w, c = window, window.canvas
    w.authoring.track_dialog_class = AutoDialog
    AutoDialog.fields = {}
    w.authoring.trace_act.setChecked(True)
    for lon, lat in ((118.0, 22.0), (119.0, 22.0), (120.0, 22.0)):
        qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(c, Qt.Key_Backspace)
    assert len(w.authoring.trace_tool.points) == 2
    qtbot.keyClick(c, Qt.Key_Escape)  # drops the path being drawn
    assert w.authoring.trace_tool.points == [] and w.authoring.trace_tool.mode == "draw"
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 118.0, 22.0))
    qtbot.keyClick(c, Qt.Key_Return)  # one vertex: not a track
    assert w.session.briefing is None or w.session.briefing.traced is None
    qtbot.keyClick(c, Qt.Key_Escape)
    qtbot.keyClick(c, Qt.Key_Escape)  # stops the tool
    assert w.authoring.trace_tool.mode is None


def test_track_dialog_timing_models(qtbot) -> None:
    base = TracedTrack(
        "Y-8", "isr", 1, ((119.0, 22.0), (120.0, 21.5), (121.0, 21.5)), Timing.at_speed(T0, 280.0)
    )
    d = TrackDialog(base, "Asia/Taipei", {"Y-8", "H-6"})
    qtbot.addWidget(d)
    assert d.build() == base  # the fields show the track as it is
    d.mode_combo.setCurrentIndex(d.mode_combo.findData(VERTICES))
    d.vertex_table.item(0, 1).setText("10:00")  # Taipei time = 02:00 UTC
    d.vertex_table.item(2, 1).setText("2021-10-04 11:00")
    t = d.build()
    assert t.timing.mode == VERTICES
    times = vertex_times(t)
    assert times[0] == T0.timestamp() and times[2] == (T0 + timedelta(hours=1)).timestamp()
    d.vertex_table.item(2, 1).setText("09:00")  # before the first: refused, dialog stays open
    d.accept()
    assert "is not after" in d.error_label.text() and d.result() == 0
    d.vertex_table.item(2, 1).setText("half past ten")
    with pytest.raises(TracingError, match="is not a time"):
        d.build()
    d.id_edit.setText("H-6")
    d.mode_combo.setCurrentIndex(d.mode_combo.findData(SPEED))
    with pytest.raises(TracingError, match="another traced track"):
        d.build()


def test_saved_briefing_keeps_picture_tracks_and_counts(qtbot, window, tmp_path) -> None:
    w = window
    place_picture(qtbot, w)
    AutoDialog.fields = {"id": "H-6K", "kind": "bomber", "count": 4, "speed": 380.0}
    w.authoring.track_dialog_class = AutoDialog
    w.authoring.trace_act.setChecked(True)
    for lon, lat in ((117.0, 22.3), (121.0, 21.4), (122.3, 22.1)):
        qtbot.mouseClick(w.canvas, Qt.LeftButton, pos=_at(w, lon, lat))
    qtbot.keyClick(w.canvas, Qt.Key_Return)
    w.authoring.trace_act.setChecked(False)
    day = w.session.briefing.traced.tracks[0].timing.start.astimezone().date()
    w.authoring.set_reported_counts([ReportedCount(day, "bomber", 4, "MND (illustrative)")])
    assert w.zone_events.counts_panel.bars.reported is not None
    assert w.zone_events.counts_panel.bars.reported.sum().sum() == 4
    folder = tmp_path / "class"
    folder.mkdir()
    assert w.briefings.save_briefing_as(str(folder / "lesson.briefing.json"))
    doc = json.loads((folder / "lesson.briefing.json").read_text(encoding="utf-8"))
    stored = Path(doc["underlay"]["path"])  # relative to the briefing, so the folder can move
    assert not stored.is_absolute() and (folder / stored).resolve() == PICTURE.resolve()
    assert doc["traced"]["tracks"][0]["id"] == "H-6K"
    assert all("Traced" not in f["path"] for f in doc["files"])
    csv = w.authoring.save_traced_as(str(folder / "traced.csv"))
    assert "illustrative" in csv.read_text(encoding="utf-8")
    # A new window opens it all again.
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow

    other = MainWindow(Session(w.state))
    qtbot.addWidget(other)
    assert other.briefings.open_briefing(folder / "lesson.briefing.json")
    assert other.session.briefing.traced == w.session.briefing.traced
    assert other.scene.underlay is not None and len(other.session.briefing.underlay.points) == 6
    assert any(i.path == TRACED_PATH for i in other.session.tracks.items)
    assert other.session.briefing.reported_counts == w.session.briefing.reported_counts
    # and the traced CSV opens for editing in it, next to the track already there
    assert other.authoring.open_traced_for_editing(str(csv))
    assert [t.id for t in other.session.briefing.traced.tracks] == ["H-6K", "H-6K-2"]


def test_unreadable_picture_gives_a_message(window, tmp_path) -> None:
    bad = tmp_path / "map.png"
    bad.write_bytes(b"not a picture")
    assert not window.authoring.add_picture(str(bad))
    assert "map.png" in window.last_error and "not a picture" in window.last_error
    assert window.session.briefing is None or window.session.briefing.underlay is None


def test_picture_follows_a_projection_change(qtbot, window) -> None:
    w = window
    place_picture(qtbot, w)
    w.authoring.georef_panel.opacity.setValue(100)
    for name in ("webmercator", "equirectangular", "lcc"):
        assert w.map.set_projection(name)
        view = w.scene.view_of_lonlat((118.0, 20.0, 125.0, 26.5), 1000, 800)
        image = w.scene.render_image(view)
        x, y = w.state.projection.forward(np.array([124.3]), np.array([25.5]))
        sx, sy = view.to_screen(x, y)
        colour = QColor(image.pixel(round(float(sx[0])), round(float(sy[0]))))
        assert min(colour.red(), colour.green(), colour.blue()) > 235, name  # the legend box
        x, y = w.state.projection.forward(np.array([119.7]), np.array([21.6]))
        sx, sy = view.to_screen(x, y)  # on the picture's red/purple/orange paths near there
        found = _has_path_colour(image, float(sx[0]), float(sy[0]))
        assert found, name


def _has_path_colour(image, sx: float, sy: float, radius: int = 12) -> bool:
    """A strongly coloured (path) pixel near (sx, sy): the picture is drawn there."""
    for dx in range(-radius, radius + 1, 2):
        for dy in range(-radius, radius + 1, 2):
            c = QColor(image.pixel(round(sx) + dx, round(sy) + dy))
            if max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 120:
                return True
    return False


def test_the_shipped_trace_example_is_what_its_script_writes_and_renders(tmp_path) -> None:
    """resources/sample/trace_example.briefing.json (the README's how-to, done) is up to date
    with make_trace_example.py, and renders headless with its picture and traced tracks."""
    from viewer.cli.headless import open_session
    from viewer.core.briefing import dumps, load_briefing
    from viewer.render.map_scene import MapScene

    spec = importlib.util.spec_from_file_location(
        "make_trace_example", SAMPLE / "make_trace_example.py"
    )
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)  # type: ignore[union-attr]
    shipped = SAMPLE / "trace_example.briefing.json"
    assert shipped.read_text(encoding="utf-8") == dumps(example.briefing())
    b = load_briefing(shipped)
    assert "illustrative" in b.traced.source and b.underlay.fit().rms_px < 1e-6
    session = open_session([str(shipped)])
    scene = MapScene.for_session(session)
    assert scene.underlay is not None
    traced = next(i for i in session.tracks.items if i.path == TRACED_PATH)
    assert traced.trackset.traced and traced.trackset.n_tracks == 4
    view = session.map_view(1000, 700)
    image = scene.render_image(view)
    x, y = session.state.projection.forward(np.array([124.3]), np.array([25.5]))
    sx, sy = view.to_screen(x, y)
    colour = QColor(image.pixel(round(float(sx[0])), round(float(sy[0]))))
    assert min(colour.red(), colour.green(), colour.blue()) > 200  # the picture's legend box


def test_double_click_ends_a_track_and_world_file_is_written(qtbot, window, tmp_path) -> None:
    import shutil

    w, c = window, window.canvas
    picture = tmp_path / "practice.png"
    shutil.copy(PICTURE, picture)
    assert w.authoring.add_picture(str(picture))
    from dataclasses import replace

    from viewer.core.georeference import ControlPoint

    points = tuple(ControlPoint(*pic.pixel(lon, lat), lon, lat) for lon, lat in CONTROL)
    w.authoring.georef_panel.edited.emit(replace(w.session.briefing.underlay, points=points))
    written = w.authoring.export_world_file()
    assert [p.name for p in written] == ["practice.pgw", "practice.png.aux.xml"]
    lines = (tmp_path / "practice.pgw").read_text().split()
    assert float(lines[0]) == pytest.approx(1 / pic.PX_PER_DEG)  # degrees per pixel east
    AutoDialog.fields = {"id": "KJ-500", "kind": "isr"}
    w.authoring.track_dialog_class = AutoDialog
    w.authoring.trace_act.setChecked(True)
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 118.0, 23.0))
    qtbot.mouseClick(c, Qt.LeftButton, pos=_at(w, 119.5, 22.0))
    qtbot.mouseDClick(c, Qt.LeftButton, pos=_at(w, 119.5, 22.0))
    assert [len(t.points) for t in w.session.briefing.traced.tracks] == [2]
    assert w.session.briefing.traced.source.startswith("traced from practice.png on ")


def test_reported_counts_dialog_imports_and_checks_rows(qtbot, tmp_path) -> None:
    from viewer.qt.reported_counts_dialog import ReportedCountsDialog

    d = ReportedCountsDialog((), datetime(2021, 10, 4).date())
    qtbot.addWidget(d)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,count\n2021-10-04,J-16,many\n", encoding="utf-8")
    assert not d.import_file(str(bad))
    assert "line 2" in d.message.text() and d.table.rowCount() == 0
    good = tmp_path / "good.csv"
    good.write_text("date,kind,count,source\n2021-10-04,J-16,34,MND\n", encoding="utf-8")
    assert d.import_file(str(good)) and d.table.rowCount() == 1
    d.add_row(None)  # a typed row, left without a count: OK refuses, naming the row
    d.accept()
    assert "Row 2" in d.message.text() and d.result() == 0
    d.table.item(1, 2).setText("2")
    d.accept()
    assert [(c.kind, c.count, c.source) for c in d.result_counts] == [
        ("fighter", 34, "MND"),
        ("fighter", 2, ""),
    ]


def test_a_moved_picture_is_reported_and_the_rest_opens(qtbot, window, tmp_path) -> None:
    from viewer.core.briefing import load_briefing, save_briefing

    b = load_briefing(SAMPLE / "trace_example.briefing.json")
    from dataclasses import replace

    path = save_briefing(
        replace(b, underlay=replace(b.underlay, path="gone/picture.png")),
        tmp_path / "moved.briefing.json",
    )
    assert window.briefings.open_briefing(path)
    assert "picture.png" in window.last_error
    assert window.scene.underlay is None
    assert any(
        i.path == TRACED_PATH for i in window.session.tracks.items
    )  # the tracks still replay


@pytest.mark.parametrize("metres_per_pixel", [3000.0, 1150.0, 60.0])
def test_the_warped_picture_is_within_a_pixel_of_the_projection(metres_per_pixel) -> None:
    """Random picture points, mapped through their cell's projective transform (what Qt draws),
    land within a pixel of where the fit and the map projection put them."""
    from dataclasses import replace

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPolygonF, QTransform

    from viewer.core.briefing import load_briefing
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.render.map_scene import MapScene
    from viewer.render.underlay_painter import UnderlayPainter, load_picture

    b = load_briefing(SAMPLE / "trace_example.briefing.json")
    scene = MapScene(MapState(load_catalog()))
    view = replace(b.view.to_map_view(1920, 1080, scene.state.projection), scale=metres_per_pixel)
    ctx = scene.context(view)
    painter = UnderlayPainter(b.underlay, load_picture(PICTURE))
    gx, gy, sx, sy = painter.mesh(ctx)
    rng = np.random.default_rng(7)
    worst = 0.0
    for px, py in rng.uniform([0, 0], [gx[0, -1], gy[-1, 0]], size=(300, 2)):
        j = min(int(np.searchsorted(gx[0], px, side="right")) - 1, gx.shape[1] - 2)
        i = min(int(np.searchsorted(gy[:, 0], py, side="right")) - 1, gy.shape[0] - 2)
        src = QPolygonF(
            [
                QPointF(gx[i, j], gy[i, j]),
                QPointF(gx[i, j + 1], gy[i, j + 1]),
                QPointF(gx[i + 1, j + 1], gy[i + 1, j + 1]),
                QPointF(gx[i + 1, j], gy[i + 1, j]),
            ]
        )
        dst = QPolygonF(
            [
                QPointF(sx[i, j], sy[i, j]),
                QPointF(sx[i, j + 1], sy[i, j + 1]),
                QPointF(sx[i + 1, j + 1], sy[i + 1, j + 1]),
                QPointF(sx[i + 1, j], sy[i + 1, j]),
            ]
        )
        t = QTransform()
        assert QTransform.quadToQuad(src, dst, t)
        drawn = t.map(QPointF(px, py))
        tx, ty = painter._screen(ctx, np.array([px]), np.array([py]))
        worst = max(worst, float(np.hypot(drawn.x() - tx[0], drawn.y() - ty[0])))
    assert worst < 1.0, (painter.cells, worst)
