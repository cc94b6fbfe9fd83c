"""The bundled illustrative sample keeps to the published figures it follows (resources/sample)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from viewer.core import briefing as bf
from viewer.core.catalog import ROLE_AREA, load_catalog
from viewer.core.constants import (
    ALT_M,
    CALLSIGN,
    CONTIGUOUS_ZONE_NMI,
    COUNT,
    HEADING_DEG,
    KIND,
    KIND_BOMBER,
    KIND_FIGHTER,
    KIND_SHIP,
    KINDS,
    LABEL,
    LAT,
    LON,
    NMI_IN_M,
    SPEED_KT,
    TERRITORIAL_SEA_NMI,
    TIME,
    TRACK_ID,
)
from viewer.core.geodesy import distance_m
from viewer.core.projection import Projection

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
CSV = SAMPLE / "record_day_2021-10-04.csv"
DEFAULT = SAMPLE / "default.briefing.json"
COLUMNS = [TRACK_ID, TIME, LAT, LON, ALT_M, SPEED_KT, HEADING_DEG, KIND, CALLSIGN, LABEL, COUNT]
RECORD_DAY_AIRCRAFT = 56  # ROC MND, 4 Oct 2021 (shared/reference/README.md, S9)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    df = pd.read_csv(CSV, keep_default_na=False, na_values={c: [""] for c in COLUMNS[2:7]})
    df[TIME] = pd.to_datetime(df[TIME], utc=True, format="%Y-%m-%dT%H:%M:%SZ")
    return df


@pytest.fixture(scope="module")
def taiwan_adiz() -> shapely.Geometry:
    feats = load_catalog().layer("taiwan_adiz").features
    return shapely.union_all(feats[feats["role"] == ROLE_AREA].geometry.to_numpy())


@pytest.fixture(scope="module")
def senkaku_points() -> np.ndarray:
    geoms = load_catalog().layer("senkaku").features.geometry
    return np.array([[g.x, g.y] for g in geoms])


def aircraft_tracks(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    air = frame[frame[KIND] != KIND_SHIP]
    return {str(tid): g for tid, g in air.groupby(TRACK_ID, sort=False)}


def nearest_nmi(points: np.ndarray, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    d = [distance_m(lon, lat, px, py) for px, py in points]
    return np.min(d, axis=0) / NMI_IN_M


# ------------------------------------------------------------------------------- the file itself
def test_csv_is_plain_canonical_csv_with_utc_times(frame: pd.DataFrame) -> None:
    text = CSV.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert not text.startswith("#")
    assert CSV.stat().st_size < 2_000_000
    assert list(frame.columns) == COLUMNS
    times = re.findall(r"^[^,]+,([^,]+),", text, flags=re.MULTILINE)[1:]
    assert times and all(re.fullmatch(r"2021-10-04T\d\d:\d\d:\d\dZ", t) for t in times)
    assert frame[[LAT, LON, SPEED_KT, HEADING_DEG, ALT_M]].notna().all().all()
    assert set(frame[KIND]) <= set(KINDS)
    assert frame[COUNT].ge(1).all()
    # Every row says it is illustrative.
    assert frame[LABEL].str.contains("(illustrative)", regex=False).all()
    # Per track: constant kind/label/count, times increasing.
    for _, g in frame.groupby(TRACK_ID):
        assert g[[KIND, LABEL, COUNT]].nunique().max() == 1
        assert g[TIME].is_monotonic_increasing and g[TIME].is_unique


def test_readers_and_trackset_take_the_sample() -> None:
    from viewer.core.tracks import TrackSet
    from viewer.io.registry import read_tracks

    result = read_tracks(CSV)
    assert result.report.skipped_total == 0
    ts = TrackSet.from_frame(result.frame)
    air = ts.kinds != KIND_SHIP
    assert int(ts.counts[air].sum()) == RECORD_DAY_AIRCRAFT


def test_aircraft_fixes_every_30_to_60_seconds(frame: pd.DataFrame) -> None:
    for tid, g in aircraft_tracks(frame).items():
        gaps = g[TIME].diff().dt.total_seconds().to_numpy()[1:]
        assert gaps.min() >= 30 and gaps.max() <= 60, tid


# ---------------------------------------------------------------------------- the record day
def test_counts_of_tracks_entering_the_adiz_add_up_to_56(
    frame: pd.DataFrame, taiwan_adiz: shapely.Geometry
) -> None:
    entering = {
        tid: int(g[COUNT].iloc[0])
        for tid, g in aircraft_tracks(frame).items()
        if shapely.contains_xy(taiwan_adiz, g[LON].to_numpy(), g[LAT].to_numpy()).any()
    }
    assert sum(entering.values()) == RECORD_DAY_AIRCRAFT
    assert len(entering) < RECORD_DAY_AIRCRAFT  # formations: count > 1 on some paths
    # Every path starts outside the zone as drawn (off the Guangdong coast) and enters it.
    for tid, g in aircraft_tracks(frame).items():
        assert not shapely.contains_xy(taiwan_adiz, g[LON].iloc[0], g[LAT].iloc[0]), tid


def test_the_default_day_count_is_the_documented_record_day(
    frame: pd.DataFrame, taiwan_adiz: shapely.Geometry
) -> None:
    """Issue 22: the counts chart's default figure is the one the sample documents (56 aircraft
    on MND's day of 4 Oct 2021); ships are counted apart, as ships, never as aircraft."""
    from viewer.core.counts import MND_DAY, entries_by_bin
    from viewer.core.tracks import TrackSet
    from viewer.core.zones import compute_zone_events
    from viewer.io.registry import read_tracks

    documented = re.search(
        r"Record day: (\d+) PLA aircraft in Taiwan's ADIZ on 4 Oct 2021",
        (SAMPLE / "README.md").read_text(encoding="utf-8"),
    )
    assert documented and int(documented.group(1)) == RECORD_DAY_AIRCRAFT
    ts = TrackSet.from_frame(read_tracks(CSV).frame)
    events = compute_zone_events(ts, load_catalog().analysis_zones())
    aircraft = dict(zip(map(str, ts.ids), ts.counts.tolist(), strict=True))
    counts = entries_by_bin(events, aircraft, "taiwan_adiz")
    assert counts.day == MND_DAY and len(counts.table) == 1
    assert counts.table.index[0].isoformat() == "2021-10-04T06:00:00+08:00"
    assert counts.totals.iloc[0] == int(documented.group(1))
    assert KIND_SHIP not in counts.table.columns
    # Ships whose drawn path crosses into the zone, found here with shapely alone.
    ships = {
        tid
        for tid, g in frame[frame[KIND] == KIND_SHIP].groupby(TRACK_ID)
        if shapely.LineString(g[[LON, LAT]].to_numpy()).intersects(taiwan_adiz)
    }
    assert ships  # the sample's coast-guard ships near the Senkakus do
    assert counts.apart[KIND_SHIP].iloc[0] == len(ships)


