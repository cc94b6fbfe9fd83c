"""Build the reference-layer GeoJSON files of `layers/` from the published coordinates.

    python layers/build_layers.py [../shared/reference/points.csv]

Every vertex comes from `points.csv` (the project's reference: source, confidence and note per
vertex). Two pieces are derived, and say so in their properties:

- China's East China Sea ADIZ is closed westward along the GSHHG coastline of the mainland,
  because China's territorial-sea line is not published in the reference (confidence U).
- Japan's ADIZ after 25 June 2010 bulges west of 123°E around Yonaguni: 14 nmi (12 nmi territorial
  sea + 2 nmi, S2/S3) from the island's GSHHG coastline, taken as its baseline, computed
  geodesically.

The hours the exercise zones were in force come from `manifest.json` (``in_force``, as published,
S8) and are written into each zone's features, which the map and the zone analysis both read.
The Senkaku 12/24 nmi zones are computed when the catalog loads (`viewer.core.catalog`).
Straight edges are kept as their two published vertices; the app densifies them in lon/lat so that
drawing and zone analysis use the same line.

The place-name layer is written from `place_names.csv` (names and their sources, kept by hand;
see `place_names.py`).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from viewer.core.basemap import GshhgResolution  # noqa: E402
from viewer.core.constants import NMI_IN_M  # noqa: E402
from viewer.core.geodesy import geodesic_buffer  # noqa: E402

sys.path.insert(0, str(HERE))
from place_names import place_name_features  # noqa: E402

DEFAULT_POINTS = ROOT.parent / "shared" / "reference" / "points.csv"
RANK = {"O": 0, "S": 1, "U": 2}
YONAGUNI_BBOX = (122.9, 24.4, 123.1, 24.5)
JAPAN_2010_CHANGE = "2010-06-25T00:00:00+09:00"


def read_points(path: Path) -> dict[str, dict[str, list[dict]]]:
    features: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row["lat"], row["lon"], row["seq"] = (
                float(row["lat"]),
                float(row["lon"]),
                int(row["seq"]),
            )
            features[row["feature"]][row["part"]].append(row)
    for parts in features.values():
        for rows in parts.values():
            rows.sort(key=lambda r: r["seq"])
    return features


def feature(geometry: dict, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": geometry}


def line(coords) -> dict:
    return {"type": "LineString", "coordinates": [[round(x, 6), round(y, 6)] for x, y in coords]}


def worst(*confidences: str) -> str:
    return max(confidences, key=RANK.__getitem__)


def sources(*rows: dict) -> str:
    seen: list[str] = []
    for r in rows:
        for s in r["source"].split(";"):
            if s and s not in seen:
                seen.append(s)
    return ";".join(seen)


def edges_of(rows: list[dict], closed: bool, overrides: dict[int, tuple[str, str]] | None = None):
    """One edge feature per pair of consecutive vertices; confidence = the worse endpoint's."""
    overrides = overrides or {}
    pairs = list(zip(rows, rows[1:] + rows[:1] if closed else rows[1:], strict=False))
    out = []
    for k, (a, b) in enumerate(pairs):
        conf, note = (
            worst(a["confidence"], b["confidence"]),
            "; ".join(n for n in (a["note"], b["note"]) if n),
        )
        if k in overrides:
            conf, note = overrides[k]
        out.append(
            feature(
                line([(a["lon"], a["lat"]), (b["lon"], b["lat"])]),
                role="edge",
                confidence=conf,
                source=sources(a, b),
                note=note,
            )
        )
    return out


def taiwan_adiz(pts) -> list[dict]:
    rows = pts["taiwan_adiz"]["east_edge"] + pts["taiwan_adiz"]["outline"]
    ring = [(r["lon"], r["lat"]) for r in rows]
    area = feature(
        {"type": "Polygon", "coordinates": [line([*ring, ring[0]])["coordinates"]]},
        role="area",
        confidence=worst(*(r["confidence"] for r in rows)),
        source=sources(*rows),
        note="South-east edge and the 123°E edge published (S1, S2); the rest is the usual drawing",
    )
    # The 123°E edge's course is published (S1, S2) though its north end (29°N) is not.
    overrides = {
        0: ("O", "123°E edge published (S1, S2); its north end at 29°N is the usual drawing (U)")
    }
    return [area, *edges_of(rows, closed=True, overrides=overrides)]


