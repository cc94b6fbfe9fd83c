"""Label candidates for the map's layers (no Qt): what is named, in which naming, and that the
placement names the default briefing's "The median line" scene without overlaps."""

import numpy as np
import pytest

from viewer.core.briefing import default_briefing_path, load_briefing
from viewer.core.catalog import load_catalog
from viewer.core.labels import AREA, LINE, POINT, place_labels, quads_overlap
from viewer.core.map_labels import map_labels, view_zoom
from viewer.core.projection import Projection


def measure(text, style):
    """A stand-in for font metrics: 7 px per character, 12 px tall (CJK 12 px per character)."""
    wide = sum(12 if ord(c) > 0x2E80 else 7 for c in text)
    return (float(wide), 12.0)


@pytest.fixture(scope="module")
def scene():
    briefing = load_briefing(default_briefing_path())
    (scene,) = [s for s in briefing.scenes if s.title == "The median line"]
    return scene


def labels_for(scene, size, naming="en"):
    catalog = load_catalog()
    projection = Projection.default()
    view = scene.view.to_map_view(*size, projection)
    layers = [(catalog.layer(i), catalog.layer(i).style.color) for i in scene.layers]
    when = None
    return map_labels(layers, view, projection, naming, when, measure), view, projection


def test_zones_lines_and_places_become_candidates_of_the_right_kind(scene):
    labels, _, _ = labels_for(scene, (1280, 720))
    by_key = {m.candidate.key: m for m in labels}
    assert by_key["median_line"].candidate.kind == LINE
    assert by_key["median_line"].candidate.text == "Taiwan Strait median line"
    assert by_key["taiwan_adiz"].candidate.kind == AREA
    assert by_key["taiwan_adiz"].color == "#0072B2"
    assert by_key["place_names:taiwan_strait"].candidate.kind == LINE
    assert by_key["place_names:taipei"].candidate.kind == POINT
    assert by_key["place_names:taipei"].marker and by_key["place_names:taipei"].candidate.around
    assert not by_key["place_names:east_china_sea"].candidate.around  # centred on its anchor
    assert by_key["median_line"].candidate.priority > by_key["taiwan_adiz"].candidate.priority
    assert (
        by_key["taiwan_adiz"].candidate.priority > by_key["place_names:taipei"].candidate.priority
    )


def test_names_follow_the_naming(scene):
    labels, _, _ = labels_for(scene, (1280, 720), naming="zh_TW")
    texts = {m.candidate.key: m.candidate.text for m in labels}
    assert texts["median_line"] == "臺灣海峽中線"
    assert texts["place_names:taiwan_strait"] == "臺灣海峽"
    assert texts["place_names:taipei"] == "臺北"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_the_median_line_scene_names_the_line_and_the_strait_without_overlaps(scene, size):
    labels, view, projection = labels_for(scene, size)
    placed = place_labels(
        [m.candidate for m in labels], (view.width, view.height), view_zoom(view, projection)
    )
    keys = [p.key for p in placed]
    assert "median_line" in keys and "place_names:taiwan_strait" in keys
    assert "taiwan_adiz" in keys  # every visible zone named...
    assert len(keys) == len(set(keys))  # ...once
    quads = [np.array(p.corners) for p in placed]
    for i, a in enumerate(quads):
        for b in quads[i + 1 :]:
            assert not quads_overlap(a, b)


def test_view_zoom_of_the_scene():
    # 650 m per pixel at the centre: zoom log2(156543 / 650) = 7.9
    briefing = load_briefing(default_briefing_path())
    (scene,) = [s for s in briefing.scenes if s.title == "The median line"]
    projection = Projection.default()
    view = scene.view.to_map_view(1920, 1080, projection)  # the size the scene was composed at
    assert view_zoom(view, projection) == pytest.approx(7.91, abs=0.02)


def test_time_bound_zones_are_named_only_in_force():
    from datetime import UTC, datetime

    catalog = load_catalog()
    projection = Projection.default()
    from viewer.core.briefing import ViewSpec

    view = ViewSpec.at_scale(121.0, 24.0, 1500.0, "lcc").to_map_view(1280, 720, projection)
    layer = catalog.layer("exercise_2022_08")
    during = map_labels(
        [(layer, "#B2182B")], view, projection, "en", datetime(2022, 8, 5, tzinfo=UTC), measure
    )
    after = map_labels(
        [(layer, "#B2182B")], view, projection, "en", datetime(2022, 9, 1, tzinfo=UTC), measure
    )
    assert [m.candidate.key for m in during] == ["exercise_2022_08"] and after == []
