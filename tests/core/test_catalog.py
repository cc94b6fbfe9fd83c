"""The reference layers: sourced, dated, built only from the published points, computed right."""

import csv
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime

import numpy as np
import pytest
import shapely

from tests.reference_data import REPO, points_csv
from viewer.core.catalog import ROLE_AREA, ROLE_EDGE, geodesic_area_km2, load_catalog
from viewer.core.constants import NMI_IN_M
from viewer.core.geodesy import distance_m

UOTSURI = (123.47333, 25.74333)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_layer_loads_with_a_dated_source_and_confidence(catalog):
    assert len(catalog.layers) >= 10
    for layer in catalog.layers:
        assert layer.sources, layer.id
        assert all(s.publisher and s.document and s.date for s in layer.sources), layer.id
        assert layer.date, layer.id
        assert len(layer.features) > 0, layer.id
        assert layer.features["confidence"].notna().all(), layer.id
        assert layer.info_text(), layer.id
        assert layer.titles["en"] and layer.titles["ja"] and layer.titles["zh_TW"], layer.id


def test_layer_files_are_exactly_what_the_build_script_makes_from_points_csv(tmp_path):
    # Never invent a boundary: the shipped files are a pure function of the published points.
    work = tmp_path / "layers"
    shutil.copytree(REPO / "layers", work)
    for f in work.glob("*.geojson"):
        f.unlink()
    subprocess.run(
        [sys.executable, str(work / "build_layers.py"), str(points_csv())],
        check=True,
        capture_output=True,
    )
    for shipped in sorted((REPO / "layers").glob("*.geojson")):
        rebuilt = work / shipped.name
        assert rebuilt.exists(), shipped.name
        assert json.loads(rebuilt.read_text()) == json.loads(shipped.read_text()), shipped.name


def test_every_official_edge_vertex_is_a_published_point(catalog):
    published = set()
    with points_csv().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            published.add((round(float(row["lon"]), 5), round(float(row["lat"]), 5)))
    for layer in catalog.layers:
        edges = layer.features[layer.features["role"] == ROLE_EDGE]
        for _, row in edges.iterrows():
            if row["confidence"] != "O" or ("derived" in row and isinstance(row["derived"], str)):
                continue
            coords = shapely.get_coordinates(row.geometry)
            for end in (coords[0], coords[-1]):
                assert (round(end[0], 5), round(end[1], 5)) in published, (layer.id, end)


def test_uncertain_edges_are_marked_and_partial_layers_say_so(catalog):
    taiwan = catalog.layer("taiwan_adiz")
    edges = taiwan.features[taiwan.features["role"] == ROLE_EDGE]
    by_conf = edges.groupby("confidence").size().to_dict()
    assert by_conf == {"O": 2, "U": 3}
    assert taiwan.has_uncertain_edges
    assert "approximate" in taiwan.confidence_summary()
    assert catalog.layer("japan_adiz").partial
    assert "partial" in catalog.layer("japan_adiz").info_text()
    zones = {z.id: z for z in catalog.analysis_zones()}
    assert zones["taiwan_adiz"].approximate
    assert not zones["median_line"].approximate


def test_taiwan_adiz_area_matches_the_reference_check(catalog):
    # shared/reference/README.md: with a 117.5°E west edge the geodesic area is ≈ 479,000 km².
    area = catalog.layer("taiwan_adiz").features
    km2 = geodesic_area_km2(area[area["role"] == ROLE_AREA].geometry.iloc[0])
    assert km2 == pytest.approx(479_000, rel=0.01)


@pytest.mark.parametrize(("layer_id", "nmi"), [("senkaku_12nmi", 12), ("senkaku_24nmi", 24)])
def test_senkaku_zones_are_geodesic_buffers(catalog, layer_id, nmi):
    geom = catalog.layer(layer_id).features.geometry.iloc[0]
    outer = max(shapely.get_parts(geom), key=lambda g: g.area).exterior
    xy = shapely.get_coordinates(shapely.segmentize(outer, 0.001))
    # The closest point of the zone's outer limit to Uotsuri-jima is `nmi` away (1 %).
    d = distance_m(UOTSURI[0], UOTSURI[1], xy[:, 0], xy[:, 1])
    assert d.min() == pytest.approx(nmi * NMI_IN_M, rel=0.01)
    # and every outer-limit point is `nmi` from the nearest islet, never less.
    pts = catalog.layer("senkaku").features.geometry
    nearest = np.min([distance_m(p.x, p.y, xy[:, 0], xy[:, 1]) for p in pts], axis=0)
    assert nearest.min() >= nmi * NMI_IN_M * 0.999
    assert nearest.max() <= nmi * NMI_IN_M * 1.002


def test_contiguous_zone_excludes_the_territorial_sea(catalog):
    cz = catalog.layer("senkaku_24nmi").features.geometry.iloc[0]
    assert not cz.contains(shapely.Point(UOTSURI))
    lon, lat = UOTSURI
    # 18 nmi due north of Uotsuri: in the contiguous zone.
    from viewer.core.geodesy import WGS84_GEOD

    x, y, _ = WGS84_GEOD.fwd(lon, lat, 0.0, 18 * NMI_IN_M)
    assert cz.contains(shapely.Point(x, y))


