"""A server that counts the bytes it sends of each file and can cut or stall one: a weak Wi-Fi, on the
server's side, so that what the browser fetched is counted exactly (the tests and bench/assessment.py)."""

from __future__ import annotations

import shutil
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field

from generator.serve import SiteHandler


@dataclass
class Meter:
    """What a metered server sent: bytes per file name (the last part of its path), and each request's Range.

    `cut[name] = n`: the next response for `name` stops after n bytes and the connection closes (a drop).
    `stall[name] = n`: the next response for `name` stops after n bytes and holds the connection open, sending
    nothing, until the browser gives up on it (recorded in `abandoned`) or `release` is set. A page's name is
    "" (its path ends in "/"), so a page is stalled by its whole path: `stall["/about/"] = 0`.
    `pace`: bytes a second the whole server sends at most (a slow line), in small pieces.
    `delay`: seconds each response waits before it starts (a line's latency, on the server's side).
    `drop_after`: once the server has sent this many bytes in all (of the files named in `counted`, if given),
    every response being sent stops there and its connection closes (the Wi-Fi drops), once; `dropped` is
    then set, and every response stops at once until it is cleared.
    """

    sent: Counter = field(default_factory=Counter)
    ranges: dict[str, list[str | None]] = field(default_factory=dict)
    cut: dict[str, int] = field(default_factory=dict)
    stall: dict[str, int] = field(default_factory=dict)
    abandoned: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    pace: float | None = None
    delay: float | None = None
    drop_after: int | None = None
    counted: frozenset[str] | None = None
    dropped: threading.Event = field(default_factory=threading.Event)
    _next_send: float = 0.0

    def wait_turn(self, size: int) -> None:
        """Wait until `size` more bytes may go out at `pace`."""
        if not self.pace:
            return
        with self.lock:
            now = time.monotonic()
            start = max(now, self._next_send)
            self._next_send = start + size / self.pace
        time.sleep(max(0.0, start - now))

    def drop_now(self) -> bool:
        """Whether the line drops at this point (see `drop_after`)."""
        with self.lock:
            sent = sum(n for name, n in self.sent.items() if self.counted is None or name in self.counted)
            if self.drop_after is not None and sent >= self.drop_after:
                self.drop_after = None
                self.dropped.set()
            return self.dropped.is_set() and not self.release.is_set()

    def reset(self) -> None:
        with self.lock:
            self.sent.clear()
            self.ranges.clear()


def metered(meter: Meter) -> type[SiteHandler]:
    """A SiteHandler that counts into `meter`, cutting and stalling as it says."""

    class Metered(SiteHandler):
        def send_head(self):
            name = urllib.parse.urlsplit(self.path).path.rsplit("/", 1)[-1]
            with meter.lock:
                meter.ranges.setdefault(name, []).append(self.headers.get("Range"))
            if meter.delay:
                time.sleep(meter.delay)
            return super().send_head()

        def copyfile(self, source, outputfile) -> None:
            path = urllib.parse.urlsplit(self.path).path
            name = path.rsplit("/", 1)[-1]
            with meter.lock:
                cut, stall = meter.cut.pop(name, None), meter.stall.pop(path if path in meter.stall else name, None)
            budget = cut if cut is not None else stall
            piece = 16 * 1024 if meter.pace else 64 * 1024
            while chunk := source.read(piece if budget is None else min(piece, budget)):
                meter.wait_turn(len(chunk))
                if meter.drop_now():
                    cut = 0
                    break
                outputfile.write(chunk)
                with meter.lock:
                    meter.sent[name] += len(chunk)
                if budget is not None:
                    budget -= len(chunk)
                    if budget == 0:
                        break
            outputfile.flush()
            if cut is not None:
                # The drop comes after what was sent has arrived, as on a slow line (on loopback the
                # browser would still be reading it when it hears of the drop, and lose it).
                time.sleep(1)
                self.close_connection = True
            elif stall is not None:
                self._hold(name)
                shutil.copyfileobj(source, outputfile)

        def _hold(self, name: str) -> None:
            """Send nothing until the browser closes the connection (it abandoned the request) or release."""
            self.connection.settimeout(0.2)
            while not meter.release.is_set():
                try:
                    if self.connection.recv(1, 0x2) == b"":  # MSG_PEEK: b"" once the browser has closed
                        with meter.lock:
                            meter.abandoned.append(name)
                        self.close_connection = True
                        raise ConnectionResetError(name)
                except TimeoutError:
                    pass
                time.sleep(0.05)

    return Metered