def test_two_waves_52_by_day_and_4_in_the_evening(frame: pd.DataFrame) -> None:
    evening = datetime(2021, 10, 4, 9, 0, tzinfo=UTC)
    day = sum(
        int(g[COUNT].iloc[0]) for g in aircraft_tracks(frame).values() if g[TIME].max() < evening
    )
    night = sum(
        int(g[COUNT].iloc[0]) for g in aircraft_tracks(frame).values() if g[TIME].min() > evening
    )
    assert (day, night) == (52, 4)
    types = frame[frame[KIND] != KIND_SHIP].groupby(TRACK_ID).first()
    by_type = types.groupby(types[LABEL].str.extract(r"^([\w\- ]+?)(?: x\d+)? \(")[0])[COUNT].sum()
    assert by_type.to_dict() == {"J-16": 38, "Su-30": 2, "H-6K": 12, "KJ-500": 2, "Y-8 ASW": 2}


def test_most_of_the_aircraft_are_in_the_south_west_corner(
    frame: pd.DataFrame, taiwan_adiz: shapely.Geometry
) -> None:
    south_west = 0
    for g in aircraft_tracks(frame).values():
        lon, lat = g[LON].to_numpy(), g[LAT].to_numpy()
        inside = shapely.contains_xy(taiwan_adiz, lon, lat)
        in_corner = inside & (lat < 23.5) & (lon < 121.0)
        if in_corner.sum() > inside.sum() / 2:
            south_west += int(g[COUNT].iloc[0])
    assert south_west > RECORD_DAY_AIRCRAFT / 2


