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


def load_fixes(
    con,
    table: pa.Table,
    name: str = GEOM_TABLE,
    postgis: bool = True,
    create: bool = True,
    index: bool = True,
) -> None:
    """Create ``name`` and COPY the generated flights into it, then make the README's indexes;
    ``create``/``index`` False: append a part (a day of a benchmark year) without them."""
    if create:
        con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        con.execute(f"DROP TABLE IF EXISTS {name}")
    if postgis and create:
        con.execute(
            f"CREATE TABLE {name} (icao24 text NOT NULL, time timestamptz NOT NULL, "
            "callsign text, geom geometry(Point, 4326) NOT NULL, baroaltitude double precision, "
            "velocity double precision, heading double precision, type text)"
        )
    if postgis:
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
                "type": _kinds(table),
            }
        )
    else:
        if create:
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
                "type": _kinds(table),
            }
        )
    buffer = io.BytesIO()
    pacsv.write_csv(out, buffer, pacsv.WriteOptions(include_header=False))
    buffer.seek(0)
    with con.cursor() as cur, cur.copy(f"COPY {name} FROM STDIN WITH (FORMAT csv)") as copy:
        while chunk := buffer.read(1 << 20):
            copy.write(chunk)
    if not index:
        return
    con.execute(f"CREATE INDEX ON {name} (time)")
    con.execute(f"CREATE INDEX ON {name} (icao24, time)")
    if postgis:
        con.execute(f"CREATE INDEX ON {name} USING gist (geom)")
    con.execute(f"ANALYZE {name}")


def _kinds(table: pa.Table) -> pa.Array:
    if "type" in table.column_names:
        return table.column("type")
    return pa.nulls(table.num_rows, pa.string())
