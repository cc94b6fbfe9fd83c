"""Years of data: a 100M-fix, one-year Parquet archive through DuckDB and a 10M-fix year in
PostgreSQL/PostGIS, against loading it all (the file readers) where that still fits.

    .venv/bin/python benchmarks/bench_archive.py [--fixes 100000000] [--pg-fixes 10000000]
                                                 [--data /tmp/adiz-bench] [--keep]

The data are generated (`make_archive.py`, `tests/archive/flights.py`) into --data and deleted
afterwards unless --keep. Each measurement runs in a fresh process, so its peak resident memory
(ru_maxrss: Python, DuckDB's or psycopg's buffers, the arrays) is its own. Goals (issue 21):
overview (open + activity strip) <= 3 s (``first_strip``: open + the strip estimated from the
Parquet statistics, shown while the exact ``activity`` runs), a one-hour window replayable
<= 1 s, a year of per-day ADIZ-entry counts <= 30 s, peak memory <= 2 GB; the same for PostGIS
at 10M fixes (``--pg-url``: a server already holding them). On a shared
machine, compare the figures of one run with each other, and read the CPU seconds (the work,
whatever the other load) beside the wall time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOUR = ("2025-06-10T06:00Z", "2025-06-10T07:00Z")
GRID = ((114.0, 18.0, 130.0, 33.0), 480, 270)  # a screen's density cells over the region


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_archive(source: str, zone_ids: list[str]) -> dict:
    """In this (fresh) process: open, overview, density, an hour, the year's counts."""
    from viewer.core.catalog import load_catalog
    from viewer.io.archive import Grid, Window, open_archive

    out: dict = {}
    archive, *t = _timed(lambda: open_archive(source))
    out["open"] = t
    estimate, *t = _timed(archive.activity_estimate)
    if estimate is not None:  # the strip at once from the Parquet statistics
        out["first_strip"] = [out["open"][0] + t[0], out["open"][1] + t[1]]
    activity, *t = _timed(lambda: archive.activity(approximate=archive.engine.name == "DuckDB"))
    out["activity"] = t
    out["overview"] = [out["open"][0] + t[0], out["open"][1] + t[1]]
    out["fixes"] = activity.total_fixes
    density, *t = _timed(lambda: archive.density(Grid(*GRID)))
    out["density_total"] = density.total
    out["density_year"] = t
    (trackset, _), *t = _timed(lambda: archive.load_window(Window(*HOUR)))
    out["hour"] = t
    out["hour_fixes"] = trackset.n_fixes
    zones = [z for z in load_catalog().analysis_zones() if z.id in zone_ids]
    counts, *t = _timed(lambda: archive.zone_counts(zones))
    out["counts_year"] = t
    out["counts_chunks"] = counts.chunks
    out["entries"] = int(counts.table["events"].sum())
    out["peak_mb"] = _peak_mb()
    archive.close()
    return out


def measure_load_all(folder: str) -> dict:
    """The file readers' way: every fix of the folder into one TrackSet."""
    from viewer.io.registry import load_trackset

    (trackset, _), *t = _timed(lambda: load_trackset(folder))
    return {"load": t, "fixes": trackset.n_fixes, "peak_mb": _peak_mb()}


