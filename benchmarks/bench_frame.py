"""Replay frame time at 1920x1080: slice + paint of the whole map, with every bundled layer.

    .venv/bin/python benchmarks/bench_frame.py [--frames 120]

Data: ../shared/peer/make_data.py (100,000 and 1,000,000 fixes), 1 h trails, the same view as
the QGIS peer script (Web Mercator, 116-126°E x 19-29°N). A frame is what the canvas does on
every playback tick: blit the cached static layers, slice every track at the new time, draw
trails, heads, labels and overlays. Playback frames advance 60 s of map time per frame; scrub
frames jump to random times. Goals (issue 5): median frame <= 16 ms at 100k fixes and <= 33 ms
at 1M; scrubbing <= 16 ms. QGIS 3.22 on the same replays: ~340 ms and ~3.7 s a frame
(DEVELOPERS.md); when python3-qgis is installed the peer script is run here too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PEER = Path(__file__).resolve().parents[2] / "shared" / "peer"
QGIS_FIGURES = {100_000: 340.0, 1_000_000: 3700.0}  # ms, DEVELOPERS.md


def run_peer(csv: Path, frames: int) -> float | None:
    probe = subprocess.run(["/usr/bin/python3", "-c", "import qgis.core"], capture_output=True)
    if probe.returncode != 0:
        return None
    out = subprocess.run(
        ["/usr/bin/python3", str(PEER / "qgis_frames.py"), str(csv), str(frames)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for part in out.stdout.split():
        if part.startswith("frame_ms_median="):
            return float(part.split("=")[1])
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    args = parser.parse_args()
    import numpy as np
    import pandas as pd

    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.projection import Projection
    from viewer.core.track_layers import LoadedTracks, TrackLayers
    from viewer.io.registry import load_trackset
    from viewer.qt.main_window import make_application
    from viewer.qt.map_canvas import MapCanvas
    from viewer.render.map_scene import MapScene
    from viewer.render.track_painter import TrackPainter

    app = make_application()
    state = MapState(load_catalog(), Projection.from_user_input("webmercator"))
    scene = MapScene(state)
    canvas = MapCanvas(scene)
    canvas.resize(1920, 1080)
    canvas.show()
    app.processEvents()
    canvas.zoom_to_lonlat((116.0, 19.0, 126.0, 29.0))
    canvas.repaint()
    base = pd.Timestamp("2021-10-04T00:00:00Z").timestamp()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n_tracks in (1000, 10000):
            csv = Path(tmp) / f"f{n_tracks}.csv"
            subprocess.run(
                [sys.executable, str(PEER / "make_data.py"), str(n_tracks), "100", str(csv)],
                check=True,
                capture_output=True,
            )
            ts, _ = load_trackset(csv, state.projection)
            layers = TrackLayers()
            layers.add(LoadedTracks(csv, ts, None))
            clock = {"t": base + 3600.0}
            painter = TrackPainter(layers, lambda c=clock: c["t"], lambda: 3600.0)
            scene.dynamic[:] = [painter]
            canvas.repaint()

            def frame(t, c=clock):
                c["t"] = t
                s = time.perf_counter()
                canvas.repaint()
                return (time.perf_counter() - s) * 1000

            play = [frame(base + 3600.0 + 60.0 * i) for i in range(args.frames)]
            rng = np.random.default_rng(7)
            scrub = [frame(float(t)) for t in base + rng.uniform(0, 86400, args.frames)]
            peer = run_peer(csv, 24)
            rows.append((ts.n_fixes, play, scrub, peer))
    print(
        f"{'fixes':>10s} {'play median':>12s} {'p95':>7s} {'scrub median':>13s} "
        f"{'goal':>6s} {'QGIS ms':>8s} {'QGIS/ours':>9s}"
    )
    for n, play, scrub, peer in rows:
        med = statistics.median(play)
        p95 = sorted(play)[int(0.95 * (len(play) - 1))]
        goal = 16.0 if n <= 100_000 else 33.0
        qgis = peer if peer is not None else QGIS_FIGURES[n]
        src = "" if peer is not None else "*"
        print(
            f"{n:>10,d} {med:10.1f}ms {p95:6.1f} {statistics.median(scrub):11.1f}ms "
            f"{goal:5.0f}{'✓' if med <= goal else '✗'} {qgis:7.0f}{src} {qgis / med:8.0f}x"
        )
    print("* QGIS not installed here: DEVELOPERS.md's figure for QGIS 3.22 on the same data")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
