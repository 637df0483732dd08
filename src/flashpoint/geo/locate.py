"""Placing coded events: the geo stage's step after the coder.

The coder says who did what to whom and when; this step says where, from the document's
resolved toponyms (:func:`flashpoint.geo.find_places`, computed once per document) and the
parse. Each event first gets what its own sentence says (:func:`flashpoint.geo.link.link_place`).

A news story tells one episode at a time, and its follow-up sentences rarely repeat the place:
"The group claimed responsibility", "Most of the missiles were intercepted", "the protesters
withdrew from the compound". An act done at a place (an assault, a seizure, a protest, a
deployment) whose sentence names no place therefore takes the place of the document's
episode: the place of the last act placed in the same paragraph, else the place of the
document's first act placed by its own sentence, sharpened by later sentences that retell that
act (same kind, same side) with a place inside it ("eastern Syria", then "near Abu Kamal").
Any event that hangs on "the scene" or "the base" is at the episode's place. A context place
is lent only to an event whose date fits the date of the act that placed it: a story about the
June 2021 strikes does not place the January 2020 assassination it recalls. Failing one, a
local report's dateline ("BAGHDAD, Jan. 1 --") places it, when the story's places are in the
dateline's country; a "WASHINGTON" dateline on a story about Syria places nothing.
Statements, accusations and demands are never placed by context: where they were made is
seldom where their subject happened, and no place is better than a wrong one.

Kept apart from the coder so that each stage has one job and the gazetteer is loaded only by
the stage that needs it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date as date_type
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.link import Link, PlaceRules, link_place, names_where, place_rules
from flashpoint.geo.resolve import PRECISION_RANK, Place, find_places
from flashpoint.nlp.doctext import text_of
from flashpoint.records import Document, Event, great_circle_km

__all__ = ["locate_events"]

#: A later place sharpens the episode's place only if it lies this close to a town or site
#: (a country or region sharpens to anything inside it).
_SHARPEN_KM = 60.0
#: The dateline is the document's first characters.
_DATELINE_CHARS = 60
#: A context place fits an event dated this many days from the act that placed it.
_CONTEXT_DAYS = 3


def locate_events(
    document: Document, parsed: Doc, events: Sequence[Event], gazetteer: Gazetteer
) -> list[Event]:
    """``events`` with ``location`` set where their sentence, or the episode they belong to,
    says where they happened."""
    if not events:
        return []
    places = find_places(document, parsed, gazetteer)
    rules = place_rules()
    links, recent, episode = _read_sentences(parsed, events, places, rules)
    dateline = _local_dateline(places, parsed, rules)
    located = []
    for i, event in enumerate(events):
        context = _fitting(event, recent.get(i)) or _fitting(event, episode)
        place = _final_place(links.get(i), event, rules, context, dateline)
        located.append(replace(event, location=place.to_location()) if place else event)
    return located


#: A place lent by context, with the date and the sentence (its start) of the act that placed it.
Dated = tuple[Place, str | None, int]


def _read_sentences(parsed: Doc, events: Sequence[Event], places: Sequence[Place],
                    rules: PlaceRules) -> tuple[dict[int, Link], dict[int, Dated], Dated | None]:
    """In text order: what each event's sentence says (by event index), the place of the last
    act placed before it in its paragraph, and the document's episode place, each context
    place with the date of the act that placed it."""
    anchors = [_anchors(parsed, event) for event in events]
    triggers_by_sentence: dict[int, list[Token]] = {}
    for anchor in anchors:
        if anchor is not None:
            triggers_by_sentence.setdefault(anchor[0].start, []).append(anchor[1])
    order = sorted(range(len(events)),
                   key=lambda i: (events[i].char_start, events[i].trigger_start or 0))
    links: dict[int, Link] = {}
    recent: dict[int, Dated] = {}
    episode: Place | None = None
    lead: int | None = None
    last: tuple[int, Dated] | None = None  # (paragraph, (place, date)) of the last act placed
    for i in order:
        anchor = anchors[i]
        if anchor is None:
            continue
        sentence, trigger = anchor
        link = link_place(sentence, trigger, places, events[i].event_type, events[i].mode,
                          triggers_by_sentence.get(sentence.start, ()), rules)
        links[i] = link
        paragraph = _paragraph(text_of(parsed), events[i].char_start)
        if last is not None and last[0] == paragraph:
            recent[i] = last[1]
        if link.place is None or not rules.is_physical(events[i].event_type, events[i].mode):
            continue
        last = (paragraph, (link.place, events[i].date, events[i].char_start))
        if lead is None:
            lead, episode = i, link.place
        elif _retells(events[lead], events[i]):
            episode = _sharpen(episode, link.place)
    if lead is None or episode is None:
        return links, recent, None
    links[lead] = _sharpened_lead(links[lead], episode)
    return links, recent, (episode, events[lead].date, events[lead].char_start)


def _fitting(event: Event, context: Dated | None) -> Place | None:
    """The context's place if its act is in the event's sentence (one scene), or its date fits
    the event's (either unknown, one containing the other, or days within ``_CONTEXT_DAYS``);
    otherwise the event belongs to another time."""
    if context is None:
        return None
    place, date, sentence = context
    if sentence == event.char_start or _contains(event.date, date):
        return place
    if len(event.date) == len(date) == 10:
        gap = abs((_day(event.date) - _day(date)).days)
        return place if gap <= _CONTEXT_DAYS else None
    return None


def _contains(one: str | None, other: str | None) -> bool:
    """Either date unknown, or one is the other made coarser (``2021-07`` and ``2021-07-05``)."""
    return one is None or other is None or one.startswith(other) or other.startswith(one)


def _day(iso: str) -> date_type:
    return date_type.fromisoformat(iso)


def _paragraph(text: str, offset: int) -> int:
    """The paragraph (line) an offset lies in, as the offset of the line's start."""
    return text.rfind("\n", 0, offset) + 1


