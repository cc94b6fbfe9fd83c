"""Facts the layers state, against shared/reference/README.md (S1, S9, S10) and its naming rules."""

import json

import pytest
import shapely

from tests.reference_data import REPO
from viewer.core.catalog import ROLE_AREA, geodesic_area_km2, load_catalog
from viewer.core.counts import reference_figures


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _area(layer):
    feats = layer.features
    return shapely.union_all(feats[feats["role"] == ROLE_AREA].geometry.to_numpy())


def test_the_overlap_figures_as_mnd_and_the_air_force_defined_them(catalog):
    # S1: MND's ≈ 23,000 km² counts only the part east of the median line and south of 27°N
    # (the usual drawing gives ≈ 24,100); the Air Force's first ≈ 67,000 was the whole overlap
    # (the usual drawing closed along the coast gives ≈ 74,000).
    whole = shapely.intersection(
        _area(catalog.layer("taiwan_adiz")), _area(catalog.layer("china_ecs_adiz"))
    )
    # East of the median line (27°N 122°E – 23°N 118°E, a 45° line in lon/lat, extended straight
    # south-west through 19°N 114°E) and south of 27°N: a polygon built by hand.
    east_south = shapely.Polygon([(114, 19), (122, 27), (130, 27), (130, 15), (114, 15)])
    mnd_part = shapely.intersection(whole, east_south)
    assert geodesic_area_km2(whole) == pytest.approx(74_000, rel=0.01)
    assert geodesic_area_km2(mnd_part) == pytest.approx(24_100, rel=0.01)
    overlap = catalog.layer("overlap_taiwan_ecs")
    computed = [km2 for _, km2 in overlap.part_areas_km2(catalog)]
    assert computed == pytest.approx([geodesic_area_km2(whole), geodesic_area_km2(mnd_part)])
    info = overlap.info_text()
    assert "whole overlap: 73,988 km²" in info and "about 67,000 km²" in info
    assert "east of the median line and south of 27°N: 24,090 km²" in info
    assert "about 23,000 km²" in info


def test_the_adiz_founding_year_as_sources_differ(catalog):
    layer = catalog.layer("taiwan_adiz")
    assert "1953" in layer.date and "1959" in layer.date
    assert "1953 and 1959" in layer.note


def test_one_english_name_form_for_the_senkaku_layers(catalog):
    for layer_id in ("senkaku", "senkaku_12nmi", "senkaku_24nmi"):
        assert (
            catalog.layer(layer_id).title("en").startswith("Senkaku / Diaoyu / Diaoyutai Islands")
        ), layer_id


def test_pla_not_gongjun_in_chinese(catalog):
    # Reference: in the Chinese interface prefer 解放軍 (used in Taiwan too) over 共軍.
    for layer in catalog.layers:
        for title in layer.titles.values():
            assert "共軍" not in title, layer.id
    for ts in (REPO / "resources" / "translations").glob("*.ts"):
        text = ts.read_text(encoding="utf-8")
        assert "共軍" not in text and "共機" not in text, ts.name
    assert "解放軍" in catalog.layer("exercise_2022_08").title("zh_TW")


def test_yearly_figures_carry_their_definitions_and_the_break():
    (pla, ccg) = reference_figures()
    # S9: ADIZ entries to 2023; from 2024 the NSB counts aircraft "around Taiwan".
    assert {y: pla.definition_of(y) for y in (2023, 2024)} == {2023: "adiz", 2024: "around"}
    assert pla.breaks() == [2024]
    assert "around Taiwan" in pla.definitions["around"]
    assert "entered Taiwan's ADIZ" in pla.definitions["adiz"]
    assert pla.values[2024] == 3070 and pla.values[2021] == 969
    assert ccg.breaks() == [] and ccg.values[2025] == 357  # S10 (Kyodo, 31 Dec 2025)
    doc = json.loads((REPO / "resources" / "reference_figures.json").read_text(encoding="utf-8"))
    assert "around Taiwan" in doc["series"][0]["title"]


def test_a_year_with_an_unknown_definition_is_refused_with_the_file_named(tmp_path):
    bad = tmp_path / "figures.json"
    bad.write_text(
        json.dumps(
            {
                "series": [
                    {
                        "id": "x",
                        "title": "x",
                        "unit": "aircraft",
                        "source": "S9",
                        "definitions": {"adiz": "ADIZ entries"},
                        "years": {"2024": {"value": 1, "definition": "around"}},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"figures\.json: series 'x', 2024: definition 'around'"):
        reference_figures(bad)
