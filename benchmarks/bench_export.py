"""Export speed: frames per second rendered and encoded at 1920x1080 (MP4, H.264).

    .venv/bin/python benchmarks/bench_export.py [--frames 100]

The bundled default briefing (illustrative record day), rendered through the same painters as the
screen. Baseline in the same run: rendering the frames without encoding, so the table shows what
the encoder costs.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100)
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    from viewer.cli.headless import open_session
    from viewer.export.video import frame_times, render_frames, write_output
    from viewer.qt.main_window import DEFAULT_BRIEFING
    from viewer.render.map_scene import MapScene

    app = QGuiApplication([])  # noqa: F841
    session = open_session([str(DEFAULT_BRIEFING)])
    scene = MapScene.for_session(session)
    start, end = session.tracks.time_span
    times = frame_times(start, end, args.frames)
    size = (1920, 1080)
    view = session.map_view(*size)
    t = time.perf_counter()
    for _ in render_frames(scene, session, view, times):
        pass
    render_only = args.frames / (time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "replay.mp4"
        t = time.perf_counter()
        write_output(out, render_frames(scene, session, view, times), args.frames, 25.0, size)
        encoded = args.frames / (time.perf_counter() - t)
        mb = out.stat().st_size / 1e6
    print(f"{'1920x1080, default briefing':36s} {'frames/s':>9s}")
    print(f"{'render only':36s} {render_only:9.1f}")
    print(
        f"{'render + H.264 encode (MP4)':36s} {encoded:9.1f}   ({mb:.1f} MB, {args.frames} frames)"
    )
    print(f"a 60 s video at 25 fps exports in about {1500 / encoded:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
