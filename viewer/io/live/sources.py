"""Feed URLs -> `FeedSpec`: what to connect to or listen on, and how to decode it.

    sbs://host[:30003][?tz=Asia/Taipei]     SBS-1 / BaseStation text over TCP (dump1090, readsb)
    beast://host[:30005][?ref=lat,lon]      Mode-S Beast binary over TCP
    nmea+tcp://host:port                    AIS NMEA over TCP (AIS-catcher, rtl-ais, gpsd ...)
    nmea+udp://[iface][:10110]              AIS NMEA datagrams sent to us
    cot+tcp://host[:8087]                   Cursor-on-Target XML over TCP (a TAK server)
    cot+udp://[group][:6969][?iface=addr]   Cursor-on-Target over UDP (multicast 239.2.3.1)
    https://[user:password@]host/path       polled JSON in OpenSky's states/all shape
                                            (http:// too; options after '#': poll=10, name=x)

TCP sources are servers we connect to. A UDP source is a socket we listen on: bound to
127.0.0.1 unless the URL names an interface (``nmea+udp://0.0.0.0:10110`` listens on every
interface: the user's choice, never the default); a multicast group is joined on ``iface``
(default 127.0.0.1). Every source also takes ``name=`` (the recording folder and status name).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from viewer.io.live.beast import BeastProtocol
from viewer.io.live.opensky import OpenSkyProtocol
from viewer.io.live.protocols import CotProtocol, NmeaProtocol, SbsProtocol

LOOPBACK = "127.0.0.1"
COT_GROUP = "239.2.3.1"
SCHEMES: dict[str, tuple[str, str, int | None]] = {
    # scheme -> (protocol, transport, default port)
    "sbs": ("sbs", "tcp", 30003),
    "beast": ("beast", "tcp", 30005),
    "nmea+tcp": ("nmea", "tcp", None),
    "nmea+udp": ("nmea", "udp", 10110),
    "cot+tcp": ("cot", "tcp", 8087),
    "cot+udp": ("cot", "udp", 6969),
    "https": ("opensky", "http", None),
    "http": ("opensky", "http", None),
}
_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class FeedSpec:
    """A feed to read. ``url`` is shown and recorded without credentials."""

    url: str
    protocol: str
    transport: str
    host: str
    port: int
    name: str
    tz: str | None = None
    ref: tuple[float, float] | None = None
    interface: str = LOOPBACK
    multicast: bool = False
    username: str | None = None
    password: str | None = None
    token: str | None = None
    poll_s: float = 10.0

    @property
    def listens(self) -> bool:
        return self.transport == "udp"


def parse_source(text: str, token: str | None = None) -> FeedSpec:
    """Parse a feed URL (see the module docstring); ValueError says what is wrong."""
    text = text.strip()
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme not in SCHEMES:
        raise ValueError(
            f"source {text!r}: expected a URL starting with one of "
            f"{', '.join(s + '://' for s in SCHEMES)}"
        )
    protocol, transport, default_port = SCHEMES[scheme]
    parts = urlsplit(text)
    try:
        port = parts.port or default_port
    except ValueError:
        raise ValueError(f"source {text!r}: the port is not a number in 1..65535") from None
    options = dict(parse_qsl(parts.fragment if transport == "http" else parts.query))
    host = parts.hostname or ""
    if transport == "http":
        if not host:
            raise ValueError(f"source {text!r}: no host")
        clean = urlunsplit((parts.scheme, _netloc(host, parts.port), parts.path, parts.query, ""))
        return FeedSpec(
            url=clean,
            protocol=protocol,
            transport=transport,
            host=host,
            port=port or (443 if scheme == "https" else 80),
            name=_name(options.get("name") or f"{host}{parts.path}"),
            username=parts.username,
            password=parts.password,
            token=token,
            poll_s=_positive(options.get("poll", "10"), "poll", text),
        )
    if port is None:
        raise ValueError(f"source {text!r}: give the port (e.g. {scheme}://host:10110)")
    if transport == "tcp" and not host:
        raise ValueError(f"source {text!r}: give the host to connect to")
    multicast = False
    interface = options.get("iface", LOOPBACK)
    if transport == "udp":
        if not host:
            host = COT_GROUP if protocol == "cot" else LOOPBACK
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(
                f"source {text!r}: a UDP source names the address to listen on "
                f"(e.g. 127.0.0.1, 0.0.0.0, or a multicast group such as {COT_GROUP})"
            ) from None
        multicast = address.is_multicast
        if not multicast:
            interface = host
    ref = _ref(options["ref"], text) if "ref" in options else None
    tz = options.get("tz") or None
    url = urlunsplit((parts.scheme, _netloc(host, port), "", parts.query, ""))
    return FeedSpec(
        url=url,
        protocol=protocol,
        transport=transport,
        host=host,
        port=port,
        name=_name(options.get("name") or f"{protocol}-{host}-{port}"),
        tz=tz,
        ref=ref,
        interface=interface,
        multicast=multicast,
    )


def _netloc(host: str, port: int | None) -> str:
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{port}" if port else host


def _name(text: str) -> str:
    return _NAME.sub("_", text).strip("_")[:80] or "feed"


def _positive(text: str, what: str, source: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ValueError(f"source {source!r}: {what} must be a number of seconds > 0")
    return value


def _ref(text: str, source: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in text.split(","))
    except ValueError:
        raise ValueError(f"source {source!r}: ref must be 'lat,lon' in degrees") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"source {source!r}: ref {text!r} is not a position")
    return lat, lon


def protocol_for(spec: FeedSpec):
    """The decoder instance for a feed."""
    if spec.protocol == "sbs":
        return SbsProtocol(spec.tz)
    if spec.protocol == "beast":
        return BeastProtocol(spec.ref)
    if spec.protocol == "nmea":
        return NmeaProtocol()
    if spec.protocol == "cot":
        return CotProtocol()

    return OpenSkyProtocol()