def test_some_bombers_go_out_through_the_bashi_channel(frame: pd.DataFrame) -> None:
    bashi = [
        tid
        for tid, g in aircraft_tracks(frame).items()
        if g[KIND].iloc[0] == KIND_BOMBER and ((g[LON] > 121.5) & (g[LAT] < 22.5)).any()
    ]
    assert bashi


def test_speeds_are_typical_of_the_types(frame: pd.DataFrame) -> None:
    for tid, g in aircraft_tracks(frame).items():
        median = g[SPEED_KT].median()
        if g[KIND].iloc[0] == KIND_FIGHTER:
            assert 350 <= median <= 450, tid
        elif g[KIND].iloc[0] == KIND_BOMBER:
            assert 280 <= median <= 320, tid
        # Reported speed matches the distance actually flown between fixes (within 10 %).
        d = distance_m(
            g[LON].to_numpy()[:-1],
            g[LAT].to_numpy()[:-1],
            g[LON].to_numpy()[1:],
            g[LAT].to_numpy()[1:],
        )
        dt = g[TIME].diff().dt.total_seconds().to_numpy()[1:]
        flown_kt = d / dt / (NMI_IN_M / 3600.0)
        assert np.median(np.abs(flown_kt / g[SPEED_KT].to_numpy()[:-1] - 1)) < 0.1, tid


def test_aircraft_stay_out_of_taiwan_territorial_airspace(frame: pd.DataFrame) -> None:
    """The sample must not show incursions that were not reported: no aircraft within 12 nmi of
    the coast of Taiwan, Penghu or the islands off its south-east (GSHHG intermediate)."""
    from viewer.core.basemap import GshhgResolution

    gshhg = GshhgResolution("i")
    box = (119.2, 21.8, 122.2, 25.35)  # Taiwan, Penghu, Liuqiu, Lanyu, Green Island
    rings = []
    for i in gshhg.select(*box):
        ring = gshhg.ring(int(i))
        lo, hi = ring.min(axis=0), ring.max(axis=0)
        within = lo[0] >= box[0] and lo[1] >= box[1] and hi[0] <= box[2] and hi[1] <= box[3]
        if gshhg.level[i] == 1 and within:
            rings.append(ring)
    names = {"Taiwan": (121.0, 23.5), "Lanyu": (121.55, 22.04)}
    land = shapely.union_all([shapely.Polygon(r) for r in rings])
    for name, (x, y) in names.items():
        assert shapely.contains_xy(land, x, y), f"{name} missing from the land used by the test"
    lcc = Projection.default()
    land_xy = shapely.transform(land, lambda c: np.column_stack(lcc.forward(c[:, 0], c[:, 1])))
    air = frame[frame[KIND] != KIND_SHIP]
    x, y = lcc.forward(air[LON].to_numpy(), air[LAT].to_numpy())
    dist = shapely.distance(land_xy, shapely.points(x, y))
    # LCC is conformal with scale within 1 % here; keep a margin.
    assert dist.min() > TERRITORIAL_SEA_NMI * NMI_IN_M * 1.05


def test_no_aircraft_crosses_the_median_line(frame: pd.DataFrame) -> None:
    feats = load_catalog().layer("median_line").features
    line = shapely.union_all(feats.geometry.to_numpy())
    for tid, g in aircraft_tracks(frame).items():
        path = shapely.LineString(np.column_stack([g[LON], g[LAT]]))
        assert not path.intersects(line), tid


