"""The archive in the window: a one-year Parquet archive (100M fixes by default, made by
`make_archive.py`) opened in the real main window, each step timed from the user's action to its
answer on screen, and the process's peak memory.

    .venv/bin/python benchmarks/make_archive.py /tmp/adiz-bench/archive-100m
    .venv/bin/python benchmarks/bench_archive_window.py /tmp/adiz-bench/archive-100m [--counts]

Steps (the window's own paths: `ArchiveController` through the Session):
- overview: File > Open archive → the strip drawn from the engine's activity per hour;
- density: the year, over the replay budget → the density layer drawn for the view;
- hour: a one-hour window chosen on the strip → its fixes loaded, replaying;
- counts (``--counts``): a year of per-day counts for every zone of the chart, in the engine:
  ``first_zone`` when the chart's zone (the Taiwan ADIZ, counted first) is on the chart,
  ``counts`` when every zone is (the API's baselines: that zone alone, then all zones at once).
Baseline in the same run: the same questions asked straight through the API
(`viewer.io.archive`) in a fresh process first (it warms the disk cache for both); the ratio
window / API is what the window adds. Memory: resident before the archive is opened, and the
peak (ru_maxrss) of the window's process: the goal is under 2 GB. Offscreen Qt unless
QT_QPA_PLATFORM says otherwise; on a shared machine, read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOUR = (160 * 86400 + 6 * 3600, 160 * 86400 + 7 * 3600)  # 2025-06-10 06:00-07:00 in the year
GRID_CELL_PX = 8


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def api(folder: str, counts: bool) -> dict:
    """The baseline: the same questions through the API, in this (fresh) process."""
    from viewer.core.catalog import load_catalog
    from viewer.io.archive import Grid, Window, open_archive

    out: dict = {}
    t = time.perf_counter()
    archive = open_archive(folder)
    activity = archive.activity(approximate=True)
    out["overview"] = time.perf_counter() - t
    start = activity.bin_start[0] - activity.bin_start[0] % 86400
    t = time.perf_counter()
    archive.density(Grid((112.0, 17.0, 134.0, 34.0), 1400 // GRID_CELL_PX, 880 // GRID_CELL_PX))
    out["density"] = time.perf_counter() - t
    t = time.perf_counter()
    trackset, _ = archive.load_window(Window(start + HOUR[0], start + HOUR[1]))
    out["hour"] = time.perf_counter() - t
    out["hour_fixes"] = trackset.n_fixes
    if counts:
        zones = load_catalog().analysis_zones()
        t = time.perf_counter()
        archive.zone_counts([z for z in zones if z.id == "taiwan_adiz"])
        out["first_zone"] = time.perf_counter() - t
        t = time.perf_counter()
        archive.zone_counts(zones)
        out["counts"] = time.perf_counter() - t
    out["peak_mb"] = _peak_mb()
    return out


def window(folder: str, counts: bool, shot: str | None) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.core.archive_state import LOADED, OVER_BUDGET
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.session import Session
    from viewer.qt.main_window import MainWindow, make_application

    app = make_application()
    w = MainWindow(Session(MapState(load_catalog())))
    w.resize(1600, 1000)
    w.show()

    def wait(cond, timeout: float = 600.0) -> float:
        t = time.perf_counter()
        while not cond():
            app.processEvents()
            time.sleep(0.002)
            if time.perf_counter() - t > timeout:
                raise TimeoutError("the window did not answer")
        app.processEvents()
        return time.perf_counter() - t

    for _ in range(50):
        app.processEvents()
    out: dict = {"rss_before_mb": _rss_mb()}
    state = w.session.archive
    strip = w.replay.qt_timeline.strip
    t = time.perf_counter()
    w.archives.open_source(folder)
    wait(lambda: state.activity is not None and len(strip.counts) > 0)
    out["overview"] = time.perf_counter() - t
    wait(lambda: state.window_state in (LOADED, OVER_BUDGET))
    if state.window_state == OVER_BUDGET:  # a small archive's year fits: loaded instead
        wait(lambda: w.archives.density.painter.shown)
        out["density"] = time.perf_counter() - t - out["overview"]  # after the overview
    else:
        out["year_loaded"] = time.perf_counter() - t - out["overview"]
    w.canvas.repaint()
    if shot:
        w.grab().save(f"{shot}-year.png")
    start = state.span[0] - state.span[0] % 86400
    t = time.perf_counter()
    w.archives.choose_window(start + HOUR[0], start + HOUR[1])
    wait(lambda: state.window_state == LOADED)
    out["hour"] = time.perf_counter() - t  # includes the 350 ms the choice waits to settle
    out["hour_fixes"] = state.window_fixes
    w.session.timeline.set_time(start + (HOUR[0] + HOUR[1]) / 2)
    w.canvas.repaint()
    if shot:
        w.grab().save(f"{shot}-hour.png")
    if counts:
        t = time.perf_counter()
        w.archives.count_zones()
        wait(lambda: state.zone_counts is not None, 3600)
        out["first_zone"] = time.perf_counter() - t  # the chart's zone (the Taiwan ADIZ) shown
        wait(lambda: not state.zone_counts.pending, 3600)
        out["counts"] = time.perf_counter() - t
    out["peak_mb"] = _peak_mb()
    w.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--counts", action="store_true", help="also a year of zone counts")
    parser.add_argument("--shot", help="save screenshots to SHOT-year.png and SHOT-hour.png")
    parser.add_argument("--api", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.api:
        print(json.dumps(api(args.folder, args.counts)))
        return 0
    command = [sys.executable, __file__, args.folder, "--api"] + (
        ["--counts"] if args.counts else []
    )
    base = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    got = window(args.folder, args.counts, args.shot)
    print(f"archive: {args.folder}")
    for step in ("overview", "density", "hour", "first_zone", "counts"):
        if step in got and step in base:
            ratio = got[step] / base[step] if base.get(step) else float("nan")
            print(f"  {step:9s} window {got[step]:7.2f} s   API {base[step]:7.2f} s   x{ratio:.2f}")
    if "year_loaded" in got:
        print(f"  the whole span fits the replay budget: loaded in {got['year_loaded']:.2f} s")
    print(f"  hour: {got['hour_fixes']:,} fixes (API {base['hour_fixes']:,})")
    print(
        f"  memory: {got['rss_before_mb']:.0f} MB before the archive, peak {got['peak_mb']:.0f} MB"
        f" (API alone: peak {base['peak_mb']:.0f} MB); goal < 2048 MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
