"""`FeedStatusItem`: one live feed in the status bar — its state, messages a second and the age
of its last message, in words ("reconnecting in 4 s (attempt 3): connection refused"), with a
coloured dot (green: data flowing; amber: connecting, reconnecting or quiet; grey: stopped) and
the full status line as the tooltip."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from viewer.qt.i18n import translate

SKIP_REASONS_SHOWN = 5  # the commonest reasons for skipped messages, in the tooltip
QUIET_S = 10.0  # connected but no message for this long: said, and amber

STATE_WORDS = {
    "connecting": QT_TRANSLATE_NOOP("Live", "connecting"),
    "connected": QT_TRANSLATE_NOOP("Live", "connected"),
    "listening": QT_TRANSLATE_NOOP("Live", "listening"),
    "polling": QT_TRANSLATE_NOOP("Live", "polling"),
    "reconnecting": QT_TRANSLATE_NOOP("Live", "reconnecting"),
    "stopped": QT_TRANSLATE_NOOP("Live", "stopped"),
}
# The reasons the feeds give (from `viewer.io.live.transport`), in the interface language.
REASON_WORDS = {
    "connection refused": QT_TRANSLATE_NOOP("Live", "connection refused"),
    "timed out": QT_TRANSLATE_NOOP("Live", "timed out"),
    "connection lost (closed by the server)": QT_TRANSLATE_NOOP(
        "Live", "connection lost (closed by the server)"
    ),
    "connection lost (connection refused)": QT_TRANSLATE_NOOP(
        "Live", "connection lost (connection refused)"
    ),
    "HTTP 401: check the credentials": QT_TRANSLATE_NOOP(
        "Live", "HTTP 401: check the user name and password"
    ),
    "HTTP 403: check the credentials": QT_TRANSLATE_NOOP(
        "Live", "HTTP 403: check the user name and password"
    ),
}
COLOURS = {"ok": "#1a9641", "wait": "#d98e04", "off": "#8a8a8a"}


def age_words(seconds: float | None) -> str:
    """How long ago the last message came: "0.4 s", "12 s", "3 min", "never"."""
    if seconds is None or not math.isfinite(seconds):
        return translate("Live", "never")
    if seconds < 10:
        return translate("Live", "{n} s ago").format(n=f"{max(seconds, 0.0):.1f}")
    if seconds < 120:
        return translate("Live", "{n} s ago").format(n=f"{seconds:.0f}")
    return translate("Live", "{n} min ago").format(n=f"{seconds / 60:.0f}")


def status_words(status, now: float | None = None) -> tuple[str, str]:
    """A feed's status (`viewer.io.live.transport.FeedStatus`) as (text, colour key)."""
    now = time.time() if now is None else now
    state = translate("Live", STATE_WORDS.get(status.state, status.state))
    name = status.name
    if status.state in ("reconnecting", "connecting") and status.retry_reason:
        reason = status.retry_reason
        reason = translate("Live", REASON_WORDS[reason]) if reason in REASON_WORDS else reason
        if status.state == "reconnecting" and status.retry_at is not None:
            wait = max(0.0, status.retry_at - now)
            text = translate("Live", "{name}: {reason}; reconnecting in {s} s (attempt {n})")
            return (
                text.format(name=name, reason=reason, s=f"{wait:.0f}", n=status.attempt),
                "wait",
            )
        text = translate("Live", "{name}: {reason}; connecting again (attempt {n})")
        return text.format(name=name, reason=reason, n=status.attempt + 1), "wait"
    if status.state == "stopped":
        return translate("Live", "{name}: stopped").format(name=name), "off"
    if status.state == "connecting":
        return translate("Live", "{name}: connecting…").format(name=name), "wait"
    age = status.last_message_age
    text = translate("Live", "{name}: {state} · {rate} msg/s · last {age}").format(
        name=name, state=state, rate=f"{status.rate:,.0f}", age=age_words(age)
    )
    if status.skipped_total:  # garbage, half or hostile messages: said, with the reasons in the tip
        text += translate("Live", " · {n} not understood, skipped").format(
            n=f"{status.skipped_total:,}"
        )
    quiet = age is None or age > QUIET_S
    return text, "wait" if quiet else "ok"


class FeedStatusItem(QLabel):
    """The status-bar item of one feed; `show_status` with each new status."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.setObjectName(f"feed-status-{name}")
        self.colour = "off"

    def show_status(self, status, record_dir: str = "") -> None:
        text, colour = status_words(status)
        self.colour = colour
        self.setText(f'<span style="color:{COLOURS[colour]}">●</span> {text}')
        tip = status.line()
        worst = sorted(status.skipped.items(), key=lambda kv: -kv[1])[:SKIP_REASONS_SHOWN]
        tip += "".join(f"\n  {n:,} × {reason}" for reason, n in worst)
        if status.warnings:
            tip += "\n" + "\n".join(status.warnings)
        if record_dir:
            tip += "\n" + translate("Live", "Recording in {folder}").format(folder=record_dir)
        self.setToolTip(tip)

    def plain_text(self) -> str:
        """The text without its dot (for tests and the window's last message)."""
        return self.text().split("</span> ", 1)[-1]