def china_ecs_adiz(pts, land: shapely.Geometry) -> list[dict]:
    rows = pts["china_ecs_adiz"]["outer"]
    outer = [(r["lon"], r["lat"]) for r in rows]
    west = 115.0
    box = shapely.Polygon([*outer, (west, outer[-1][1]), (west, outer[0][1])])
    sea = shapely.difference(box, land)
    inside = shapely.Point(125.0, 30.0)  # open sea in the middle of the zone
    parts = [p for p in shapely.get_parts(sea) if p.contains(inside)]
    # Drop coastal islands' holes (the zone's outline is what is drawn) and thin the coastline to
    # ~300 m: the closing side is approximate anyway, and the six official vertices are corners
    # that Douglas-Peucker keeps.
    poly = shapely.simplify(shapely.Polygon(parts[0].exterior), 0.003, preserve_topology=True)
    for x, y in outer:
        assert shapely.Point(x, y).distance(poly.exterior) < 1e-9, "official vertex moved"
    outer_line = shapely.LineString(outer)
    closing = shapely.difference(poly.exterior, outer_line.buffer(1e-6))
    closing = shapely.line_merge(closing)
    feats = [
        feature(
            shapely.geometry.mapping(shapely.set_precision(poly, 1e-6)),
            role="area",
            confidence="U",
            source="S4",
            note="Six points official (S4); closed westward along the GSHHG coastline because "
            "China's territorial-sea line is not published here (approximate)",
        ),
        *edges_of(rows, closed=False),
    ]
    for part in shapely.get_parts(closing):
        if part.length > 1e-3:
            feats.append(
                feature(
                    shapely.geometry.mapping(shapely.set_precision(part, 1e-6)),
                    role="edge",
                    confidence="U",
                    source="S4",
                    note="closed along the mainland coastline (GSHHG): China's territorial-sea "
                    "line, the zone's real western limit, is not published here",
                )
            )
    return feats


def japan_adiz(pts, yonaguni: shapely.Polygon) -> list[dict]:
    outer = pts["japan_adiz"]["outer_line"]
    feats = edges_of(outer, closed=False)
    edge = pts["japan_adiz"]["yonaguni_edge"]
    north, south = (edge[0]["lon"], edge[0]["lat"]), (edge[1]["lon"], edge[1]["lat"])
    note_123 = edge[0]["note"]
    feats.append(
        feature(
            line([north, south]),
            role="edge",
            confidence="U",
            source=sources(*edge),
            note=f"{note_123}. Before 25 Jun 2010 the boundary ran straight along 123°E over "
            "Yonaguni (S2)",
            valid_to=JAPAN_2010_CHANGE,
        )
    )
    # After the 2010 amendment: 14 nmi from Yonaguni's baseline, west of 123°E (S3).
    buffer = geodesic_buffer(yonaguni, 14 * NMI_IN_M)
    meridian = shapely.LineString([(123.0, 23.5), (123.0, 25.5)])
    west_half = shapely.clip_by_rect(buffer, 121.0, 23.0, 123.0, 26.0)
    arc = shapely.line_merge(shapely.difference(west_half.exterior, meridian.buffer(1e-7)))
    arc_coords = np.asarray(shapely.get_coordinates(arc))
    if arc_coords[0, 1] < arc_coords[-1, 1]:
        arc_coords = arc_coords[::-1]  # north to south
    n_lat, s_lat = arc_coords[0, 1], arc_coords[-1, 1]
    after = "2010-06-25"
    feats += [
        feature(
            line([north, (123.0, n_lat)]),
            role="edge",
            confidence="U",
            source=sources(*edge),
            note=note_123,
            valid_from=JAPAN_2010_CHANGE,
        ),
        feature(
            line(arc_coords),
            role="edge",
            confidence="S",
            source="S3;S2;S7",
            note="Since 25 Jun 2010: 14 nmi outside Yonaguni's territorial-sea baseline, west of "
            "123°E (S3); computed geodesically from the GSHHG coastline of Yonaguni, taken as the "
            "baseline. Taiwan does not accept the change (S2)",
            valid_from=JAPAN_2010_CHANGE,
            derived=f"geodesic 14 nmi buffer of Yonaguni (GSHHG full), in force from {after}",
        ),
        feature(
            line([(123.0, s_lat), south]),
            role="edge",
            confidence="U",
            source=sources(*edge),
            note=edge[1]["note"],
            valid_from=JAPAN_2010_CHANGE,
        ),
    ]
    return feats


def polyline_layer(rows: list[dict]) -> list[dict]:
    return edges_of(rows, closed=False)


