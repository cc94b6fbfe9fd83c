"""`Timeline`: the replay clock — range, current time, speed, loop, step, in/out points, trail.

Pure maths, no Qt: a widget's timer calls `Timeline.advance` with the wall time that really
passed, and the model works out what time it is now. Times are float epoch seconds (UTC).

Events (see `viewer.core.evented`), each named after what changed and carrying its new value:
``time`` (float), ``playing`` (bool), ``speed`` (float, map seconds per wall second),
``range`` (``(start, end, in_point, out_point)``), ``trail`` (float seconds), ``loop`` (bool),
``step`` (float seconds), ``zone`` (str: the zone the clock shows besides UTC).

>>> tl = Timeline(0.0, 3600.0, speed=60.0)
>>> tl.play(); tl.advance(0.5)
30.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from viewer.core.evented import EventedModel


@dataclass(frozen=True)
class Preset:
    """A named choice shown to the user: ``label`` in human words, ``value`` in seconds."""

    label: str
    value: float


# Map seconds that pass per wall-clock second.
SPEED_PRESETS: tuple[Preset, ...] = (
    Preset("1 s = 1 s", 1.0),
    Preset("1 s = 10 s", 10.0),
    Preset("1 s = 1 min", 60.0),
    Preset("1 s = 5 min", 300.0),
    Preset("1 s = 10 min", 600.0),
    Preset("1 s = 30 min", 1800.0),
    Preset("1 s = 1 h", 3600.0),
    Preset("1 s = 3 h", 10800.0),
)
DEFAULT_SPEED = 600.0  # 24 h in 2.4 min

# How much of each track is drawn behind its head (0 = heads only, inf = the whole track).
TRAIL_PRESETS: tuple[Preset, ...] = (
    Preset("Heads only", 0.0),
    Preset("5 min", 300.0),
    Preset("15 min", 900.0),
    Preset("30 min", 1800.0),
    Preset("1 h", 3600.0),
    Preset("3 h", 10800.0),
    Preset("Whole track", math.inf),
)
DEFAULT_TRAIL = 3600.0

STEP_PRESETS: tuple[Preset, ...] = (
    Preset("10 s", 10.0),
    Preset("1 min", 60.0),
    Preset("5 min", 300.0),
    Preset("15 min", 900.0),
    Preset("1 h", 3600.0),
)
DEFAULT_STEP = 60.0

# The one list of time zones offered wherever a zone is chosen — the zone of a file's times, of
# traced tracks, the zone the clock shows besides UTC: (place name, IANA key), the region's first.
# The clock also offers "local", this computer's zone (`LOCAL_ZONE`, the last of `CLOCK_ZONES`).
TIME_ZONES: tuple[tuple[str, str], ...] = (
    ("Taipei", "Asia/Taipei"),
    ("Tokyo", "Asia/Tokyo"),
    ("Beijing", "Asia/Shanghai"),
    ("Seoul", "Asia/Seoul"),
    ("Manila", "Asia/Manila"),
    ("London", "Europe/London"),
    ("New York", "America/New_York"),
    ("UTC", "UTC"),
)
ZONE_KEYS: tuple[str, ...] = tuple(key for _, key in TIME_ZONES)
LOCAL_ZONE = "local"
CLOCK_ZONES: tuple[tuple[str, str], ...] = (*TIME_ZONES, ("Local", LOCAL_ZONE))


def preset_label(presets: tuple[Preset, ...], value: float) -> str | None:
    """The label of the preset whose value is ``value``, or None."""
    for p in presets:
        if p.value == value:
            return p.label
    return None


def _seconds_words(seconds: float) -> str:
    """``90`` -> ``"1.5 min"``: a duration in the largest unit that keeps it readable."""
    for unit, size in (("h", 3600.0), ("min", 60.0)):
        if seconds >= size:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"


def speed_words(speed: float) -> str:
    """A speed in human words: ``600`` -> ``"1 s = 10 min"``."""
    return preset_label(SPEED_PRESETS, speed) or f"1 s = {_seconds_words(speed)}"


def trail_words(trail: float) -> str:
    """A trail length in human words: ``0`` -> ``"Heads only"``, ``inf`` -> ``"Whole track"``."""
    return preset_label(TRAIL_PRESETS, trail) or _seconds_words(trail)


class Timeline(EventedModel):
    """The replay clock over ``[start, end]``; playback and stepping stay inside the in/out range.

    Parameters are seconds: ``start``/``end`` epoch seconds UTC, ``speed`` map seconds per wall
    second, ``step`` seconds per step, ``trail`` seconds of track behind each head.
    """

    EVENTS = ("time", "playing", "speed", "range", "trail", "loop", "step", "zone")

    def __init__(
        self,
        start: float = 0.0,
        end: float = 0.0,
        *,
        speed: float = DEFAULT_SPEED,
        step: float = DEFAULT_STEP,
        trail: float = DEFAULT_TRAIL,
        loop: bool = True,
        zone: str = "Asia/Taipei",
    ) -> None:
        super().__init__()
        _check_range(start, end)
        self.start = float(start)
        self.end = float(end)
        self.in_point: float | None = None
        self.out_point: float | None = None
        self.time = float(start)
        self.playing = False
        self.speed = _check_positive("speed", speed)
        self.step_seconds = _check_positive("step", step)
        self.trail = _check_trail(trail)
        self.loop = bool(loop)
        zone_info(zone)
        self.zone = zone

    def copy(self) -> Timeline:
        """The same clock (range, in/out points, time, settings; paused), with no subscribers."""
        other = Timeline(
            self.start,
            self.end,
            speed=self.speed,
            step=self.step_seconds,
            trail=self.trail,
            loop=self.loop,
            zone=self.zone,
        )
        other.in_point, other.out_point, other.time = self.in_point, self.out_point, self.time
        return other

    # ------------------------------------------------------------------ derived
    @property
    def lo(self) -> float:
        """Where playback starts: the in point, else the start."""
        return self.start if self.in_point is None else self.in_point

    @property
    def hi(self) -> float:
        """Where playback ends: the out point, else the end."""
        return self.end if self.out_point is None else self.out_point

    @property
    def speed_label(self) -> str:
        return speed_words(self.speed)

    @property
    def trail_label(self) -> str:
        return trail_words(self.trail)

    # ------------------------------------------------------------------ range
    def set_range(self, start: float, end: float) -> None:
        """A new data span: clears in/out points and keeps the time inside the span."""
        _check_range(start, end)
        if (start, end, self.in_point, self.out_point) == (self.start, self.end, None, None):
            return
        self.start, self.end = float(start), float(end)
        self.in_point = self.out_point = None
        self._emit_range()
        self.set_time(self.time)

    def grow_to(self, end: float) -> None:
        """A live feed's span grew to ``end``: the range extends, in/out points and the time
        stay (unlike `set_range`, which is a new data span)."""
        if end > self.end:
            self.end = float(end)
            self._emit_range()

    def set_in_point(self, t: float | None = None) -> None:
        """Replay from ``t`` (default: the current time); None clears it."""
        t = self.time if t is None else min(max(float(t), self.start), self.end)
        if self.out_point is not None and t > self.out_point:
            self.out_point = None
        self.in_point = t
        self._emit_range()
        self.set_time(self.time)

    def set_out_point(self, t: float | None = None) -> None:
        """Replay up to ``t`` (default: the current time)."""
        t = self.time if t is None else min(max(float(t), self.start), self.end)
        if self.in_point is not None and t < self.in_point:
            self.in_point = None
        self.out_point = t
        self._emit_range()
        self.set_time(self.time)

    def clear_in_out(self) -> None:
        if self.in_point is None and self.out_point is None:
            return
        self.in_point = self.out_point = None
        self._emit_range()

    def _emit_range(self) -> None:
        self.events.emit("range", (self.start, self.end, self.in_point, self.out_point))

    # ------------------------------------------------------------------ time
    def set_time(self, t: float) -> None:
        """Go to ``t`` (epoch seconds), clamped to the in/out range."""
        t = min(max(float(t), self.lo), self.hi)
        if t != self.time:
            self.time = t
            self.events.emit("time", t)

    def step(self, n: int = 1) -> None:
        """Move ``n`` steps (negative: back), clamped to the in/out range."""
        self.set_time(self.time + n * self.step_seconds)

    def jump_start(self) -> None:
        self.set_time(self.lo)

    def jump_end(self) -> None:
        self.set_time(self.hi)

    def advance(self, wall_seconds: float) -> float:
        """Move the clock on by ``wall_seconds`` of real time at the current speed; return the time.

        Past the out point it wraps round to the in point when looping, else stops there and
        pauses. Does nothing while paused.
        """
        if not self.playing or wall_seconds <= 0:
            return self.time
        lo, hi = self.lo, self.hi
        t = self.time + wall_seconds * self.speed
        if t > hi:
            if self.loop and hi > lo:
                t = lo + (t - hi) % (hi - lo)
            else:
                self.set_time(hi)
                self.pause()
                return self.time
        self.set_time(t)
        return self.time

    # ------------------------------------------------------------------ playback
    def play(self) -> None:
        """Start playing; from the out point it starts again at the in point."""
        if self.playing:
            return
        if self.time >= self.hi:
            self.set_time(self.lo)
        self.playing = True
        self.events.emit("playing", True)

    def pause(self) -> None:
        if self.playing:
            self.playing = False
            self.events.emit("playing", False)

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    # ------------------------------------------------------------------ settings
    def set_speed(self, speed: float | str) -> None:
        """Map seconds per wall second, or a preset label such as ``"1 s = 10 min"``."""
        if isinstance(speed, str):
            value = next((p.value for p in SPEED_PRESETS if p.label == speed), None)
            if value is None:
                labels = ", ".join(p.label for p in SPEED_PRESETS)
                raise ValueError(f"speed must be one of {labels}; got {speed!r}")
            speed = value
        speed = _check_positive("speed", speed)
        if speed != self.speed:
            self.speed = speed
            self.events.emit("speed", speed)

    def set_step(self, seconds: float) -> None:
        seconds = _check_positive("step", seconds)
        if seconds != self.step_seconds:
            self.step_seconds = seconds
            self.events.emit("step", seconds)

    def set_trail(self, seconds: float) -> None:
        """Seconds of track behind each head: 0 = heads only, ``math.inf`` = the whole track."""
        seconds = _check_trail(seconds)
        if seconds != self.trail:
            self.trail = seconds
            self.events.emit("trail", seconds)

    def set_loop(self, loop: bool) -> None:
        if bool(loop) != self.loop:
            self.loop = bool(loop)
            self.events.emit("loop", self.loop)

    def set_zone(self, zone: str) -> None:
        """The zone the clock shows besides UTC: an IANA name such as ``"Asia/Tokyo"`` or
        ``"local"``."""
        zone_info(zone)
        if zone != self.zone:
            self.zone = zone
            self.events.emit("zone", zone)


def _check_range(start: float, end: float) -> None:
    if not (math.isfinite(start) and math.isfinite(end)) or end < start:
        raise ValueError(f"time range must be finite with start <= end; got {start}..{end}")


def _check_positive(name: str, value: float) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive number of seconds; got {value}")
    return value


def _check_trail(value: float) -> float:
    value = float(value)
    if math.isnan(value) or value < 0:
        raise ValueError(f"trail must be >= 0 seconds (inf = whole track); got {value}")
    return value


# ---------------------------------------------------------------------- clock display
def zone_info(zone: str) -> tzinfo:
    """A tzinfo for an IANA name (``"Asia/Taipei"``) or ``"local"``; unknown names raise."""
    if zone == LOCAL_ZONE:
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(zone)
    # ZoneInfoNotFoundError is a KeyError; a folder of tzdata ("Asia", "America/Argentina")
    # raises IsADirectoryError
    except (KeyError, ValueError, OSError) as exc:
        raise ValueError(f"unknown time zone {zone!r}; expected an IANA name or 'local'") from exc


def offset_words(offset: timedelta | None) -> str:
    minutes = round((offset or timedelta()).total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def format_time(t: float, zone: str = "UTC") -> str:
    """Epoch seconds as date and time in a named zone, with its UTC offset.

    >>> format_time(1633324510.0)
    '2021-10-04 05:15:10 UTC'
    >>> format_time(1633324510.0, "Asia/Taipei")
    '2021-10-04 13:15:10 UTC+8'
    """
    when = datetime.fromtimestamp(math.floor(t), UTC)
    if zone == "UTC":
        return when.strftime("%Y-%m-%d %H:%M:%S") + " UTC"
    local = when.astimezone(zone_info(zone))
    return local.strftime("%Y-%m-%d %H:%M:%S") + " " + offset_words(local.utcoffset())
