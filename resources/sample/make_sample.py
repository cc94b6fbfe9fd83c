"""Generate the bundled sample: an ILLUSTRATIVE day around Taiwan, not recorded tracks.

It follows published figures (see README.md beside this file): on 4 Oct 2021 Taiwan's defence
ministry reported 56 PLA aircraft in its ADIZ, most in the south-west corner (52 by day: 34 J-16,
2 Su-30, 12 H-6, 2 KJ-500, 2 Y-8 ASW; 4 more J-16 in the evening), and China Coast Guard ships
patrol the Senkaku contiguous zone on most days of the year. Routes, times, speeds and altitudes
are invented to look plausible; every row says "illustrative".

Writes ``record_day_2021-10-04.csv`` (canonical track columns) and ``default.briefing.json`` (the
briefing that opens on first start). Seeded: the same run gives the same bytes.

    .venv/bin/python resources/sample/make_sample.py [--out FOLDER]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from pyproj import Geod

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from viewer.core import briefing as bf  # noqa: E402
from viewer.core.constants import (  # noqa: E402
    ALT_M,
    CALLSIGN,
    COUNT,
    HEADING_DEG,
    KIND,
    KIND_BOMBER,
    KIND_FIGHTER,
    KIND_ISR,
    KIND_SHIP,
    KT_IN_MPS,
    LABEL,
    LAT,
    LON,
    NMI_IN_M,
    SPEED_KT,
    TIME,
    TRACK_ID,
)

SEED = 20211004
DAY = datetime(2021, 10, 4, tzinfo=UTC)
CSV_NAME = "record_day_2021-10-04.csv"
BRIEFING_NAME = "default.briefing.json"
COLUMNS = (TRACK_ID, TIME, LAT, LON, ALT_M, SPEED_KT, HEADING_DEG, KIND, CALLSIGN, LABEL, COUNT)
GEOD = Geod(ellps="WGS84")
ILLUSTRATIVE = "illustrative"

# Published figures the scenario follows (README.md gives the sources).
RECORD_DAY_AIRCRAFT = 56
DAY_WAVE = (datetime(2021, 10, 4, 1, 30, tzinfo=UTC), datetime(2021, 10, 4, 8, 0, tzinfo=UTC))
EVENING_WAVE = (
    datetime(2021, 10, 4, 10, 45, tzinfo=UTC),
    datetime(2021, 10, 4, 13, 30, tzinfo=UTC),
)

# Where the aircraft tracks begin: off the Guangdong coast, west of the ADIZ's drawn 117.5°E edge.
CHAOSHAN = (116.75, 23.25)
SHANWEI = (115.6, 22.65)
DONGSHAN = (117.2, 23.3)
# The south-west corner, north-east of the Pratas (Dongsha) Islands: a loop the fighters fly.
SW1, SW2, SW3 = (118.4, 22.35), (118.9, 21.75), (119.6, 21.45)
SW4, SW5, SW6 = (120.05, 21.75), (119.8, 22.2), (119.2, 22.45)
# Out through the Bashi Channel to the east of Taiwan, staying > 20 nmi from Taiwan and Lanyu.
BASHI_OUT = ((119.2, 21.55), (120.3, 21.5), (121.0, 21.42), (121.8, 21.62), (122.3, 22.1))
BASHI_BACK = ((121.9, 21.55), (121.0, 21.35), (120.0, 21.42), (118.5, 21.7))

Point = tuple[float, float]


@dataclass(frozen=True)
class Fix:
    t: float  # seconds after DAY
    lon: float
    lat: float
    alt_m: float
    speed_kt: float
    heading_deg: float


@dataclass(frozen=True)
class Track:
    track_id: str
    kind: str
    label: str
    count: int
    fixes: tuple[Fix, ...]


# ------------------------------------------------------------------------------------ aircraft
def fly(
    rng: np.random.Generator,
    route: Sequence[Point],
    start: datetime,
    speed_kt: float,
    cruise_m: float,
    jitter_deg: float = 0.06,
    entry_alt_m: float = 3000.0,
) -> tuple[Fix, ...]:
    """Fixes every 30-60 s along ``route`` (geodesic legs) at about ``speed_kt``; the first and
    last points are kept, the others moved by up to ``jitter_deg``. Altitude climbs from
    ``entry_alt_m`` to ``cruise_m`` over the first 80 km and descends over the last 80 km."""
    pts = np.array(route, dtype=np.float64)
    if len(pts) > 2:
        pts[1:-1] += rng.uniform(-jitter_deg, jitter_deg, size=(len(pts) - 2, 2))
    az, _, dist = GEOD.inv(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
    az, dist = np.atleast_1d(az), np.atleast_1d(dist)
    cum = np.concatenate([[0.0], np.cumsum(dist)])
    total = float(cum[-1])
    ramp = min(80_000.0, total / 3.0)
    t = (start - DAY).total_seconds()
    s = 0.0
    fixes = []
    phase = rng.uniform(0, 2 * np.pi)
    while True:
        s = min(s, total)
        leg = min(int(np.searchsorted(cum, s, side="right")) - 1, len(dist) - 1)
        lon, lat, back = GEOD.fwd(pts[leg, 0], pts[leg, 1], az[leg], s - cum[leg])
        heading = (back + 180.0) % 360.0
        v = speed_kt * (1.0 + 0.03 * np.sin(phase + s / 40_000.0))
        up = min(1.0, s / ramp, (total - s) / ramp)
        alt = entry_alt_m + (cruise_m - entry_alt_m) * up + rng.normal(0.0, 25.0)
        fixes.append(Fix(t, float(lon), float(lat), float(alt), float(v), float(heading)))
        if s >= total:
            break
        dt = float(rng.integers(30, 61))
        t += dt
        s += v * KT_IN_MPS * dt
    return tuple(fixes)


def loop(*points: Point) -> list[Point]:
    return list(points)


def aircraft(rng: np.random.Generator) -> list[Track]:
    """The 56 aircraft: 52 in the day wave, 4 J-16 in the evening (counts per formation)."""

    def at(h: int, m: int) -> datetime:
        return DAY + timedelta(hours=h, minutes=m)

    def fighter_speed() -> float:
        return float(rng.uniform(380.0, 440.0))

    sw_loop = [SW1, SW2, SW3, SW4, SW5, SW6]
    sw_loop_rev = [SW6, SW5, SW4, SW3, SW2]
    plan: list[tuple[str, str, str, int, Callable[[], tuple[Fix, ...]]]] = []

    def add(
        tid: str, kind: str, type_: str, count: int, make: Callable[[], tuple[Fix, ...]]
    ) -> None:
        plan.append((tid, kind, type_, count, make))

    # Day wave: 8 J-16 formations of 4 and a pair (34), a pair of Su-30 (2), 3 x 4 H-6K (12),
    # 2 KJ-500, 2 Y-8 ASW = 52.
    j16_starts = [(2, 5), (2, 20), (2, 40), (3, 10), (3, 35), (4, 0), (4, 30), (5, 0)]
    origins = [CHAOSHAN, DONGSHAN, CHAOSHAN, SHANWEI, CHAOSHAN, DONGSHAN, CHAOSHAN, SHANWEI]
    for i, ((h, m), origin) in enumerate(zip(j16_starts, origins, strict=True)):
        route = [origin, *(sw_loop if i % 2 == 0 else sw_loop_rev), origin]
        add(
            f"PLA-D{i + 1:02d}",
            KIND_FIGHTER,
            "J-16",
            4,
            lambda r=route, hm=(h, m): fly(rng, r, at(*hm), fighter_speed(), 8000.0),
        )
    add(
        "PLA-D09",
        KIND_FIGHTER,
        "J-16",
        2,
        lambda: fly(rng, [CHAOSHAN, SW6, SW2, SW3, SW5, CHAOSHAN], at(5, 25), 420.0, 7500.0),
    )
    add(
        "PLA-D10",
        KIND_FIGHTER,
        "Su-30",
        2,
        lambda: fly(rng, [DONGSHAN, SW1, SW3, SW4, SW6, DONGSHAN], at(3, 0), 410.0, 8500.0),
    )
    # Two bomber formations fly out through the Bashi Channel to the east of Taiwan and back.
    bashi = [SHANWEI, (117.8, 22.0), *BASHI_OUT, *BASHI_BACK, SHANWEI]
    add(
        "PLA-B01",
        KIND_BOMBER,
        "H-6K",
        4,
        lambda: fly(rng, bashi, at(2, 30), 300.0, 9000.0, jitter_deg=0.02),
    )
    add(
        "PLA-B02",
        KIND_BOMBER,
        "H-6K",
        4,
        lambda: fly(rng, bashi, at(2, 45), 305.0, 8500.0, jitter_deg=0.02),
    )
    add(
        "PLA-B03",
        KIND_BOMBER,
        "H-6K",
        4,
        lambda: fly(rng, [SHANWEI, SW1, SW3, SW4, SW6, SHANWEI], at(3, 20), 295.0, 9000.0),
    )
    aew = [CHAOSHAN, (118.6, 22.1), (119.3, 21.7), (118.6, 22.1), (119.3, 21.7), (118.6, 22.1)]
    add(
        "PLA-K01",
        KIND_ISR,
        "KJ-500",
        1,
        lambda: fly(rng, [*aew, CHAOSHAN], at(1, 50), 290.0, 7500.0),
    )
    add(
        "PLA-K02",
        KIND_ISR,
        "KJ-500",
        1,
        lambda: fly(rng, [*aew, CHAOSHAN], at(3, 15), 285.0, 7800.0),
    )
    asw = [SHANWEI, (119.0, 21.6), (119.7, 21.9), (119.0, 21.6), (119.7, 21.9), (119.0, 21.6)]
    add(
        "PLA-Y01",
        KIND_ISR,
        "Y-8 ASW",
        1,
        lambda: fly(rng, [*asw, SHANWEI], at(2, 0), 240.0, 3000.0, entry_alt_m=2000.0),
    )
    add(
        "PLA-Y02",
        KIND_ISR,
        "Y-8 ASW",
        1,
        lambda: fly(rng, [*asw, SHANWEI], at(3, 40), 235.0, 2500.0, entry_alt_m=2000.0),
    )
    # Evening wave: 4 J-16 in two pairs.
    add(
        "PLA-E01",
        KIND_FIGHTER,
        "J-16",
        2,
        lambda: fly(rng, [CHAOSHAN, SW1, SW2, SW3, SW6, CHAOSHAN], at(11, 5), 400.0, 7500.0),
    )
    add(
        "PLA-E02",
        KIND_FIGHTER,
        "J-16",
        2,
        lambda: fly(rng, [CHAOSHAN, SW6, SW5, SW3, SW1, CHAOSHAN], at(11, 25), 410.0, 7500.0),
    )
    tracks = []
    for tid, kind, type_, count, make in plan:
        label = f"{type_} x{count} ({ILLUSTRATIVE})" if count > 1 else f"{type_} ({ILLUSTRATIVE})"
        tracks.append(Track(tid, kind, label, count, make()))
    total = sum(t.count for t in tracks)
    assert total == RECORD_DAY_AIRCRAFT, total
    return tracks


# --------------------------------------------------------------------------------------- ships
def senkaku_points() -> np.ndarray:
    """The eight features' published positions (S6), from the layer file."""
    doc = json.loads((ROOT / "layers" / "senkaku.geojson").read_text(encoding="utf-8"))
    return np.array([f["geometry"]["coordinates"] for f in doc["features"]], dtype=np.float64)