# --------------------------------------------------------------------------------- the Senkakus
def test_coast_guard_patrol_in_the_senkaku_contiguous_zone(
    frame: pd.DataFrame, senkaku_points: np.ndarray
) -> None:
    ships = {str(t): g for t, g in frame[frame[KIND] == KIND_SHIP].groupby(TRACK_ID)}
    ccg = {t: g for t, g in ships.items() if "China Coast Guard" in g[LABEL].iloc[0]}
    jcg = {t: g for t, g in ships.items() if "Japan Coast Guard" in g[LABEL].iloc[0]}
    assert 3 <= len(ccg) <= 4 and len(jcg) == 1
    closest = []
    for tid, g in ccg.items():
        d = nearest_nmi(senkaku_points, g[LON].to_numpy(), g[LAT].to_numpy())
        dt = g[TIME].diff().dt.total_seconds().to_numpy()[1:]
        inside_24 = (d[1:] < CONTIGUOUS_ZONE_NMI) & (d[:-1] < CONTIGUOUS_ZONE_NMI)
        assert dt[inside_24].sum() > 2 * 3600, tid
        assert d.min() > TERRITORIAL_SEA_NMI, f"{tid} enters the 12 nmi territorial sea"
        assert 10 <= g[SPEED_KT].median() <= 15, tid
        close = (d[1:] < 13.0) & (d[:-1] < 13.0)
        assert dt[close].sum() < 3600, f"{tid}: the approach to 12 nmi should be brief"
        closest.append(d.min())
    assert min(closest) < 13.0  # one brief approach to the 12 nmi line
    # The Japan Coast Guard ship shadows the lead ship, on the island side, while it patrols.
    (j,) = jcg.values()
    lead = ccg[min(ccg)]
    both = pd.merge_asof(
        lead.sort_values(TIME),
        j.sort_values(TIME),
        on=TIME,
        direction="nearest",
        suffixes=("", "_j"),
    )
    d_lead = nearest_nmi(senkaku_points, both[LON].to_numpy(), both[LAT].to_numpy())
    patrolling = d_lead < CONTIGUOUS_ZONE_NMI - 2
    gap = distance_m(both[LON], both[LAT], both[f"{LON}_j"], both[f"{LAT}_j"]) / NMI_IN_M
    assert np.median(gap[patrolling]) < 3.0
    d_jcg = nearest_nmi(senkaku_points, both[f"{LON}_j"].to_numpy(), both[f"{LAT}_j"].to_numpy())
    assert np.median(d_jcg[patrolling] - d_lead[patrolling]) < 0


# --------------------------------------------------------------------------- generator, briefing
def test_generator_is_deterministic_and_matches_the_committed_files(tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, str(SAMPLE / "make_sample.py"), "--out", str(out)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        outs.append(out)
    for fname in (CSV.name, DEFAULT.name):
        a, b = ((o / fname).read_bytes() for o in outs)
        assert a == b, f"{fname} differs between two runs"
        assert a == (SAMPLE / fname).read_bytes(), f"{fname} is stale: re-run make_sample.py"


def test_default_briefing_teaches_with_illustrative_notice(frame: pd.DataFrame) -> None:
    b = bf.load_briefing(DEFAULT)
    assert bf.default_briefing_path() == DEFAULT
    assert DEFAULT.read_text(encoding="utf-8") == bf.dumps(b)  # canonical form
    assert bf.missing_files(b, DEFAULT.parent) == []
    assert [f.path for f in b.files] == [CSV.name]
    for text in ("Illustrative", "not recorded tracks", "56", "4 Oct 2021", "332 days"):
        assert text in b.notice
    assert 3 <= len(b.scenes) <= 5
    catalog_ids = {la.id for la in load_catalog().layers}
    assert {la.id for la in b.layers} <= catalog_ids
    span = (frame[TIME].min().to_pydatetime(), frame[TIME].max().to_pydatetime())
    for scene in b.scenes:
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", scene.note.strip()) if s]
        assert 2 <= len(sentences) <= 3, (scene.title, sentences)
        assert scene.view is not None and scene.layers
        assert set(scene.layers) <= catalog_ids
        start = scene.start_time
        assert start is not None and span[0] <= start <= span[1]
    titles = " ".join(s.title for s in b.scenes).lower()
    for topic in ("adiz", "south-west", "median line", "senkaku"):
        assert topic in titles
    # The south-west scene plays the whole first wave; the Senkaku scene is zoomed on the islands.
    sw = next(s for s in b.scenes if "south-west" in s.title)
    air = frame[(frame[KIND] != KIND_SHIP) & (frame[TIME].dt.hour < 9)]
    assert sw.time_range is not None
    assert sw.time_range.start <= air[TIME].min() and air[TIME].max() <= sw.time_range.end
    assert sw.pause_at_end
    senkaku = next(s for s in b.scenes if "Senkaku" in s.title)
    assert senkaku.view is not None and senkaku.view.metres_per_pixel < 200
    assert {"senkaku_12nmi", "senkaku_24nmi"} <= set(senkaku.layers or ())
    assert distance_m(senkaku.view.center_lon, senkaku.view.center_lat, 123.47, 25.74) < 30_000
    median = next(s for s in b.scenes if "median" in s.title.lower())
    assert "median_line" in (median.layers or ())
