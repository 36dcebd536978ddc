"""The street rules of a directory in columns, for a national directory's few hundred thousand.

As a tuple of `StreetRuleRecord`s each rule was an object of its own (112 bytes) with strings and
numbers of its own: about 110 MB (tracemalloc) for the 300,000 rules of a national directory
read from the database, where every row brings fresh copies of its town, prefix and street.
Here a rule is a position in a few columns: the strings shared with the rule before it (a
street's ranges come one after the other) or with every rule of the town, the numbers and
points in arrays: 37 MB. A record is made only when someone asks for one (a look-up's answer,
an export's line). See docs/benchmarks.md, "Compact gazetteer".
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from lookup.directory import Parity, StreetRuleRecord

# House numbers in an array of 64-bit integers; no house number is negative.
_NO_NUMBER = -1
_PARITIES = tuple(Parity)
_PARITY_INDEX = {parity: i for i, parity in enumerate(_PARITIES)}


class StreetRules(Sequence[StreetRuleRecord]):
    """Street rules in columns; indexing and iterating give `StreetRuleRecord`s, made anew."""

    __slots__ = (
        "_aliases",
        "_district",
        "_lat",
        "_locality",
        "_lon",
        "_number_from",
        "_number_to",
        "_parity",
        "_prefix",
        "_shared",
        "_street",
    )

    def __init__(self, records: Iterable[StreetRuleRecord] = ()) -> None:
        """Hold `records` in columns (more may be appended)."""
        self._locality: list[str] = []
        self._prefix: list[str] = []
        self._street: list[str] = []
        self._district: list[str] = []
        self._parity = array("B")
        self._number_from = array("q")
        self._number_to = array("q")
        # NaN: no point.
        self._lat = array("d")
        self._lon = array("d")
        # Few rules have other names: only theirs are kept, by position.
        self._aliases: dict[int, tuple[str, ...]] = {}
        # Towns, prefixes and district codes: a few thousand values for 300,000 rules.
        self._shared: dict[str, str] = {}
        for record in records:
            self.append(
                record.locality,
                record.prefix,
                record.street,
                record.parity,
                record.number_from,
                record.number_to,
                record.district_code,
                record.lat,
                record.lon,
                record.aliases,
            )

    def append(
        self,
        locality: str,
        prefix: str,
        street: str,
        parity: Parity,
        number_from: int | None,
        number_to: int | None,
        district_code: str,
        lat: float | None = None,
        lon: float | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        """Add a rule at the end (the arguments of `StreetRuleRecord`)."""
        shared = self._shared
        index = len(self._street)
        self._locality.append(shared.setdefault(locality, locality))
        self._prefix.append(shared.setdefault(prefix, prefix))
        self._district.append(shared.setdefault(district_code, district_code))
        # A street's ranges come one after the other: one string for them all.
        if index and self._street[-1] == street:
            street = self._street[-1]
        self._street.append(street)
        self._parity.append(_PARITY_INDEX[parity])
        # As StreetRuleRecord does: "up to 40" is "1-40".
        if number_from is None and number_to is not None:
            number_from = 1
        self._number_from.append(_NO_NUMBER if number_from is None else number_from)
        self._number_to.append(_NO_NUMBER if number_to is None else number_to)
        self._lat.append(math.nan if lat is None else lat)
        self._lon.append(math.nan if lon is None else lon)
        if aliases:
            self._aliases[index] = aliases

    def __len__(self) -> int:
        return len(self._street)

    @overload
    def __getitem__(self, index: int) -> StreetRuleRecord: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[StreetRuleRecord]: ...

    def __getitem__(self, index: int | slice) -> StreetRuleRecord | Sequence[StreetRuleRecord]:
        if isinstance(index, slice):
            return tuple(self.record(i) for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.record(index)

    def __iter__(self) -> Iterator[StreetRuleRecord]:
        return (self.record(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        # Equal to a tuple of the same records: a directory loaded from the database equals the
        # one read from its files.
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StreetRules({len(self)} rules)"

    def record(self, i: int) -> StreetRuleRecord:
        """Make the record of rule `i`."""
        low, high, lat, lon = self._number_from[i], self._number_to[i], self._lat[i], self._lon[i]
        return StreetRuleRecord(
            self._locality[i],
            self._prefix[i],
            self._street[i],
            _PARITIES[self._parity[i]],
            None if low == _NO_NUMBER else low,
            None if high == _NO_NUMBER else high,
            self._district[i],
            None if math.isnan(lat) else lat,
            None if math.isnan(lon) else lon,
            self._aliases.get(i, ()),
        )

    # --- several rules at once (a street's, in a look-up) ------------------------------------

    def covering(self, rules: Iterable[int], number: int) -> list[int]:
        """Return the rules (positions) that cover house number `number`, in order."""
        covers = self.covers
        return [i for i in rules if covers(i, number)]

    def district_codes(self, rules: Iterable[int]) -> set[str]:
        """Return the codes of the districts of some rules (positions)."""
        district = self._district
        return {district[i] for i in rules}

    # --- one column of one rule (what the look-ups read without making a record) -----------

    def locality(self, i: int) -> str:
        """Return the town of rule `i` as written."""
        return self._locality[i]

    def prefix(self, i: int) -> str:
        """Return the street-type word of rule `i` ("ul.", "pl.", "" for a whole locality)."""
        return self._prefix[i]

    def street(self, i: int) -> str:
        """Return the street name of rule `i` ("" for a whole locality)."""
        return self._street[i]

    def district_code(self, i: int) -> str:
        """Return the code of the district of rule `i`."""
        return self._district[i]

    def parity(self, i: int) -> Parity:
        """Return which house numbers of the street rule `i` covers."""
        return _PARITIES[self._parity[i]]

    def number_from(self, i: int) -> int | None:
        """Return the first house number of rule `i`, None: from the first."""
        value = self._number_from[i]
        return None if value == _NO_NUMBER else value

    def number_to(self, i: int) -> int | None:
        """Return the last house number of rule `i`, None: to the end."""
        value = self._number_to[i]
        return None if value == _NO_NUMBER else value

    def aliases(self, i: int) -> tuple[str, ...]:
        """Return the other names of rule `i`'s street."""
        return self._aliases.get(i, ())

    def lat(self, i: int) -> float | None:
        """Return the latitude of rule `i`'s point, None without one."""
        value = self._lat[i]
        return None if math.isnan(value) else value

    def lon(self, i: int) -> float | None:
        """Return the longitude of rule `i`'s point, None without one."""
        value = self._lon[i]
        return None if math.isnan(value) else value

    def point(self, i: int) -> tuple[float, float] | None:
        """Return (lat, lon) of rule `i`'s point, None if it has none."""
        lat, lon = self._lat[i], self._lon[i]
        return None if math.isnan(lat) or math.isnan(lon) else (lat, lon)

    def covers(self, i: int, number: int) -> bool:
        """Tell whether rule `i` covers house number `number` (as StreetRuleRecord.covers)."""
        parity = self._parity[i]
        if parity and number % 2 == (0 if _PARITIES[parity] is Parity.ODD else 1):
            return False
        low = self._number_from[i]
        if low != _NO_NUMBER and number < low:
            return False
        high = self._number_to[i]
        return high == _NO_NUMBER or number <= high
