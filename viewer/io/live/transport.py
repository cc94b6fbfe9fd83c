"""A thread per feed: connect (TCP), listen (UDP, multicast) or poll (HTTP); decode; record; hand
the fixes on; and say how it is doing.

A dropped or refused connection is retried after an exponential backoff (``backoff_s`` doubling
to ``backoff_max_s``, back to the start once data flows again), and the status says so
("connection refused; retrying in 4 s, attempt 3"). A flood — more than ``max_rate`` messages a
second, sustained past a one-second burst allowance — is rate-limited: the messages over the
limit are still recorded but not handed to the live picture, and the status carries a warning
while it lasts. Garbage, half messages and hostile input are counted by the protocol and
skipped; nothing a sender does raises out of the thread.
"""

from __future__ import annotations

import base64
import contextlib
import math
import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from viewer.io.live.protocols import Message, Protocol
from viewer.io.live.recorder import FeedRecorder
from viewer.io.live.sources import FeedSpec

CONNECTING = "connecting"
CONNECTED = "connected"
LISTENING = "listening"
POLLING = "polling"
RECONNECTING = "reconnecting"
STOPPED = "stopped"
RATE_WINDOW_S = 5.0
WARNING_HOLD_S = 10.0


@dataclass(frozen=True)
class FeedConfig:
    """How a feed behaves. ``max_rate``: messages a second handed to the live picture (the
    recording keeps every one) with a burst allowance of ``burst`` messages."""

    backoff_s: float = 0.5
    backoff_max_s: float = 30.0
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 0.25  # how often a blocked read looks at the stop flag
    max_rate: float = 20_000.0
    burst: float = 20_000.0
    http_timeout_s: float = 20.0


@dataclass(frozen=True)
class FeedStatus:
    """One feed at one moment, for a status bar or a log line."""

    name: str
    url: str
    protocol: str
    state: str
    detail: str
    messages: int
    fixes: int
    rate: float  # messages a second over the last few seconds
    last_message_age: float | None  # seconds since the last valid message, None before one
    skipped: dict[str, int]
    shed: int  # over the rate limit: recorded, not shown
    reconnects: int
    errors: int
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    # while reconnecting: why, when the next attempt is (wall-clock epoch s) and its number
    retry_reason: str = ""
    retry_at: float | None = None
    attempt: int = 0

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        age = "never" if self.last_message_age is None else f"{self.last_message_age:.1f} s ago"
        text = (
            f"{self.name} [{self.state}] {self.rate:.0f} msg/s, {self.messages:,} messages, "
            f"{self.fixes:,} fixes, last {age}"
        )
        if self.skipped_total:
            text += f", {self.skipped_total:,} skipped"
        if self.detail:
            text += f" — {self.detail}"
        for warning in self.warnings:
            text += f" — WARNING: {warning}"
        return text


Sink = Callable[[str, int, list[Message]], None]


@dataclass
class _Counters:
    messages: int = 0
    fixes: int = 0
    shed: int = 0
    reconnects: int = 0
    errors: int = 0
    last_message: float | None = None
    rate: deque = field(default_factory=lambda: deque(maxlen=64))  # (second, count)
    shed_at: float = -math.inf
    shed_rate: float = 0.0


