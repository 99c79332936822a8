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
    nothing, until the browser gives up on it (recorded in `abandoned`) or `release` is set.
    """

    sent: Counter = field(default_factory=Counter)
    ranges: dict[str, list[str | None]] = field(default_factory=dict)
    cut: dict[str, int] = field(default_factory=dict)
    stall: dict[str, int] = field(default_factory=dict)
    abandoned: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

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
            return super().send_head()

        def copyfile(self, source, outputfile) -> None:
            name = urllib.parse.urlsplit(self.path).path.rsplit("/", 1)[-1]
            with meter.lock:
                cut, stall = meter.cut.pop(name, None), meter.stall.pop(name, None)
            budget = cut if cut is not None else stall
            while chunk := source.read(64 * 1024 if budget is None else min(64 * 1024, budget)):
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
