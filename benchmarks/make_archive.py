"""Write a year of generated ADS-B-like fixes as a partitioned Parquet archive (not committed:
made when a benchmark needs it).

    .venv/bin/python benchmarks/make_archive.py /tmp/adiz-bench/archive-100m --fixes 100000000

One file per UTC day, ``date=YYYY-MM-DD/part-0.parquet``, rows in time order, 64k-row row groups
(what DuckDB prunes by time inside a day), zstd. The flights are `tests/archive/flights.py`'s: a
fleet of 20,000 aircraft (icao24) over the Taiwan region, each flying again every few weeks
(tracks with gaps of weeks), about 250 fixes a flight. 100M fixes take about 3 GB and a few
minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXES_PER_FLIGHT = 323  # the generator's mean, measured: (20 min .. 3 h) / (8 .. 40 s)


def write_year(folder: Path, fixes: int, year: int = 2025, seed: int = 2025) -> int:
    import numpy as np
    import pyarrow.parquet as pq

    from tests.archive.flights import flights

    rng = np.random.default_rng(seed)
    per_day = max(1, round(fixes / 365 / FIXES_PER_FLIGHT))
    day0 = np.datetime64(f"{year}-01-01", "s").astype(np.int64)
    written = 0
    for d in range(365):
        table = flights(
            rng, float(day0 + 86_400 * d), per_day, first_id=d * per_day, aircraft=20_000
        )
        day = np.datetime64(int(day0 + 86_400 * d), "s").astype("datetime64[D]")
        path = folder / f"date={day}" / "part-0.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, path, row_group_size=65_536, compression="zstd")
        written += table.num_rows
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--fixes", type=int, default=100_000_000)
    args = parser.parse_args()
    free = shutil.disk_usage(args.folder.parent if args.folder.parent.exists() else "/").free
    need = args.fixes * 35  # bytes a fix takes compressed, with room to spare
    if free < 2 * need:
        print(f"not enough free disk: {free / 1e9:.1f} GB, want {2 * need / 1e9:.1f}")
        return 2
    started = time.perf_counter()
    n = write_year(args.folder, args.fixes)
    size = sum(p.stat().st_size for p in args.folder.rglob("*.parquet"))
    print(f"wrote {n:,} fixes, {size / 1e9:.2f} GB, in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
