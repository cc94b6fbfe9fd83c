"""Memory over a long live feed: resident memory stays flat once the retention window is full.

    .venv/bin/python benchmarks/soak_live.py [--minutes 10] [--rate 5000] [--retention-s 120]

The sender process of `bench_live.py` plays SBS-1 lines from 2,000 aircraft at ``--rate``
messages a second for ``--minutes``; this process runs the listen pipeline (decode, record,
store, zone alerts, a poll every 100 ms, and a store snapshot every second as a window would
take). The retention window is shortened (``--retention-s``, default 2 min) so that it fills
within the run: from then on the store drops as much as arrives, and resident memory must stay
flat. Printed every 30 s: RSS, fixes held, tracks, messages. Judged, over the samples from the
retention window + 1 min on: the highest RSS of their second half against the highest of their
first half (a single sample swings with the arrays a snapshot allocates; goal: under 5 %).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    with Path("/proc/self/status").open() as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    from bench_live import free_port, sbs_messages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=5000.0)
    parser.add_argument("--retention-s", type=float, default=120.0)
    args = parser.parse_args()

    from viewer.core.catalog import load_catalog
    from viewer.core.live_store import StoreConfig
    from viewer.io.live.hub import LiveHub
    from viewer.io.live.transport import FeedConfig

    seconds = args.minutes * 60
    # one minute of messages, replayed in a loop by the sender with times moved on
    minute = sbs_messages(int(60 * args.rate), args.rate)
    loops = int(seconds // 60) + 1
    port = free_port()
    ready = mp.get_context("fork").Event()
    proc = mp.get_context("fork").Process(
        target=_looping_sender, args=(port, minute, args.rate, loops, ready)
    )
    proc.start()
    ready.wait(10)
    with tempfile.TemporaryDirectory() as tmp:
        hub = LiveHub(
            zones=load_catalog().analysis_zones(),
            store_config=StoreConfig(retention_s=args.retention_s),
            record_dir=Path(tmp),
            feed_config=FeedConfig(max_rate=1e9, burst=1e9),
        )
        hub.add_source(f"sbs://127.0.0.1:{port}?tz=UTC#name=soak")
        hub.start()
        start = time.monotonic()
        samples = []
        next_print = 0.0
        last_snap = 0.0
        while time.monotonic() - start < seconds:
            hub.poll()
            now = time.monotonic() - start
            if now - last_snap >= 1.0:
                hub.snapshot()
                last_snap = now
            if now >= next_print:
                status = hub.status()[0]
                samples.append((now, rss_mb()))
                print(
                    f"{now / 60:5.1f} min  RSS {samples[-1][1]:7.1f} MB  fixes "
                    f"{hub.store.n_fixes:>9,}  tracks {hub.store.n_tracks:>5,}  messages "
                    f"{status.messages:>10,}  {status.rate:,.0f} msg/s",
                    flush=True,
                )
                next_print += 30.0
            time.sleep(0.1)
        hub.stop()
        proc.terminate()
    settled = [rss for t, rss in samples if t >= args.retention_s + 60]
    if len(settled) >= 4:
        half = len(settled) // 2
        first, second = max(settled[:half]), max(settled[half:])
        growth = (second - first) / first * 100
        print(
            f"RSS once the retention window is full, highest of the first half of the samples vs "
            f"the second: {first:.1f} -> {second:.1f} MB ({growth:+.1f} %; goal: under 5 %)"
        )
    return 0


def _looping_sender(port, minute, rate, loops, ready) -> None:
    """Plays the minute of lines ``loops`` times, each time with its times moved on a minute,
    ``rate`` lines a second, to the first client."""
    from bench_live import first_client

    srv, conn = first_client(port, ready)
    start = time.monotonic()
    sent = 0
    try:
        for k in range(loops):
            for i in range(0, len(minute), 50):
                delay = start + sent / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                chunk = [_shifted(line, 60 * k) for line in minute[i : i + 50]]
                conn.sendall(b"".join(chunk))
                sent += len(chunk)
    except OSError:
        pass
    conn.close()
    srv.close()


def _shifted(line: bytes, shift: int) -> bytes:
    if not shift:
        return line
    parts = line.split(b",")
    hh, mm, ss = parts[7].split(b":")
    total = int(hh) * 3600 + int(mm) * 60 + shift
    parts[7] = parts[9] = f"{total // 3600 % 24:02d}:{total // 60 % 60:02d}:".encode() + ss
    return b",".join(parts)


if __name__ == "__main__":
    raise SystemExit(main())
