"""The live window under load: 5,000 SBS messages a second from 2,000 aircraft, the real main
window connected to them (File > Connect to feed, as a user does), its map 1920x1080.

    .venv/bin/python benchmarks/bench_live_window.py [--seconds 40] [--rate 5000]
    xvfb-run -a -s "-screen 0 2400x1500x24" .venv/bin/python benchmarks/bench_live_window.py \
        --screenshot live-window.png        # the real window in an X server, and a picture of it

A sender *process* plays the synthetic feed of `bench_live.py` (2,000 aircraft on straight legs
over 116-127°E x 19-30°N; half the lines MSG,3 positions: each aircraft every 0.8 s) to
127.0.0.1 at the rate asked. This process is the app: feed thread, pump thread, window.

Reported, once the store holds the first ``--warmup`` seconds:
- frame: the map's paint time (MapCanvas.paintEvent, start to end) of the frames that showed
  new messages — median and 95th percentile;
- message to pixel: from the moment a message's bytes came off the socket to the end of the
  first frame that showed it (weighted by messages) — median and 95th percentile;
- the baseline in the same run: the same picture with every trail redrawn each frame (what the
  replay of a file does; the live edge draws only the new pieces), as a ratio.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_live import N_AIRCRAFT, free_port, sbs_messages, sender

FRAME_GOAL_MS = 16.0
LATENCY_GOAL_S = 0.2


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(q * (len(ordered) - 1)), len(ordered) - 1)] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--warmup", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=5000.0)
    parser.add_argument("--screenshot", default=None, metavar="PNG")
    parser.add_argument("--progress", action="store_true", help="a line a second while it runs")
    args = parser.parse_args()

    import tempfile

    from PySide6.QtCore import QTimer

    from viewer.core.catalog import load_catalog
    from viewer.core.live_tracks import LIVE_PATH
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    n = int(args.seconds * args.rate)
    messages = sbs_messages(n, args.rate)
    print(
        f"sbs: {n:,} messages from {N_AIRCRAFT:,} aircraft at {args.rate:,.0f}/s, window 1920x1080"
    )
    app = make_application()
    tmp = tempfile.TemporaryDirectory()
    os.environ["XDG_CONFIG_HOME"] = tmp.name  # the user's settings are not touched
    window = MainWindow(Session(MapState(load_catalog())))
    window.live.settings.record_dir = Path(tmp.name) / "recordings"
    window.canvas.setFixedSize(1920, 1080)
    window.show()
    app.processEvents()
    window.canvas.zoom_to_lonlat((116.0, 19.0, 127.0, 30.0))
    port = free_port()
    ready = mp.get_context("fork").Event()
    proc = mp.get_context("fork").Process(
        target=sender, args=(port, messages, args.rate, ready), daemon=True
    )
    proc.start()
    ready.wait(10)
    assert window.live.connect_feed(f"sbs://127.0.0.1:{port}?tz=UTC&name=bench")
    live = window.live
    state = {"measuring": False, "cpu0": 0.0, "wall0": 0.0, "frames0": 0}

    def tick() -> None:
        hub = live.hub
        assert hub is not None
        if (
            not state["measuring"]
            and live.frames
            and hub.store.n_fixes >= args.warmup * args.rate / 2
        ):
            state.update(measuring=True, cpu0=cpu(), wall0=time.monotonic(), frames0=live.frames)
            live.frame_ms.clear()
            live.latency.clear()
        if args.progress and time.monotonic() - state.get("said", 0.0) >= 1.0:
            state["said"] = time.monotonic()
            print(
                f"  {time.monotonic() - started:5.1f} s: {hub.store.n_fixes:,} fixes, "
                f"{live.frames:,} frames, {len(live.frame_ms):,} paints, CPU {cpu():.1f} s",
                flush=True,
            )
        if not proc.is_alive():
            app.quit()

    started = time.monotonic()
    timer = QTimer(interval=200)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int((args.seconds + 30) * 1000), app.quit)  # never hangs
    app.exec()
    wall = time.monotonic() - state["wall0"]
    used = cpu() - state["cpu0"]
    hub = live.hub
    assert hub is not None
    status = hub.status()[0]
    frames = list(live.frame_ms)
    item = next(i for i in window.session.tracks.items if i.path == LIVE_PATH)
    print(
        f"received {status.messages:,} messages, {hub.store.n_fixes:,} fixes of "
        f"{hub.store.n_tracks:,} aircraft, {hub.alert_count:,} zone alerts, shed "
        f"{status.shed + hub.shed_by_hub}; {live.frames - state['frames0']:,} frames from the "
        f"pump in {wall:.1f} s; process CPU {used / wall:.2f} s per s "
        f"(machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})"
    )
    print(
        f"frame (paint of the 1920x1080 map with new messages): median "
        f"{statistics.median(frames):.1f} ms, p95 {percentile(frames, 0.95):.1f} ms over "
        f"{len(frames):,} frames; {item.trackset.n_tracks:,} aircraft shown "
        f"(goal: median <= {FRAME_GOAL_MS:.0f} ms)"
    )
    print(
        f"message to pixel: median {live.latency.median() * 1000:.0f} ms, p95 "
        f"{live.latency.quantile(0.95) * 1000:.0f} ms over {live.latency.messages:,} messages "
        f"(goal: median <= {LATENCY_GOAL_S * 1000:.0f} ms)"
    )
    # the baseline, same run, same picture: every trail drawn anew each frame
    layer_ms, redraw_ms = baseline(window)
    print(
        f"same picture, every trail redrawn each frame: median {statistics.median(redraw_ms):.1f} "
        f"ms vs {statistics.median(layer_ms):.1f} ms growing the live trail layer "
        f"({statistics.median(redraw_ms) / statistics.median(layer_ms):.1f}x)"
    )
    if args.screenshot:
        window.canvas.setMinimumSize(320, 240)
        window.canvas.setMaximumSize(16777215, 16777215)
        window.grab().save(args.screenshot)
        print(f"wrote {args.screenshot}")
    window.live.shutdown()
    proc.join(10)
    return 0


def baseline(window, frames: int = 15) -> tuple[list[float], list[float]]:
    """The tracks painted (into a copy of the map's static picture) the live edge's way — heads
    and the new trail pieces — and the replay's way — heads and every trail from the trail
    window — at the same moment, view and trail: ms per frame, each."""
    from PySide6.QtGui import QPainter

    from viewer.core.live_tracks import LiveLook
    from viewer.core.track_layers import LoadedTracks, TrackLayers
    from viewer.render.track_painter import TrackPainter

    scene, view = window.scene, window.canvas.view
    live = window.session.live
    static = scene.static_image(view)
    ctx = scene.context(view)
    painter = scene.tracks
    assert painter is not None and live.window is not None
    window.session.live.go_live()
    win = live.window
    limit = win.limit
    redraw_look = LiveLook(limit * 5, limit, None, False, None)
    layers = TrackLayers()
    layers.add(LoadedTracks(Path("trail window"), win.trackset, None))
    t = window.session.timeline.time
    trail = window.session.timeline.trail
    redraw = TrackPainter(layers, lambda: t, lambda: trail,
                          look=lambda ts: redraw_look if ts is win.trackset else None)  # fmt: skip

    def paint(p) -> float:
        image = static.copy()
        qp = QPainter(image)
        qp.setRenderHint(QPainter.Antialiasing, True)
        s = time.perf_counter()
        p.paint(qp, ctx)
        ms = (time.perf_counter() - s) * 1000
        qp.end()
        return ms

    paint(painter)  # the layer for this view
    layer_ms, redraw_ms = [], []
    for _ in range(frames):
        painter.live_trails.t_drawn -= 0.2  # a new frame: the last 0.2 s drawn again
        layer_ms.append(paint(painter))
        redraw_ms.append(paint(redraw))
    return layer_ms, redraw_ms


if __name__ == "__main__":
    raise SystemExit(main())
