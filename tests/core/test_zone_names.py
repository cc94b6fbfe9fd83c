"""Zones by their human names in each naming usage (the events table, the counts chart, the map)."""

import pytest

from viewer.core.zone_names import naming_for_language, part_title, zone_title


@pytest.mark.parametrize(
    ("zone_id", "naming", "expected"),
    [
        ("median_line", "en", "Taiwan Strait median line"),
        ("median_line", "ja", "台湾海峡中間線"),
        ("median_line", "zh_TW", "臺灣海峽中線"),
        ("median_line", "zh_CN", "台湾海峡中线"),
        ("taiwan_adiz", "en", "Taiwan ADIZ"),
        ("taiwan_adiz", "zh_TW", "臺灣 防空識別區"),
        ("senkaku_12nmi", "ja", "尖閣諸島 12海里（領海）"),
        ("exercise_2022_08:zone3", "en", "PLA exercise zones, 4–7 Aug 2022 (zone 3)"),
    ],
)
def test_zone_ids_become_the_layer_titles_in_the_chosen_naming(zone_id, naming, expected):
    assert zone_title(zone_id, naming) == expected


def test_all_usages_join_the_distinct_titles():
    assert zone_title("median_line", "all") == (
        "Taiwan Strait median line · 台湾海峡中間線 · 台湾海峡中线 · 臺灣海峽中線"
    )


def test_user_layers_and_unknown_ids():
    assert zone_title("my_zone", "en", extra={"my_zone": "Practice area"}) == "Practice area"
    assert zone_title("my_zone:b2", "ja", extra={"my_zone": "Practice area"}) == (
        "Practice area (b 2)"
    )
    assert zone_title("not_a_layer") == "not_a_layer"  # shown as it is, never an error


def test_parts_and_languages():
    assert part_title("zone12") == "zone 12"
    assert part_title("northwest") == "northwest"
    assert naming_for_language("zh_TW") == "zh_TW"
    assert naming_for_language("ja") == "ja"
    assert naming_for_language("en") == "en"
    assert naming_for_language("fr") == "en"