def _child(kind: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _subset(archive: Path, days: int, into: Path) -> Path:
    """The first ``days`` day folders of the archive (their files linked)."""
    for day in sorted(archive.iterdir())[:days]:
        (into / day.name).mkdir(parents=True, exist_ok=True)
        for part in day.iterdir():
            (into / day.name / part.name).symlink_to(part)
    return into


def _load_postgis(folder: Path, pg) -> float:
    import psycopg
    import pyarrow.parquet as pq

    from tests.archive.postgis_data import GEOM_TABLE, load_fixes

    started = time.perf_counter()
    with psycopg.connect(pg.url, autocommit=True) as con:
        days = sorted(folder.rglob("*.parquet"))
        for k, path in enumerate(days):
            load_fixes(con, pq.read_table(path), GEOM_TABLE, create=k == 0, index=False)
        con.execute(f"CREATE INDEX ON {GEOM_TABLE} (time)")
        # the README's index for the zone counts: their columns in the index (index-only scans)
        con.execute(f"CREATE INDEX ON {GEOM_TABLE} (icao24, time) INCLUDE (geom)")
        con.execute(f"CREATE INDEX ON {GEOM_TABLE} USING gist (geom)")
        con.execute(f"VACUUM ANALYZE {GEOM_TABLE}")
    return time.perf_counter() - started


STEPS = ("open", "first_strip", "activity", "overview", "density_year", "hour", "counts_year")


def _print_postgis(result: dict) -> None:
    for key in STEPS:
        if key in result:
            print(f"  {key:13s} {_fmt(result[key])}")
    print(f"  fixes {result.get('fixes'):,}, hour window {result.get('hour_fixes'):,}")
    print(f"  counts: {result.get('entries'):,} entries in {result.get('counts_chunks')} chunks")
    print(f"  peak memory (client) {result.get('peak_mb', 0):.0f} MB")


def _fmt(t) -> str:
    return f"{t[0]:.2f} s (CPU {t[1]:.1f} s)" if isinstance(t, list) else str(t)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixes", type=int, default=100_000_000)
    parser.add_argument("--pg-fixes", type=int, default=10_000_000)
    parser.add_argument("--data", type=Path, default=Path("/tmp/adiz-bench"))
    parser.add_argument("--zones", default="taiwan_adiz", help="zone ids counted, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--skip-postgis", action="store_true")
    parser.add_argument(
        "--pg-url", help="a server already holding the PostGIS year (table=...): no COPY"
    )
    parser.add_argument("--only-load-all", action="store_true", help="just the load-it-all rows")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = measure_archive(rest[0], rest[1].split(",")) if kind == "archive" else None
        if kind == "load":
            result = measure_load_all(rest[0])
        print(json.dumps(result))
        return 0

    from benchmarks.make_archive import write_year

    archive = args.data / f"archive-{args.fixes // 1_000_000}m"
    if not archive.exists():
        n, seconds, _ = _timed(lambda: write_year(archive, args.fixes))
        print(f"generated {n:,} fixes in {seconds:.0f} s into {archive}")
    if not args.only_load_all:
        print(f"DuckDB over {archive} ({sum(1 for _ in archive.iterdir())} day files):")
        result = _child("archive", str(archive), args.zones)
        for key in STEPS:
            print(f"  {key:13s} {_fmt(result.get(key))}")
        print(f"  fixes {result.get('fixes'):,}, hour window {result.get('hour_fixes'):,} fixes,")
        print(f"  {result.get('entries'):,} entries in {result.get('counts_chunks')} chunks")
        print(f"  peak memory {result.get('peak_mb', 0):.0f} MB")
    print("Load it all (the file readers, every fix into a TrackSet):")
    for days in (1, 10, 36):
        sub = _subset(archive, days, args.data / f"subset-{days}")
        one = _child("load", str(sub))
        arch = _child("archive", str(sub), args.zones)
        shutil.rmtree(sub)
        if "error" in one:
            print(f"  {days} days: load it all failed ({one['error']})")
            continue
        print(
            f"  {days:3d} days, {one['fixes']:>11,} fixes: load {_fmt(one['load'])}, "
            f"peak {one['peak_mb']:.0f} MB | archive overview {_fmt(arch.get('overview'))}, "
            f"peak {arch.get('peak_mb', 0):.0f} MB"
        )
    if args.pg_url and not args.only_load_all:
        print("PostgreSQL/PostGIS at --pg-url:")
        _print_postgis(_child("archive", args.pg_url, args.zones))
    elif not args.skip_postgis and not args.only_load_all:
        from tests.archive.pg_cluster import ThrowawayPostgres

        pg_year = args.data / f"pg-year-{args.pg_fixes // 1_000_000}m"
        if not pg_year.exists():
            write_year(pg_year, args.pg_fixes, seed=10)
        with ThrowawayPostgres() as pg:
            seconds = _load_postgis(pg_year, pg)
            print(
                f"PostgreSQL/PostGIS, {args.pg_fixes:,} fixes over a year (COPY: {seconds:.0f} s):"
            )
            _print_postgis(_child("archive", f"{pg.url}&table=fixes", args.zones))
        if not args.keep:
            shutil.rmtree(pg_year, ignore_errors=True)
    if not args.keep:
        shutil.rmtree(archive, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
