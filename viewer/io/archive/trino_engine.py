"""OpenSky's historical database (Trino), ``state_vectors_data4``, in Trino's dialect.

    opensky://USER@trino.opensky-network.org

OpenSky's rules (https://openskynetwork.github.io/opensky-api/trino.html, "Tools & Performance
Considerations"; pyopensky's queries do the same): every query names the ``hour`` partition
(epoch seconds of the hour's start) — here ``hour >= floor(start) AND hour < ceil(end)`` is
always written, and a question without a time window is refused before anything is sent; times
are epoch seconds (``time``); only the columns a question needs are selected. The schema is the
documented one (`OPENSKY_COLUMNS`): ``icao24`` the track id, ``velocity`` in m/s, ``baroaltitude``
in metres.

Running the SQL needs the ``trino`` client package (not a dependency of the app: ``pip install
trino``) and the user's own OpenSky account: the password is exchanged for a token at OpenSky's
sign-in service (as pyopensky does) and never kept. That path needs OpenSky's servers and is not
exercised by the tests here; the SQL is (`tests/archive/test_trino_sql.py`).
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

import numpy as np

from viewer.io.archive import credentials
from viewer.io.archive.dialect import TRINO
from viewer.io.archive.engine import Engine
from viewer.io.archive.model import ArchiveError, Window
from viewer.io.archive.queries import HourPartition
from viewer.io.archive.schema import Column

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyarrow as pa

# Deferred on purpose: trino, pyarrow (heavy: imported by the functions that use them, so
# importing the module stays quick (STYLE 12)).

OPENSKY_HOST = "trino.opensky-network.org"
OPENSKY_TOKEN_URL = (
    "https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token"
)
OPENSKY_CATALOG, OPENSKY_SCHEMA, OPENSKY_TABLE = "minio", "osky", "state_vectors_data4"
#: state_vectors_data4 as OpenSky documents it (name, Trino type).
OPENSKY_COLUMNS = (
    ("time", "INTEGER"),
    ("icao24", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("velocity", "DOUBLE"),
    ("heading", "DOUBLE"),
    ("vertrate", "DOUBLE"),
    ("callsign", "VARCHAR"),
    ("onground", "BOOLEAN"),
    ("alert", "BOOLEAN"),
    ("spi", "BOOLEAN"),
    ("squawk", "VARCHAR"),
    ("baroaltitude", "DOUBLE"),
    ("geoaltitude", "DOUBLE"),
    ("lastposupdate", "DOUBLE"),
    ("lastcontact", "DOUBLE"),
    ("hour", "INTEGER"),
)


class TrinoEngine(Engine):
    dialect = TRINO
    name = "Trino (OpenSky)"
    hour_partition = HourPartition("hour", required=True)

    def __init__(self, url: str, ask_password: Callable[[str], str | None] | None = None) -> None:
        super().__init__(credentials.strip_password(url))
        parts = urlsplit(url)
        if not parts.username:
            raise ArchiveError(self.source, "give your OpenSky user name: opensky://USER@host")
        self.user = parts.username.lower()  # OpenSky keeps user names in lower case
        self.host = parts.hostname or OPENSKY_HOST
        self.port = parts.port or 443
        self.url = url
        self._ask = ask_password
        self._password = parts.password
        self._con = None
        self._cursor = None

    def relation(self, window: Window | None) -> str:
        return f"{OPENSKY_CATALOG}.{OPENSKY_SCHEMA}.{OPENSKY_TABLE}"

    def columns(self) -> list[Column]:
        return [Column(n, t) for n, t in OPENSKY_COLUMNS]

    def sample(self, column: str, n: int = 10_000) -> np.ndarray:
        return np.empty(0)  # units are documented; no query just to guess them

    # ---------------------------------------------------------------- running (needs OpenSky)
    def _connect(self):
        try:
            import trino
        except ImportError:
            raise ArchiveError(
                self.source, "running Trino queries needs the trino package (pip install trino)"
            ) from None
        password = self._password or credentials.get_password(self.url)
        if password is None and self._ask is not None:
            password = self._ask(f"OpenSky password for {self.user}")
        if not password:
            raise ArchiveError(self.source, "no OpenSky password given")
        token = _opensky_token(self.user, password, self.source)
        return trino.dbapi.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            catalog=OPENSKY_CATALOG,
            schema=OPENSKY_SCHEMA,
            http_scheme="https",
            auth=trino.auth.JWTAuthentication(token),
        )

    def _cursor_for(self):
        con = self._con if self._con is not None else self._connect()
        self._con = con
        cursor = con.cursor()
        self._cursor = cursor
        return cursor

    def _execute(self, sql: str) -> None:
        self._cursor_for().execute(sql)

    def _fetch(self, sql: str) -> pa.Table:
        import pyarrow as pa

        cur = self._cursor_for()
        cur.execute(sql)
        rows = cur.fetchall()
        names = [d[0] for d in cur.description]
        return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})

    def _interrupt(self) -> None:
        if self._cursor is not None:
            with contextlib.suppress(Exception):
                self._cursor.cancel()

    def _is_interrupt(self, exc: BaseException) -> bool:
        return "USER_CANCELED" in str(exc)

    def load_table(self, name: str, columns: dict[str, np.ndarray]) -> None:
        raise ArchiveError(
            self.source, "OpenSky's database is read-only: zone counts run on DuckDB or PostgreSQL"
        )

    def close(self) -> None:
        if self._con is not None:
            self._con.close()


def _opensky_token(user: str, password: str, source: str) -> str:
    """A token for OpenSky's Trino from the user's own account (OAuth2 password grant)."""
    body = urlencode(
        {
            "client_id": "trino-client",
            "grant_type": "password",
            "username": user,
            "password": password,
        }
    ).encode()
    request = Request(OPENSKY_TOKEN_URL, data=body, method="POST")
    try:
        with urlopen(request, timeout=30) as response:
            return str(json.loads(response.read())["access_token"])
    except HTTPError as exc:
        raise ArchiveError(source, f"OpenSky refused the sign-in ({exc.code})") from None
    except (URLError, OSError, KeyError, ValueError) as exc:
        raise ArchiveError(source, f"cannot sign in to OpenSky ({exc})") from None
