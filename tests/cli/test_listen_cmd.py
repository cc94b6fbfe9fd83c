"""`adiz-viewer listen` as a user runs it: a receiver on 127.0.0.1 plays a recorded SBS stream,
each zone event is printed within a second of the message that revealed it, and the recording
reads back as the same tracks."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd

from tests.io.feed_servers import TcpReplayServer, wait_until
from viewer.core.catalog import load_catalog
from viewer.core.zones import compute_zone_events
from viewer.io.registry import ReadOptions, load_trackset
from viewer.io.sbs_reader import SbsDecoder

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "live" / "taiwan_strait.sbs"
SPEED = 40.0  # the 400 s recording in 10 s
LATENCY_LIMIT_S = 1.0


def listen(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "viewer", "listen", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_alert_lines_arrive_within_a_second_of_the_crossing_message(tmp_path):
    lines = SAMPLE.read_bytes().splitlines(True)
    decoder = SbsDecoder("Asia/Taipei")
    stamps = []  # each line's fix time (s), None for lines without a position
    for line in lines:
        decoded = decoder.decode(line.decode())
        stamps.append(decoded.t_ns / 1e9 if hasattr(decoded, "t_ns") else None)
    server = TcpReplayServer()
    out = tmp_path / "rec"
    proc = listen(
        f"sbs://127.0.0.1:{server.port}?tz=Asia/Taipei",
        "--alerts",
        "--out",
        str(out),
        "--duration",
        "120",
    )
    printed: list[tuple[float, str]] = []

    def read() -> None:
        assert proc.stdout is not None
        for text in proc.stdout:
            printed.append((time.monotonic(), text.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        server.accept(timeout=60)
        sent_at: dict[int, float] = {}
        start = time.monotonic()
        t0 = next(s for s in stamps if s is not None)
        for i, line in enumerate(lines):
            if stamps[i] is not None:  # paced by the recording's own clock, SPEED times faster
                delay = start + (stamps[i] - t0) / SPEED - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            server.send(line)
            sent_at[i] = time.monotonic()
        file_ts, _ = load_trackset(SAMPLE, options=ReadOptions(tz="Asia/Taipei"))
        expected = compute_zone_events(file_ts, load_catalog().analysis_zones())
        wait_until(lambda: len(printed) >= len(expected), timeout=30)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        server.close()
    reader.join(5)

    got = sorted((row.split("\t")[1], row.split("\t")[2], row.split("\t")[3]) for _, row in printed)
    want = sorted(zip(expected["track_id"], expected["zone_id"], expected["event"], strict=True))
    assert got == want
    latencies = []
    for seen, row in printed:
        when, track = pd.Timestamp(row.split("\t")[0]).timestamp(), row.split("\t")[1]
        # the message that revealed the event: the track's first position at or after it
        revealing = next(
            i
            for i, line in enumerate(lines)
            if stamps[i] is not None
            and stamps[i] >= when - 1e-6
            and line.split(b",")[4].decode().lower() == track
        )
        latencies.append(seen - sent_at[revealing])
    print(f"alert latencies (s): {[round(x, 3) for x in latencies]}")
    assert max(latencies) <= LATENCY_LIMIT_S

    (raw,) = (out / f"sbs-127.0.0.1-{server.port}").glob("*.sbs")
    live_file, _ = load_trackset(raw, options=ReadOptions(tz="Asia/Taipei"))
    assert live_file.n_fixes == file_ts.n_fixes and list(live_file.ids) == list(file_ts.ids)


def test_a_source_that_is_not_understood_says_so():
    proc = listen("telnet://somewhere:23")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert "expected a URL starting with one of sbs://" in err
