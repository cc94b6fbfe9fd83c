"""Live alerts and the Live button in words, in the interface language: "CAL123 (fighter)
entered Taiwan ADIZ at 06:12:03 UTC", "−5 min"."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from viewer.core.zone_names import naming_for_language, zone_title
from viewer.qt.i18n import current_language, translate
from viewer.render.track_painter import kind_name

SIDE_WORDS = {
    "east": QT_TRANSLATE_NOOP("Live", "east"),
    "west": QT_TRANSLATE_NOOP("Live", "west"),
    "north": QT_TRANSLATE_NOOP("Live", "north"),
    "south": QT_TRANSLATE_NOOP("Live", "south"),
}


def alert_text(alert) -> str:
    """One alert (`viewer.core.live_alerts.Alert`) as the notice on the map says it."""
    who = alert.callsign or alert.track_id
    if alert.kind and alert.kind != "unknown":
        who = translate("Live", "{track} ({kind})").format(track=who, kind=kind_name(alert.kind))
    zone = zone_title(alert.zone_id, naming_for_language(current_language()))
    when = datetime.fromtimestamp(alert.time, UTC).strftime("%H:%M:%S")
    if alert.event == "entry":
        text = translate("Live", "{who} entered {zone} at {time} UTC")
    elif alert.event == "exit":
        text = translate("Live", "{who} left {zone} at {time} UTC")
    elif alert.side:
        side = translate("Live", SIDE_WORDS.get(alert.side, alert.side))
        text = translate("Live", "{who} crossed {zone} to the {side} at {time} UTC")
        return text.format(who=who, zone=zone, side=side, time=when)
    else:
        text = translate("Live", "{who} crossed {zone} at {time} UTC")
    return text.format(who=who, zone=zone, time=when)


def behind_words(seconds: float) -> str:
    """How far the picture is behind the live edge, for the Live button: "−12 s", "−5 min",
    "−1 h 05 min"."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return translate("Live", "−{n} s").format(n=f"{seconds:.0f}")
    minutes = int(seconds // 60)
    if minutes < 60:
        return translate("Live", "−{n} min").format(n=minutes)
    return translate("Live", "−{h} h {m} min").format(h=minutes // 60, m=f"{minutes % 60:02d}")
