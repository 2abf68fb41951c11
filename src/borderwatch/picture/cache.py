"""Pictures computed once and answered again until the events they come from change."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from borderwatch.picture.frame import Frame
from borderwatch.picture.state import Picture


class PictureCache:
    """The last few pictures, by region frame and a key that must name everything the picture
    depends on besides the frame (day, time known, the events' version, the database)."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._pictures: OrderedDict[tuple[int, Hashable], tuple[Frame, Picture]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, frame: Frame, key: Hashable, compute: Callable[[], Picture]) -> Picture:
        """The cached picture for `frame` and `key`, else `compute()`'s, kept for next time."""
        slot = (id(frame), key)
        with self._lock:
            held = self._pictures.get(slot)
            # The frame itself is kept and compared: an id is reused once its object is gone.
            if held is not None and held[0] is frame:
                self._pictures.move_to_end(slot)
                return held[1]
        found = compute()
        with self._lock:
            self._pictures[slot] = (frame, found)
            self._pictures.move_to_end(slot)
            while len(self._pictures) > self.size:
                self._pictures.popitem(last=False)
        return found

    def clear(self) -> None:
        """Forget every picture."""
        with self._lock:
            self._pictures.clear()
