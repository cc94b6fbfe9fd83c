"""The place-name layer: seas, straits, channels, islands, provinces and cities of the region, in
English, Japanese, PRC and ROC usage, each with its sources (`place_names.csv`, kept by hand).

A row is a point (``lon``, ``lat``) or, for a name that runs along a feature, a ``path`` of
"lon lat" pairs separated by ";". ``anchor`` says what the position is: ``gazetteer`` (the
place's position as the cited gazetteer or article gives it, to 0.01°) or ``placement`` (where
the name is written: a choice made for the map, as for seas, straits and provinces, whose names
belong to an area). ``min_zoom`` is the web-map zoom level below which the name is left out
(`viewer.core.labels.zoom_level`). ``ref`` is the English Wikipedia article of the place.

    from place_names import place_name_features   # used by build_layers.py
"""

from __future__ import annotations

import csv
from pathlib import Path

PLACE_KINDS = ("sea", "strait", "channel", "island", "islands", "province", "city")
ANCHORS = ("gazetteer", "placement")
USAGES = ("en", "ja", "zh_CN", "zh_TW")
WIKIPEDIA = "https://en.wikipedia.org/wiki/"


def _geometry(row: dict, where: str) -> dict:
    if row["path"].strip():
        try:
            coords = [[float(v) for v in pair.split()] for pair in row["path"].split(";")]
        except ValueError:
            raise ValueError(
                f"{where}: path must be 'lon lat;lon lat;...'; got {row['path']!r}"
            ) from None
        if len(coords) < 2 or any(len(c) != 2 for c in coords):
            raise ValueError(
                f"{where}: path needs two or more 'lon lat' pairs; got {row['path']!r}"
            )
        return {"type": "LineString", "coordinates": coords}
    try:
        lon, lat = float(row["lon"]), float(row["lat"])
    except ValueError:
        raise ValueError(
            f"{where}: lon and lat must be numbers; got {row['lon']!r}, {row['lat']!r}"
        ) from None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"{where}: lon/lat out of range: {lon}, {lat}")
    return {"type": "Point", "coordinates": [lon, lat]}


def place_name_features(path: Path, known_sources: set[str] | None = None) -> list[dict]:
    """GeoJSON features (role ``place``) from ``path``; raises ValueError naming the line."""
    feats = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{path}, line {line_no}"
            if row["place"] not in PLACE_KINDS:
                raise ValueError(
                    f"{where}: place must be one of {PLACE_KINDS}; got {row['place']!r}"
                )
            if row["anchor"] not in ANCHORS:
                raise ValueError(f"{where}: anchor must be one of {ANCHORS}; got {row['anchor']!r}")
            missing = [u for u in USAGES if not row[f"name_{u}"].strip()]
            if missing:
                raise ValueError(f"{where}: no name in {', '.join(missing)} usage")
            sources = [s for s in row["sources"].split(";") if s]
            unknown = [s for s in sources if known_sources is not None and s not in known_sources]
            if not sources or unknown:
                raise ValueError(
                    f"{where}: sources must be ids of manifest.json; got {row['sources']!r}"
                )
            feats.append(
                {
                    "type": "Feature",
                    "properties": {
                        "role": "place",
                        "id": row["id"],
                        "place": row["place"],
                        "confidence": row["anchor"],
                        "min_zoom": float(row["min_zoom"]),
                        **{f"name_{u}": row[f"name_{u}"] for u in USAGES},
                        "source": ";".join(sources),
                        "ref": WIKIPEDIA + row["ref"] if row["ref"] else "",
                        "note": row["note"],
                    },
                    "geometry": _geometry(row, where),
                }
            )
    ids = [f["properties"]["id"] for f in feats]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"{path}: ids must be unique; repeated: {repeated}")
    return feats
