"""Optional online geocoding (geopy's Nominatim) for addresses the offline directory does not know.

Off by default ([lookup] geocoding_enabled). Nominatim allows about one request a second, so
requests pass a per-process rate limiter and answers are cached. geopy is synchronous: it runs
in a worker thread, and the lookup flow runs it as a background job after the resident's turn
is committed, so no database transaction (on SQLite: the write lock) waits for the network.
Any error or timeout counts as "not found".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from aiolimiter import AsyncLimiter

from bot.config import LookupSection

log = logging.getLogger(__name__)

# Beyond this many residents waiting for the rate limiter, answer "not found" at once.
MAX_WAITING = 30


@dataclass(frozen=True)
class GeocodedPoint:
    """Where an online geocoder placed a typed address."""

    lat: float
    lon: float
    address: str | None


class PointFinder(Protocol):
    """What the lookup uses of a geopy geocoder (geopy.geocoders.Nominatim fits)."""

    def geocode(self, query: str, *, exactly_one: bool, timeout: float, **options: Any) -> Any:
        """Return a geopy Location (latitude, longitude, address) or None."""
        ...


class Geocoding:
    """Geocode typed addresses online: rate-limited, cached, never raising."""

    def __init__(
        self,
        finder: PointFinder,
        *,
        min_interval: float = 1.0,
        timeout: float = 5.0,
        cache_size: int = 1000,
        cache_seconds: float = 86_400.0,
        country_codes: str = "pl",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._finder = finder
        self._limiter = AsyncLimiter(1, min_interval) if min_interval > 0 else None
        self.timeout = timeout
        self._cache: OrderedDict[str, tuple[float, GeocodedPoint | None]] = OrderedDict()
        self._cache_size = cache_size
        self._cache_seconds = cache_seconds
        self._country_codes = country_codes
        self._clock = clock
        self._waiting = 0
        self._jobs: set[asyncio.Task[None]] = set()
        # Whom each running job answers (a user id), so a flow can tell whether one still runs.
        self._owners: dict[asyncio.Task[None], int] = {}

    @classmethod
    def nominatim(cls, settings: LookupSection) -> Geocoding:
        """Build the geocoder the configuration describes (a public or self-hosted Nominatim)."""
        from geopy.geocoders import Nominatim

        finder = Nominatim(
            domain=settings.nominatim_domain,
            user_agent=settings.geocoding_user_agent,
            timeout=settings.geocoding_timeout,
        )
        return cls(
            finder,
            min_interval=settings.geocoding_min_interval,
            timeout=settings.geocoding_timeout,
            cache_size=settings.geocoding_cache_size,
            cache_seconds=settings.geocoding_cache_hours * 3600,
        )

    @property
    def busy(self) -> bool:
        """Tell whether so many requests wait that a new one should not queue."""
        return self._waiting >= MAX_WAITING

    async def geocode(self, query: str) -> GeocodedPoint | None:
        """Return where the address is, or None (not found, error, timeout, too busy)."""
        key = " ".join(query.casefold().split())
        cached = self._cached(key)
        if cached is not None:
            return cached[0]
        if self.busy:
            log.info("geocoding skipped: %d requests already waiting", self._waiting)
            return None
        self._waiting += 1
        try:
            if self._limiter is not None:
                await self._limiter.acquire()
            found = await asyncio.wait_for(
                asyncio.to_thread(
                    self._finder.geocode,
                    query,
                    exactly_one=True,
                    timeout=self.timeout,
                    country_codes=self._country_codes,
                ),
                # geopy has its own timeout; this one only guards against a stuck thread.
                self.timeout + 1,
            )
        except Exception as exc:
            # Network, HTTP and service errors alike: the resident gets "not found", not a crash.
            log.warning("geocoding failed: %s", type(exc).__name__)
            return None
        finally:
            self._waiting -= 1
        point = _point(found)
        self._remember(key, point)
        log.debug("geocoded %r: %s", query, point)
        return point

    def _cached(self, key: str) -> tuple[GeocodedPoint | None] | None:
        entry = self._cache.get(key)
        if entry is None:
            return None
        expires, point = entry
        if expires <= self._clock():
            del self._cache[key]
            return None
        self._cache.move_to_end(key)
        return (point,)

    def _remember(self, key: str, point: GeocodedPoint | None) -> None:
        # "Not found" is cached too: asking again soon would not change the answer.
        self._cache[key] = (self._clock() + self._cache_seconds, point)
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def spawn(self, job: Coroutine[Any, Any, None], owner: int | None = None) -> None:
        """Run a job in the background (kept referenced until it ends; errors are logged)."""
        task = asyncio.get_running_loop().create_task(job)
        self._jobs.add(task)
        if owner is not None:
            self._owners[task] = owner
        task.add_done_callback(self._finished)

    def working_for(self, owner: int) -> bool:
        """Tell whether a job spawned for this owner still runs in this process."""
        return owner in self._owners.values()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._jobs.discard(task)
        self._owners.pop(task, None)
        if not task.cancelled() and task.exception() is not None:
            log.error("geocoding job failed", exc_info=task.exception())

    async def drain(self) -> None:
        """Wait until every background job has finished (tests; a graceful stop)."""
        while self._jobs:
            await asyncio.gather(*self._jobs, return_exceptions=True)


def _point(found: Any) -> GeocodedPoint | None:
    """Read a geopy Location (or anything with latitude and longitude)."""
    if found is None:
        return None
    try:
        lat, lon = float(found.latitude), float(found.longitude)
    except (AttributeError, TypeError, ValueError):
        return None
    address = getattr(found, "address", None)
    return GeocodedPoint(lat, lon, str(address) if address else None)
