"""Tables of fixes in a throwaway PostgreSQL server, as an analyst keeps them: one row per fix,
the time as ``timestamptz`` and the position as a PostGIS point, with the indexes the README
documents; or the time as epoch seconds and plain lon/lat columns."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

GEOM_TABLE = "fixes"
PLAIN_TABLE = "plain_fixes"


def load_fixes(con, table: pa.Table, name: str = GEOM_TABLE, postgis: bool = True) -> None:
    """Create ``name`` and COPY the generated flights into it (the README's indexes)."""
    con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    con.execute(f"DROP TABLE IF EXISTS {name}")
    if postgis:
        con.execute(
            f"CREATE TABLE {name} (icao24 text NOT NULL, time timestamptz NOT NULL, "
            "callsign text, geom geometry(Point, 4326) NOT NULL, baroaltitude double precision, "
            "velocity double precision, heading double precision, type text)"
        )
        lon = pc.cast(table.column("lon"), pa.string())
        lat = pc.cast(table.column("lat"), pa.string())
        point = pc.binary_join_element_wise("SRID=4326;POINT(", lon, " ", lat, ")", "")
        out = pa.table(
            {
                "icao24": table.column("icao24"),
                "time": table.column("time"),
                "callsign": table.column("callsign"),
                "geom": point,
                "baroaltitude": table.column("baroaltitude"),
                "velocity": table.column("velocity"),
                "heading": table.column("heading"),
                "type": table.column("type"),
            }
        )
    else:
        con.execute(
            f"CREATE TABLE {name} (icao24 text, time double precision, lon double precision, "
            "lat double precision, baroaltitude double precision, velocity double precision, "
            "heading double precision, callsign text, type text)"
        )
        seconds = pc.divide(pc.cast(pc.cast(table.column("time"), pa.int64()), pa.float64()), 1e6)
        out = pa.table(
            {
                "icao24": table.column("icao24"),
                "time": seconds,
                "lon": table.column("lon"),
                "lat": table.column("lat"),
                "baroaltitude": table.column("baroaltitude"),
                "velocity": table.column("velocity"),
                "heading": table.column("heading"),
                "callsign": table.column("callsign"),
                "type": table.column("type"),
            }
        )
    buffer = io.BytesIO()
    pacsv.write_csv(out, buffer, pacsv.WriteOptions(include_header=False))
    buffer.seek(0)
    with con.cursor() as cur, cur.copy(f"COPY {name} FROM STDIN WITH (FORMAT csv)") as copy:
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)
    con.execute(f"CREATE INDEX ON {name} (time)")
    con.execute(f"CREATE INDEX ON {name} (icao24, time)")
    if postgis:
        con.execute(f"CREATE INDEX ON {name} USING gist (geom)")
    con.execute(f"ANALYZE {name}")
