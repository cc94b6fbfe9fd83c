"""Live feed throughput: 5,000 messages a second from 2,000 aircraft, sustained through
decode -> store -> zone alerts (-> recording), and the slice + paint cost of a live snapshot.

    .venv/bin/python benchmarks/bench_live.py [--seconds 20] [--protocol sbs|beast] [--no-paint]

A sender *process* plays a synthetic feed to 127.0.0.1 at the given rate: 2,000 aircraft spread
over 116-127°E x 19-30°N on straight legs (many cross the Taiwan ADIZ edges and the median
line), SBS-1 lines (half MSG,3 positions, then MSG,4, MSG,5, MSG,1) or Beast frames (DF17
positions, velocities, identifications). This process runs what `adiz-viewer listen` runs: the
feed thread decodes and records, the hub polls every 100 ms into the store and the alerter.

Reported: the pipeline's CPU time per wall second at the target rate (from getrusage; the sender
is another process), so the CPU headroom ratio = 1 / that (how many times the load one core
could take); then the same data as fast as the sender can write it, giving the most this
pipeline sustains, as a ratio of the target. Both in the same run, on this machine.
Then (unless --no-paint) a live frame at 1920x1080: the store snapshot of the last hour
(`since=`), its time index, slice and paint, as the window's live view will do each frame.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

N_AIRCRAFT = 2000
T_START = 1_633_327_200.0  # 2021-10-04T06:00:00Z


def aircraft(n: int, seed: int = 3):
    """Start positions, headings and speeds of ``n`` aircraft on straight legs, and their
    degrees of longitude and latitude a second."""
    import numpy as np

    rng = np.random.default_rng(seed)
    lon0 = rng.uniform(116.0, 127.0, n)
    lat0 = rng.uniform(19.0, 30.0, n)
    heading = rng.uniform(0, 360, n)
    speed = rng.uniform(250, 500, n)
    dlon = speed / 3600 / 60 * np.sin(np.radians(heading)) / np.cos(np.radians(lat0))
    dlat = speed / 3600 / 60 * np.cos(np.radians(heading))
    return lon0, lat0, heading, speed, dlon, dlat


def sbs_messages(n_messages: int, rate: float) -> list[bytes]:
    """SBS-1 lines as dump1090 writes them, times in UTC (the feed says ?tz=UTC)."""
    lon0, lat0, heading, speed, dlon, dlat = aircraft(N_AIRCRAFT)
    out = []
    for k in range(n_messages):
        a = k % N_AIRCRAFT
        t = T_START + k / rate
        hexid = f"{0x780000 + a:06X}"
        stamp = time.strftime("%Y/%m/%d,%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}"
        kind = (k // N_AIRCRAFT) % 4
        if kind in (0, 2):
            el = t - T_START
            lon, lat = lon0[a] + dlon[a] * el, lat0[a] + dlat[a] * el
            out.append(
                f"MSG,3,1,1,{hexid},1,{stamp},{stamp},,{31000 + a % 50 * 100},,,"
                f"{lat:.5f},{lon:.5f},,,0,0,0,0\n".encode()
            )
        elif kind == 1:
            out.append(
                f"MSG,4,1,1,{hexid},1,{stamp},{stamp},,,{speed[a]:.1f},{heading[a]:.1f},,,0,,,,,\n".encode()
            )
        else:
            out.append(f"MSG,1,1,1,{hexid},1,{stamp},{stamp},CAL{a:04d},,,,,,,,,,,\n".encode())
    return out


def beast_messages(n_messages: int, rate: float) -> list[bytes]:
    from tests.io import modes_encode as modes

    lon0, lat0, heading, speed, dlon, dlat = aircraft(N_AIRCRAFT)
    out = []
    for k in range(n_messages):
        a = k % N_AIRCRAFT
        icao = f"{0x780000 + a:06X}"
        kind = (k // N_AIRCRAFT) % 4
        mlat = int(k / rate * 12_000_000) + 1
        el = k / rate
        if kind in (0, 2):
            msg = modes.airborne_position(
                icao, lat0[a] + dlat[a] * el, lon0[a] + dlon[a] * el, 31000, (k // N_AIRCRAFT) % 2
            )
        elif kind == 1:
            msg = modes.velocity(icao, speed[a], heading[a])
        else:
            msg = modes.identification(icao, f"CAL{a:04d}")
        out.append(modes.beast_frame(msg, mlat=mlat))
    return out


def first_client(port: int, ready) -> tuple[socket.socket, socket.socket]:
    """Listen on 127.0.0.1:``port``, say so (``ready``), and wait for the feed to connect."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(1)
    ready.set()
    conn, _ = srv.accept()
    return srv, conn


