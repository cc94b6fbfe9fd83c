"""The place-name layer: every name in four usages with its sources, positions checked against
the GSHHG coastline (gazetteer positions on land, names of seas and straits on water)."""

import sys

import numpy as np
import pytest
import shapely

from tests.reference_data import REPO
from viewer.core.basemap import GshhgResolution
from viewer.core.catalog import label_for, load_catalog

sys.path.insert(0, str(REPO / "layers"))
from place_names import place_name_features

ASKED_FOR = (  # issue 19: the places a class expects to see named
    "taiwan_strait",
    "east_china_sea",
    "philippine_sea",
    "pacific_ocean",
    "bashi_channel",
    "luzon_strait",
    "miyako_strait",
    "yonaguni",
    "ishigaki",
    "miyako",
    "okinawa",
    "senkaku_islands",
    "penghu",
    "kinmen",
    "matsu",
    "pratas",
    "taiwan",
    "fujian",
    "zhejiang",
    "guangdong",
    "luzon",
    "batanes",
    "jeju",
    "kyushu",
    "taipei",
    "kaohsiung",
    "taichung",
    "hualien",
    "fuzhou",
    "xiamen",
    "shanghai",
    "naha",
    "manila",
)


@pytest.fixture(scope="module")
def layer():
    return load_catalog().layer("place_names")


@pytest.fixture(scope="module")
def land():
    gshhg = GshhgResolution("i")
    idx = [i for i in gshhg.select(110, 12, 135, 36) if gshhg.level[i] == 1]
    return shapely.union_all([shapely.Polygon(gshhg.ring(int(i))) for i in idx])


def test_the_layer_is_in_the_catalog_visible_and_sourced(layer):
    catalog = load_catalog()
    assert layer.visible and layer.group == "Places"
    assert layer.title("ja") == "地名" and layer.title("zh_TW") == "地名"
    ids = list(layer.features["id"])
    assert set(ASKED_FOR) <= set(ids)
    for _, row in layer.features.iterrows():
        assert row["role"] == "place"
        for usage in ("en", "ja", "zh_CN", "zh_TW"):
            assert row[f"name_{usage}"], (row["id"], usage)
        for sid in row["source"].split(";"):
            assert sid in catalog.sources, (row["id"], sid)
        assert row["confidence"] in ("gazetteer", "placement")
        assert row["ref"].startswith("https://en.wikipedia.org/wiki/")
        assert 3 <= row["min_zoom"] <= 8


def test_names_follow_the_naming_usage_and_the_reference_rules(layer):
    rows = layer.features.set_index("id")
    strait = rows.loc["taiwan_strait"]
    assert [label_for(strait, n) for n in ("en", "ja", "zh_CN", "zh_TW")] == [
        "Taiwan Strait",
        "台湾海峡",
        "台湾海峡",
        "臺灣海峽",
    ]
    senkaku = rows.loc["senkaku_islands"]
    assert senkaku["name_en"] == "Senkaku / Diaoyu / Diaoyutai Islands"  # reference: all usages
    assert (senkaku["name_ja"], senkaku["name_zh_CN"], senkaku["name_zh_TW"]) == (
        "尖閣諸島",
        "钓鱼岛及其附属岛屿",
        "釣魚臺列嶼",
    )
    assert "S6" in senkaku["source"]
    assert rows.loc["east_china_sea", "name_zh_CN"] == "东海"  # as in the PRC's 2013 statement
    assert strait.geometry.geom_type == "LineString"  # the strait's name runs along the strait


def test_gazetteer_positions_are_on_land_and_sea_names_on_water(layer, land):
    near = land.buffer(0.08)  # ~8 km: small islands are coarse in GSHHG's intermediate level
    for _, row in layer.features.iterrows():
        geom = row.geometry
        if row["place"] in ("sea", "strait", "channel"):
            assert not land.intersects(geom), row["id"]  # a sea's name is never on land
        elif row["confidence"] == "gazetteer":
            assert near.contains(geom), row["id"]


def test_the_straits_line_lies_between_the_median_line_and_taiwan(layer):
    median = load_catalog().layer("median_line").features.geometry
    line = shapely.union_all(median.to_numpy())
    strait = layer.features.set_index("id").loc["taiwan_strait"].geometry
    # east of the median line (y = x - 95 in lon/lat), west of Taiwan's west coast (~120.2°E)
    xy = shapely.get_coordinates(strait)
    assert (xy[:, 1] < xy[:, 0] - 95).all()
    assert shapely.distance(strait, line) > 0.2


def test_layer_file_is_what_the_csv_gives(tmp_path, layer):
    import json

    feats = place_name_features(REPO / "layers" / "place_names.csv", set(load_catalog().sources))
    shipped = json.loads((REPO / "layers" / "place_names.geojson").read_text(encoding="utf-8"))
    assert shipped["features"] == json.loads(json.dumps(feats))
    assert len(layer.features) == len(feats)
    assert np.isfinite(layer.features.geometry.bounds.to_numpy()).all()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("city", "town"), "line 2: place must be one of"),
        (("gazetteer", "guess"), "line 2: anchor must be one of"),
        (("N2", "Z9"), "line 2: sources must be ids of manifest.json"),
        (("121.56,25.04", "121.56,x"), "line 2: lon and lat must be numbers"),
        (("台北", ""), "line 2: no name in ja"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(tmp_path, change, message):
    header = (
        "id,place,lon,lat,path,min_zoom,anchor,name_en,name_ja,name_zh_CN,name_zh_TW,sources,"
        "ref,note\n"
    )
    row = "taipei,city,121.56,25.04,,6,gazetteer,Taipei,台北,台北,臺北,N2,Taipei,\n"
    path = tmp_path / "bad.csv"
    path.write_text(header + row.replace(*change, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        place_name_features(path, {"N2"})
