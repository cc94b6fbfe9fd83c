"""The SQL sent to OpenSky's Trino database, checked against its schema's rules without a server
(https://openskynetwork.github.io/opensky-api/trino.html, "Tools & Performance Considerations";
the table as pyopensky's schema documents it): parsed as Trino SQL (sqlglot), every read of
``state_vectors_data4`` names the ``hour`` partition with bounds that cover the window on whole
hours, compares ``time`` as integer epoch seconds, and uses only documented columns; a question
without a time window is refused before anything is sent. The same SQL, translated to DuckDB's
dialect, answers as the DuckDB archive does on the same rows."""

from __future__ import annotations

import math

import duckdb
import numpy as np
import pyarrow as pa
import pytest
import sqlglot
from sqlglot import exp

from viewer.io.archive import Grid, Window, open_archive
from viewer.io.archive.model import ArchiveError
from viewer.io.archive.trino_engine import OPENSKY_COLUMNS, OPENSKY_TABLE

WINDOW = Window("2024-05-01T06:20Z", "2024-05-01T09:40Z", (119.0, 21.5, 124.0, 25.5))


@pytest.fixture(scope="module")
def opensky():
    with open_archive("opensky://Alice@trino.opensky-network.org") as archive:
        yield archive


def _questions(archive, window):
    query = archive.query(window)
    fields = ("track_id", "time", "lon", "lat", "alt_m", "speed_kt", "heading_deg", "callsign")
    return {
        "count": query.count(window),
        "activity": query.activity(window, approximate=True),
        "density": query.density(window, Grid((118.0, 21.0, 127.0, 26.5), 90, 55)),
        "fixes": query.fixes(window, fields, limit=100_000, timestamps=True),
    }


def _hour_bounds(select: exp.Select) -> tuple[list[int], list[int]]:
    where = select.args.get("where")
    assert where is not None, select.sql("trino")
    lows, highs = [], []
    for cond in where.find_all(exp.GTE, exp.LT):
        column = cond.this
        if isinstance(column, exp.Column) and column.name == "hour":
            value = int(cond.expression.this)
            (lows if isinstance(cond, exp.GTE) else highs).append(value)
    return lows, highs


def test_opensky_is_recognised_from_its_documented_schema(opensky) -> None:
    info = opensky.info
    assert info.engine == "Trino (OpenSky)"
    assert info.column_map["track_id"] == "icao24"
    assert info.units["speed_kt"].startswith("m/s")
    assert info.units["alt_m"].startswith("m ")
    assert info.schema == "OpenSky state vectors"
    assert info.fixes is None  # counting the table would read all of it


@pytest.mark.parametrize("question", ["count", "activity", "density", "fixes"])
def test_every_read_names_the_hour_partition_covering_the_window(opensky, question) -> None:
    sql = _questions(opensky, WINDOW)[question]
    tree = sqlglot.parse_one(sql, read="trino")
    documented = {name for name, _ in OPENSKY_COLUMNS}
    scans = [t for t in tree.find_all(exp.Table) if t.name == OPENSKY_TABLE]
    assert scans, sql
    for table in scans:
        assert (table.catalog, table.db) == ("minio", "osky")
        select = table.find_ancestor(exp.Select)
        lows, highs = _hour_bounds(select)
        assert lows == [math.floor(WINDOW.start_s / 3600) * 3600]
        assert highs == [math.ceil(WINDOW.end_s / 3600) * 3600]
        assert lows[0] <= WINDOW.start_s and highs[0] >= WINDOW.end_s
        assert all(v % 3600 == 0 for v in lows + highs)
        used = {c.name for c in select.find_all(exp.Column) if not c.table}
        assert used <= documented | {"track_id", "time", "lon", "lat", "alt_m", "speed_kt"} | {
            "heading_deg",
            "callsign",
            "bin_start",
            "i",
            "j",
        }, used - documented
        raw = {c.name for c in select.find_all(exp.Column) if c.find_ancestor(exp.Where)}
        assert raw <= documented, raw - documented
    times = [
        cond.expression
        for cond in tree.find_all(exp.GTE, exp.LT)
        if isinstance(cond.this, exp.Column) and cond.this.name == "time"
    ]
    assert [int(t.this) for t in times] == [int(WINDOW.start_s), int(WINDOW.end_s)]
    assert all(t.is_int for t in times)


def test_a_question_without_a_window_is_refused_before_sending(opensky) -> None:
    for window in (None, Window(start=WINDOW.start), Window(bbox=WINDOW.bbox)):
        with pytest.raises(ValueError, match="'hour' partition"):
            opensky.query(window).count(window)
    with pytest.raises(ArchiveError, match="read-only"):
        opensky.engine.load_table("t", {"a": np.zeros(1)})


def test_the_trino_sql_answers_as_duckdb_on_the_same_rows(opensky, flights_table, tmp_path):
    """OpenSky-shaped rows (integer epoch ``time`` and ``hour``) in DuckDB, asked with the Trino
    SQL translated by sqlglot: the same counts, activity and density as the DuckDB dialect."""
    con = duckdb.connect()
    rows = flights_table.to_pandas()
    micros = flights_table.column("time").cast(pa.int64()).to_numpy()
    rows["time"] = micros // 10**6  # whole seconds, as OpenSky has them
    rows["hour"] = rows["time"] // 3600 * 3600
    con.register("rows", rows)
    con.execute("CREATE SCHEMA osky")
    con.execute(f"CREATE TABLE osky.{OPENSKY_TABLE} AS SELECT * FROM rows")
    path = tmp_path / "opensky.parquet"
    con.execute(f"COPY osky.{OPENSKY_TABLE} TO '{path}' (FORMAT parquet)")
    window = Window("2024-05-01T20:00Z", "2024-05-02T06:00Z", (119.0, 21.5, 124.0, 25.5))
    answers = {}
    for name, sql in _questions(opensky, window).items():
        duck = sqlglot.transpile(sql, read="trino", write="duckdb")[0]
        answers[name] = con.execute(duck.replace("minio.osky.", "osky.")).fetchall()
    assert answers["count"][0][0] > 1000
    with open_archive(path) as same:
        mine = _questions(same, window)
        for name in ("count", "activity", "density"):
            assert sorted(answers[name]) == sorted(con.execute(mine[name]).fetchall()), name
    assert len(answers["fixes"]) == answers["count"][0][0]
