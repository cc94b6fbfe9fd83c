"""Soak: a looped replay with periodic scrubbing for N minutes; memory and frame time over time.

    .venv/bin/python benchmarks/soak_replay.py [--minutes 10] [--fixes 100000]

Runs the real window (offscreen) with the peer data, playing at "1 s = 10 min" in a loop and
scrubbing to a random time every 5 s; samples the process's resident memory (RSS) and the median
frame time each 30 s. Pass: RSS after the first minute grows by less than 5 % and frames do not
slow down (last median within 20 % of the first).
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
PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "make_data.py"


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--fixes", type=int, default=100_000)
    args = parser.parse_args()
    import numpy as np
    from PySide6.QtCore import QTimer

    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    tmp = tempfile.mkdtemp()
    csv = Path(tmp) / "f.csv"
    subprocess.run(
        [sys.executable, str(PEER), str(max(1, args.fixes // 100)), "100", str(csv)],
        check=True,
        capture_output=True,
    )
    os.environ["XDG_CONFIG_HOME"] = tmp
    app = make_application()
    window = MainWindow(Session(MapState(load_catalog())))
    window.resize(1920, 1080)
    window.show()
    window.open_files([str(csv)])
    frame_ms: list[float] = []
    samples: list[tuple[float, float, float]] = []
    orig = window.canvas.paintEvent

    def timed_paint(event):
        t = time.perf_counter()
        orig(event)
        frame_ms.append((time.perf_counter() - t) * 1000)

    window.canvas.paintEvent = timed_paint
    rng = np.random.default_rng(3)
    start = time.monotonic()

    def start_play():
        if not window.session.tracks.items:
            QTimer.singleShot(200, start_play)
            return
        window.session.timeline.set_speed(600.0)
        window.session.timeline.set_loop(True)
        window.session.timeline.play()

    def scrub():
        if window.session.tracks.items:
            timeline = window.session.timeline
            timeline.set_time(float(rng.uniform(timeline.start, timeline.end)))
            window.session.timeline.play()

    def sample():
        recent = frame_ms[-500:] or [0.0]
        samples.append((time.monotonic() - start, rss_mb(), statistics.median(recent)))
        at, rss, frame = samples[-1]
        print(f"{at:7.0f} s  RSS {rss:7.1f} MB  frame {frame:5.1f} ms", flush=True)
        if samples[-1][0] >= args.minutes * 60:
            app.quit()

    QTimer.singleShot(100, start_play)
    scrubber = QTimer(interval=5000, timeout=scrub)
    scrubber.start()
    sampler = QTimer(interval=30000, timeout=sample)
    sampler.start()
    app.exec()
    base = next((s for s in samples if s[0] >= 60), samples[0])
    last = samples[-1]
    growth = (last[1] - base[1]) / base[1] * 100
    slow = (last[2] - base[2]) / max(base[2], 1e-9) * 100
    print(
        f"RSS from {base[1]:.1f} MB (at {base[0]:.0f} s) to {last[1]:.1f} MB: {growth:+.1f} %; "
        f"median frame {base[2]:.1f} -> {last[2]:.1f} ms ({slow:+.0f} %); "
        f"{len(frame_ms):,} frames painted"
    )
    ok = growth < 5 and slow < 20
    print("soak:", "passed" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
