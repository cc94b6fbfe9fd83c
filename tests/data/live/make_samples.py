"""Writes the live-feed samples beside this file, each in the format its documentation gives
(see ../README.md): ``taiwan_strait.sbs`` (SBS-1 / BaseStation lines as dump1090 sends them on
port 30003, local Taipei time), ``taiwan_strait.nmea`` (AIS sentences with NMEA 4.10 tag blocks,
encoded by pyais) and ``taiwan_strait.cot`` (Cursor-on-Target events, one per line).

Illustrative tracks, not recordings: two airliners and one other aircraft over the Taiwan Strait
(one crosses the median line eastward, one enters the Taiwan ADIZ from the east), two ships
(one, AIS class B with no heading, crosses the median line; one enters the Senkaku 24 nmi zone),
a CoT fighter crossing the median line and a CoT ship. Run: python tests/data/live/make_samples.py
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
T0 = datetime(2021, 10, 4, 6, 0, 0, tzinfo=UTC)  # 14:00 in Taipei
TAIPEI = timedelta(hours=8)


def _sbs_time(t: datetime) -> str:
    local = t + TAIPEI
    return f"{local:%Y/%m/%d},{local:%H:%M:%S}.{local.microsecond // 1000:03d}"


def _msg(ttype: int, hexident: str, t: datetime, **f) -> str:
    """One MSG line with its 22 fields (woodair's field list), times generated = logged."""
    when = _sbs_time(t)
    cells = [
        "MSG",
        str(ttype),
        "1",
        "1",
        hexident,
        "1",
        when,
        when,
        f.get("callsign", ""),
        f.get("alt", ""),
        f.get("gs", ""),
        f.get("trk", ""),
        f.get("lat", ""),
        f.get("lon", ""),
        f.get("vr", ""),
        f.get("squawk", ""),
        f.get("alert", ""),
        f.get("emerg", ""),
        f.get("spi", ""),
        f.get("ground", ""),
    ]
    return ",".join(cells)


def sbs_lines() -> list[str]:
    lines: list[tuple[datetime, int, str]] = []
    aircraft = [
        # hex, callsign, start lon/lat, end lon/lat, alt ft, gs kt, track deg
        ("780a01", "CES2185", (119.00, 24.40), (120.20, 24.40), 31000, 450, 90.0),
        ("8990a1", "EVA12", (123.60, 24.00), (122.40, 24.00), 35000, 470, 270.0),
        ("7c6b2d", "", (120.80, 22.20), (120.90, 22.90), 12000, 250, 7.5),
    ]
    for k, (hexident, callsign, (lon0, lat0), (lon1, lat1), alt, gs, trk) in enumerate(aircraft):
        start = T0 + timedelta(seconds=3 * k)
        n = 40
        if callsign:
            lines.append(
                (
                    start - timedelta(seconds=1),
                    0,
                    _msg(1, hexident, start - timedelta(seconds=1), callsign=callsign),
                )
            )
        lines.append(
            (
                start - timedelta(milliseconds=500),
                1,
                f"AIR,,1,1,{hexident},1,{_sbs_time(start)},{_sbs_time(start)}",
            )
        )
        for i in range(n):
            t = start + timedelta(seconds=10 * i)
            f = i / (n - 1)
            lat = lat0 + f * (lat1 - lat0)
            lon = lon0 + f * (lon1 - lon0)
            lines.append(
                (
                    t,
                    2,
                    _msg(
                        3,
                        hexident,
                        t,
                        alt=str(alt),
                        lat=f"{lat:.5f}",
                        lon=f"{lon:.5f}",
                        alert="0",
                        emerg="0",
                        spi="0",
                        ground="0",
                    ),
                )
            )
            v = t + timedelta(milliseconds=400)
            lines.append((v, 3, _msg(4, hexident, v, gs=f"{gs:.1f}", trk=f"{trk:.1f}", vr="0")))
            if i % 5 == 2:
                s = t + timedelta(milliseconds=700)
                lines.append(
                    (s, 4, _msg(5, hexident, s, alt=str(alt), alert="0", spi="0", ground="0"))
                )
            if i % 7 == 3:
                s = t + timedelta(milliseconds=800)
                lines.append((s, 5, _msg(8, hexident, s, ground="0")))
        end = start + timedelta(seconds=10 * n)
        lines.append((end, 6, f"STA,,1,1,{hexident},1,{_sbs_time(end)},{_sbs_time(end)},RM"))
    lines.sort(key=lambda x: (x[0], x[1]))
    return [line for _, _, line in lines]


def nmea_lines() -> list[str]:
    from pyais.encode import encode_dict

    from viewer.io.ais_decoder import tag_block

    out: list[tuple[int, str]] = []

    def put(seconds: int, sentences: list[str], group: int | None = None) -> None:
        for part, sentence in enumerate(sentences, start=1):
            fields = f"s:rcvr1,c:{seconds}"
            if group is not None:
                fields += f",g:{part}-{len(sentences)}-{group}"
            out.append((seconds, tag_block(fields) + sentence))

    t0 = int(T0.timestamp())
    static = encode_dict(
        {
            "type": 5,
            "mmsi": 412000001,
            "shipname": "HAIJING 2302",
            "callsign": "BXYZ",
            "ship_type": 55,
        },
        sentence_type="VDM",
        seq_id=1,
    )
    put(t0 - 30, static, group=42)
    for i in range(30):  # Senkaku 24 nmi zone from the south, 12 kt, class A with a heading
        lat = 25.05 + i * 0.01
        (s,) = encode_dict(
            {
                "type": 1,
                "mmsi": 412000001,
                "lon": 123.55,
                "lat": lat,
                "speed": 12.0,
                "course": 0.0,
                "heading": 2,
            },
            sentence_type="VDM",
        )
        put(t0 + 60 * i, [s])
    for i in range(25):  # across the median line eastward, class B, no heading (511)
        lon = 119.05 + i * 0.02
        speed = 102.3 if i == 7 else 10.0  # 102.3: speed not available
        (s,) = encode_dict(
            {
                "type": 18,
                "mmsi": 416000002,
                "lon": lon,
                "lat": 24.30,
                "speed": speed,
                "course": 90.0,
                "heading": 511,
            },
            sentence_type="VDM",
        )
        put(t0 + 60 * i + 20, [s])
    (s,) = encode_dict(
        {"type": 1, "mmsi": 416000009, "lon": 181.0, "lat": 91.0}, sentence_type="VDM"
    )
    put(t0 + 100, [s])  # position not available: a valid sentence, no fix
    out.sort(key=lambda x: x[0])
    return [line for _, line in out]


def cot_lines() -> list[str]:
    ev = (
        '<event version="2.0" uid="{uid}" type="{type}" how="m-g" time="{t}" start="{t}" '
        'stale="{stale}"><point lat="{lat:.5f}" lon="{lon:.5f}" hae="{hae}" ce="50" le="50"/>'
        '<detail><contact callsign="{cs}"/><track course="{course}" speed="{speed}"/></detail>'
        "</event>"
    )
    out = []
    for i in range(30):
        t = T0 + timedelta(seconds=20 * i)
        iso = t.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        stale = (t + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        out.append(
            (
                t,
                ev.format(
                    uid="J16-01",
                    type="a-h-A-M-F-F",
                    t=iso,
                    stale=stale,
                    lat=25.0,
                    lon=119.20 + i * 0.035,
                    hae=7000,
                    cs="Bandit 1",
                    course=90.0,
                    speed=230.0,
                ),
            )
        )
        if i % 3 == 0:
            out.append(
                (
                    t,
                    ev.format(
                        uid="CCG-2302",
                        type="a-n-S-X",
                        t=iso,
                        stale=stale,
                        lat=25.40 + i * 0.002,
                        lon=123.20,
                        hae=0,
                        cs="CCG 2302",
                        course=0.0,
                        speed=6.0,
                    ),
                )
            )
    out.sort(key=lambda x: x[0])
    return [line for _, line in out]


def main() -> None:
    (HERE / "taiwan_strait.sbs").write_text("\r\n".join(sbs_lines()) + "\r\n", newline="")
    (HERE / "taiwan_strait.nmea").write_text("\r\n".join(nmea_lines()) + "\r\n", newline="")
    (HERE / "taiwan_strait.cot").write_text("\n".join(cot_lines()) + "\n")


if __name__ == "__main__":
    main()
