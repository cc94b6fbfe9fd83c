"""Listen to live feeds without a window: record every message and print each zone event as it
happens.

    adiz-viewer listen SOURCE... [--out DIR] [--duration S] [--alerts] [--zones ID,...]

SOURCE is a URL: sbs://host:30003 (SBS-1 / BaseStation, dump1090 or readsb), beast://host:30005
(Mode-S Beast binary), nmea+tcp://host:port or nmea+udp://[addr]:port (AIS NMEA),
cot+tcp://host:port or cot+udp://[group]:port (Cursor-on-Target; 239.2.3.1:6969 by default),
https://[user:password@]host/path (polled JSON in OpenSky's states/all shape; '#poll=10').
Options after '?' (after '#' for https): tz=Asia/Taipei (the SBS receiver's clock; else
inferred from the first message), ref=lat,lon (the Beast receiver, for local CPR decoding),
iface=addr (the interface a UDP source listens or joins its group on; 127.0.0.1 by default),
name=x (the recording folder).

Every feed is recorded in DIR/<name>/ as it arrives, a file an hour: the messages as received
(.sbs, .nmea, .cot open in this app; .beast, .json kept) and a .fixes.csv of the decoded fixes.
With --alerts, one line per zone event goes to standard output as it happens, tab-separated:
time (UTC), track, zone, event, then what else is known (to=side crossed to, kind=, callsign=,
inside=seconds between entry and exit, lon=, lat=). Each feed's state, messages a second and the
age of its last message go to standard error every --status-every seconds, and when the state
changes. Ctrl+C stops cleanly. Exit status 2 if a source is not understood.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

from viewer.core.catalog import load_catalog
from viewer.core.live_alerts import AlertRule
from viewer.core.live_store import StoreConfig
from viewer.io.live.hub import LiveHub
from viewer.io.live.transport import FeedConfig

POLL_S = 0.1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="feed URL (see above)")
    parser.add_argument(
        "--out",
        default="adiz-recordings",
        metavar="DIR",
        help="folder to record every feed in (default: ./adiz-recordings)",
    )
    parser.add_argument("--no-record", action="store_true", help="do not record")
    parser.add_argument(
        "--duration", type=float, default=None, metavar="S", help="stop after S seconds"
    )
    parser.add_argument(
        "--alerts", action="store_true", help="print one line per zone event as it happens"
    )
    parser.add_argument(
        "--zones",
        default="all",
        help="'all' or zone ids separated by commas (e.g. taiwan_adiz,median_line)",
    )
    parser.add_argument("--kinds", default=None, help="alert only these kinds (e.g. fighter,ship)")
    parser.add_argument(
        "--events", default=None, help="alert only these events (entry, exit, crossing)"
    )
    parser.add_argument(
        "--side", default=None, help="alert only crossings to these sides (e.g. east)"
    )
    parser.add_argument(
        "--retention",
        type=float,
        default=24.0,
        metavar="HOURS",
        help="hours of tracks kept in memory (default 24)",
    )
    parser.add_argument(
        "--stale-after",
        type=float,
        default=60.0,
        metavar="S",
        help="seconds without a message before an aircraft is stale (ships: 10x)",
    )
    parser.add_argument(
        "--max-rate",
        type=float,
        default=20_000.0,
        metavar="N",
        help="messages a second per feed taken into the live picture (all are recorded)",
    )
    parser.add_argument(
        "--token-env",
        default=None,
        metavar="VAR",
        help="environment variable holding a bearer token for https sources",
    )
    parser.add_argument(
        "--status-every",
        type=float,
        default=10.0,
        metavar="S",
        help="seconds between status lines on standard error (0: only state changes)",
    )


def run(args: argparse.Namespace) -> int:
    zones = []
    if args.alerts:
        zones = load_catalog().analysis_zones()
        if args.zones != "all":
            wanted = _words(args.zones)
            known = {z.id for z in zones} | {z.id.split(":")[0] for z in zones}
            unknown = sorted(wanted - known)
            if unknown:
                return _fail(f"unknown zone(s) {unknown}; zones are {sorted(known)}")
            zones = [z for z in zones if z.id in wanted or z.id.split(":")[0] in wanted]
    rule = AlertRule(
        kinds=_words(args.kinds) if args.kinds else None,
        events=_words(args.events) if args.events else None,
        sides=_words(args.side) if args.side else None,
    )
    try:
        store_config = StoreConfig(
            retention_s=args.retention * 3600.0,
            stale_after_s=args.stale_after,
            stale_after_ship_s=args.stale_after * 10.0,
        )
    except ValueError as exc:
        return _fail(str(exc))
    token = os.environ.get(args.token_env) if args.token_env else None
    hub = LiveHub(
        zones=zones,
        rules=[rule],
        store_config=store_config,
        record_dir=None if args.no_record else Path(args.out),
        feed_config=FeedConfig(max_rate=args.max_rate, burst=max(args.max_rate, 1.0)),
    )
    for source in args.sources:
        try:
            hub.add_source(source, token=token)
        except (ValueError, OSError) as exc:
            return _fail(str(exc))
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    where = "not recorded" if args.no_record else f"recording in {Path(args.out).resolve()}"
    print(f"adiz-viewer listen: {len(hub.feeds)} feed(s), {where}", file=sys.stderr, flush=True)
    hub.start()
    started = time.monotonic()
    last_status = started
    states: dict[str, tuple[str, str]] = {}
    try:
        while not stopping:
            update = hub.poll()
            if args.alerts:
                for alert in update.alerts:
                    print(alert.line(), flush=True)
            now = time.monotonic()
            changed = [s for s in update.feeds if states.get(s.name) != (s.state, s.detail)]
            every = args.status_every > 0 and now - last_status >= args.status_every
            for status in update.feeds if every else changed:
                print(status.line(), file=sys.stderr, flush=True)
                states[status.name] = (status.state, status.detail)
            if every:
                last_status = now
                for warning in update.warnings:
                    print(f"WARNING: {warning}", file=sys.stderr, flush=True)
            if args.duration is not None and now - started >= args.duration:
                break
            time.sleep(POLL_S)
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        pass
    finally:
        hub.stop()
        update = hub.poll()
        if args.alerts:
            for alert in update.alerts:
                _print(alert.line())
        for status in update.feeds:
            print(status.line(), file=sys.stderr, flush=True)
        print(
            f"adiz-viewer listen: {hub.store.n_tracks:,} tracks, {hub.store.n_fixes:,} fixes "
            f"in memory, {hub.alert_count:,} alerts",
            file=sys.stderr,
            flush=True,
        )
    return 0


def _print(text: str) -> None:
    with contextlib.suppress(BrokenPipeError):
        print(text, flush=True)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split(",") if w.strip())


def _fail(message: str) -> int:
    print(f"adiz-viewer listen: {message}", file=sys.stderr)
    return 2
