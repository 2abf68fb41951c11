"""Pictures answered again from the cache, and alerts replayed only from a changed day."""

from __future__ import annotations

from datetime import date

from tests.unit.fusion.claim_factory import PLACES
from tests.unit.picture.test_picture import CAPTURE, CROSSING, FRAME

from borderwatch.fusion.fuse import fuse
from borderwatch.picture.alerts import alerts
from borderwatch.picture.cache import PictureCache
from borderwatch.picture.compute import picture
from borderwatch.picture.state import Picture


def test_a_cached_picture_is_answered_until_its_key_changes() -> None:
    cache = PictureCache(size=2)
    events = fuse([CAPTURE], PLACES)
    computed: list[int] = []

    def compute() -> Picture:
        computed.append(1)
        return picture(FRAME, events, date(2021, 7, 6))

    first = cache.get(FRAME, ("db", date(2021, 7, 6), 1), compute)
    again = cache.get(FRAME, ("db", date(2021, 7, 6), 1), compute)
    assert again is first and len(computed) == 1
    cache.get(FRAME, ("db", date(2021, 7, 6), 2), compute)
    assert len(computed) == 2


def test_alerts_replayed_from_a_day_are_the_full_replays_alerts_from_that_day() -> None:
    events = fuse([CAPTURE, CROSSING], PLACES)
    every = alerts(FRAME, events)
    for since in (date(2021, 7, 1), date(2021, 7, 5), date(2021, 7, 6), date(2021, 8, 1)):
        assert alerts(FRAME, events, since=since) == [a for a in every if a.valid_on >= since]
