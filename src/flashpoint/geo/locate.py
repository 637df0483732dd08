"""Placing coded events: the geo stage's step after the coder.

The coder says who did what to whom and when; this step says where, from the document's
resolved toponyms (:func:`flashpoint.geo.find_places`, computed once per document) and the
parse. Each event first gets what its own sentence says (:func:`flashpoint.geo.link.link_place`).

A news story tells one episode at a time, and its follow-up sentences rarely repeat the place:
"The group claimed responsibility", "Most of the missiles were intercepted", "the protesters
withdrew from the compound". An act done at a place (an assault, a seizure, a protest, a
deployment) whose sentence names no place therefore takes the place of its context: an act
named again by a definite noun ("blamed Iran for the attack") the place of the last act of
that name, else the place of the last act placed in the same paragraph, else the place of the
document's first act placed by its own sentence, sharpened by later sentences that retell that
act (same kind, same side) with a place inside it ("eastern Syria", then "near Abu Kamal").
Any event that hangs on "the scene" or "the base" is at the episode's place. An act whose own
sentence puts it at a place the gazetteer cannot name ("a drone strike near the Syrian border",
"attacked a checkpoint in the western desert") takes no place from its context: it happened
somewhere else than the episode, and no point beats a wrong one. Nor does an act told as the
cause of another ("suspended its mission after the killing of Soleimani", "in response to
Iran's missile attack"): it happened before the episode, often elsewhere, and takes only what
its own words say or the place of the act it retells; it does not open the episode either. A context place
is lent only to an event whose date fits the date of the act that placed it: a story about the
June 2021 strikes does not place the January 2020 assassination it recalls. Failing one, a
local report ("BAGHDAD, Jan. 1 --", when the story's places are in the dateline's country)
places it at the town or site of that country its lead sentence puts something at ("U.S.
Marines ringing Fallujah"), else at the dateline; a "WASHINGTON" dateline on a story about
Syria places nothing.
Statements, accusations and demands are not placed by the episode: where they were made is
seldom where their subject happened. A speech act is placed by the dateline only when its
speaker belongs to the dateline's country ("BAGHDAD -- Iraqi officials demanded", "WASHINGTON
-- President Biden agreed"), or, for talks and visits, when either party does: that is where
such a statement is made; "WASHINGTON -- Iran condemned" places nothing. A statement by
someone its sentence tells visiting a place ("Clinton, visiting Tripoli, urged") was made there.

An act placed only by a region ("in Anbar province") takes a finer place inside it from its
context (the act it retells, an act of the same side in its episode, a local dateline); an
act placed only by a country takes one only from the act it retells, since "in Iraq" often
means several places.

News also retells an act with a noun that the coder does not code ("the explosions in the Gulf
of Oman", "the precision strikes near Abu Kamal"). Such act nouns with a place hanging on them
are *scenes*: a scene in a sentence with no coded event opens the episode when it comes before
every placed act, and a definite scene ("the strikes near Abu Kamal") sharpens an earlier act
of the same kind placed only by its country or region ("struck two facilities in eastern
Syria").

Kept apart from the coder so that each stage has one job and the gazetteer is loaded only by
the stage that needs it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date as date_type
from typing import NamedTuple, Sequence

from spacy.tokens import Doc, Token

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.link import (Link, NameSpans, PlaceRules, link_place, name_spans, names_where,
                                 place_rules)
from flashpoint.geo.resolve import PRECISION_RANK, Place, find_places
from flashpoint.geo.scenes import (Anchor, Scene, find_scenes, finer as _finer, inside,
                                   is_definite_act, same_act, sharpened_by_scenes)
from flashpoint.nlp.doctext import text_of
from flashpoint.records import Actor, Document, Event, great_circle_km

__all__ = ["home_country", "locate_events"]

#: A later place sharpens the episode's place only if it lies this close to a town or site
#: (a country or region sharpens to anything inside it).
_SHARPEN_KM = 60.0
#: The dateline is the document's first characters.
_DATELINE_CHARS = 60
#: Event types that are meetings: held where either party is at home (the dateline's).
_MEETINGS = frozenset({"CONSULT"})
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
    anchors = [_anchors(parsed, event) for event in events]
    names = name_spans(parsed)  # read once: every event's sentence looks at them
    scenes = find_scenes(parsed, anchors, places, rules, names)
    links, (recent, previous), episode = _read_sentences(parsed, events, anchors, places, rules,
                                                         scenes, gazetteer, names)
    dateline = _dateline(places, parsed)
    local = _story_town(dateline, places, parsed, rules) \
        if _is_local(dateline, places, parsed, rules) else None
    retold = _retold(events, anchors, links, rules, scenes)
    located = []
    for i, event in enumerate(events):
        link = links.get(i)
        if i in retold and retold[i] is None and link is not None and link.place is None:
            link = Link(None, spread=True)  # "most of the attacks": those had no one place
        prior = link is not None and link.prior
        stories = (retold.get(i), None, None) if prior else (retold.get(i), recent.get(i), episode)
        context = next((p for p in (_fitting(event, c) for c in stories) if p), None) \
            or (None if prior else _fitting(event, previous.get(i)))
        place = _town_named_before(link, places, rules, context) \
            or _final_place(link, event, rules, context, None if prior else local) \
            or _on_a_visit(i, events, links, rules) \
            or _speaker_dateline(link, event, rules, dateline) or _site_named_before(link, places)
        if place is not None and rules.is_physical(event.event_type, event.mode):
            place = _refined(place, event, stories, None if prior else local, gazetteer)
        located.append(replace(event, location=place.to_location()) if place else event)
    return located


def home_country(document: Document, parsed: Doc, gazetteer: Gazetteer) -> str | None:
    """The country a local report is written from: its dateline's, when the places where the
    story's things happen lie mostly in it ("BAGHDAD, Oct. 7, 2019 —" over a story of Iraqi
    streets); else None ("WASHINGTON" over a story about Syria)."""
    places = find_places(document, parsed, gazetteer)
    dateline = _dateline(places, parsed)
    return dateline.country if _is_local(dateline, places, parsed, place_rules()) else None


class Dated(NamedTuple):
    """A place lent by context, with what is known of the act that placed it."""

    place: Place
    date: str | None
    sentence: int  # the start of the act's sentence
    side: str | None  # the country of the side that did it
    #: For the episode: the dates of the other acts told at its place. An episode lasts as
    #: long as the acts told there ("declared this week that it had retaken Tikrit", then
    #: "jets began striking positions in Tikrit on March 25"; "the next day" is still there).
    also: tuple[str | None, ...] = ()


#: By event index: the last placed act of the event's paragraph, and of the paragraph before.
_Contexts = tuple[dict[int, Dated], dict[int, Dated]]


def _dated(place: Place, event: Event) -> Dated:
    return Dated(place, event.date, event.char_start, _side(event))


def _read_sentences(parsed: Doc, events: Sequence[Event], anchors: Sequence[Anchor | None],
                    places: Sequence[Place], rules: PlaceRules, scenes: Sequence[Scene],
                    gazetteer: Gazetteer, names: NameSpans | None = None
                    ) -> tuple[dict[int, Link], _Contexts, Dated | None]:
    """In text order: what each event's sentence says (by event index), the place of the last
    act placed before it in its paragraph and, apart, in the paragraph just before (wire copy
    gives each sentence its own: "...a joint raid in Iraq's western Anbar desert." / "Aircraft
    first bombed four camouflaged hideouts"), and the document's episode place, each context
    place with the date of the act that placed it. The paragraph before lends its place only
    where neither the paragraph nor the episode fits."""
    order = sorted(range(len(events)),
                   key=lambda i: (events[i].char_start, events[i].trigger_start or 0))
    own = _own_links(events, anchors, places, rules, names)
    links = sharpened_by_scenes(own, events, anchors, order, scenes, gazetteer)
    recent: dict[int, Dated] = {}
    previous: dict[int, Dated] = {}
    episode: Place | None = None
    lead: int | None = None
    last: tuple[int, Dated] | None = None  # (paragraph, context) of the last act placed
    placed: list[tuple[Place, str | None]] = []  # each act told where it happened, with its date
    for i in order:
        if i not in links:
            continue
        link = links[i]
        paragraph = _paragraph(text_of(parsed), events[i].char_start)
        if last is not None and last[0] == paragraph:
            recent[i] = last[1]
        elif last is not None and last[0] == paragraph - 1:
            previous[i] = last[1]
        if link.place is None \
                or not rules.is_physical(events[i].event_type, events[i].mode):
            continue  # an act told as the cause of another ("after the killing") is earlier
        last = (paragraph, _dated(link.place, events[i]))
        if not link.prior:
            placed.append((link.place, events[i].date))
        if lead is None:
            lead, episode = i, link.place
        elif not link.prior and _retells(events[lead], events[i]):
            episode = _sharpen(episode, link.place, gazetteer)  # not "in retaliation for an attack on Douma"
    opening = _opening_scene(scenes, events, lead)
    if opening is not None:
        return links, (recent, previous), Dated(opening.place, None, opening.sentence, None)
    if lead is None or episode is None:
        return links, (recent, previous), None
    links[lead] = _sharpened_lead(links[lead], episode, gazetteer)
    also = tuple(date for place, date in placed if _at(place, episode))
    return links, (recent, previous), _dated(episode, events[lead])._replace(also=also)


def _retold(events: Sequence[Event], anchors: Sequence[Anchor | None], links: dict[int, Link],
            rules: PlaceRules, scenes: Sequence[Scene]) -> dict[int, Dated | None]:
    """For each act named again by a definite noun ("blamed Iran for the attack", "the
    strikes were ordered by ..."), the place of the last act of that name told before it,
    whether an event ("a drone attack on the base near Erbil") or a scene: a story with two
    episodes re-mentions each by its own word. None when that act was spread over two
    countries ("attacks on the Al-Tanf garrison in Syria and Al-Asad Air Base in Iraq")."""
    told: list[tuple[int, str, Dated | None]] = [
        (scene.start, scene.lemma, Dated(scene.place, None, scene.sentence, None))
        for scene in scenes]
    for i, link in links.items():
        anchor = anchors[i]
        if anchor is None or not rules.is_physical(events[i].event_type, events[i].mode):
            continue
        if link.place is not None:
            told.append((anchor[1].idx, anchor[1].lemma_.lower(), _dated(link.place, events[i])))
        elif link.spread:
            told.append((anchor[1].idx, anchor[1].lemma_.lower(), None))
    told.sort(key=lambda item: item[0])
    found: dict[int, Dated | None] = {}
    for i, anchor in enumerate(anchors):
        if anchor is None or not is_definite_act(anchor[1], rules):
            continue
        word = anchor[1].lemma_.lower()
        before = [dated for start, lemma, dated in told
                  if start < anchor[1].idx and same_act(word, lemma)]
        if before:
            found[i] = before[-1]
    return found


def _own_links(events: Sequence[Event], anchors: Sequence[Anchor | None],
               places: Sequence[Place], rules: PlaceRules,
               names: NameSpans | None = None) -> dict[int, Link]:
    """What each event's own sentence says of its place, by event index."""
    triggers_by_sentence: dict[int, list[Token]] = {}
    for anchor in anchors:
        if anchor is not None:
            triggers_by_sentence.setdefault(anchor[0].start, []).append(anchor[1])
    links: dict[int, Link] = {}
    for i, anchor in enumerate(anchors):
        if anchor is None:
            continue
        sentence, trigger = anchor
        links[i] = link_place(sentence, trigger, places, events[i].event_type, events[i].mode,
                              triggers_by_sentence.get(sentence.start, ()), rules, names)
    return links


def _opening_scene(scenes: Sequence[Scene], events: Sequence[Event],
                   lead: int | None) -> Scene | None:
    """A scene the coder coded nothing for ("were damaged by explosions in the Gulf of Oman")
    that comes before every placed act opens the story's episode."""
    coded = {event.char_start for event in events}
    first = next((scene for scene in scenes if scene.sentence not in coded), None)
    if first is None:
        return None
    if lead is not None and events[lead].char_start <= first.start:
        return None
    return first


def _fitting(event: Event, context: Dated | None) -> Place | None:
    """The context's place if its act is in the event's sentence (one scene), or its date fits
    the event's (either unknown, one containing the other, or days within ``_CONTEXT_DAYS``);
    otherwise the event belongs to another time."""
    if context is None:
        return None
    if context.sentence == event.char_start:
        return context.place
    if any(_date_fits(event.date, date) for date in (context.date, *context.also)):
        return context.place
    return None


def _date_fits(one: str | None, other: str | None) -> bool:
    if _contains(one, other):
        return True
    assert one is not None and other is not None
    if len(one) == len(other) == 10:
        return abs((_day(one) - _day(other)).days) <= _CONTEXT_DAYS
    return False


def _at(place: Place, episode: Place) -> bool:
    """Whether an act's place is the episode's: the same country, and the same town or site
    (within ``_SHARPEN_KM``) or, for a country or region, the same name."""
    if place.country != episode.country:
        return False
    if episode.precision in ("country", "region") or place.precision in ("country", "region"):
        return place.name == episode.name
    return _km(place, episode) <= _SHARPEN_KM


def _contains(one: str | None, other: str | None) -> bool:
    """Either date unknown, or one is the other made coarser (``2021-07`` and ``2021-07-05``)."""
    return one is None or other is None or one.startswith(other) or other.startswith(one)


def _day(iso: str) -> date_type:
    return date_type.fromisoformat(iso)


def _paragraph(text: str, offset: int) -> int:
    """The paragraph (line) an offset lies in, counted from 0."""
    return text.count("\n", 0, offset)


def _retells(lead: Event, event: Event) -> bool:
    """Whether an event may be the episode's opening act told again: the same kind of act by
    the same side ("American warplanes struck ..." and "The strikes ... destroyed"), not the
    other side's attacks on a base nearby."""
    if event.event_type != lead.event_type:
        return False
    one = lead.source.country if lead.source else None
    other = event.source.country if event.source else None
    return one in (None, "UNK") or other in (None, "UNK") or one == other


def _sharpened_lead(link: Link, episode: Place, gazetteer: Gazetteer) -> Link:
    """The act that opened the episode, retold more precisely later ("struck buildings in
    eastern Syria" ... "The strikes, near Abu Kamal"), takes the finer place."""
    place = link.place
    if place is None or _sharpen(place, episode, gazetteer) is place:
        return link
    return Link(episode, attached=link.attached)


def _on_a_visit(i: int, events: Sequence[Event], links: dict[int, Link],
                rules: PlaceRules) -> Place | None:
    """A statement its sentence does not place, made by someone the same sentence tells
    visiting a place ("Clinton, visiting Tripoli, urged ...", "During a visit to Kabul, the
    defence secretary pledged ..."): it was made there."""
    event, link = events[i], links.get(i)
    if link is None or link.place is not None or link.spread \
            or rules.is_physical(event.event_type, event.mode) or event.source is None:
        return None
    for j, other in enumerate(events):
        visit = links.get(j)
        if j == i or other.char_start != event.char_start or visit is None \
                or visit.place is None or not rules.arrives(other.event_type, other.mode) \
                or rules.is_physical(other.event_type, other.mode):
            continue
        if other.source is not None and _same_speaker(other.source, event.source):
            return visit.place
    return None


def _same_speaker(one: Actor, other: Actor) -> bool:
    """A visitor and a speaker of one sentence that are one actor, by name or, for actors the
    knowledge base does not know, by their words (unlike ``counterparts``, which matches
    actors across sentences by id or name only)."""
    if one.name and one.name == other.name:
        return True
    return bool(one.text) and one.text == other.text


def _speaker_dateline(link: Link | None, event: Event, rules: PlaceRules,
                      dateline: Place | None) -> Place | None:
    """A statement, demand or meeting whose sentence names no place was made at the dateline
    when its speaker is of the dateline's country: Iraqi officials speak in Baghdad, the
    American president in Washington. Talks and visits are held where the host is: either
    party of a meeting may be of the dateline's country ("TEHRAN -- Mr. Kadhimi held talks
    with President Rouhani"). Acts done at a place are left to the episode."""
    if dateline is None or link is None or link.spread or link.place is not None:
        return None
    if dateline.precision not in ("city", "site"):
        return None
    if rules.is_physical(event.event_type, event.mode):
        return None
    parties = [event.source] + ([event.target] if event.event_type in _MEETINGS else [])
    if rules.arrives(event.event_type, event.mode):
        parties = [event.target]  # a visit is made abroad: at the host's home, never the visitor's
    return dateline if any(p is not None and p.country == dateline.country
                           for p in parties) else None


def _side(event: Event) -> str | None:
    """The country of the side that did an act, None when unknown."""
    country = event.source.country if event.source else None
    return None if country in (None, "UNK") else country


def _same_side(event: Event, context: Dated | None) -> bool:
    """Whether the act that placed ``context`` may be the event's own side's: a strike "in
    eastern Syria" answering a drone attack near Hasakah is not at Hasakah."""
    if context is None:
        return False
    side = _side(event)
    return side is None or context.side is None or side == context.side


def _refined(place: Place, event: Event, context: tuple[Dated | None, Dated | None,
             Dated | None], local: Place | None, gazetteer: Gazetteer) -> Place:
    """An act placed by its sentence only in a country or region, made precise by the story
    when the story's place lies inside it.

    A region is made precise by the place of the act it retells, or of an act by the same
    side in the same paragraph or episode ("another rocket attack in Anbar province" in a
    story about the Al-Asad base), else by a local dateline ("ERBIL -- ... in the Kurdistan
    region"). A country is too wide for that: "trainers pulled out of Iraq" in a story about
    one base left from everywhere. Only the act named again by a definite noun ("the strikes
    in Syria" after "struck a base near Abu Kamal") takes the finer place of its first telling.
    """
    if place.precision not in ("country", "region"):
        return place
    retold, recent, episode = context
    candidates = [_fitting(event, retold)]
    if place.precision == "region":
        candidates += [_fitting(event, c) for c in (recent, episode) if _same_side(event, c)]
        candidates.append(local)
    for other in candidates:
        if other is not None and _finer(other, place) and inside(other, place, gazetteer):
            return other
    return place


def _final_place(link: Link | None, event: Event, rules: PlaceRules, episode: Place | None,
                 dateline: Place | None) -> Place | None:
    if link is None or link.spread:
        return None
    if link.place is not None:
        return link.place
    if link.elsewhere:
        return None  # "near the Syrian border": somewhere the story's other places are not
    if link.anaphor:
        return episode
    if not rules.is_physical(event.event_type, event.mode):
        return None
    return episode or dateline


def _town_named_before(link: Link | None, places: Sequence[Place], rules: PlaceRules,
                       context: Place | None) -> Place | None:
    """"outside the consulate in the city": the town the story's acts are at (``context``),
    when it was named before the noun ("a second crowd overran a compound in the north of the
    city" is Tehran's, though a statement named London since); else the city or town named
    last before the noun as a place (not as an actor: "Tehran's influence", "London said"),
    not the place the story's last act happened at (an air base named since)."""
    if link is None or link.anaphor_noun is None \
            or link.anaphor_noun.lemma_.lower() not in rules.town_anaphors:
        return None
    named = _named_by_of(link.anaphor_noun, places)
    if named is not None:
        return named  # "near the town of al-Baghdadi": the town the phrase names
    noun = link.anaphor_noun
    if context is not None and context.precision == "city" and context.end <= noun.idx:
        return context  # the town the story's acts are at, not one a statement named since
    towns = [p for p in places if p.precision == "city" and p.end <= noun.idx
             and not _names_actor(noun.doc, p)]
    return towns[-1] if towns else None


def _names_actor(parsed: Doc, place: Place) -> bool:
    """A town named as the one who acts or owns ("London said", "Tehran's influence"): a
    government, not a place the story is at."""
    span = parsed.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "poss")


def _named_by_of(noun: Token, places: Sequence[Place]) -> Place | None:
    """The place an "of" phrase names for a common noun: "the town of al-Baghdadi"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            start, end = prep.idx, prep.right_edge.idx + len(prep.right_edge.text)
            inside = [p for p in places if start <= p.start and p.end <= end]
            if inside:
                return inside[0]
    return None


def _site_named_before(link: Link | None, places: Sequence[Place]) -> Place | None:
    """"the zone around the base", "air defences at the base" when no act of the story's
    time placed it: the site named last before the noun, preferring one whose name holds the
    noun ("the embassy": the U.S. Embassy named before, not the airport named since)."""
    if link is None or link.anaphor_noun is None:
        return None
    noun = link.anaphor_noun
    sites = [p for p in places if p.kind == "site" and p.end <= noun.idx]
    word = noun.lemma_.lower()
    alike = [p for p in sites if word in p.name.lower() or word in p.text.lower()]
    pool = alike or sites
    return pool[-1] if pool else None


def _anchors(parsed: Doc, event: Event) -> Anchor | None:
    sentence = parsed.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if sentence is None or event.trigger_start is None or event.trigger_end is None:
        return None
    trigger = parsed.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None:
        return None
    return sentence, trigger.root


def _sharpen(episode: Place | None, place: Place, gazetteer: Gazetteer) -> Place:
    """The episode's place: the first one found, replaced by a finer place inside it (a
    sea is not sharpened by a plant ashore in the same country: "a tanker in the Red Sea"
    and "the strikes at Abqaiq" are two episodes)."""
    if episode is None:
        return place
    if PRECISION_RANK.get(place.precision, 9) >= PRECISION_RANK.get(episode.precision, 9):
        return episode
    if episode.country != place.country:
        return episode
    if episode.precision in ("country", "region"):
        return place if inside(place, episode, gazetteer) else episode
    return place if _km(episode, place) <= _SHARPEN_KM else episode


def _dateline(places: Sequence[Place], parsed: Doc) -> Place | None:
    """The place of an upper-case dateline on the document's first line ("BAGHDAD, Jan. 1")."""
    first = next((p for p in places if not p.demonym), None)
    if first is None or first.start > _DATELINE_CHARS or not first.text.isupper():
        return None
    before = text_of(parsed)[:first.start]
    if "\n" in before or any(c.islower() for c in before):
        return None  # a heading or page furniture ("Recent Posts HomeMiddle EastUS-Iran")
    return first


