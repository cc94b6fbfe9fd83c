"""ADS-B files shaped like the two of issue 16, generated with a known truth.

The CSV follows the `traffic` sample `quickstart` (284,505 rows, 213 aircraft over 3 hours of
7 Oct 2021 near Paris) as `Traffic.to_csv` writes it: pandas' index column, the columns in
alphabetical order, `timestamp` with `+00:00`, `altitude` in feet (empty on the ground, a few
garbled values up to 123,100), `groundspeed` in knots, `track` the course in degrees, rows in
no particular order; about one aircraft in ten flies twice under two callsigns. Smaller (1 fix
every 20 s) so the test stays quick. The GeoJSON holds one aircraft's 7,335 fixes as Point
features with the same property names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.core.constants import FT_IN_M

COLUMNS = (
    "altitude",
    "callsign",
    "groundspeed",
    "icao24",
    "latitude",
    "longitude",
    "onground",
    "squawk",
    "timestamp",
    "track",
    "vertical_rate",
)
START = pd.Timestamp("2021-10-07T12:00:00Z")


@dataclass(frozen=True)
class Truth:
    aircraft: int
    flights: int
    rows: int
    alt_median_m: float  # over the rows with an altitude, garbled ones included


def _flight(rng, icao: str, callsign: str, t0: float, n: int, step: float) -> pd.DataFrame:
    """One flight: climb, cruise, descent; positions along a slowly turning course."""
    k = np.arange(n)
    cruise = rng.uniform(20_000, 39_000)
    phase = np.minimum(1.0, np.minimum(k, n - 1 - k) / max(1, n // 5))
    altitude = np.round(cruise * phase / 25) * 25
    course = (rng.uniform(0, 360) + np.cumsum(rng.normal(0, 0.8, n))) % 360
    speed = 150 + 300 * phase + rng.normal(0, 3, n)
    dist_deg = speed * step / 3600 / 60  # nautical miles per step -> degrees of arc
    lat = rng.uniform(46, 50) + np.cumsum(dist_deg * np.cos(np.radians(course)))
    lon = rng.uniform(1, 5) + np.cumsum(dist_deg * np.sin(np.radians(course)))
    onground = altitude <= 0
    alt = np.where(onground, np.nan, altitude)
    return pd.DataFrame(
        {
            "altitude": alt,
            "callsign": callsign,
            "groundspeed": np.round(speed),
            "icao24": icao,
            "latitude": lat,
            "longitude": lon,
            "onground": onground,
            "squawk": float(rng.integers(1000, 7777)),
            "timestamp": START + pd.to_timedelta(t0 + k * step, unit="s"),
            "track": course,
            "vertical_rate": np.round(np.gradient(altitude) / step * 60 / 64) * 64,
        }
    )


def quickstart_like(aircraft: int = 213, seed: int = 7, step: float = 20.0):
    """(DataFrame as `Traffic.data`, Truth)."""
    rng = np.random.default_rng(seed)
    flights = []
    icaos = [f"{v:06x}" for v in rng.choice(0xFFFFFF, aircraft, replace=False)]
    for i, icao in enumerate(icaos):
        airline = ["AFR", "EZY", "RYR", "DLH", "BAW", "TVF"][i % 6]
        n = int(rng.integers(60, 180))
        t0 = float(rng.integers(0, 3 * 3600 - 2 * n * step - 3000))
        flights.append(_flight(rng, icao, f"{airline}{100 + i}", t0, n, step))
        if i % 10 == 3:  # a turnaround: a second flight, another callsign, 45 min later
            t1 = t0 + n * step + 2700
            flights.append(_flight(rng, icao, f"{airline}{500 + i}", t1, n, step))
    frame = pd.concat(flights, ignore_index=True)
    garbled = rng.choice(len(frame), 12, replace=False)  # decoding errors, as in real data
    frame.loc[garbled, "altitude"] = rng.choice([98_000.0, 123_100.0], 12)
    frame = frame.sample(frac=1.0, random_state=seed).sort_values("timestamp", kind="stable")
    frame = frame.reset_index(drop=True)[list(COLUMNS)]
    alts = frame["altitude"].dropna().to_numpy()
    truth = Truth(aircraft, len(flights), len(frame), float(np.median(alts)) * FT_IN_M)
    return frame, truth


def one_aircraft_geojson(fixes: int = 7335, seed: int = 3) -> tuple[dict, float]:
    """(FeatureCollection of one aircraft's Point fixes, the true altitude median in m)."""
    rng = np.random.default_rng(seed)
    flight = _flight(rng, "899063", "EVA123", 0.0, fixes, 1.0)
    features = []
    for row in flight.itertuples(index=False):
        props = {
            "icao24": row.icao24,
            "callsign": row.callsign,
            "timestamp": row.timestamp.isoformat(),
            "altitude": None if np.isnan(row.altitude) else row.altitude,
            "groundspeed": row.groundspeed,
            "track": round(float(row.track), 2),  # ~3,000 distinct courses: never ids
            "vertical_rate": row.vertical_rate,
            "onground": bool(row.onground),
            "squawk": row.squawk,
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
                "properties": props,
            }
        )
    median = float(np.nanmedian(flight["altitude"].to_numpy())) * FT_IN_M
    return {"type": "FeatureCollection", "features": features}, median


def write_geojson(path, doc: dict) -> None:
    path.write_text(json.dumps(doc), encoding="utf-8")