def test_japan_adiz_has_two_dated_states_near_yonaguni(catalog):
    japan = catalog.layer("japan_adiz")
    before = japan.features_at(datetime(2009, 1, 1, tzinfo=UTC))
    after = japan.features_at(datetime(2011, 1, 1, tzinfo=UTC))

    def westmost(feats):
        return min(shapely.get_coordinates(g)[:, 0].min() for g in feats.geometry)

    assert westmost(before[before.geometry.bounds.miny < 26]) == pytest.approx(123.0)
    # After 25 Jun 2010 the line bulges ~14 nmi west of Yonaguni's west cape (122.934°E).
    assert westmost(after[after.geometry.bounds.miny < 26]) < 122.75
    assert len(before) < len(after)


def test_exercise_zones_are_time_bound(catalog):
    ex = catalog.layer("exercise_2022_08")
    assert len(ex.features_at(datetime(2022, 8, 5, tzinfo=UTC))) == len(ex.features)
    assert len(ex.features_at(datetime(2022, 9, 1, tzinfo=UTC))) == 0


# S8 (shared/reference/README.md), UTC+8: zones 1-6 4 Aug 12:00 - 7 Aug 12:00 2022, zone 7
# 4 Aug 10:00 - 8 Aug 10:00; the five Justice Mission-2025 zones 30 Dec 2025 08:00-18:00.
PUBLISHED_HOURS = {
    **{
        f"exercise_2022_08:zone{n}": ("2022-08-04T12:00:00+08:00", "2022-08-07T12:00:00+08:00")
        for n in range(1, 7)
    },
    "exercise_2022_08:zone7": ("2022-08-04T10:00:00+08:00", "2022-08-08T10:00:00+08:00"),
    **{
        f"exercise_2025_12:{z}": ("2025-12-30T08:00:00+08:00", "2025-12-30T18:00:00+08:00")
        for z in ("north", "northwest", "southwest", "south", "southeast")
    },
}


def test_exercise_zones_are_in_force_in_the_published_hours(catalog):
    import pandas as pd

    zones = {z.id: z for z in catalog.analysis_zones() if z.id.startswith("exercise_")}
    assert set(zones) == set(PUBLISHED_HOURS)
    for zone_id, (start, end) in PUBLISHED_HOURS.items():
        start, end = pd.Timestamp(start), pd.Timestamp(end)
        zone = zones[zone_id]
        assert (zone.valid_from, zone.valid_to) == (start, end), zone_id
        # the map shows each zone's area and edges over the same instants
        layer_id, part = zone_id.split(":")
        feats = catalog.layer(layer_id).features
        mine = feats[feats["zone"] == part]
        assert (mine["valid_from"] == start).all() and (mine["valid_to"] == end).all()
        layer = catalog.layer(layer_id)
        second = pd.Timedelta(seconds=1)
        for when, shown in (
            (start - second, False),
            (start, True),
            (end - second, True),
            (end, False),
        ):
            live = layer.features_at(when.to_pydatetime())
            assert (part in set(live["zone"])) == shown, (zone_id, when)
    # and they are the manifest's, which the layer files are built from
    manifest = json.loads((REPO / "layers" / "manifest.json").read_text(encoding="utf-8"))
    listed = {
        f"{entry['id']}:{part}": (pd.Timestamp(h["valid_from"]), pd.Timestamp(h["valid_to"]))
        for entry in manifest["layers"]
        for h in entry.get("in_force", [])
        for part in h["parts"]
    }
    assert listed == {
        k: (pd.Timestamp(a), pd.Timestamp(b)) for k, (a, b) in PUBLISHED_HOURS.items()
    }


def test_the_median_line_says_how_it_is_drawn_and_how_far_other_drawings_lie(catalog):
    from viewer.core.geodesy import WGS84_GEOD

    median = next(z for z in catalog.analysis_zones() if z.id == "median_line")
    assert median.drawing_uncertainty_m == 5000
    assert "straight in longitude/latitude" in catalog.layer("median_line").note
    # straight in lon/lat as drawn (densified), and the geodesic between the same ends: 3.4 km
    # apart at most, within the 5 km the flag allows
    geodesic = np.array(WGS84_GEOD.npts(118.0, 23.0, 122.0, 27.0, 199))
    drawn_line = shapely.get_coordinates(shapely.segmentize(median.geometry, 0.0005))
    km = [
        float(np.min(distance_m(lon, lat, drawn_line[:, 0], drawn_line[:, 1]))) / 1000
        for lon, lat in geodesic
    ]
    assert 3.0 < max(km) < 5.0


def test_naming_usage_changes_the_titles(catalog):
    layer = catalog.layer("senkaku")
    assert layer.title("ja") == "尖閣諸島"
    assert layer.title("zh_TW") == "釣魚臺列嶼"
    assert "尖閣諸島" in layer.title("all") and "钓鱼岛" in layer.title("all")