def exercise_layer(parts: dict[str, list[dict]], in_force: list[dict]) -> list[dict]:
    """One area and its edges per zone, each with the instants it was in force (the manifest's
    ``in_force``: ``parts`` with ``valid_from``/``valid_to``, ISO 8601 with the zone's offset)."""
    hours = {part: entry for entry in in_force for part in entry["parts"]}
    missing = [name for name in parts if name not in hours]
    if missing:
        raise ValueError(f"manifest.json: no in_force hours for exercise zone(s) {missing}")
    feats = []
    for name, rows in parts.items():
        valid_from, valid_to = hours[name]["valid_from"], hours[name]["valid_to"]
        ring = [(r["lon"], r["lat"]) for r in rows]
        conf = worst(*(r["confidence"] for r in rows))
        notes = "; ".join(dict.fromkeys(r["note"] for r in rows if r["note"]))
        props = {
            "confidence": conf,
            "source": sources(*rows),
            "note": notes,
            "zone": name,
            "valid_from": valid_from,
            "valid_to": valid_to,
        }
        feats.append(
            feature(
                {"type": "Polygon", "coordinates": [line([*ring, ring[0]])["coordinates"]]},
                role="area",
                **props,
            )
        )
        feats += [
            {
                **e,
                "properties": {
                    **e["properties"],
                    "zone": name,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                },
            }
            for e in edges_of(rows, closed=True)
        ]
    return feats


def senkaku_points(rows_by_part: dict[str, list[dict]]) -> list[dict]:
    feats = []
    for part, rows in rows_by_part.items():
        r = rows[0]
        names = [n.strip() for n in r["note"].split("/")]
        ja, zh_cn = names[0], names[1]
        zh_tw = names[2] if len(names) > 2 else ""
        roman_ja = ja.split(" ", 1)[1] if " " in ja else ja
        roman_zh = zh_cn.split(" ", 1)[1] if " " in zh_cn else zh_cn
        feats.append(
            feature(
                {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                role="point",
                id=part,
                confidence=r["confidence"],
                source=r["source"],
                name_en=f"{roman_ja} / {roman_zh}",
                name_ja=ja.split(" ")[0],
                name_zh_CN=zh_cn.split(" ")[0],
                name_zh_TW=(zh_tw.split(" ")[0] if zh_tw else ""),
                note=r["note"],
            )
        )
    return feats


def landmark_points(rows_by_part: dict[str, list[dict]]) -> list[dict]:
    out = []
    for part, rows in rows_by_part.items():
        r = rows[0]
        ja, _, rest = r["note"].partition(" ")
        en = rest.split(":")[0]
        out.append(
            feature(
                {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                role="point",
                id=part,
                confidence=r["confidence"],
                source=r["source"],
                name_en=en,
                name_ja=ja,
                name_zh_CN="",
                name_zh_TW="",
                note=r["note"],
            )
        )
    return out


def mainland_land() -> tuple[shapely.Geometry, shapely.Polygon]:
    full = GshhgResolution("f")
    # Eurasia (GSHHG id 0) clipped to the East China Sea coast, and Yonaguni.
    eurasia = shapely.clip_by_rect(shapely.Polygon(full.ring(0)), 114.0, 25.0, 123.0, 35.0)
    yonaguni = [
        full.ring(int(i))
        for i in full.select(*YONAGUNI_BBOX)
        if full.level[i] == 1 and full.count[i] < 10_000
    ]
    return eurasia, shapely.Polygon(yonaguni[0])


def manifest_sources() -> set[str]:
    return set(json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))["sources"])


def write(name: str, feats: list[dict]) -> None:
    path = HERE / f"{name}.geojson"
    doc = {"type": "FeatureCollection", "name": name, "features": feats}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({len(feats)} features)")


def main(argv: list[str]) -> int:
    pts = read_points(Path(argv[1]) if len(argv) > 1 else DEFAULT_POINTS)
    eurasia, yonaguni = mainland_land()
    write("taiwan_adiz", taiwan_adiz(pts))
    write("place_names", place_name_features(HERE / "place_names.csv", manifest_sources()))
    write("china_ecs_adiz", china_ecs_adiz(pts, eurasia))
    write("japan_adiz", japan_adiz(pts, yonaguni))
    write("kadiz", polyline_layer(pts["kadiz"]["southern_segment"]))
    write("median_line", polyline_layer(pts["median_line"]["line"]))
    write("senkaku", senkaku_points(pts["senkaku"]))
    write("landmarks", landmark_points(pts["landmark"]))
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["layers"]:
        if entry.get("time_bound") and "file" in entry:
            write(entry["id"], exercise_layer(pts[entry["id"]], entry["in_force"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
