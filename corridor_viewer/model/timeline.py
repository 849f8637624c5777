"""A feature's state on a given date, from its dated milestones (pure Python).

Milestones in the geodata: announced / signed / started / opened / closed (ISO dates, possibly
"YYYY-MM"). A feature is absent before its first milestone, then proposed, under construction,
existing, and closed in turn. `handed_over` changes who controls a place, not whether it exists,
so it does not hide anything. Features with no milestones keep their status at every date.

Dated states (territorial control: who held an area from one date to another) have ``from`` and,
until something replaced them, ``to``: such a feature is drawn on dates with ``from <= date < to``;
the map as it stands today (no date) shows only the states that still hold (no ``to``).
"""

from __future__ import annotations

import datetime as _dt

TIMELINE_START = "2020-01-01"
_STATE_OF = (("closed", "closed"), ("opened", "existing"), ("started", "under-construction"),
             ("signed", "proposed"), ("announced", "proposed"))


def normalise_date(value: str) -> str:
    """'2023' -> '2023-01-01', '2023-02' -> '2023-02-01'; a full date is validated and kept."""
    parts = value.strip().split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not an ISO date: {value!r}")
    y, m, d = (int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    return _dt.date(y, m, d).isoformat()


def today() -> str:
    return _dt.date.today().isoformat()


def _span(dates: dict) -> tuple[str, str | None] | None:
    try:
        start = normalise_date(str(dates["from"]))
        end = normalise_date(str(dates["to"])) if dates.get("to") else None
    except (KeyError, ValueError):
        return None
    return start, end


def state_at(props: dict, status: str, date: str | None) -> str | None:
    """The status to draw on `date` (None: the feature did not exist yet); no date = current status."""
    dates = props.get("dates") or {}
    if "from" in dates:
        span = _span(dates)
        if span is not None:
            start, end = span
            if not date:
                return status if end is None else None
            return status if start <= date and (end is None or date < end) else None
    if not date:
        return status
    milestones = {}
    for key, value in (props.get("dates") or {}).items():
        try:
            milestones[key] = normalise_date(str(value))
        except ValueError:
            continue
    lifecycle = [milestones[k] for k, _ in _STATE_OF if k in milestones]
    if not lifecycle:
        return status
    for key, state in _STATE_OF:
        when = milestones.get(key)
        if when is not None and when <= date:
            # A 'closed' railway is drawn as historical once closed, matching the legend.
            return "historical" if state == "closed" and status in ("historical", "closed") else state
    return None
