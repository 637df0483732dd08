"""Placing coded events: the geo stage's step after the coder.

The coder says who did what to whom and when; this step says where, from the document's
resolved toponyms (:func:`flashpoint.geo.find_places`, computed once per document) and the
parse: each event gets the place :func:`flashpoint.geo.event_place` picks for its trigger in
its sentence, or none when its sentence names none. Kept apart from the coder so that each
stage has one job and the gazetteer is loaded only by the stage that needs it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from spacy.tokens import Doc

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.link import event_place
from flashpoint.geo.resolve import find_places
from flashpoint.records import Document, Event

__all__ = ["locate_events"]


def locate_events(
    document: Document, parsed: Doc, events: Sequence[Event], gazetteer: Gazetteer
) -> list[Event]:
    """``events`` with ``location`` set where their sentence says where they happened."""
    if not events:
        return []
    places = find_places(document, parsed, gazetteer)
    located = []
    for event in events:
        place = _place_of(parsed, event, places)
        located.append(replace(event, location=place.to_location()) if place else event)
    return located


def _place_of(parsed: Doc, event: Event, places: Sequence) -> object | None:
    sentence = parsed.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if sentence is None or event.trigger_start is None or event.trigger_end is None:
        return None
    trigger = parsed.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None:
        return None
    return event_place(sentence, trigger.root, places)