def _retells(lead: Event, event: Event) -> bool:
    """Whether an event may be the episode's opening act told again: the same kind of act by
    the same side ("American warplanes struck ..." and "The strikes ... destroyed"), not the
    other side's attacks on a base nearby."""
    if event.event_type != lead.event_type:
        return False
    one = lead.source.country if lead.source else None
    other = event.source.country if event.source else None
    return one in (None, "UNK") or other in (None, "UNK") or one == other


def _sharpened_lead(link: Link, episode: Place) -> Link:
    """The act that opened the episode, retold more precisely later ("struck buildings in
    eastern Syria" ... "The strikes, near Abu Kamal"), takes the finer place."""
    place = link.place
    if place is None or _sharpen(place, episode) is place:
        return link
    return Link(episode, attached=link.attached)


def _final_place(link: Link | None, event: Event, rules: PlaceRules, episode: Place | None,
                 dateline: Place | None) -> Place | None:
    if link is None or link.spread:
        return None
    if link.place is not None:
        return link.place
    if link.anaphor:
        return episode
    if not rules.is_physical(event.event_type, event.mode):
        return None
    return episode or dateline


def _anchors(parsed: Doc, event: Event) -> tuple[Span, Token] | None:
    sentence = parsed.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if sentence is None or event.trigger_start is None or event.trigger_end is None:
        return None
    trigger = parsed.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None:
        return None
    return sentence, trigger.root


def _sharpen(episode: Place | None, place: Place) -> Place:
    """The episode's place: the first one found, replaced by a finer place inside it."""
    if episode is None:
        return place
    if PRECISION_RANK.get(place.precision, 9) >= PRECISION_RANK.get(episode.precision, 9):
        return episode
    if episode.country != place.country:
        return episode
    if episode.precision in ("country", "region"):
        return place
    return place if _km(episode, place) <= _SHARPEN_KM else episode


def _local_dateline(places: Sequence[Place], parsed: Doc, rules: PlaceRules) -> Place | None:
    """The dateline's place, if the places where the story's things happen are mostly in its
    country (countries named as actors, "Iran said", do not count)."""
    first = next((p for p in places if not p.demonym), None)
    if first is None or first.start > _DATELINE_CHARS or not first.text.isupper():
        return None
    if "\n" in text_of(parsed)[:first.start]:
        return None
    countries = Counter(p.country for p in places
                        if p is not first and p.country and names_where(parsed, p, rules))
    if not countries:
        return None
    top = countries.most_common(1)[0][0]
    return first if top == first.country else None


def _km(a: Place, b: Place) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)