class Feed:
    """Reads one source in a thread of its own (`start` / `stop`); ``sink(name, arrival_ns,
    messages)`` receives the messages to show; `status` is safe from any thread."""

    def __init__(
        self,
        spec: FeedSpec,
        protocol: Protocol,
        sink: Sink,
        recorder: FeedRecorder | None = None,
        config: FeedConfig | None = None,
    ) -> None:
        self.spec = spec
        self.protocol = protocol
        self.sink = sink
        self.recorder = recorder
        self.config = config or FeedConfig()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._state = STOPPED
        self._detail = ""
        self._retry: tuple[str, float | None, int] = ("", None, 0)
        self._c = _Counters()
        self._tokens = self.config.burst
        self._tokens_at = time.monotonic()
        self._notes_seen = 0

    # ------------------------------------------------------------------ control
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"feed {self.spec.name}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self.recorder is not None:
            self.recorder.close()
        self._set(STOPPED, "")

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def status(self, now: float | None = None) -> FeedStatus:
        now = time.time() if now is None else now
        with self._lock:
            c = self._c
            second = int(now)
            recent = sum(n for s, n in c.rate if second - RATE_WINDOW_S <= s < second)
            warnings = []
            if now - c.shed_at < WARNING_HOLD_S:
                warnings.append(
                    f"flood of about {c.shed_rate:,.0f} msg/s: over {self.config.max_rate:,.0f} "
                    f"msg/s are recorded but not shown ({c.shed:,} so far)"
                )
            return FeedStatus(
                name=self.spec.name,
                url=self.spec.url,
                protocol=self.spec.protocol,
                state=self._state,
                detail=self._detail,
                messages=c.messages,
                fixes=c.fixes,
                rate=recent / RATE_WINDOW_S,
                last_message_age=None if c.last_message is None else now - c.last_message,
                skipped=dict(self.protocol.skipped),
                shed=c.shed,
                reconnects=c.reconnects,
                errors=c.errors,
                warnings=tuple(warnings),
                notes=tuple(self.protocol.notes),
                retry_reason=self._retry[0],
                retry_at=self._retry[1],
                attempt=self._retry[2],
            )

    def _set(self, state: str, detail: str) -> None:
        with self._lock:
            self._state, self._detail = state, detail
            if state not in (RECONNECTING, CONNECTING):
                self._retry = ("", None, 0)

    # ------------------------------------------------------------------ the thread
    def _run(self) -> None:
        try:
            if self.spec.transport == "tcp":
                self._run_tcp()
            elif self.spec.transport == "udp":
                self._run_udp()
            else:
                self._run_http()
        except Exception as exc:  # never let a sender kill the app: say it and stop
            with self._lock:
                self._c.errors += 1
            self._set(STOPPED, f"stopped by an internal error: {type(exc).__name__}: {exc}")

    def _wait_retry(self, reason: str, delay: float, attempt: int) -> float:
        with self._lock:
            self._c.errors += 1
        self._set(RECONNECTING, f"{reason}; retrying in {delay:.1f} s, attempt {attempt}")
        with self._lock:
            self._retry = (reason, time.time() + delay, attempt)
        self._stop.wait(delay)
        return min(delay * 2.0, self.config.backoff_max_s)

    def _run_tcp(self) -> None:
        delay, attempt = self.config.backoff_s, 0
        spec = self.spec
        while not self._stop.is_set():
            attempt += 1
            self._set(CONNECTING, f"to {spec.host}:{spec.port}")
            try:
                sock = socket.create_connection(
                    (spec.host, spec.port), timeout=self.config.connect_timeout_s
                )
            except OSError as exc:
                delay = self._wait_retry(_why(exc), delay, attempt)
                continue
            got_data = False
            reason = "closed by the server"
            with sock:
                sock.settimeout(self.config.read_timeout_s)
                self._set(CONNECTED, f"to {spec.host}:{spec.port}")
                while not self._stop.is_set():
                    try:
                        data = sock.recv(1 << 16)
                    except TimeoutError:
                        continue
                    except OSError as exc:
                        reason = _why(exc)
                        break
                    if not data:
                        break
                    if not got_data:
                        got_data, delay, attempt = True, self.config.backoff_s, 0
                    received = time.time_ns()
                    self._handle(self.protocol.feed(data, received), received)
            self._handle(self.protocol.end(time.time_ns()))
            if self._stop.is_set():
                break
            with self._lock:
                self._c.reconnects += 1
            delay = self._wait_retry(f"connection lost ({reason})", delay, max(attempt, 1))

    def _run_udp(self) -> None:
        delay, attempt = self.config.backoff_s, 0
        spec = self.spec
        while not self._stop.is_set():
            attempt += 1
            try:
                sock = _udp_socket(spec)
            except OSError as exc:
                delay = self._wait_retry(f"cannot listen: {_why(exc)}", delay, attempt)
                continue
            where = f"{spec.host}:{spec.port}" + (f" on {spec.interface}" if spec.multicast else "")
            with sock:
                sock.settimeout(self.config.read_timeout_s)
                self._set(LISTENING, where)
                while not self._stop.is_set():
                    try:
                        data, _ = sock.recvfrom(1 << 16)
                    except TimeoutError:
                        continue
                    except OSError as exc:
                        delay = self._wait_retry(_why(exc), delay, attempt)
                        break
                    received = time.time_ns()
                    self._handle(self.protocol.feed_datagram(data, received), received)

    def _run_http(self) -> None:
        spec = self.spec
        delay, attempt = spec.poll_s, 0
        headers = {"Accept": "application/json", "User-Agent": "adiz-viewer"}
        if spec.token:
            headers["Authorization"] = f"Bearer {spec.token}"
        elif spec.username is not None:
            pair = f"{spec.username}:{spec.password or ''}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        while not self._stop.is_set():
            attempt += 1
            self._set(POLLING, f"{spec.url} every {spec.poll_s:g} s")
            started = time.monotonic()
            try:
                request = urllib.request.Request(spec.url, headers=headers)
                with urllib.request.urlopen(request, timeout=self.config.http_timeout_s) as reply:
                    body = reply.read(64 * 1024 * 1024 + 1)
            except urllib.error.HTTPError as exc:
                why = f"HTTP {exc.code}" + (
                    ": check the credentials" if exc.code in (401, 403) else ""
                )
                delay = self._wait_retry(why, max(delay, spec.poll_s), attempt)
                continue
            except (OSError, ValueError) as exc:
                delay = self._wait_retry(_why(exc), max(delay, spec.poll_s), attempt)
                continue
            delay, attempt = spec.poll_s, 0
            received = time.time_ns()
            self._handle(self.protocol.feed(body, received), received)
            self._stop.wait(max(0.0, spec.poll_s - (time.monotonic() - started)))

    # ------------------------------------------------------------------ each read
    def _handle(self, messages: list[Message], received: int | None = None) -> None:
        """Record and hand on what one read gave; ``received`` (epoch ns): when the bytes came
        off the socket (the arrival time the hub and the recording keep)."""
        if not messages:
            self._note_news()
            return
        arrival = time.time_ns() if received is None else received
        if self.recorder is not None:
            try:
                self.recorder.write(messages, arrival)
            except OSError as exc:  # a full disk: say so, keep the live picture going
                with self._lock:
                    self._c.errors += 1
                self._set(self._state, f"recording failed: {_why(exc)}")
        shown = self._admit(messages)
        now = arrival / 1e9
        with self._lock:
            c = self._c
            c.messages += len(messages)
            c.fixes += sum(len(m.fixes) for m in shown)
            c.last_message = now
            second = int(now)
            if c.rate and c.rate[-1][0] == second:
                c.rate[-1] = (second, c.rate[-1][1] + len(messages))
            else:
                c.rate.append((second, len(messages)))
        if shown:
            self.sink(self.spec.name, arrival, shown)
        self._note_news()

    def _admit(self, messages: list[Message]) -> list[Message]:
        """Token bucket: ``max_rate`` a second, ``burst`` at most; the rest is shed."""
        now = time.monotonic()
        cfg = self.config
        self._tokens = min(cfg.burst, self._tokens + (now - self._tokens_at) * cfg.max_rate)
        self._tokens_at = now
        n = len(messages)
        if n <= self._tokens:
            self._tokens -= n
            return messages
        keep = max(int(self._tokens), 0)
        self._tokens -= keep
        wall = time.time()
        with self._lock:
            c = self._c
            c.shed += n - keep
            c.shed_at = wall
            c.shed_rate = float(sum(k for s, k in c.rate if s >= int(wall) - 1) + n)
        return messages[:keep]

    def _note_news(self) -> None:
        """A protocol's new note (an inferred clock zone) goes to the recording's manifest."""
        notes = self.protocol.notes
        if len(notes) > self._notes_seen and self.recorder is not None:
            self._notes_seen = len(notes)
            extra: dict[str, object] = {"notes": list(notes)}
            zone = getattr(self.protocol, "zone", "")
            if zone:
                extra["zone"] = zone
            with contextlib.suppress(OSError):
                self.recorder.write_manifest(**extra)


def _udp_socket(spec: FeedSpec) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if spec.multicast:
            sock.bind((spec.host, spec.port))  # the group: only its datagrams
            membership = struct.pack(
                "4s4s", socket.inet_aton(spec.host), socket.inet_aton(spec.interface)
            )
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, membership)
        else:
            sock.bind((spec.interface, spec.port))
    except OSError:
        sock.close()
        raise
    return sock


def _why(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot reach the server ({exc.reason})"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text)
