"""Test servers on 127.0.0.1 that play recorded streams to the live feeds, and a wait helper."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], timeout: float = 10.0, every: float = 0.01) -> None:
    """Wait for a condition a feed thread or a hub poll makes true; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(every)


class TcpReplayServer:
    """Listens on 127.0.0.1 (an ephemeral port); the test accepts each client and decides what
    it is sent, when the connection drops and when the server comes back."""

    def __init__(self, port: int = 0) -> None:
        """On ``port`` (0: any free one; a port again: the server coming back)."""
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.client: socket.socket | None = None

    def accept(self, timeout: float = 10.0) -> socket.socket:
        self.sock.settimeout(timeout)
        self.client, _ = self.sock.accept()
        return self.client

    def send(self, data: bytes, pieces: int = 1, pause: float = 0.0) -> None:
        assert self.client is not None
        step = max(1, len(data) // pieces)
        for i in range(0, len(data), step):
            self.client.sendall(data[i : i + step])
            if pause:
                time.sleep(pause)

    def drop(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    def close(self) -> None:
        self.drop()
        self.sock.close()


def send_udp(
    datagrams: list[bytes], port: int, group: str | None = None, pause: float = 0.0
) -> None:
    """Datagrams to 127.0.0.1:port, or to a multicast group on the loopback interface."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    try:
        if group is not None:
            loopback = socket.inet_aton("127.0.0.1")
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, loopback)
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, struct.pack("b", 0))
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
        for datagram in datagrams:
            sock.sendto(datagram, (group or "127.0.0.1", port))
            if pause:
                time.sleep(pause)
    finally:
        sock.close()


def free_udp_port() -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class Background:
    """Run ``fn`` on a thread (a server's script while the test polls the hub)."""

    def __init__(self, fn: Callable[[], None]) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self.thread.start()

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except BaseException as exc:
            self.error = exc

    def join(self, timeout: float = 30.0) -> None:
        self.thread.join(timeout)
        if self.error is not None:
            raise self.error