def nearest_nmi(points: np.ndarray, lon: float, lat: float) -> float:
    n = len(points)
    _, _, d = GEOD.inv(np.full(n, lon), np.full(n, lat), points[:, 0], points[:, 1])
    return float(np.min(d)) / NMI_IN_M


class SenkakuRing:
    """Points at a given distance (nmi) from the nearest islet, by azimuth from a centre."""

    CENTRE = (123.60, 25.82)

    def __init__(self, points: np.ndarray) -> None:
        self.points = points
        # Distance to the nearest islet along rays from the centre, every 100 m out to 90 km.
        self.steps = np.arange(0.0, 90_000.0, 100.0)
        self.azimuths = np.arange(0.0, 360.0, 2.0)
        table = []
        for a in self.azimuths:
            lons, lats, _ = GEOD.fwd(
                np.full(len(self.steps), self.CENTRE[0]),
                np.full(len(self.steps), self.CENTRE[1]),
                np.full(len(self.steps), a),
                self.steps,
            )
            d = np.full(len(self.steps), np.inf)
            for plon, plat in points:
                _, _, dd = GEOD.inv(lons, lats, np.full_like(lons, plon), np.full_like(lats, plat))
                d = np.minimum(d, dd)
            table.append(np.maximum.accumulate(d) / NMI_IN_M)  # first crossing outward
        self.table = np.array(table)

    def at(self, azimuth: float, d_nmi: float) -> Point:
        a = azimuth % 360.0
        i = int(a // 2.0) % len(self.azimuths)
        j = (i + 1) % len(self.azimuths)
        w = (a - self.azimuths[i]) / 2.0
        r_i = float(np.interp(d_nmi, self.table[i], self.steps))
        r_j = float(np.interp(d_nmi, self.table[j], self.steps))
        r = (1 - w) * r_i + w * r_j
        lon, lat, _ = GEOD.fwd(self.CENTRE[0], self.CENTRE[1], a, r)
        return float(lon), float(lat)


def _geodesic_point(a: Point, b: Point, f: float) -> Point:
    az, _, dist = GEOD.inv(a[0], a[1], b[0], b[1])
    lon, lat, _ = GEOD.fwd(a[0], a[1], az, dist * f)
    return float(lon), float(lat)


def ships(rng: np.random.Generator) -> list[Track]:
    """Four China Coast Guard ships enter the Senkaku contiguous zone from the north-west, circle
    the islands between 15 and 21 nmi out for about 13 hours (the lead ship once closes to about
    12.3 nmi for half an hour), and leave; a Japan Coast Guard ship shadows them on the island
    side."""
    pts = senkaku_points()
    ring = SenkakuRing(pts)
    t_enter = 2.0 * 3600  # reaching the loop (the 24 nmi line is crossed ~35 min earlier)
    t_leave = 19.5 * 3600
    t_approach = 9.0 * 3600  # the lead ship's closest approach
    start, end = (122.95, 26.30), (123.25, 26.55)
    az0 = 300.0  # where the ships join the loop (north-west of Uotsuri-jima)
    kt = 12.5
    # Angular rate giving ~12.5 kt on the mean loop (lap length measured on the 18 nmi ring).
    ring_pts = np.array([ring.at(a, 18.0) for a in np.arange(0.0, 361.0, 2.0)])
    _, _, legs = GEOD.inv(ring_pts[:-1, 0], ring_pts[:-1, 1], ring_pts[1:, 0], ring_pts[1:, 1])
    lap_m = float(np.sum(legs))
    omega = 360.0 * kt * KT_IN_MPS / lap_m  # degrees per second, clockwise
    # Leave from the north-west (azimuth az0 + 30), so the way out does not cross the islands.
    laps = round((t_leave - t_enter) * omega / 360.0)
    t_leave = t_enter + (laps * 360.0 + 30.0) / omega

    def loop_pos(t: float, offset_nmi: float, dip: bool) -> Point:
        az = az0 + omega * (t - t_enter)
        d = 18.0 + 2.5 * np.sin(np.radians(3 * (az - az0))) + offset_nmi
        if dip:  # a brief approach towards the 12 nmi line
            d -= (18.0 + 2.5 * np.sin(np.radians(3 * (az - az0))) - 12.3) * np.exp(
                -(((t - t_approach) / 1800.0) ** 2)
            )
        return ring.at(az, float(d))

    def ccg(t: float, k: int) -> Point:
        lag = k * 300.0  # a column, ships about 1 nmi apart
        off = 0.25 * k
        tt = t - lag
        if tt < t_enter:
            t0 = t_enter - 2.5 * 3600
            return _geodesic_point(
                start, loop_pos(t_enter, off, False), max(0.0, (tt - t0) / (t_enter - t0))
            )
        if tt > t_leave:
            f = min(1.0, (tt - t_leave) / (2.2 * 3600))
            return _geodesic_point(loop_pos(t_leave, off, False), end, f)
        return loop_pos(tt, off, k == 0)

    def jcg(t: float) -> Point:
        home = (123.30, 25.47)  # south-west of the islands, where it waits
        via = (123.28, 25.62)
        if t < t_enter:
            t0 = t_enter - 2.5 * 3600
            f = max(0.0, (t - t0) / (t_enter - t0))
            a, b, g = (
                (home, via, f / 0.3)
                if f < 0.3
                else (via, loop_pos(t_enter, -1.2, False), (f - 0.3) / 0.7)
            )
            return _geodesic_point(a, b, g)
        if t > t_leave:
            f = min(1.0, (t - t_leave) / (2.5 * 3600))
            return _geodesic_point(loop_pos(t_leave, -1.2, False), home, f)
        return loop_pos(t, -1.2, True)

    def sample(pos: Callable[[float], Point], t_from: float, t_to: float) -> tuple[Fix, ...]:
        times = [t_from]
        while times[-1] < t_to:
            times.append(min(t_to, times[-1] + float(rng.integers(60, 121))))
        lonlat = np.array([pos(t) for t in times])
        az, _, dist = GEOD.inv(lonlat[:-1, 0], lonlat[:-1, 1], lonlat[1:, 0], lonlat[1:, 1])
        dt = np.diff(times)
        speed = np.append(dist / dt / KT_IN_MPS, dist[-1] / dt[-1] / KT_IN_MPS)
        heading = np.append(np.mod(az, 360.0), np.mod(az[-1], 360.0))
        # Stationary moments (waiting) have no meaningful heading; keep the last one.
        return tuple(
            Fix(t, float(lo), float(la), 0.0, float(v), float(h))
            for t, (lo, la), v, h in zip(times, lonlat, speed, heading, strict=True)
        )

    tracks = []
    for k in range(4):
        fixes = sample(lambda t, k=k: ccg(t, k), 0.0, t_leave + 2.2 * 3600 + k * 300.0)
        tracks.append(
            Track(
                f"CCG-{k + 1}",
                KIND_SHIP,
                f"China Coast Guard ship {k + 1} ({ILLUSTRATIVE})",
                1,
                fixes,
            )
        )
    tracks.append(
        Track(
            "JCG-1",
            KIND_SHIP,
            f"Japan Coast Guard patrol vessel ({ILLUSTRATIVE})",
            1,
            sample(jcg, 0.0, t_leave + 2.5 * 3600),
        )
    )
    return tracks


# ------------------------------------------------------------------------------------- writing
def csv_text(tracks: Sequence[Track]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for tr in tracks:
        for f in tr.fixes:
            when = DAY + timedelta(seconds=round(f.t))
            writer.writerow(
                (
                    tr.track_id,
                    when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    f"{f.lat:.5f}",
                    f"{f.lon:.5f}",
                    f"{round(f.alt_m, -1):.0f}",
                    f"{f.speed_kt:.1f}",
                    f"{f.heading_deg % 360.0:.1f}",
                    tr.kind,
                    "",
                    tr.label,
                    tr.count,
                )
            )
    return out.getvalue()


REGION_LAYERS = (
    "taiwan_adiz",
    "japan_adiz",
    "china_ecs_adiz",
    "median_line",
    "senkaku",
    "senkaku_12nmi",
    "senkaku_24nmi",
    "overlap_taiwan_ecs",
    "landmarks",
    "place_names",
)
ALL_LAYERS = (
    *REGION_LAYERS[:4],
    "kadiz",
    *REGION_LAYERS[4:],
    "exercise_2022_08",
    "exercise_2025_12",
)
HIDDEN_BY_DEFAULT = ("exercise_2022_08", "exercise_2025_12")

NOTICE = (
    "Illustrative scenario — not recorded tracks. Modelled on published figures: a record 56 PLA "
    "aircraft entered Taiwan's ADIZ on 4 Oct 2021, most in the south-west corner (ROC Ministry of "
    "National Defense); China Coast Guard ships were in the Senkaku contiguous zone on 332 days in "
    "2021 (Japan Coast Guard)."
)


# The regions the scenes must keep in view (west, south, east, north degrees).
TAIWAN_ADIZ_BOX = (117.5, 21.0, 124.0, 29.0)  # Taiwan's ADIZ as usually drawn
SW_CORNER_BOX = (117.5, 21.0, 121.0, 23.5)  # the south-west corner (the annotation's polygon)
MEDIAN_LINE_BOX = (117.8, 22.8, 122.2, 27.2)  # the median line, 23°N 118°E to 27°N 122°E
SENKAKU_BOX = (123.3, 25.55, 123.95, 26.05)  # Uotsuri-jima's group and its 12 nmi sea


def build_briefing() -> bf.Briefing:
    day_wave = bf.TimeRange(*DAY_WAVE)
    # Each scene keeps the extent it was composed at (1920 x 1080, `bf.REFERENCE_SIZE`) and the
    # region that must stay visible in any frame: what the scene is about.
    region = bf.ViewSpec.at_scale(121.0, 24.6, 1300.0, "lcc", region=TAIWAN_ADIZ_BOX)
    scenes = (
        bf.Scene(
            title="An ADIZ is not territory",
            note=(
                "Taiwan's air defence identification zone, set in the 1950s (sources give 1953 "
                "or 1959), is an area where Taiwan asks aircraft to identify themselves; it is "
                "not Taiwan's territory, and as usually drawn it even covers part of mainland "
                "China's coast. Territorial "
                "airspace reaches only 12 nautical miles (22 km) from the coast, under Article "
                "3 of the UN Convention on the Law of the Sea. Ask the class why the zones of "
                "Taiwan, China and Japan overlap, and what an aircraft inside one is (and is "
                "not) doing wrong."
            ),
            view=region,
            time=datetime(2021, 10, 4, 3, 30, tzinfo=UTC),
            layers=REGION_LAYERS,
            speed=300.0,
        ),
        bf.Scene(
            title="4 October 2021: the south-west corner",
            note=(
                "On 4 October 2021 Taiwan's defence ministry reported a record 56 PLA aircraft "
                "in its ADIZ, 52 of them by day (34 J-16, 2 Su-30, 12 H-6, 2 KJ-500 and 2 Y-8 "
                "anti-submarine aircraft), most in the south-west corner near the Pratas "
                "(Dongsha) Islands. These paths are illustrative, modelled on those numbers "
                "rather than the recorded flights, and a formation of four is drawn as one "
                "track. The replay stops at the end: ask the class whether more will come "
                "tonight."
            ),
            view=bf.ViewSpec.at_scale(119.6, 22.5, 420.0, "lcc", region=SW_CORNER_BOX),
            time_range=day_wave,
            layers=("taiwan_adiz", "median_line", "landmarks", "place_names"),
            speed=120.0,
            pause_at_end=True,
        ),
        bf.Scene(
            title="The median line",
            note=(
                "Four more J-16s came in the evening, making 56; like the others they never "
                "crossed the Taiwan Strait median line (27°N 122°E to 23°N 118°E, as Taiwan's "
                "defence minister described it in 2004), flying south-west of where it ends. "
                "Beijing never accepted the line, and since August 2022 PLA aircraft have "
                "crossed it routinely: on 14 October 2024 Taiwan counted 111 aircraft crossing "
                "it or entering the ADIZ."
            ),
            view=bf.ViewSpec.at_scale(119.9, 24.0, 650.0, "lcc", region=MEDIAN_LINE_BOX),
            time_range=bf.TimeRange(*EVENING_WAVE),
            layers=("taiwan_adiz", "median_line", "overlap_taiwan_ecs", "landmarks", "place_names"),
            speed=90.0,
        ),
        bf.Scene(
            title="The Senkaku contiguous zone",
            note=(
                "Around the Senkaku / Diaoyu / Diaoyutai Islands Japan counts 12 nautical miles of "
                "territorial sea and 12 to 24 nautical miles of contiguous zone (Articles 3 and "
                "33 of the Law of the Sea convention); China and Taiwan also claim the islands. "
                "The Japan Coast Guard reported China Coast Guard ships in this contiguous zone "
                "on 332 days in 2021 and 355 in 2024. In this illustrative day four ships "
                "circle for hours, one closes on the 12 nmi line, and a Japanese patrol vessel "
                "shadows them."
            ),
            view=bf.ViewSpec.at_scale(123.62, 25.82, 110.0, "lcc", region=SENKAKU_BOX),
            time_range=bf.TimeRange(DAY, DAY + timedelta(hours=17, minutes=30)),
            layers=(
                "senkaku",
                "senkaku_12nmi",
                "senkaku_24nmi",
                "japan_adiz",
                "china_ecs_adiz",
                "place_names",
            ),
            speed=600.0,
        ),
    )
    annotations = (
        bf.Annotation(
            id="adiz-not-territory",
            kind=bf.TEXT,
            points=((121.9, 27.4),),
            text="Taiwan ADIZ: identify yourself here — not territory",
            style=bf.AnnotationStyle(color="#1f4e9c", font_size=14.0),
        ),
        bf.Annotation(
            id="territorial-airspace",
            kind=bf.ARROW,
            points=((122.9, 23.0), (121.6, 23.2)),
            text="Territorial airspace: 12 nmi (22 km) from the coast",
            style=bf.AnnotationStyle(color="#202020", width=2.0, font_size=13.0),
        ),
        bf.Annotation(
            id="sw-corner",
            kind=bf.POLYGON,
            points=((117.5, 21.0), (121.0, 21.0), (121.0, 23.5), (117.5, 23.5)),
            text="South-west corner",
            style=bf.AnnotationStyle(
                color="#c0392b", width=1.5, fill_color="#c0392b", fill_opacity=0.08
            ),
            time=day_wave,
        ),
        bf.Annotation(
            id="illustrative",
            kind=bf.TEXT,
            points=((118.4, 20.75),),  # clear of the scale bar (bottom left)
            text="Illustrative tracks, not recorded",
            style=bf.AnnotationStyle(color="#7f0000", font_size=12.0),
        ),
    )
    layers = tuple(bf.LayerSetting(i, i not in HIDDEN_BY_DEFAULT, 1.0, None) for i in ALL_LAYERS)
    return bf.Briefing(
        title="A record day around Taiwan, 4 October 2021 (illustrative)",
        notice=NOTICE,
        description=(
            "Sources of the figures: ROC Ministry of National Defense daily report of 4 Oct 2021 "
            "(56 aircraft; 52 by day, 4 J-16 in the evening); ROC MND, 14 Oct 2024 (153 detected, "
            "111 crossed the median line or entered the ADIZ); Japan Coast Guard, trends of China "
            "Coast Guard vessels around the Senkaku Islands (days in the contiguous zone: 332 in "
            "2021, 355 in 2024). Routes, times, speeds and altitudes are invented. See "
            "resources/sample/README.md."
        ),
        files=(bf.TrackFileRef(CSV_NAME),),
        layers=layers,
        view=region,
        time_range=bf.TimeRange(DAY, DAY + timedelta(hours=17, minutes=30)),
        speed=300.0,
        trail_seconds=900.0,
        naming="en",
        annotations=annotations,
        scenes=scenes,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(SEED)
    tracks = [*aircraft(rng), *ships(rng)]
    args.out.mkdir(parents=True, exist_ok=True)
    csv_path = args.out / CSV_NAME
    csv_path.write_bytes(csv_text(tracks).encode("utf-8"))
    briefing_path = bf.save_briefing(build_briefing(), args.out / BRIEFING_NAME, backup=False)
    rows = sum(len(t.fixes) for t in tracks)
    print(f"wrote {csv_path} ({rows} fixes, {len(tracks)} tracks) and {briefing_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
