"""A person's merge decisions: ``split`` and ``join``, kept in ``merge_decisions`` and undone
by deleting them.

Merging is automatic and can be wrong; a decision corrects it for good, because every rebuild
(:func:`flashpoint.analysis.refresh`) reads the decisions in force before it clusters:

* ``join a b``: reports ``a`` and ``b`` are one incident (and anything merged with either);
* ``split a b``: ``a`` and ``b`` are never in one incident;
* ``split a``: ``a`` is taken out into an incident of its own, and nothing merges with it
  automatically (a later join still can).

Decisions apply oldest first; a later decision about the same pair replaces an earlier one, and
a join that would put a split pair together (through a third report) is not applied. Each
function records its decision and rebuilds in one transaction, so readers never see one
without the other.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from flashpoint.analysis.merge import Constraints
from flashpoint.analysis.reports import ASSERTED
from flashpoint.errors import ConfigError, NotFoundError
from flashpoint.records import stable_hash
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema
from flashpoint.store.store import reading

__all__ = ["split_event", "join_events", "undo_decision", "list_decisions", "load_constraints"]

decisions = schema.merge_decisions


def split_event(store: Store, settings: AnalysisSettings, event_id: str, note: str | None = None,
                *, apart_from: str | None = None) -> dict[str, Any]:
    """Take ``event_id`` out of its incident (or, with ``apart_from``, keep the two apart), then
    rebuild. Returns ``{"decision", "incident_id", "refresh"}``."""
    return _decide(store, settings, "split", event_id, apart_from, note)


def join_events(store: Store, settings: AnalysisSettings, a: str, b: str,
                note: str | None = None) -> dict[str, Any]:
    """Put reports ``a`` and ``b`` (and what is merged with them) in one incident, then rebuild."""
    return _decide(store, settings, "join", a, b, note)


def undo_decision(store: Store, settings: AnalysisSettings, decision_id: str) -> dict[str, Any]:
    """Delete a decision and rebuild as if it had never been taken.

    Returns ``{"decision"`` (the one undone), ``"refresh"}``; :class:`NotFoundError` if unknown.
    """
    from flashpoint.analysis.refresh import rebuild

    with store.write() as conn:
        row = conn.execute(select(decisions).where(decisions.c.decision_id == decision_id)).first()
        if row is None:
            raise NotFoundError(f"no merge decision {decision_id!r}")
        conn.execute(delete(decisions).where(decisions.c.decision_id == decision_id))
        summary = rebuild(conn, settings)
    return {"decision": dict(row._mapping), "refresh": summary.to_dict()}


def list_decisions(target: Store | Connection) -> list[dict[str, Any]]:
    """Decisions in force, oldest first."""
    with reading(target) as conn:
        rows = conn.execute(select(decisions).order_by(decisions.c.created_at, decisions.c.decision_id))
        return [dict(row._mapping) for row in rows]


def load_constraints(conn: Connection) -> Constraints:
    """The decisions in force as clustering constraints (see the module docstring)."""
    together: dict[frozenset[str], tuple[str, str, str]] = {}
    apart: set[frozenset[str]] = set()
    alone: dict[str, str] = {}
    for row in list_decisions(conn):
        a, b, decision_id = row["event_a"], row["event_b"], row["decision_id"]
        if row["action"] == "split" and b is None:
            alone[a] = decision_id
            together = {pair: j for pair, j in together.items() if a not in pair}
            continue
        pair = frozenset((a, b))
        if row["action"] == "join":
            together.pop(pair, None)  # re-insert: keeps oldest-first order of what is in force
            together[pair] = (a, b, decision_id)
            apart.discard(pair)
        else:
            together.pop(pair, None)
            apart.add(pair)
    return Constraints(tuple(together.values()), frozenset(apart), alone)


def _decide(store: Store, settings: AnalysisSettings, action: str, a: str, b: str | None,
            note: str | None) -> dict[str, Any]:
    from flashpoint.analysis.refresh import rebuild

    if a == b:
        raise ConfigError(f"cannot {action} an event with itself ({a})")
    with store.write() as conn:
        _check_asserted(conn, [e for e in (a, b) if e is not None])
        decision = _same_decision(conn, action, a, b) or _record(conn, action, a, b, note)
        summary = rebuild(conn, settings)
        incident_id = conn.scalar(
            select(schema.incident_events.c.incident_id).where(schema.incident_events.c.event_id == a)
        )
    return {"decision": decision, "incident_id": incident_id, "refresh": summary.to_dict()}


def _check_asserted(conn: Connection, event_ids: list[str]) -> None:
    """Decisions are about reports that can be merged: stored, asserted events."""
    events = schema.events
    found = dict(conn.execute(select(events.c.event_id, events.c.status)
                              .where(events.c.event_id.in_(event_ids))).all())
    for event_id in event_ids:
        if event_id not in found:
            raise NotFoundError(f"no event {event_id!r}")
        if found[event_id] not in ASSERTED:
            raise ConfigError(f"event {event_id} is {found[event_id]}: only asserted events "
                              "(actual, claimed) are merged into incidents")


def _same_decision(conn: Connection, action: str, a: str, b: str | None) -> dict[str, Any] | None:
    """The decision in force that says the same (recording it twice changes nothing): the latest
    one about the same pair, if it is of the same action."""
    latest = None
    for row in list_decisions(conn):
        if {row["event_a"], row["event_b"]} == {a, b}:
            latest = row
    return latest if latest is not None and latest["action"] == action else None


def _record(conn: Connection, action: str, a: str, b: str | None, note: str | None) -> dict[str, Any]:
    created_at = datetime.now(UTC).isoformat(timespec="microseconds")
    row = {
        "decision_id": stable_hash("merge-decision", action, a, b or "", created_at),
        "action": action,
        "event_a": a,
        "event_b": b,
        "note": note,
        "created_at": created_at,
    }
    conn.execute(decisions.insert().values(**row))
    return row
