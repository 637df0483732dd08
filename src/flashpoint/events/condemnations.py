"""Aim a condemnation at the other side: "Tehran condemned the attacks as piracy" is aimed at
whoever struck Iran, not at the Iranian speedboats told just before.

The argument finder reads "condemned the attacks" (or "called the raid a crime") as aimed at
the doer of the act the noun retells, and picks that act by its word and by recency. When the
act it picks is the accuser's own state's (its government, military or police, or the state
itself), the pick is almost surely wrong: a state condemns what was done to it or to others,
not what its own forces did. This stage, run once a document's events are coded, re-aims such
a charge at the doer of the latest act of violence told before it whose doer is of another
country. A charge that names its target in its own sentence ("Iran condemned its police"), or
aimed at a non-state doer of the same country ("Iran condemned the gunmen's attack"), is left
as it is, and so is one with no such earlier act.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from flashpoint.events.actors import STATE_SECTORS
from flashpoint.events.status import ASSERTED
from flashpoint.records import Actor, Event

__all__ = ["aim_condemnations"]

_CHARGE = "ACCUSE"
_VIOLENCE = frozenset({"ASSAULT", "COERCE"})
_UNKNOWN = (None, "", "UNK", "IGO")


def aim_condemnations(events: Sequence[Event]) -> list[Event]:
    """``events`` of one document, in text order, with charges against the accuser's own
    state, read off a retold act, re-aimed at the latest foreign doer of violence told before."""
    aimed: list[Event] = []
    for i, event in enumerate(events):
        if _aimed_at_own_state(event):
            doer = _latest_foreign_doer(events[:i], event.source.country)  # type: ignore[union-attr]
            if doer is not None:
                event = replace(event, target=replace(doer, text=""))  # read from context, not named
        aimed.append(event)
    return aimed


def _aimed_at_own_state(event: Event) -> bool:
    source, target = event.source, event.target
    if event.event_type != _CHARGE or event.status not in ASSERTED:
        return False
    if source is None or target is None or source.country in _UNKNOWN or target.country != source.country:
        return False
    if not _state(source) or not _state(target):
        return False
    return not target.text or target.text not in event.sentence  # read off a retold act


def _state(actor: Actor) -> bool:
    """A government, military or police, or the state itself ("Iranian speedboats" known only
    by their country)."""
    return actor.sector in STATE_SECTORS or (actor.sector is None and actor.id == actor.country)


def _latest_foreign_doer(before: Sequence[Event], country: str) -> Actor | None:
    for event in reversed(before):
        doer = event.source
        if event.event_type in _VIOLENCE and event.status in ASSERTED and doer is not None \
                and doer.country not in _UNKNOWN and doer.country != country:
            return doer
    return None
