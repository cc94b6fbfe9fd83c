"""Zones by their human names: what the events table, the counts chart and the map call a zone.

Zone ids are data (`taiwan_adiz`, `median_line`, `exercise_2022_08:zone3`, a user layer's id);
people read the layer's title in the naming usage chosen under View > Place names (English,
Japanese, PRC or ROC usage, or all of them), which by default follows the interface language.
"""

from __future__ import annotations

import re

from viewer.core.catalog import Catalog, load_catalog
from viewer.core.constants import NAMING_EN, NAMING_JA, NAMING_ZH_TW

# Interface language (viewer.qt.i18n codes) -> the naming usage that goes with it.
NAMING_OF_LANGUAGE = {"en": NAMING_EN, "ja": NAMING_JA, "zh_TW": NAMING_ZH_TW}


def naming_for_language(language: str) -> str:
    """The naming usage that goes with an interface language (English for any other)."""
    return NAMING_OF_LANGUAGE.get(language, NAMING_EN)


def part_title(part: str) -> str:
    """A part of a layer as people write it: 'zone3' -> 'zone 3', 'north' stays 'north'."""
    return re.sub(r"(?<=[A-Za-z])(?=\d)", " ", part).replace("_", " ")


def zone_title(
    zone_id: str,
    naming: str = NAMING_EN,
    catalog: Catalog | None = None,
    extra: dict[str, str] | None = None,
) -> str:
    """The display name of the zone ``zone_id`` in ``naming`` (a `viewer.core.constants`
    naming usage): the reference layer's title, with the part of a multi-part layer in
    brackets ('PLA exercise zones, 4–7 Aug 2022 (zone 3)'). ``extra`` maps the ids of the
    user's own layers to their titles; an id found nowhere is shown as it is.

    >>> zone_title("median_line")
    'Taiwan Strait median line'
    """
    layer_id, _, part = str(zone_id).partition(":")
    catalog = catalog if catalog is not None else load_catalog()
    try:
        title = catalog.layer(layer_id).title(naming)
    except KeyError:
        if extra and layer_id in extra:
            title = extra[layer_id]
        else:
            return str(zone_id)
    return f"{title} ({part_title(part)})" if part else title


__all__ = ["NAMING_OF_LANGUAGE", "naming_for_language", "part_title", "zone_title"]
