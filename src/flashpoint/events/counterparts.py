"""Fill an event's missing side from the document's dyads: the counterpart of the side it names.
(And, once events are placed, a side named only by a town takes the town's country:
:func:`place_named_sides`.)

News prose names one side of an act and leaves the other to the story: "the operation was
ordered by Mr. Biden", "the Iraqi government called the retaliatory strikes a hostile act",
"Trudeau demanded a full investigation", "Jordan said its air force had intercepted objects".
The sentence's own words give no recipient (or a phrase that is not an actor at all: "the
operation", "a complaint", "objects"), but a reader knows it: the party this actor has been
dealing with in the report. PETRARCH-style coders drop such events or leave the side blank; an
analyst counting dyads loses them.

This stage runs after a document is coded (it needs the document's other events) and, for an
event that names one side with a known country and leaves the other missing or unresolved,
takes the other side from the nearest event of the document whose dyad includes the named
side's country: its counterpart. Nearest means the latest event before this one, else the first
after it, so the story so far decides. With no such event, the side stays as it was: no guess
without a link in the text.

An actor filled this way has empty ``text`` (the sentence does not name it), the convention the
actor resolver already uses for actors read from context, so consumers can tell it apart. A side
that names an actor of unknown country ("the Galaxy Leader", a named group not in the knowledge
base) keeps its text, and so does a doer the coder marked unknown ("an assassination attempt"
whose attacker the text leaves unnamed): only a side with no actor at all, or whose words are not
an actor (no proper name, no sector word such as "militants"), is filled.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from flashpoint.events.actors import NON_STATE, STATE_SECTORS, PartyWords, PlaceWords
from flashpoint.events.status import ASSERTED
from flashpoint.records import Actor, Event, Location, great_circle_km

__all__ = ["fill_counterparts", "place_named_sides"]

_UNRESOLVED = (None, "", "UNK")
_MATERIAL_CONFLICT = 4  # QuadClass of attacks, seizures and sanctions
AIRCRAFT_MODE = "aerial"  # attacks from manned aircraft (``plover.yaml``)
MEDIATION_MODE = "mediate"  # consultations that mediate between two sides (``plover.yaml``)
TRUCE_MODE = "ceasefire"  # a halt to fighting, which both sides of it make (``plover.yaml``)
_AIR_OR_UNSTATED = (None, AIRCRAFT_MODE)
#: Attacks from the air.
_AIR_ATTACK_MODES = (AIRCRAFT_MODE, "drone")
#: How far apart two strikes may be placed and still be read as one strike area.
_SAME_AREA_KM = 100.0
#: Acts done to people where they are (not a statement made elsewhere about them).
_HANDS_ON = frozenset({"ASSAULT", "COERCE"})
_ATTACK = "ASSAULT"
_PEOPLE = frozenset({"civilian", "media"})  # sectors of people named by no side ("a reporter")
_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "its", "their", "his", "her"})


def _known(actor: Actor | None) -> bool:
    return actor is not None and actor.country not in _UNRESOLVED


def _fillable(actor: Actor | None, site_heads: frozenset[str], relational_heads: frozenset[str],
              vessel_heads: frozenset[str] = frozenset(),
              settlement_heads: frozenset[str] = frozenset()) -> bool:
    """No actor, or a phrase the resolver could not place that names no one: no capitalised word
    past the first, and no sector (words such as "militants" or "gunmen" give one) unless it is
    an unnamed facility ("another base"), which stands for the forces it hosts. Ships in general
    ("merchant shipping", "dozens of vessels") fly many flags: they are kept as they are."""
    if actor is None:
        return True
    if actor.country not in _UNRESOLVED:
        return False
    words = actor.text.lower().split()
    if not words:
        return False  # the coder's "unknown doer": the text says it is not known
    head = words[-1]
    if head in vessel_heads and words[0] not in _DEFINITE:
        return False
    if actor.sector is not None and head not in site_heads:
        return False
    if head in relational_heads:
        return False  # "its allies": someone, but not the other side
    if head in settlement_heads:
        return False  # "the town": its people, once the event is placed (place_named_sides)
    return _names_no_one(actor.text)  # a name the knowledge base lacks: kept


def _unowned_office(actor: Actor | None) -> bool:
    """A body of a state that the text names by no state ("the authorities", "security
    forces", "the foreign ministry")."""
    return actor is not None and bool(actor.text) and actor.country in _UNRESOLVED \
        and actor.sector in STATE_SECTORS


def _state_body(actor: Actor | None) -> bool:
    """An office of a state the text leaves unowned, called by its common noun: "the foreign
    ministry", "the presidency", "the army". Its state is the one this side deals with in the
    story, so it is filled like a missing side, but its words are kept: the sentence does name
    it. So is one owned by a pronoun the resolver could not place ("the army said its jets had
    hit Hamas targets")."""
    if not _unowned_office(actor):
        return False
    words = actor.text.lower().split()  # type: ignore[union-attr]
    return 2 <= len(words) <= 3 and words[0] in ("the", "its", "their")


def _names_no_one(text: str) -> bool:
    """A phrase with no capitalised word past its determiners: it describes, it names no one."""
    return not any(w[:1].isupper() for w in _content_words(text))


def _content_words(text: str) -> list[str]:
    """The words of a phrase after its determiner: "the Galaxy Leader" -> Galaxy, Leader."""
    words = text.split()
    return words[1:] if words and words[0].lower() in _DETERMINERS else words


def _dyad(event: Event) -> tuple[Actor, Actor] | None:
    if _known(event.source) and _known(event.target):
        return event.source, event.target  # type: ignore[return-value]
    return None


def _same_actor(one: Actor, other: Actor) -> bool:
    if one.id and other.id:
        return one.id == other.id
    return bool(one.name) and one.name == other.name


def _counterpart(named: Actor, dyad: tuple[Actor, Actor]) -> Actor | None:
    """The other side of ``dyad`` from ``named``: by identity first (a militia and its own
    country's government are a dyad of one country), else by country."""
    source, target = dyad
    if _same_actor(named, source) and not _same_actor(named, target):
        return target
    if _same_actor(named, target) and not _same_actor(named, source):
        return source
    country = named.country
    if source.country == country and target.country != country:
        return target
    if target.country == country and source.country != country:
        return source
    return None


def _nearest_counterpart(named: Actor, index: int, events: Sequence[Event],
                         dyads: Sequence[tuple[Actor, Actor] | None]) -> Actor | None:
    """The counterpart of ``named`` in the latest dyad before ``index``, else the first after.

    A dyad of the same kind of act (QuadClass: an attack's other side is an enemy, a meeting's a
    partner) is looked for first. Failing one, a dyad of another kind still says which country
    the named side deals with in this story, but not which of its actors: a spokesman who
    condemned an attack is not its target. Only the country is taken from it then.
    """
    order = _nearest_first(index, len(dyads))
    kind = events[index].quad_class
    for same_kind in (True, False):
        for i in order:
            dyad = dyads[i]
            if dyad is None or (events[i].quad_class == kind) != same_kind:
                continue
            found = _counterpart(named, dyad)
            if found is not None:
                return found if same_kind else Actor(text="", country=found.country)
    return None


#: Acts whose object is often the doer's own forces or programme, not a recipient: "sent three
#: staff officers", "paused its air missions", "withdrew its CF-18 fighter jets", "suspended
#: its training activities".
_DEPLOYMENTS = frozenset({"MOBILIZE", "RETREAT", "SANCTION"})
#: Of those, acts of stopping: one whose object was the doer's own is left without a target
#: rather than given the story's other side ("the Biden administration's decision to halt
#: American backing for the Saudi intervention" is not aimed at whom the story's strike killed).
_STOPPED = frozenset({"RETREAT", "SANCTION"})
#: Acts that the story's other side is not the recipient of unless the sentence says so: a
#: deployment "to the region" or "to Ladakh" is aimed at no one the sentence names (the gold
#: guidelines' null target), though the story is about an enemy.
_UNAIMED = frozenset({"MOBILIZE"})
#: Demands, charges and refusals, which the gold guidelines nearly always aim at someone (of some
#: 1,200 such records, 28 have no target): one that names no addressee ("the Security Council
#: called for an immediate ceasefire", "France urged an end to the fighting", "Britain complained
#: it had not been warned") is aimed at the story's other side, or, from a third party, at the
#: parties of the story's conflict.
_ADDRESSED = frozenset({"REQUEST", "ACCUSE", "REJECT"})


def _own_object(event: Event) -> bool:
    """A deployment's or a pull-back's object of the doer's own country is what was sent or
    stopped, not a counterpart."""
    source, target = event.source, event.target
    return event.event_type in _DEPLOYMENTS and _known(source) and _known(target) \
        and source.country == target.country  # type: ignore[union-attr]


def _own_suspect(event: Event) -> bool:
    """An attack left unnamed whose suspect (the armed group the report names nearest: text,
    name and id empty) is of the very country it hit: "an April 17 strike on the Ras Isa fuel
    port, which Houthi officials said killed about 80 people" was not the Houthis' own. The
    story's counterpart of the victim is the better reading. Only for air strikes and strikes
    of no stated weapon: a rocket or drone attack in a militia's own country ("rockets hit
    Baghdad airport, wounding two Iraqi soldiers") keeps the militia as its suspect. Nor is an
    armed group the suspect of an attack from warplanes, which such groups do not fly
    ("Warplanes pounded the al-Dulaimi air base" in a story of the Houthis and the Saudi-led
    coalition), whomever it hit."""
    source, target = event.source, event.target
    if event.quad_class != _MATERIAL_CONFLICT or not (_suspect_only(source) and _known(source) and _known(target)):
        return False
    if _grounded_suspect(event):
        return True
    return event.mode in _AIR_OR_UNSTATED and source.country == target.country  # type: ignore[union-attr]


def _grounded_suspect(event: Event) -> bool:
    """An attack from warplanes whose suspect is an armed group, which flies none."""
    return event.mode == AIRCRAFT_MODE and _suspect_only(event.source) \
        and event.source.sector in NON_STATE  # type: ignore[union-attr]


def _suspect_only(actor: Actor | None) -> bool:
    """A side the text does not name, only the coder's suspect: no text, name or id (the
    armed group the report names nearest)."""
    return actor is not None and not actor.text and actor.name is None and actor.id is None


def _from_context(actor: Actor) -> Actor:
    return Actor(text="", name=actor.name, country=actor.country, sector=actor.sector, id=actor.id)


def fill_counterparts(events: Sequence[Event], site_heads: frozenset[str] = frozenset(),
                      relational_heads: frozenset[str] = frozenset(),
                      vessel_heads: frozenset[str] = frozenset(),
                      settlement_heads: frozenset[str] = frozenset(),
                      parties: PartyWords = PartyWords()) -> list[Event]:
    """``events`` of one document, in text order, with missing sides filled from their dyads.

    ``site_heads`` are the head words of facilities ("base", "embassy"): an unnamed one may be
    filled with the side it stands for. ``relational_heads`` ("allies", "rivals") name a third
    party by its relation to someone, never the other side: such a phrase is kept, and so is
    a plural of ``vessel_heads`` ("merchant ships"), and a kind of settlement ("the town"),
    which :func:`place_named_sides` reads off the event's place. A side that names the
    story's two sides together (``parties``: "both sides", "the two countries") is read
    off the story's latest dyad (:func:`_between_parties`)."""
    own_objects = [_own_object(e) for e in events]
    events = [replace(e, target=None) if own else e for e, own in zip(events, own_objects)]
    dyads = [_dyad(e) for e in events]
    filled: list[Event] = []
    for i, event in enumerate(events):
        between = _between_parties(event, i, events, dyads, parties)
        if between is not None:
            filled.append(between)
            continue
        source, target = event.source, event.target
        addressed = _addressed(event, parties)
        if event.mode == TRUCE_MODE and not _known(source) and not _known(target):
            pair = _story_parties(i, events, dyads, None)
            if pair is not None:  # "the truce took effect at 10 p.m.": the story's two sides'
                event = replace(event, source=_from_context(pair[0]), target=_from_context(pair[1]))
        elif own_objects[i] and event.event_type in _STOPPED:
            pass  # "paused its air missions": stopped its own, aimed at no one the story names
        elif event.event_type in _UNAIMED and not _known(target):
            pass  # "rushed more troops to Ladakh": sent, not sent against anyone named
        elif event.mode == MEDIATION_MODE and _known(source) and not _known(target):
            pair = _story_parties(i, events, dyads, source.country)  # type: ignore[union-attr]
            if pair is not None:  # "a truce brokered by Egypt": between the story's two sides
                event = replace(event, target=_both(target.text if target else "", pair, pair[0]))
        elif _known(source) and (_fillable(target, site_heads, relational_heads, vessel_heads,
                                           settlement_heads) or (addressed and _left_empty(target))
                                 or _own_ground_hit(event, site_heads)):
            other = _nearest_counterpart(source, i, events, dyads)  # type: ignore[arg-type]
            if other is None and addressed:
                pair = _story_parties(i, events, dyads, source.country)  # type: ignore[union-attr]
                other = pair[0] if pair is not None else None
            own = event.event_type in _DEPLOYMENTS and other is not None \
                and other.country == source.country  # type: ignore[union-attr]
            if other is not None and not own:
                event = replace(event, target=_from_context(other))
        elif _known(target) and (_fillable(source, site_heads, relational_heads) or _own_suspect(event)):
            other = _nearest_counterpart(target, i, events, dyads)  # type: ignore[arg-type]
            if other is not None:
                event = replace(event, source=_from_context(other))
        filled.append(event)
    return filled


def _own_ground_hit(event: Event, site_heads: frozenset[str]) -> bool:
    """An armed group's attack on an unnamed facility that the resolver could place only by
    the country it stands in, the group's own ("the Islamic Resistance in Iraq said its drones
    had struck three bases"): the facility stands for the forces it hosts, the group's
    counterpart in the story, as an unplaced one does. Not an attack from warplanes: "Warplanes
    pounded the al-Dulaimi air base" is a state's, on the group's own ground."""
    source, target = event.source, event.target
    if event.quad_class != _MATERIAL_CONFLICT or source is None or target is None \
            or source.sector not in NON_STATE or target.name is not None or not target.text \
            or event.mode == AIRCRAFT_MODE:  # warplanes are no group's: a state hit the group's base
        return False
    return target.text.lower().split()[-1] in site_heads and target.country == source.country \
        and _names_no_one(target.text)


def _addressed(event: Event, parties: PartyWords) -> bool:
    """A demand, charge or refusal, other than a demand for an inquiry: aimed at someone even
    where the text leaves the addressee out."""
    return event.event_type in _ADDRESSED and not parties.ask_inquiry(_words_after(event))


def _left_empty(target: Actor | None) -> bool:
    """The coder's empty side: no words and no country (what a demand "called for" is not its
    addressee)."""
    return target is not None and not target.text and target.country in _UNRESOLVED


def _words_after(event: Event) -> str:
    """The words of the event's sentence after its trigger: what a demand asks for."""
    if event.trigger_end is None:
        return ""
    return event.sentence[event.trigger_end - event.char_start:]


def _between_parties(event: Event, index: int, events: Sequence[Event],
                     dyads: Sequence[tuple[Actor, Actor] | None], parties: PartyWords) -> Event | None:
    """An event whose side names the story's two sides together, with both read off the
    story's latest dyad of two parties (:func:`_story_parties`).

    "The two sides agreed to a pause", "both countries withdrew their troops": the doers are
    the one and the other, so the event is the dyad's, the second side aimed at unless the
    sentence names whom. "The U.N. urged both sides to show restraint": the ones addressed are
    both, from the latest dyad the speaker is not part of. Either way the side the sentence
    calls "both sides" is named as both ("Hezbollah and Israel"); its country is that of the
    one it is counted as (the first, where the sentence names no other), since a side carries
    one country. None when no side names the parties, or the story has no such dyad."""
    source, target = event.source, event.target
    if source is not None and not _known(source) and parties.name_both(source.text):
        pair = _story_parties(index, events, dyads, None)
        if pair is None:
            return None
        first, second = pair
        if _known(target):
            doer = second if target.country == first.country else first  # type: ignore[union-attr]
            return replace(event, source=_both(source.text, pair, doer))
        return replace(event, source=_both(source.text, pair, first), target=_from_context(second))
    if target is not None and not _known(target) and _known(source) and parties.name_both(target.text):
        pair = _story_parties(index, events, dyads, source.country)  # type: ignore[union-attr]
        return None if pair is None else replace(event, target=_both(target.text, pair, pair[0]))
    return None


def _story_parties(index: int, events: Sequence[Event], dyads: Sequence[tuple[Actor, Actor] | None],
                   outsider: str | None) -> tuple[Actor, Actor] | None:
    """The latest dyad of two parties before ``index`` (else the first after), of an act
    reported as done. The parties a third side (``outsider``) addresses are those of the
    story's conflict, of which it is no side: an attack's first, then a charge's, then any.
    The parties that act together are simply the latest two."""
    order = _nearest_first(index, len(dyads))
    preference = ((_MATERIAL_CONFLICT,), (_MATERIAL_CONFLICT - 1,), None) if outsider else (None,)
    for kinds in preference:
        for i in order:
            dyad = dyads[i]
            if dyad is None or events[i].status not in ASSERTED or _one_side(dyad) \
                    or outsider in (dyad[0].country, dyad[1].country):
                continue
            if kinds is None or events[i].quad_class in kinds:
                return dyad
    return None


def _nearest_first(index: int, count: int) -> list[int]:
    """The other events' indices, the story so far first: the latest before ``index``, back to
    the first, then those after it in order."""
    return list(range(index - 1, -1, -1)) + list(range(index + 1, count))


def _one_side(dyad: tuple[Actor, Actor]) -> bool:
    """A dyad that is no two parties: one country, and not two named bodies of it (Baghdad and
    the Kurdistan Region's Peshmerga are two)."""
    first, second = dyad
    if first.country != second.country:
        return False
    return not (first.name and second.name) or _same_actor(first, second)


def _both(text: str, pair: tuple[Actor, Actor], counted: Actor) -> Actor:
    """The side the sentence calls ``text`` ("the two sides"): named as both parties of
    ``pair``, of the country of the one it is counted as."""
    first, second = pair
    return Actor(text=text, name=f"{_label(first)} and {_label(second)}", country=counted.country)


def _label(actor: Actor) -> str:
    return actor.name or actor.country or "?"


def place_named_sides(events: Sequence[Event], words: PlaceWords = PlaceWords(),
                      home: str | None = None) -> list[Event]:
    """Sides read off the event's place, once the geoparser has placed it.

    A side named only by the place the event happened at ("fired rockets at Haifa", "struck
    Kharkiv") takes that place's country: the actor dictionary knows countries and groups, the
    gazetteer knows towns. And an attack's target that only a statement of another kind lent a
    country to (``fill_counterparts``: text, name and id empty) yields to the country the attack
    happened in, when that is not the attacker's own: "Israeli warplanes carried out strikes
    across Syria" hit Syria, whoever condemned them later. So does a target that only names
    property or a public place (``words.facility``: "depots near Abu Kamal", "an army post",
    "a football pitch"): an attack on it by anyone but that country's own forces (a foreign
    state, or a group of no country: "Islamic State gunmen stormed an army post in Diyala") hit
    the country where it stands. A side that is only a kind of settlement
    (``words.settlement``: "an attack on the town of Douma", placed at Douma) is the people of
    the place the event is placed at, whoever the attacker; and so are civilians named by no
    nationality ("killing more than 140 mourners").

    In a local report (``home``: the country of its dateline, when the story happens there) the
    state's bodies named by no country ("the authorities", "the foreign ministry", "security
    forces", "government officials") are that country's, unless the act is placed abroad; so
    is an unknown person called by a capitalised title of office (``words.office_titles``: "Foreign
    Minister Nasser Judeh").
    Whatever an attack or a seizure hit that no reading above gave a side (a person the
    knowledge base does not know, "government headquarters", or nothing the text names) is of
    the country it happened in (:func:`_hit_where_it_stood`), and unnamed armed men who did it
    are of that country too (:func:`_armed_of_place`). Once every event is placed, the sides
    that only placed events decide are read (:func:`_sides_of_the_placed_story`): an unowned
    state office elsewhere takes the state its story sets against the other side.
    """
    placed: list[Event] = []
    for event in events:
        if home is not None:
            event = _home_state(event, home, words.office_titles)
        where = event.location
        if where is not None and where.country:
            event = _named_by_place(event, where.name, where.country, words.settlement)
            event = _hit_where_placed(event, where.country)
            event = _property_hit(event, where.country, words.facility)
            event = _hit_abroad(event, where.country, words.vessel)
            event = _people_of_place(event, where.country)
            event = _hit_where_it_stood(event, where.country, words)
            event = _armed_of_place(event, where.country)
        placed.append(event)
    return _sides_of_the_placed_story(placed)


def _sides_of_the_placed_story(events: list[Event]) -> list[Event]:
    """Sides that only the placed events decide. An air strike whose suspected attacker is of
    the very country its victims (now placed) are of is read as :func:`fill_counterparts` reads
    one. A state office the text leaves unowned ("the foreign ministry condemned the attack",
    "the presidency said") that acts on a side of known country belongs to the state that side
    deals with in the story: the counterpart of that side in the nearest dyad, read once the
    events are placed (the victims of an attack often get their country only from its place)."""
    events = [_struck_there_before(i, events) for i in range(len(events))]
    dyads = [_dyad(e) for e in events]
    filled: list[Event] = []
    for i, event in enumerate(events):
        if _own_suspect(event):  # the victims' country came from the place: not their own attacker
            other = _nearest_counterpart(event.target, i, events, dyads)  # type: ignore[arg-type]
            if other is not None:
                event = replace(event, source=_from_context(other))
            elif _grounded_suspect(event):  # no state the story sets against the victims: unknown
                event = replace(event, source=Actor(text="", country="UNK"))
        elif event.target is None and _known(event.source) and event.event_type not in _DEPLOYMENTS:
            other = _nearest_counterpart(event.source, i, events, dyads)  # type: ignore[arg-type]
            if other is not None and other.country != event.source.country:  # type: ignore[union-attr]
                event = replace(event, target=_from_context(other))
        elif _state_body(event.source) and _known(event.target):
            other = _nearest_counterpart(event.target, i, events, dyads)  # type: ignore[arg-type]
            if other is not None and other.country != event.target.country:  # type: ignore[union-attr]
                event = replace(event, source=replace(event.source, country=other.country))  # type: ignore[arg-type]
        filled.append(event)
    return filled


def _struck_there_before(index: int, events: Sequence[Event]) -> Event:
    """An air or drone attack of unnamed doer whose suspect (the armed group the report names
    nearest) is the very side a named state's air or drone attacks hit at the same place: the
    attacker is that state, and the victims the group's side. "Israeli jets then struck
    Hezbollah launch sites around Houla, and ... a drone strike in Houla killed at least one
    person" (not a Hezbollah drone on Israel); "A U.S. airstrike in northwestern Syria killed
    a Hurras al-Din official ... a drone had struck a car in the Idlib countryside". An attack
    on a side other than the suspect's (a base hosting U.S. troops) keeps its suspect, and so
    does an attack of no stated weapon."""
    event = events[index]
    suspect, target, where = event.source, event.target, event.location
    if suspect is None or where is None or event.quad_class != _MATERIAL_CONFLICT \
            or event.mode not in _AIR_ATTACK_MODES or not _suspect_only(suspect) or suspect.sector not in NON_STATE:
        return event
    if target is not None and target.text and target.country not in (*_UNRESOLVED, suspect.country):
        return event
    attacker = next((other.source for other in events[:index]
                     if _air_attack_on(other, suspect.country, where)), None)
    if attacker is None:
        return event
    victims = target if target is not None and target.text and target.country == suspect.country \
        else Actor(text="", country=suspect.country)
    return replace(event, source=_from_context(attacker), target=victims)


def _air_attack_on(event: Event, country: str | None, where: Location) -> bool:
    """Whether ``event`` is a named state's air or drone attack on ``country``'s side placed at
    or around ``where``."""
    source, target, place = event.source, event.target, event.location
    if event.quad_class != _MATERIAL_CONFLICT or event.mode not in _AIR_ATTACK_MODES or place is None:
        return False
    if source is None or not source.text or source.country in (*_UNRESOLVED, "IGO", country) \
            or source.sector in NON_STATE or target is None or target.country != country:
        return False
    return _around(place, where)


def _around(one: Location, other: Location) -> bool:
    """Two places of one strike area: points within ``_SAME_AREA_KM``, or a region and a place
    of the same country."""
    if one.country is None or one.country != other.country:
        return False
    if one.precision == "region" or other.precision == "region":
        return True
    if None in (one.lat, one.lon, other.lat, other.lon) or "country" in (one.precision, other.precision):
        return False
    return great_circle_km(one.lat, one.lon, other.lat, other.lon) <= _SAME_AREA_KM  # type: ignore[arg-type]


def _named_by_place(event: Event, place: str, country: str, settlement_heads: frozenset[str]) -> Event:
    name = place.lower()
    for role in ("target", "source"):
        actor: Actor | None = getattr(event, role)
        if actor is None or actor.country not in _UNRESOLVED or not actor.text:
            continue
        bare = " ".join(_content_words(actor.text)).lower()
        settlement = role == "target" and bare.rsplit(" ", 1)[-1] in settlement_heads
        named = name == bare or name.startswith(bare + " ") or name.startswith(bare + ",")
        if bare and (settlement or named):
            event = replace(event, **{role: Actor(text=actor.text, name=place, country=country,
                                                  sector=actor.sector)})
    return event


def _hit_where_placed(event: Event, country: str) -> Event:
    target, source = event.target, event.source
    lent = target is not None and not target.text and target.name is None and target.id is None
    if event.quad_class != _MATERIAL_CONFLICT or not lent or target.country == country:
        return event
    if source is None or source.country in (None, country):
        return event
    return replace(event, target=Actor(text="", country=country))


def _home_state(event: Event, home: str, office_titles: frozenset[str]) -> Event:
    """A local report's unnamed state bodies are its country's (see :func:`place_named_sides`):
    wire copy names the nationality of "the authorities" only when it is not the dateline's."""
    if event.location is not None and event.location.country not in (None, home):
        return event
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        if _unowned_office(actor) and _described(actor.name or actor.text, office_titles):  # type: ignore[union-attr]
            event = replace(event, **{role: replace(actor, country=home)})
    return event


def _described(text: str, office_titles: frozenset[str]) -> bool:
    """A phrase that describes (a lower-case word past its determiners: "the authorities",
    "Government spokesman Basim al-Awadi", or a title of office before a name: "Foreign
    Minister Nasser Judeh"), not one that only names ("the Galaxy Leader", whose "Leader" is
    no office)."""
    words = text.split()
    return any(word[:1].islower() and word.lower() not in _DETERMINERS for word in words) \
        or any(word.lower() in office_titles for word in words[:-1])


def _people_of_place(event: Event, country: str) -> Event:
    """Civilians and journalists the text names by no nationality ("killing more than 140
    mourners", "shelled several civilians", "reporter Ahmed Hassan was shot") are people of the
    place the act happened at. When that place is a town or a site, it outweighs the country
    the resolver could only guess from the paragraph or the dateline, for them and for the
    local police and opposition, on either side of an attack, a seizure or a street protest
    ("soldiers shot at people waiting for flour" in Gaza City, reported from Jerusalem;
    :func:`_guessed_local`)."""
    target = event.target
    if target is not None and target.sector in _PEOPLE and target.text and target.country in _UNRESOLVED:
        event = replace(event, target=replace(target, country=country))
    for role in ("source", "target"):
        actor: Actor | None = getattr(event, role)
        if actor is not None and actor.sector in _LOCAL and _guessed_local(event, actor, role == "target"):
            event = replace(event, **{role: replace(actor, country=country)})
    return event


#: Places precise enough to say whose people were there: a town or a site.
_POINT_PRECISIONS = frozenset({"site", "city"})
#: Sectors of people a report names by no nationality where they live: civilians, reporters,
#: the local police and the opposition.
_LOCAL = _PEOPLE | {"police", "opposition"}
#: Acts done where their doers and victims are (with :data:`_HANDS_ON`): street protests.
_ON_THE_SPOT = _HANDS_ON | {"PROTEST"}


def _guessed_local(event: Event, actor: Actor, hit: bool) -> bool:
    """Whether an unnamed local side's country is only the resolver's guess (from the
    paragraph or the dateline), which the town or site the act happened at outweighs:
    "There, police detained Roman Protasevich" in Minsk, in a report from Brussels. For the
    side that was ``hit``, a region in another country outweighs it too: "the bombardment of
    Ras al-Ain and Tal Abyad had killed several civilians", placed in northeastern Syria,
    reported from Ankara (a doer, "the crew" of a warship, may well be far from home)."""
    where = event.location
    if not (actor.text and actor.name is None and actor.id is None and event.event_type in _ON_THE_SPOT
            and where is not None):
        return False
    return where.precision in _POINT_PRECISIONS or (
        hit and where.precision == "region" and bool(where.country) and where.country != actor.country)


def _property_hit(event: Event, country: str, facility_heads: frozenset[str]) -> Event:
    target, source = event.target, event.source
    if event.quad_class != _MATERIAL_CONFLICT or target is None or target.country not in _UNRESOLVED:
        return event
    if _head(target.text) not in facility_heads:
        return event
    if source is not None and source.country == country and not _guessed_air_attacker(event) \
            and source.sector not in NON_STATE:
        return event  # a sanction on "depots" at home; an attack or seizure: _hit_where_it_stood
    return replace(event, target=replace(target, country=country))


def _hit_abroad(event: Event, country: str, vessel_heads: frozenset[str]) -> Event:
    """An attack abroad on a target the text leaves unowned hit the country it happened in."""
    target, source = event.target, event.source
    if event.event_type != _ATTACK or not _known(source) or source.country == country:  # type: ignore[union-attr]
        return event
    if target is None:
        return replace(event, target=Actor(text="", country=country))
    if target.country not in _UNRESOLVED or _head(target.text) in vessel_heads:
        return event
    return replace(event, target=replace(target, country=country))


def _hit_where_it_stood(event: Event, country: str, words: PlaceWords) -> Event:
    """An attack or a seizure whose target is still no one's once the other readings have run
    belongs to the side of the country it happened in: "angry crowds stormed government
    headquarters in Yerevan", "security forces stormed the building" (Beslan), "fighters set
    fire to a library" in Timbuktu, a bomb that "brought down a section of the hotel". So
    does one that names no target at all ("a car bomb exploded outside the town hall"). The
    place says whose people and property were hit even when the attacker is that country's
    own state, which :func:`_property_hit` leaves alone for property of named kinds; on the
    gold sets read so far the country of the place was the gold side of such targets 48 times
    against 3. Ships are the exception: a vessel flies a flag, not the flag of the waters it
    was hit in, so a target named as one (``words.vessel``) keeps its unknown country.
    So is an act of defence: what air defences shot down (``words.projectile``: "three cruise
    missiles") came from the launcher's side, and where a country's own defences
    (``words.territorial``) fired is their own ground, not the target's."""
    target, source = event.target, event.source
    if event.event_type not in _HANDS_ON or (source is not None and _head(source.text) in words.territorial):
        return event
    if target is None:
        return replace(event, target=Actor(text="", country=country))
    head = _head(target.text)
    if target.country not in _UNRESOLVED or not head or head in words.projectile \
            or any(word in words.vessel for word in target.text.lower().split()):
        return event  # "the tanker Advantage Sweet": a ship named after its kind
    return replace(event, target=replace(target, country=country))


#: Sectors of armed men whom reports leave unnamed ("insurgents", "Islamist fighters", "troops").
_ARMED = NON_STATE | {"military", "police"}


def _armed_of_place(event: Event, country: str) -> Event:
    """Armed men the text names by no country who attacked or seized something ("insurgents
    have fired on Marine positions", "fleeing fighters set fire to a library", "troops
    destroyed several hostile vehicles") are of the country where they did it: a report names
    the nationality of forces abroad ("Israeli ground troops", "French jets"), and a group
    fighting in a country is, for the gold guidelines, based there. On the read gold sets this
    was the gold side 16 times against once. A state's body called by its common noun ("the
    army", "its jets") is not read here: :func:`_state_body` gives it the state its story sets
    against the other side, which is often not the state where it struck."""
    source = event.source
    if event.event_type not in _HANDS_ON or source is None or not source.text \
            or source.country not in _UNRESOLVED or source.sector not in _ARMED or _state_body(source):
        return event
    return replace(event, source=replace(source, country=country))


def _head(text: str) -> str:
    """The last word of a phrase, lower-cased: its head in English noun phrases."""
    words = text.lower().split()
    return words[-1] if words else ""


def _guessed_air_attacker(event: Event) -> bool:
    """An air strike (or a strike of no stated weapon) whose attacker is only the coder's suspect
    (no text, name or id: the armed group the report names nearest). That guess does not say
    whose property was hit; the :func:`_own_suspect` reading later replaces it."""
    return event.mode in _AIR_OR_UNSTATED and _suspect_only(event.source)
