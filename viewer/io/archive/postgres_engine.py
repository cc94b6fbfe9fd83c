"""A PostgreSQL table of fixes (PostGIS for the point tests), through psycopg.

    postgresql://user@host:5432/dbname?table=public.fixes

The table holds one row per fix: a track id, a time (``timestamptz`` best; ``timestamp`` with the
zone given, or epoch numbers), and the position as lon/lat columns or a PostGIS point; other
columns are recognised as a file's. The indexes that make the questions fast (README,
"Archives"): a B-tree on ``(time)`` (or BRIN when rows arrive in time order) for windows and the
activity strip, a GiST on the point (or a B-tree on ``(lon, lat)``) for boxes, and a B-tree on
``(track_id, time)`` for the segments of the zone counts.

The password comes from the URL's usual places (libpq: ``PGPASSWORD``, ``~/.pgpass``), else the
system keyring, else ``ask_password``; it is never kept in a briefing. A running query is stopped
with libpq's cancel request (`interrupt`, from any thread).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from viewer.core.constants import TIME, TRACK_ID
from viewer.io.archive import credentials
from viewer.io.archive.dialect import EPOCH_MS, EPOCH_S, POSTGRES, TIMESTAMPTZ, check_identifier
from viewer.io.archive.engine import Engine
from viewer.io.archive.model import ArchiveError, Window
from viewer.io.archive.schema import Column, FixSchema
from viewer.io.archive.zone_stream import TrackRange

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyarrow as pa

# Deferred on purpose: psycopg, pyarrow (heavy: imported by the functions that use them, so
# importing the module stays quick (STYLE 12)).

DEFAULT_TABLE = "fixes"
MAX_ASKS = 3  # a wrong password is asked again this many times
TEXT_COLUMNS = ("track_id", "track", "kind", "callsign", "label", "side", "wkb")


def split_url(url: str) -> tuple[str, str]:
    """(libpq URL without our own ``table`` parameter, the table name)."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    table = next((v for k, v in params if k == "table"), DEFAULT_TABLE)
    rest = [(k, v) for k, v in params if k != "table"]
    scheme = "postgresql"
    conninfo = urlunsplit((scheme, parts.netloc, parts.path, urlencode(rest), ""))
    return conninfo, check_identifier(table)