def sender(port: int, messages: list[bytes], rate: float | None, ready) -> None:
    """Plays ``messages`` to the first client, ``rate`` a second (None: as fast as it can)."""
    srv, conn = first_client(port, ready)
    start = time.monotonic()
    batch = 50  # messages per write: every 10 ms at 5,000 a second
    for i in range(0, len(messages), batch):
        if rate is not None:
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        conn.sendall(b"".join(messages[i : i + batch]))
    conn.close()
    srv.close()


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_pipeline(protocol: str, messages: list[bytes], rate: float | None, record: Path):
    from viewer.core.catalog import load_catalog
    from viewer.io.live.hub import LiveHub
    from viewer.io.live.transport import FeedConfig

    hub = LiveHub(
        zones=load_catalog().analysis_zones(),
        record_dir=record,
        feed_config=FeedConfig(max_rate=1e9, burst=1e9),
    )
    port = free_port()
    ready = mp.get_context("fork").Event()
    proc = mp.get_context("fork").Process(target=sender, args=(port, messages, rate, ready))
    proc.start()
    ready.wait(10)
    query = "?tz=UTC" if protocol == "sbs" else ""
    hub.add_source(f"{protocol}://127.0.0.1:{port}{query}#name=bench")
    cpu0, wall0 = cpu(), time.monotonic()
    hub.start()
    alerts = 0
    polls = []
    while True:
        s = time.perf_counter()
        update = hub.poll()
        polls.append((time.perf_counter() - s) * 1000)
        alerts += len(update.alerts)
        status = update.feeds[0]
        if status.messages >= len(messages) and not proc.is_alive():
            update = hub.poll()
            alerts += len(update.alerts)
            break
        if time.monotonic() - wall0 > 600:
            break
        time.sleep(0.1)
    wall, used = time.monotonic() - wall0, cpu() - cpu0
    status = hub.status()[0]
    hub.stop()
    proc.join(10)
    return {
        "wall": wall,
        "cpu": used,
        "messages": status.messages,
        "fixes": hub.store.n_fixes,
        "tracks": hub.store.n_tracks,
        "alerts": alerts,
        "shed": status.shed + hub.shed_by_hub,
        "poll_median_ms": statistics.median(polls),
        "poll_p95_ms": sorted(polls)[int(0.95 * (len(polls) - 1))],
        "hub": hub,
    }


def paint_frames(hub, frames: int) -> None:
    """Live frames at 1920x1080 from the store: snapshot(since), slice, paint."""
    from viewer.core.catalog import load_catalog
    from viewer.core.map_state import MapState
    from viewer.core.projection import Projection
    from viewer.core.track_layers import LoadedTracks, TrackLayers
    from viewer.qt.main_window import make_application
    from viewer.qt.map_canvas import MapCanvas
    from viewer.render.map_scene import MapScene
    from viewer.render.track_painter import TrackPainter

    app = make_application()
    state = MapState(load_catalog(), Projection.from_user_input("webmercator"))
    hub.store.set_projection(state.projection)
    scene = MapScene(state)
    canvas = MapCanvas(scene)
    canvas.resize(1920, 1080)
    canvas.show()
    app.processEvents()
    canvas.zoom_to_lonlat((116.0, 19.0, 127.0, 30.0))
    canvas.repaint()
    store = hub.store
    layers = TrackLayers()
    clock = {"t": store.clock}
    painter = TrackPainter(layers, lambda: clock["t"], lambda: 3600.0)
    scene.dynamic[:] = [painter]
    snap_ms, paint_ms = [], []
    from viewer.core.live_store import Fix

    for i in range(frames):
        # 16 ms of a 5,000 msg/s feed: 40 new positions, appended as the hub would
        t = store.clock + 0.016
        ids = store.track_ids()
        new = []
        snap = store.snapshot(now=t).trackset
        for k in range(40):
            j = (i * 40 + k) % len(ids)
            sl = snap.track_slice(j)
            new.append(Fix(ids[j], int(t * 1e9), float(snap.lon[sl][-1]) + 0.001,
                           float(snap.lat[sl][-1]), 9448.8))  # fmt: skip
        store.add(new, now=time.time())
        s = time.perf_counter()
        live = store.snapshot(now=time.time(), since=store.clock - 3600.0).trackset
        layers.clear()
        layers.add(LoadedTracks(Path("live"), live, None))
        snap_ms.append((time.perf_counter() - s) * 1000)
        clock["t"] = store.clock
        s = time.perf_counter()
        canvas.repaint()
        paint_ms.append((time.perf_counter() - s) * 1000)
    print(
        f"live frame at 1920x1080, {store.n_fixes:,} fixes in {store.n_tracks:,} tracks, 1 h "
        f"trails: snapshot {statistics.median(snap_ms):.1f} ms median, slice + paint "
        f"{statistics.median(paint_ms):.1f} ms median "
        f"(p95 {sorted(paint_ms)[int(0.95 * (frames - 1))]:.1f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=5000.0)
    parser.add_argument("--protocol", choices=("sbs", "beast"), default="sbs")
    parser.add_argument("--no-paint", action="store_true")
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    n = int(args.seconds * args.rate)
    make = sbs_messages if args.protocol == "sbs" else beast_messages
    messages = make(n, args.rate)
    print(
        f"{args.protocol}: {n:,} messages from {N_AIRCRAFT:,} aircraft, {args.rate:,.0f}/s target"
    )
    with tempfile.TemporaryDirectory() as tmp:
        paced = run_pipeline(args.protocol, messages, args.rate, Path(tmp) / "paced")
        load = paced["cpu"] / paced["wall"]
        print(
            f"at {args.rate:,.0f} msg/s: {paced['messages']:,} messages in {paced['wall']:.1f} s, "
            f"{paced['fixes']:,} fixes, {paced['tracks']:,} tracks, {paced['alerts']:,} alerts, "
            f"shed {paced['shed']}; CPU {load:.2f} s per s (of 1 core; machine has "
            f"{os.cpu_count()}): headroom {1 / load:.1f}x; poll {paced['poll_median_ms']:.1f} ms "
            f"median, p95 {paced['poll_p95_ms']:.1f} ms"
        )
        flat = run_pipeline(args.protocol, messages, None, Path(tmp) / "flat")
        top = flat["messages"] / flat["wall"]
        print(
            f"as fast as sent: {flat['messages']:,} messages in {flat['wall']:.1f} s = "
            f"{top:,.0f} msg/s sustained ({top / args.rate:.1f}x the target), CPU "
            f"{flat['cpu'] / flat['wall']:.2f} s per s, shed {flat['shed']}"
        )
        if not args.no_paint:
            paint_frames(paced["hub"], args.frames)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
