"""Write `trace_example.briefing.json`: the practice picture placed with six control points and
four tracks traced over it — what the README's how-to ends with — and, with ``--screenshot``,
the window showing it (`resources/screenshots/trace-howto.png`).

    .venv/bin/python resources/sample/make_trace_example.py [--screenshot PATH]

The tracks follow the picture's paths (four of the illustrative sample's tracks, simplified to a
vertex every few dozen km, as a teacher would click them), each with the timing a teacher would
give it: start time and speed, or the times the picture states at its ends.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = HERE / "trace_example.briefing.json"
SCREENSHOT = ROOT / "resources" / "screenshots" / "trace-howto.png"
CONTROL = [(118.0, 26.0), (124.0, 25.0), (119.0, 20.0), (123.0, 21.0), (121.0, 23.0), (117.0, 22.0)]


def _picture_module():
    spec = importlib.util.spec_from_file_location(
        "make_trace_picture", HERE / "make_trace_picture.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def traced_scenario():
    import numpy as np
    import pandas as pd
    import shapely

    from viewer.core.tracing import Timing, TracedScenario, TracedTrack, provenance

    frame = pd.read_csv(HERE / "record_day_2021-10-04.csv")
    plan = {  # sample track -> (id, kind, count, label)
        "PLA-D01": ("J-16 ×4", "fighter", 4, "J-16 ×4 (traced, illustrative)"),
        "PLA-B01": ("H-6K ×4", "bomber", 4, "H-6K ×4 (traced, illustrative)"),
        "PLA-Y01": ("Y-8 ASW", "isr", 1, "Y-8 ASW (traced, illustrative)"),
        "PLA-K01": ("KJ-500", "isr", 1, "KJ-500 (traced, illustrative)"),
    }
    tracks = []
    for source_id, (track_id, kind, count, label) in plan.items():
        rows = frame[frame["track_id"] == source_id]
        line = shapely.simplify(shapely.LineString(rows[["lon", "lat"]].to_numpy()), 0.04)
        points = tuple((round(x, 3), round(y, 3)) for x, y in line.coords)
        times = pd.to_datetime(rows["time"], utc=True)
        start = times.iloc[0].to_pydatetime()
        if source_id == "PLA-Y01":  # the picture gives its times at both ends
            timing = Timing.at_vertices({0: start, len(points) - 1: times.iloc[-1].to_pydatetime()})
        else:  # a start time and a typical speed
            timing = Timing.at_speed(start, float(np.round(rows["speed_kt"].median(), -1)))
        tracks.append(TracedTrack(track_id, kind, count, points, timing, label=label))
    return TracedScenario(
        tuple(tracks), source=provenance("trace_me_2021-10-04.png", "2026-11-25"), tz="Asia/Taipei"
    )


def briefing():
    from viewer.core.briefing import Briefing, Scene, TimeRange, ViewSpec, load_briefing
    from viewer.core.counts import ReportedCount
    from viewer.core.georeference import ControlPoint, Underlay

    pic = _picture_module()
    default = load_briefing(HERE / "default.briefing.json")
    points = tuple(ControlPoint(*pic.pixel(lon, lat), lon, lat) for lon, lat in CONTROL)
    day = datetime(2021, 10, 4).date()
    source = "MND, 4 Oct 2021 (first report, as given by Taiwan News)"
    return Briefing(
        title="Tracing practice: 4 Oct 2021 (illustrative)",
        notice="Illustrative: tracks traced from a practice picture, not recorded tracks",
        description="The README's how-to: a picture placed with control points, four tracks "
        "traced over it, and the counts the ministry reported that day.",
        layers=default.layers,
        view=ViewSpec.at_scale(120.6, 23.0, 1150.0, "lcc"),
        time_range=TimeRange(
            datetime(2021, 10, 4, 1, 50, tzinfo=UTC), datetime(2021, 10, 4, 6, 0, tzinfo=UTC)
        ),
        speed=120.0,
        trail_seconds=1800.0,
        scenes=(Scene("Traced over the picture", time=datetime(2021, 10, 4, 3, 0, tzinfo=UTC)),),
        underlay=Underlay("trace_me_2021-10-04.png", points, opacity=0.55),
        traced=traced_scenario(),
        reported_counts=(
            ReportedCount(day, "fighter", 36, source),
            ReportedCount(day, "bomber", 12, source),
            ReportedCount(day, "isr", 4, source),
        ),
    )


def screenshot(briefing_path: Path, out: Path) -> Path:
    import tempfile

    from PySide6.QtCore import QTimer

    # a fresh user: no window layout or settings from earlier runs
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="adiz-screenshot-")

    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    app = make_application()
    w = MainWindow(Session(MapState(load_catalog())))
    w.resize(1600, 950)
    w.show()
    w.briefings.open_briefing(briefing_path)
    authoring = w.authoring
    authoring.georef_dock.show()
    authoring.traced_dock.show()
    w.tabifyDockWidget(authoring.georef_dock, authoring.traced_dock)
    authoring.georef_dock.raise_()
    for _ in range(20):
        app.processEvents()
    w.canvas.zoom_to_lonlat((116.6, 19.6, 124.6, 26.6))  # the picture's frame, filling the map
    w.session.timeline.set_time(datetime(2021, 10, 4, 3, 0, tzinfo=UTC).timestamp())
    QTimer.singleShot(500, app.quit)
    app.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not w.grab().save(str(out)):
        raise OSError(f"cannot write {out}")
    return out


def main() -> int:
    from viewer.core.briefing import save_briefing

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--screenshot", type=Path, nargs="?", const=SCREENSHOT)
    args = parser.parse_args()
    print(save_briefing(briefing(), args.out, backup=False))
    if args.screenshot:
        print(screenshot(args.out, args.screenshot))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