class PostgresEngine(Engine):
    dialect = POSTGRES
    name = "PostgreSQL"
    # ranges of tracks: 10M fixes in 3 ranges counted in 15 s, in 2 ranges in 22 s
    chunk_fixes = 4_000_000

    def __init__(
        self,
        url: str,
        ask_password: Callable[[str], str | None] | None = None,
        remember_password: bool = False,
    ) -> None:
        import psycopg

        shown = credentials.strip_password(url)
        super().__init__(shown)
        conninfo, self.table = split_url(url)
        self._psycopg = psycopg
        self.con = self._connect(conninfo, url, ask_password, remember_password)
        self.has_postgis = bool(
            self.con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
        )
        if self.has_postgis:
            self.name = "PostgreSQL/PostGIS"
        self.con.execute("SET TimeZone = 'UTC'")
        self.con.execute("SET jit = off")  # compiling the zone tests' arithmetic took seconds
        self.con.execute("SET DateStyle = 'ISO'")

    def _connect(self, conninfo, url, ask_password, remember):
        psycopg = self._psycopg
        tried_keyring = False
        asks = 0
        password: str | None = None
        while True:
            try:
                kwargs = {"password": password} if password is not None else {}
                con = psycopg.connect(conninfo, autocommit=True, connect_timeout=15, **kwargs)
            except psycopg.OperationalError as exc:
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
                if "password" not in message.lower():
                    raise ArchiveError(self.source, f"cannot connect ({message})") from None
                if not tried_keyring:
                    tried_keyring = True
                    password = credentials.get_password(url)
                    if password is not None:
                        continue
                if ask_password is None:
                    why = credentials.keyring_status()
                    raise ArchiveError(
                        self.source,
                        "the database asks for a password: none given"
                        + (f" ({why})" if why else " and none in the keyring"),
                    ) from None
                asks += 1
                asked = ask_password(f"Password for {credentials.account(url)}")
                if asked is None:
                    raise ArchiveError(self.source, "no password given") from None
                if password == asked or asks > MAX_ASKS:
                    raise ArchiveError(self.source, f"cannot connect ({message})") from None
                password = asked
                continue
            if remember and password is not None:
                credentials.set_password(url, password)
            return con

    # ---------------------------------------------------------------- the relation
    def relation(self, window: Window | None) -> str:
        return self.dialect.table(self.table)

    def columns(self) -> list[Column]:
        schema, _, name = self.table.rpartition(".")
        rows = self.con.execute(
            "SELECT column_name, data_type, udt_name FROM information_schema.columns "
            "WHERE table_name = %s AND (%s = '' OR table_schema = %s) "
            "AND table_schema NOT IN ('pg_catalog', 'information_schema') "
            "ORDER BY ordinal_position",
            (name, schema, schema),
        ).fetchall()
        if not rows:
            raise ArchiveError(self.source, f"no table {self.table!r} in the database")
        out = []
        for column, data_type, udt in rows:
            kind = "GEOMETRY" if udt == "geometry" else str(data_type).upper()
            out.append(Column(column, kind))
        return out

    def sample(self, column: str, n: int = 10_000) -> np.ndarray:
        col = self.dialect.ident(column)
        try:
            rows = self.con.execute(
                f"SELECT {col} FROM {self.relation(None)} WHERE {col} IS NOT NULL LIMIT {int(n)}"
            ).fetchall()
            return np.asarray([r[0] for r in rows], dtype=np.float64)
        except (self._psycopg.Error, TypeError, ValueError):
            return np.empty(0)

    def track_ranges(self, schema: FixSchema, fixes: int) -> list[TrackRange] | None:
        """A B-tree index on the table whose leading columns are the track id and the time (the
        README's ``(track_id, time)``) gives the fixes in order, when the stored time orders as
        the instant does (a time with zone, or epoch numbers): ranges of track ids cut at the
        table's statistics (``pg_stats``, from ANALYZE; one range without them)."""
        if schema.time_kind not in (TIMESTAMPTZ, EPOCH_S, EPOCH_MS):
            return None
        track, time = schema.columns.get(TRACK_ID), schema.columns.get(TIME)
        table = self.dialect.table(self.table)
        index = self.con.execute(
            "SELECT 1 FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid "
            "JOIN pg_am AS a ON a.oid = c.relam "
            "JOIN pg_attribute AS k ON k.attrelid = i.indrelid AND k.attnum = i.indkey[0] "
            "JOIN pg_attribute AS t ON t.attrelid = i.indrelid AND t.attnum = i.indkey[1] "
            "WHERE i.indrelid = CAST(%s AS regclass) AND a.amname = 'btree' AND i.indisvalid "
            "AND k.attname = %s AND t.attname = %s LIMIT 1",
            (table, track, time),
        ).fetchone()
        if index is None:
            return None
        stats = self.con.execute(
            "SELECT CAST(CAST(s.histogram_bounds AS TEXT) AS TEXT[]), c.reltuples "
            "FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
            "JOIN pg_stats AS s ON s.schemaname = n.nspname AND s.tablename = c.relname "
            "WHERE c.oid = CAST(%s AS regclass) AND s.attname = %s",
            (table, track),
        ).fetchone()
        if stats is None or not stats[0] or not stats[1] or stats[1] <= fixes:
            return [TrackRange()]
        bounds, rows = list(stats[0]), float(stats[1])
        parts = min(math.ceil(rows / max(fixes, 1)), len(bounds) - 1)
        cuts = sorted({bounds[round(k * (len(bounds) - 1) / parts)] for k in range(1, parts)})
        edges: list[str | None] = [None, *cuts, None]
        return [TrackRange(a, b) for a, b in itertools.pairwise(edges)]

    def time_histogram(self, schema: FixSchema) -> None:
        """The strip at once, as Parquet statistics give it for DuckDB: ``row_group_times``
        from the table's statistics of the time column (``pg_stats``, from ANALYZE's sample:
        the histogram's buckets each hold an equal share of the rows, spread over its span;
        the most common times as points), scaled to the table's estimated rows (``reltuples``).
        Nothing when the table was never analysed or the time has no zone."""
        if schema.time_kind not in (TIMESTAMPTZ, EPOCH_S, EPOCH_MS):
            return
        if schema.time_kind == TIMESTAMPTZ:
            value = "date_part('epoch', CAST(v AS TIMESTAMPTZ))"
        else:
            scale = " / 1000.0" if schema.time_kind == EPOCH_MS else ""
            value = f"CAST(v AS DOUBLE PRECISION){scale}"
        try:
            row = self.con.execute(
                f"SELECT c.reltuples, s.null_frac, "
                f"ARRAY(SELECT {value} FROM unnest(CAST(CAST(s.histogram_bounds AS TEXT) "
                f"AS TEXT[])) AS u(v)), "
                f"ARRAY(SELECT {value} FROM unnest(CAST(CAST(s.most_common_vals AS TEXT) "
                f"AS TEXT[])) AS u(v)), s.most_common_freqs "
                "FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace "
                "JOIN pg_stats AS s ON s.schemaname = n.nspname AND s.tablename = c.relname "
                "WHERE c.oid = CAST(%s AS regclass) AND s.attname = %s",
                (self.dialect.table(self.table), schema.columns[TIME]),
            ).fetchone()
        except self._psycopg.Error:
            return
        if row is None or not row[0] or row[0] <= 0:
            return
        rows, null_frac = float(row[0]), float(row[1] or 0.0)
        bounds = np.asarray(row[2] or [], dtype=np.float64)
        common = np.asarray(row[3] or [], dtype=np.float64)
        freqs = np.asarray(row[4] or [], dtype=np.float64)
        in_buckets = rows * max(0.0, 1.0 - null_frac - float(freqs.sum()))
        n = np.full(max(len(bounds) - 1, 0), in_buckets / max(len(bounds) - 1, 1))
        first = np.concatenate([bounds[:-1], common])
        last = np.concatenate([bounds[1:], common])
        counts = np.concatenate([n, freqs * rows])
        if len(counts) and np.isfinite(first).all() and np.isfinite(last).all():
            self.row_group_times = (counts, first, last)

    # ---------------------------------------------------------------- running
    def _execute(self, sql: str) -> None:
        self.con.execute(sql)

    def _fetch(self, sql: str) -> pa.Table:
        """Rows streamed with COPY as CSV and parsed by pyarrow (no Python object per value)."""
        import pyarrow as pa
        import pyarrow.csv as pacsv

        buffer = io.BytesIO()
        with (
            self.con.cursor() as cur,
            cur.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER true)") as copy,
        ):
            for data in copy:
                buffer.write(data)
        buffer.seek(0)
        header = buffer.readline().decode().strip()
        buffer.seek(0)
        names = header.split(",") if header else []
        types = {n: pa.string() for n in names if n in TEXT_COLUMNS}
        return pacsv.read_csv(
            buffer,
            convert_options=pacsv.ConvertOptions(
                column_types=types, strings_can_be_null=True, quoted_strings_can_be_null=False
            ),
        )

    def _interrupt(self) -> None:
        with contextlib.suppress(Exception):  # already idle or closed: nothing to stop
            self.con.cancel_safe(timeout=5.0)

    def _is_interrupt(self, exc: BaseException) -> bool:
        return isinstance(exc, self._psycopg.errors.QueryCanceled)

    def load_table(self, name: str, columns: dict[str, np.ndarray]) -> None:
        check_identifier(name)
        types = []
        for key, values in columns.items():
            kind = np.asarray(values).dtype.kind
            sql_type = {"f": "DOUBLE PRECISION", "i": "BIGINT", "u": "BIGINT", "b": "BOOLEAN"}
            types.append(f"{self.dialect.ident(key)} {sql_type.get(kind, 'TEXT')}")
        self.con.execute(f"DROP TABLE IF EXISTS {name}")
        self.con.execute(f"CREATE TEMP TABLE {name} ({', '.join(types)})")
        arrays = [np.asarray(v) for v in columns.values()]
        with self.con.cursor() as cur, cur.copy(f"COPY {name} FROM STDIN") as copy:
            for row in zip(*arrays, strict=True):
                copy.write_row([_plain(v) for v in row])

    def close(self) -> None:
        self.con.close()


def _plain(value):
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    return value