def _story_town(dateline: Place, places: Sequence[Place], parsed: Doc,
                rules: PlaceRules) -> Place:
    """Where a local report's story happens, for the acts no sentence places: the first town
    or site of the dateline's country that the lead sentence puts something at ("MANILA --
    The government declared an end to combat operations in Marawi"), else the dateline's
    town. A reporter files from the capital about a siege two hundred miles away."""
    lead = next((s for s in parsed.sents if s.start_char > dateline.end
                 and s.text.strip()), None)
    if lead is None:
        return dateline
    for place in places:
        if not (lead.start_char <= place.start and place.end <= lead.end_char):
            continue
        if place.demonym or place.inferred or place.country != dateline.country \
                or place.precision not in ("city", "site"):
            continue
        if names_where(parsed, place, rules):
            return place
    return dateline


def _is_local(dateline: Place | None, places: Sequence[Place], parsed: Doc,
              rules: PlaceRules) -> bool:
    """Whether the places where the story's things happen are mostly in the dateline's
    country (countries named as actors, "Iran said", do not count, nor guesses for names the
    gazetteer lacks)."""
    if dateline is None:
        return False
    countries = Counter(p.country for p in places
                        if p is not dateline and p.country and not p.inferred
                        and names_where(parsed, p, rules))
    return bool(countries) and countries.most_common(1)[0][0] == dateline.country


def _km(a: Place, b: Place) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)
