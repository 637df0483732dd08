"""Linking an event to its place.

An article about a strike in Anbar may open with "WASHINGTON" and mention Tehran and Iraq
before it gets to the base that was hit; the event's place is the one the reporting sentence
ties to the event word. Two questions decide it.

*Does the mention name a place here, or an actor?* News uses countries and capitals as actors
("Iran fired missiles", "Washington said", "blamed Iran", "Iran's foreign ministry", "U.S.
forces"). A mention says *where* only in a locative position: the object of a locative
preposition ("in Absard", "near Abu Kamal", "off Gibraltar", "west of Baghdad"), the place an
act is done to ("struck the Al-Asad base", "the attack on Erbil"), or a town modifying a place
noun ("Baghdad's Green Zone"). Countries are places only after a locative preposition or as
owners of land ("Israeli territory"): "struck Iran" and "the attack on the United States"
name a target, and "Iraqi bases" whose bases they are. "from X" and "out of X" say where only
for an act of leaving ("withdrew its forces from Basra"); for a deployment they name where it
came from ("flown in from Kuwait").

*Which event does the place belong to?* The place climbs the parse towards the event word;
a place that meets another event's word first is that event's ("struck targets in Syria in
retaliation for the attack *in Jordan*"). Among the places of the event, the shortest climb
wins, then the most specific. Two countries and nothing finer ("facilities in Iraq and
Syria"), or coordinated places in two countries ("the Al-Tanf garrison in Syria and Al-Asad
Air Base in Iraq"), is an act spread over two countries: it has no single place.

Land named by a pronoun ("entered its airspace") is the subject country's. A definite place
noun that names nothing itself ("gathered at the scene") points back to the episode's place,
which :func:`flashpoint.geo.locate_events` knows, or else to the site the story named last.
Failing that, acts done at a place (assaults, seizures, protests, deployments) take the most
specific unclaimed place of their sentence; statements take none, since where a statement is
made is rarely where its subject happened. What the sentence does not say is left to
:func:`flashpoint.geo.locate_events`, which knows the document's episode; a sentence that puts
the act at a place no toponym names ("near the Syrian border", "in a village") says so
(``Link.elsewhere``), so that the episode's place is not lent to it.

The word lists live in ``data/toponyms.yaml`` (``event_places``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

import yaml
from spacy.tokens import Doc, Span, Token

from flashpoint.errors import ModelError
from flashpoint.geo.resolve import PRECISION_RANK, Place

__all__ = ["Link", "NameSpans", "PlaceRules", "event_place", "is_cause", "link_place",
           "name_spans", "names_where", "place_rules"]

#: Dependency edges a place may climb through on its way to the trigger.
_CLIMB = {"compound", "amod", "nmod", "poss", "appos", "pobj", "prep", "dobj", "nsubjpass",
          "npadvmod", "conj", "pcomp", "advmod", "nsubj", "attr", "obj", "obl", "agent", "dative",
          "acl", "relcl", "advcl", "xcomp", "oprd"}
_MAX_STEPS = 7
#: Roles of a mention, best first: in a locative phrase, acted on, modifying a noun, a country
#: an act noun is aimed at ("the attack on Israel": only when nothing else places the act).
_LOCATIVE, _TARGET, _LOCAL, _AIMED = 0, 1, 2, 3
#: Entities whose words are a name, not a description: a place inside one is not a place.
_NAME_LABELS = {"ORG", "WORK_OF_ART", "LAW"}


@dataclass(frozen=True)
class PlaceRules:
    """Word knowledge for reading where an event happened (``toponyms.yaml: event_places``)."""

    physical: dict[str, frozenset[str] | None]  # event type -> its physical modes (None: all)
    object_types: frozenset[str]  # types whose object can be the place ("struck the base")
    leaving_types: frozenset[str]  # acts of leaving: "withdrew from Syria" happened in Syria
    locative: frozenset[str]  # prepositions that place ("in", "near", "off")
    target: frozenset[str]  # prepositions that place a physical act ("attack on Erbil")
    directions: frozenset[str]  # "west of X": X is a reference point
    place_nouns: frozenset[str]  # nouns a town may modify as a place ("Erbil airport")
    territory_nouns: frozenset[str]  # nouns whose owning country is the place ("Israeli territory")
    act_nouns: frozenset[str]  # subjects that are acts, not actors ("the strikes near X")
    claim_words: frozenset[str]  # triggers that report a claim about an act ("blamed")
    facility_words: frozenset[str]  # words that make a town's name a facility's ("airfield")
    place_anaphors: frozenset[str]  # "the scene", "the base": the place already told
    locale_nouns: frozenset[str]  # "near the Syrian border": a place the gazetteer may not name
    leaving: frozenset[str]  # "from", "out of": where an act of leaving happened
    #: acts of sending or going (type to modes, None for all): "deployed jets to Jordan", "a visit to Oman"
    arriving_types: Mapping[str, frozenset[str] | None] = field(default_factory=dict)
    arriving: frozenset[str] = frozenset()  # "to", "into": where an act of sending happened
    cause_phrases: frozenset[str] = frozenset()  # "after", "in response to": an earlier act
    settlement_nouns: frozenset[str] = frozenset()  # "the port of X", "the Red Sea city of X"
    reporting_verbs: frozenset[str] = frozenset()  # "In Ottawa, X said ...": where it was said
    town_anaphors: frozenset[str] = frozenset()  # "in the city": the town named last
    place_object_verbs: frozenset[str] = frozenset()  # "captured Baghuz": the object is a place
    journey_verbs: frozenset[str] = frozenset()  # "flew to Entebbe and rescued": done on arrival
    route_nouns: frozenset[str] = frozenset()  # "the Amsterdam to Kuala Lumpur flight": its ends
    seat_nouns: frozenset[str] = frozenset()  # "Iraq's parliament": in the country's capital
    claim_by_complement: frozenset[str] = frozenset()  # "held Iran responsible", not "held talks"
    visit_verbs: frozenset[str] = frozenset()  # "visited Riga": the object is where they are
    left_verbs: frozenset[str] = frozenset()  # "left Niger": for an act of leaving, where it was
    happening_verbs: frozenset[str] = frozenset()  # "talks resumed in Cairo": where the act was
    unnamed_after: frozenset[str] = frozenset()  # "the ... Front near Saravan": no name ends so
    speaker_nouns: frozenset[str] = frozenset()  # "Pentagon officials said": who, not where
    naming_verbs: frozenset[str] = frozenset()  # "a base in Jordan, known as Tower 22"

    def arrives(self, event_type: str | None, mode: str | None) -> bool:
        """An act of sending or going, placed where it went ("a visit to Oman")."""
        if event_type not in self.arriving_types:
            return False
        modes = self.arriving_types[event_type]
        return modes is None or (mode or "none") in modes

    def is_physical(self, event_type: str | None, mode: str | None) -> bool:
        """An act done at a place, rather than said or decided somewhere."""
        if event_type is None:
            return True
        if event_type not in self.physical:
            return False
        modes = self.physical[event_type]
        return modes is None or (mode or "none") in modes


#: The word lists of ``event_places``, by their PlaceRules field names.
_WORD_LISTS = ("locative", "target", "directions", "place_nouns", "territory_nouns",
               "act_nouns", "claim_words", "facility_words", "place_anaphors", "locale_nouns",
               "leaving", "arriving", "cause_phrases", "settlement_nouns", "reporting_verbs",
               "town_anaphors", "place_object_verbs", "journey_verbs", "route_nouns",
               "seat_nouns", "claim_by_complement", "visit_verbs", "happening_verbs",
               "unnamed_after", "left_verbs", "speaker_nouns", "naming_verbs")


@lru_cache(maxsize=1)
def place_rules() -> PlaceRules:
    """The ``event_places`` section of ``toponyms.yaml``, read once."""
    try:
        text = resources.files("flashpoint.data").joinpath("toponyms.yaml").read_text("utf-8")
        section = (yaml.safe_load(text) or {})["event_places"]
        physical = {str(t): (None if m == "all" else frozenset(str(x) for x in m))
                    for t, m in section["physical"].items()}
        object_types = frozenset(str(w).upper() for w in section["object_types"])
        leaving_types = frozenset(str(w).upper() for w in section["leaving_types"])
        arriving_types = {str(t).upper(): (None if m == "all" else frozenset(str(x) for x in m))
                          for t, m in section["arriving_types"].items()}
        words = {key: frozenset(str(w).lower() for w in section[key]) for key in _WORD_LISTS}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"toponyms.yaml has no usable event_places section: {exc}") from exc
    return PlaceRules(physical=physical, object_types=object_types,
                      leaving_types=leaving_types, arriving_types=arriving_types, **words)


@dataclass(frozen=True)
class Link:
    """What the sentence says about an event's place.

    ``place`` is None either because the sentence is silent (``spread`` False: the document's
    context may still say) or because it places the act in several countries (``spread``)."""

    place: Place | None
    spread: bool = False
    attached: bool = False  # the place hangs on the event word itself
    anaphor: bool = False  # "at the scene", "near the base": the place the story is at
    anaphor_noun: Token | None = None  # that noun ("base"), to find the place it points back to
    elsewhere: bool = False  # "near the Syrian border": a place the gazetteer cannot name
    prior: bool = False  # "in response to Iran's attack": an earlier act, not the episode's


def event_place(sentence: Span, trigger: Token, places: Sequence[Place],
                event_type: str | None = None, mode: str | None = None,
                others: Sequence[Token] = ()) -> Place | None:
    """The place of an event triggered by ``trigger`` in ``sentence``, or None."""
    return link_place(sentence, trigger, places, event_type, mode, others).place


def link_place(sentence: Span, trigger: Token, places: Sequence[Place],
               event_type: str | None = None, mode: str | None = None,
               others: Sequence[Token] = (), rules: PlaceRules | None = None,
               names: NameSpans | None = None) -> Link:
    """Read the sentence for the place of one event; ``others`` are the words of the other
    events coded in the same sentence, whose places are theirs. ``names`` is
    :func:`name_spans` of the document, for a caller that links many events of one document
    (``sentence.ents`` walks all of the document's entities at every call)."""
    rules = rules or place_rules()
    physical = rules.is_physical(event_type, mode)
    acted_on = physical and (event_type is None or event_type in rules.object_types)
    leaving = physical and event_type in rules.leaving_types
    arriving = rules.arrives(event_type, mode)
    other_ids = {t.i for t in others if t.i != trigger.i}
    there = _place_before_there(trigger, places)
    if there is not None:
        return Link(there, attached=True, prior=physical and is_cause(trigger, rules))
    attached, loose = _candidates(sentence, trigger, places, other_ids, rules, acted_on, leaving,
                                  names, arriving, speaker=not physical)
    if any(item[1] != _AIMED for item in attached):
        attached = [item for item in attached if item[1] != _AIMED]
    prior = physical and is_cause(trigger, rules)
    if attached:
        best = min(attached, key=lambda item: (item[0], item[2], item[1]))[3]
        if (best.precision == "country" and _spread(attached)) \
                or _split(sentence, best, attached):
            return Link(None, spread=True)
        # places tied to no event, ranked after every attached one, may refine a country
        unclaimed = [(_MAX_STEPS + 1, _LOCAL, PRECISION_RANK.get(p.precision, 9), p)
                     for p in loose if not p.demonym]
        return Link(_finest_within(best, attached + unclaimed), attached=True, prior=prior)
    owner = _owner_by_pronoun(sentence, trigger, places, other_ids, rules)
    if owner is not None:
        return Link(owner, attached=True, prior=prior)
    anaphor = _anaphor_attached(sentence, trigger, places, other_ids, rules, acted_on)
    if anaphor is not None:
        return Link(None, anaphor=True, prior=prior, anaphor_noun=anaphor)
    if not physical:
        reporting = _reporting_verb(trigger, rules)  # "In Ottawa, Trudeau said Canada stood with Israel"
        if reporting is not None:
            return link_place(sentence, reporting, places, event_type, mode, others, rules, names)
        return Link(None)
    if prior and not loose:
        return Link(None, prior=True)
    if not loose:
        return Link(None, elsewhere=_unnamed_locale(sentence, trigger, other_ids, rules,
                                                    acted_on, leaving, arriving))
    finest = min(PRECISION_RANK.get(p.precision, 9) for p in loose)
    if finest == PRECISION_RANK["country"] and len({p.country for p in loose}) > 1:
        return Link(None, spread=True)
    best = min(loose, key=lambda p: (PRECISION_RANK.get(p.precision, 9),
                                     abs(p.start - trigger.idx)))
    return Link(best)


def _place_before_there(trigger: Token, places: Sequence[Place]) -> Place | None:
    """"Demonstrators in Mashhad attacked the consulate there": "there" is the place named
    last before it (a town or a site, not a nationality word)."""
    there = next((c for c in trigger.children if c.dep_ == "advmod" and c.lower_ == "there"), None)
    if there is None:
        return None
    named = [p for p in places if p.end <= there.idx and not p.demonym and p.precision != "country"]
    return named[-1] if named else None


def _said_at(root: Token, rules: PlaceRules) -> bool:
    """The place is where something was said: "In Ottawa, X said", "said in Ottawa"."""
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() in rules.reporting_verbs


def _reporting_verb(trigger: Token, rules: PlaceRules) -> Token | None:
    """The verb of saying a statement is reported by ("Trudeau said Canada stood with Israel"):
    where it was said is where the statement was made."""
    node = trigger
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in rules.reporting_verbs:
            return node
    return None


def _candidates(sentence: Span, trigger: Token, places: Sequence[Place], other_ids: set[int],
                rules: PlaceRules, acted_on: bool, leaving: bool = False,
                doc_names: NameSpans | None = None, arriving: bool = False,
                speaker: bool = False) -> tuple[list[tuple[int, int, int, Place]], list[Place]]:
    """The sentence's mentions that say where: (steps, role, precision rank, place) for those
    hanging on the trigger, and the unclaimed rest. ``leaving``: the event is an act of
    leaving, placed where it left from; ``arriving``: an act of sending, placed where it
    sent to. ``speaker``: the event is a statement, made where its speaker is ("NATO
    ambassadors meeting in Brussels condemned the downing")."""
    if doc_names is None:
        doc_names = name_spans(sentence.doc)
    # the entities wholly inside the sentence, as ``sentence.ents`` has them
    names = [bare for start, end, bare in doc_names
             if start >= sentence.start and end <= sentence.end]
    attached: list[tuple[int, int, int, Place]] = []
    loose: list[Place] = []
    for place in places:
        if not (sentence.start_char <= place.start and place.end <= sentence.end_char):
            continue
        if place.kind == "continent":
            continue
        if any(s <= place.start and place.end <= e and e - s > place.end - place.start
               for s, e in names) and not _after_unnamed(sentence, place, rules):
            continue  # part of a name: "the Islamic Resistance in Iraq"
        root = _root(sentence, place)
        role = None if root is None else _role(root, place, rules, acted_on, leaving, arriving)
        if root is None or role is None:
            continue
        if role == _AIMED and not _aimed_by(root, trigger):
            continue  # "struck back after Iran's attack on Israel": the attack's aim
        steps = _climb(root, trigger, other_ids, rules, speaker)
        if steps is None:
            continue  # another event's place, or an actor's
        if steps > 0:
            attached.append((steps, role, PRECISION_RANK.get(place.precision, 9), place))
        elif not _said_at(root, rules):  # "Trudeau said in Ottawa that Iran's attack ...": not the attack's
            loose.append(place)
    return attached, loose


def _after_unnamed(sentence: Span, place: Place, rules: PlaceRules) -> bool:
    """A place after "near", which the model may take into the name before it ("the Balochistan
    Liberation Front near Saravan"): no name of a group or a body ends in "near X"."""
    before = sentence.doc.text[:place.start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in rules.unnamed_after


def _owner_by_pronoun(sentence: Span, trigger: Token, places: Sequence[Place],
                      other_ids: set[int], rules: PlaceRules) -> Place | None:
    """"Jordan said its air force intercepted drones that entered its airspace": land named
    by "its" or "their" belongs to the country that is the sentence's subject. A site that is
    the subject owns whatever part of it "its" names: "Damascus International Airport remained
    shut, three days after Israeli missiles tore up its runways"."""
    subjects = [p for p in places if p.kind in ("country", "site") and not p.demonym
                and sentence.start_char <= p.start < sentence.end_char
                and (root := _root(sentence, p)) is not None and root.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    for token in sentence:
        if token.lower_ not in rules.territory_nouns and subjects[0].kind != "site":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            continue
        placed = (_object_role(token.head, True, rules, False) is not None
                  if token.dep_ == "pobj" else token.dep_ in ("dobj", "obj"))
        if placed and (_climb(token, trigger, other_ids, rules) or 0) > 0:
            return subjects[0]
    return None


def _anaphor_attached(sentence: Span, trigger: Token, places: Sequence[Place],
                      other_ids: set[int], rules: PlaceRules, acted_on: bool) -> Token | None:
    """The definite place noun that names no place itself the event hangs on ("gathered at
    the scene", "some struck the base"), pointing to the place the story is already at."""
    named = [(p.start, p.end) for p in places]
    found = []
    for token in sentence:
        if token.lemma_.lower() not in rules.place_anaphors:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if any(s <= token.idx < e for s, e in named):
            continue  # part of a name: "the Al-Asad base"
        if token.dep_ == "pobj":
            role = _object_role(token.head, False, rules, acted_on)
        elif token.dep_ in ("dobj", "nsubjpass", "obj") and acted_on:
            role = _TARGET
        else:
            role = None
        if role is not None and (_climb(token, trigger, other_ids, rules) or 0) > 0:
            found.append(token)
    # "outside the consulate in the city": the town says where, the building only what
    towns = [t for t in found if t.lemma_.lower() in rules.town_anaphors]
    return (towns or found or [None])[0]


def _unnamed_locale(sentence: Span, trigger: Token, other_ids: set[int], rules: PlaceRules,
                    acted_on: bool, leaving: bool = False, arriving: bool = False) -> bool:
    """Whether the event hangs on a locative phrase whose place no toponym names: "a drone
    strike near the Syrian border", "clashes in the eastern desert", "shelled a village".

    Such a sentence says where the act happened, only in words the gazetteer cannot place, so
    the place of another sentence (the episode's, the dateline's) would be a wrong point. The
    phrase must be new to the story: an indefinite or bare noun ("a village", "villages") or a
    described one ("the Syrian border", "the border with Syria"); "the area", "the border"
    alone point back to the place the story is at."""
    for token in sentence:
        if token.lemma_.lower() not in rules.locale_nouns \
                and token.lower_ not in rules.locale_nouns:
            continue
        if token.pos_ not in ("NOUN", "PROPN") or not _is_new_place(token):
            continue
        if token.dep_ == "pobj":
            placed = _object_role(token.head, False, rules, acted_on,
                                  leaving=leaving, arriving=arriving) is not None
        else:  # "shelled a village": the place acted on
            placed = acted_on and token.dep_ in ("dobj", "obj", "nsubjpass")
        if placed and (_climb(token, trigger, other_ids, rules) or 0) > 0:
            return True
    return False


def _is_new_place(noun: Token) -> bool:
    """An indefinite or bare noun, or one with a describing word or phrase: a place not told
    before ("a village", "the eastern desert"), unlike "the area" that points back."""
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if not determiners or any(d in ("a", "an", "another", "some") for d in determiners):
        return True
    return any(c.dep_ in ("amod", "compound", "nmod", "prep") for c in noun.children)


def names_where(doc: Doc, place: Place, rules: PlaceRules | None = None) -> bool:
    """Whether a mention says where something is or happens ("in Baghdad"), rather than
    naming an actor ("Baghdad said") or whose something is ("Iraqi forces")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    return _role(span.root, place, rules or place_rules(), True) is not None


#: Entities whose words are a name (``_NAME_LABELS``): token start, token end, and the
#: character span of the name without article or possessive (``_bare``).
NameSpans = Sequence[tuple[int, int, tuple[int, int]]]


def name_spans(doc: Doc) -> list[tuple[int, int, tuple[int, int]]]:
    """The document's entities whose words are a name, read once for all its events: a
    place inside one ("the Islamic Resistance in Iraq") is not a place."""
    return [(e.start, e.end, _bare(e)) for e in doc.ents if e.label_ in _NAME_LABELS]


def _bare(ent: Span) -> tuple[int, int]:
    """An entity's span without a leading article or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end - 1 and ent.doc[start].dep_ == "det":
        start += 1
    while end - 1 > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start].idx, ent.doc[end - 1].idx + len(ent.doc[end - 1].text)


def _finest_within(best: Place, attached: list[tuple[int, int, int, Place]]) -> Place:
    """A finer place of the same event inside the country or region first found: "forces in
    Syria stationed near the Al-Omar oil field" happened near the oil field. The places the
    parse ties to no event count too: in "crossed into Pakistan and bombed what New Delhi
    called a camp, near the town of Balakot" the town hangs on the saying inside the act."""
    if best.precision not in ("country", "region"):
        return best
    rank = PRECISION_RANK.get(best.precision, 9)
    inside = [item for item in attached
              if item[3].country == best.country and item[2] < rank]
    return min(inside, key=lambda item: (item[2], item[0]))[3] if inside else best


def _spread(attached: list[tuple[int, int, int, Place]]) -> bool:
    """Two countries on the event and nothing finer: an act spread over two countries."""
    if any(item[3].precision != "country" for item in attached):
        return False
    return len({item[3].country for item in attached}) > 1


def _split(sentence: Span, best: Place, attached: list[tuple[int, int, int, Place]]) -> bool:
    """Places coordinated with the best one that lie in another country: "attacks on the
    Al-Tanf garrison in Syria and Al-Asad Air Base in Iraq" is an act spread over two
    countries, however precise each of its places."""
    root = _root(sentence, best)
    if root is None or best.country is None:
        return False
    # a conjunct of the place, or one inside its phrase ("the garrison in Syria and the
    # base", which the parser may hang on "Syria")
    partners = {t.i for t in root.conjuncts} | {t.i for t in root.subtree if t.dep_ == "conj"}
    for item in attached:
        other = item[3]
        if other.country in (None, best.country) or other.precision == "country" \
                or other.demonym:
            continue
        other_root = _root(sentence, other)
        if other_root is not None and other_root.i in partners:
            return True
    return False


def _root(sentence: Span, place: Place) -> Token | None:
    span = sentence.doc.char_span(place.start, place.end, alignment_mode="expand")
    return None if span is None else span.root


def _role(token: Token, place: Place, rules: PlaceRules, acted_on: bool,
          leaving: bool = False, arriving: bool = False) -> int | None:
    """Whether the mention names where something happened, and how; None for an actor.

    Conjuncts share the role of the first conjunct ("in Iraq and Syria"), appositions the
    role of what they describe ("Camp Taji, a base north of Baghdad")."""
    country = place.precision == "country" and place.kind == "country"
    if place.demonym:
        return _owner_of_territory(token, rules, leaving)
    token = _named_thing(token, rules)
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        if token.dep_ == "appos" and token.head.lemma_.lower() in rules.act_nouns:
            # a name set beside an act ("a rocket attack on a base, Green Village")
            return _TARGET if acted_on and not country else None
        token = _named_thing(token.head, rules)
    dep, head = token.dep_, token.head
    if _route_end(token, rules):
        return None
    if dep == "pobj" and head.lower_ == "of" and head.head.lower_ in rules.settlement_nouns \
            and head.head.i != head.i:
        # "bombed the port of Hodeidah", "toward the Red Sea city of Eilat": the settlement's role
        return _role(head.head, _as_town(place), rules, acted_on, leaving, arriving)
    if dep == "pobj":
        return _object_role(head, country, rules, acted_on, leaving=leaving, arriving=arriving)
    if dep == "prep" and token.pos_ == "ADP" and head.pos_ == "ADP" and head.dep_ == "prep":
        # "near In Amenas": the parser takes the name's first word for a second preposition
        return _object_role(head, country, rules, acted_on, leaving=leaving, arriving=arriving)
    if dep in ("dobj", "obj") and any(c.dep_ == "prt" and c.lower_ in rules.locative
                                      for c in head.children):
        return _LOCATIVE  # "seize off Gibraltar": a preposition parsed as a particle
    if dep in ("dobj", "obj") and head.lemma_.lower() in rules.visit_verbs:
        return _LOCATIVE  # "visited Riga": where the visitors are
    if dep in ("dobj", "obj") and leaving and head.lemma_.lower() in rules.left_verbs:
        return _LOCATIVE  # "the last soldiers left Niger": where the withdrawal happened
    if dep in ("dobj", "nsubjpass", "obj") and acted_on and not country:
        return _TARGET
    if dep in ("compound", "poss", "nmod", "amod"):
        if head.lower_ in rules.settlement_nouns and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None  # "the Red Sea city of Eilat": the city is Eilat, the sea describes it
        if country:
            return _LOCATIVE if head.lower_ in rules.territory_nouns else None
        if head.lemma_.lower() in rules.place_nouns or head.lower_ in rules.place_nouns:
            noun_role = _role(head, _as_town(place), rules, acted_on, leaving, arriving)
            return noun_role if noun_role is not None else _LOCAL
        if head.lower_ in rules.speaker_nouns:
            return None  # "Pentagon officials", "a Pentagon readout": who speaks, not where
        return _LOCAL if dep == "compound" else None
    return None


def _named_thing(token: Token, rules: PlaceRules) -> Token:
    """What a name given by a naming verb names ("a base in Jordan, known as Tower 22";
    "an outpost called Green Village"), whose role the name shares; else the token itself."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else token.head
    if token.dep_ not in ("pobj", "oprd", "dobj", "attr", "xcomp") or verb.i == token.i:
        return token
    if verb.dep_ == "acl" and verb.lemma_.lower() in rules.naming_verbs and verb.tag_ in ("VBN", "VBD") \
            and verb.head.i != verb.i:
        return verb.head
    return token


def _route_end(token: Token, rules: PlaceRules) -> bool:
    """An end of a route ("the Amsterdam to Kuala Lumpur flight", which the parser may hang
    on "Amsterdam"): where the flight came from or went, not where it was struck."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in rules.route_nouns:
        return True
    return any(prep.dep_ == "prep" and prep.lower_ == "to"
               and any(obj.dep_ == "pobj" and obj.lemma_.lower() in rules.route_nouns
                       for obj in prep.children)
               for prep in token.children)


def _object_role(prep: Token, country: bool, rules: PlaceRules, acted_on: bool,
                 depth: int = 0, leaving: bool = False, arriving: bool = False) -> int | None:
    """The role the object of ``prep`` plays: "in X" places, "west of X" and "next to X"
    place near X, "the gate of X" places wherever the gate is. For an act of leaving, "from
    X" and "out of X" place it in X ("pulled its trainers out of Iraq"); for any other act
    they name an origin ("flown in from Kuwait"). For an act of sending, "to X" places it in
    X ("deployed jets to Jordan"); after a verb of travelling, "to X" places whatever the
    travellers did there ("flew to Entebbe and rescued the hostages"). The "of" phrase of an
    act noun is what it was aimed at ("the bombardment of the Gaza Strip"). A country an act
    noun is aimed at ("the attack on Israel") is the act's place only as a last resort
    (``_AIMED``)."""
    word = prep.lower_
    if word in rules.locative and prep.head.lower_ in rules.leaving and prep.head.pos_ == "ADP" \
            and not leaving:
        return None  # "fired from over northern Lebanon": where the missiles came from
    if word in rules.locative:
        return _LOCATIVE
    if leaving and (word in rules.leaving or f"{prep.head.lower_} {word}" in rules.leaving):
        return _LOCATIVE
    if arriving and word in rules.arriving:
        return _LOCATIVE
    if word in rules.arriving and prep.head.lemma_.lower() in rules.journey_verbs \
            and prep.head.tag_ != "VBG" and prep.head.dep_ not in ("relcl", "acl"):
        # "flew to Entebbe airport and rescued the hostages": done there; but "was hit while
        # sailing to the Emirates" was hit on the way, and "the minister, who flew to New
        # York, called the raid murder" says who the minister is
        return _LOCATIVE
    if word in ("of", "to") and prep.head.lower_ in rules.directions:
        return _LOCATIVE
    if word in rules.target and acted_on:
        if not country:
            return _TARGET
        if depth == 0 and prep.head.lemma_.lower() in rules.act_nouns:
            return _AIMED
        return None
    if word == "of" and acted_on and depth == 0 and prep.head.lemma_.lower() in rules.act_nouns:
        return _AIMED if country else _TARGET  # "its bombardment of the Gaza Strip"
    holder = prep.head
    if word == "of" and depth < 2 and holder.dep_ == "pobj" and holder.pos_ in ("NOUN", "PROPN"):
        role = _object_role(holder.head, country, rules, acted_on, depth + 1, leaving, arriving)
        return None if role is None or (country and role != _LOCATIVE) else role
    return None


def _owner_of_territory(token: Token, rules: PlaceRules, leaving: bool = False) -> int | None:
    """A place adjective says where only for the land it qualifies ("Israeli territory"), and
    "from" that land says where only for an act of leaving: "missiles fired from Lebanese
    airspace" struck somewhere else, as with a named place after "from"."""
    if token.dep_ not in ("amod", "compound") or token.head.lower_ not in rules.territory_nouns:
        return None
    land = token.head
    origin = land.dep_ == "pobj" and land.head.lower_ in rules.leaving and not leaving
    return None if origin else _LOCATIVE


def _as_town(place: Place) -> Place:
    """The noun a town modifies is judged like a town, never like a country."""
    return place if place.kind != "country" else Place(
        place.name, place.country, place.lat, place.lon, "city", place.gazetteer_id,
        place.text, place.start, place.end, kind="city")


def _climb(token: Token, trigger: Token, other_ids: set[int], rules: PlaceRules,
           speaker: bool = False) -> int | None:
    """Steps from the place up the parse to the trigger; 0 when it never gets there, None
    when it meets another event's word first (the place is that event's) or reaches the
    trigger through an actor ("militants *in Anbar* fired", "blamed *groups in Syria*"),
    unless the event is a statement and the actor its ``speaker``: "officials *in Baghdad*
    said" were in Baghdad when they said it.

    A place on a verb the trigger shares its circumstances with ("gathered at the scene and
    chanted", "struck targets in Iraq, killing 25") counts one step more."""
    if token.i == trigger.i:
        return 0
    sharers = _sharers(trigger, rules)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        sharers.add(trigger.head.i)  # "Iraqi territory destroyed by", "the base that was hit"
        if token.i == trigger.head.i:
            return 1
    claim = _is_claim(trigger, rules)
    for steps in range(1, _MAX_STEPS + 1):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return 0
        child, token = token, token.head
        if child.dep_ == "pobj" and _cause_prep(token, rules):
            return None  # "revenge for Kenya's decision to send its army into Somalia": the cause's
        if token.i == trigger.i or token.i in sharers:
            if _through_actor(child, claim, rules) and not (speaker and child.dep_ == "nsubj"):
                return None
            if token.i in other_ids and child.dep_ in ("dobj", "obj", "nsubjpass"):
                return None  # "pulled out of Gori, but governments accuse Moscow": its object
            return steps if token.i == trigger.i else steps + 1
        if token.i in other_ids and not (speaker and _speaker_setting(token, trigger)):
            return None
        if child.dep_ in ("dobj", "obj", "dative") and _is_claim(token, rules):
            return None  # "marched in Sanaa, blaming Riyadh": whom they blamed, not where
    return 0


def _speaker_setting(word: Token, trigger: Token) -> bool:
    """Whether another event's word sets the scene of a statement ("ministers meeting in Cairo
    condemned the invasion", "Meeting Putin at a summit in Kazan, Erdogan called the attack
    heinous"): the speakers were where that act (the meeting) was when they spoke, though the
    act is an event of its own. The word is the statement's subject, a participle on the
    statement or on its subject, or a noun inside such a participle's clause."""
    node = word
    for _ in range(3):
        if node.dep_ == "nsubj" and node.head.i == trigger.i:
            return True  # "the meeting in Cairo condemned", or a participle parsed as the subject
        if node.tag_ == "VBG" and (
                node.dep_ == "advcl" and node.head.i == trigger.i
                or node.dep_ == "acl" and node.head.dep_ == "nsubj" and node.head.head.i == trigger.i):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _cause_prep(prep: Token, rules: PlaceRules) -> bool:
    """A preposition that opens a cause phrase ("in retaliation *for*", "in response *to*"):
    what its object names happened before the act it hangs on, and its places are that earlier
    act's, whether or not the coder coded it."""
    if prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    return f"{prep.head.lower_} {prep.lower_}" in rules.cause_phrases


def _is_claim(trigger: Token, rules: PlaceRules) -> bool:
    """Whether the event word reports a claim about an act ("blamed Iran", "held Iran
    responsible"), whose object is an actor rather than the act."""
    lemma = trigger.lemma_.lower()
    if lemma in rules.claim_by_complement:
        return any(c.lemma_.lower() in rules.claim_words for c in trigger.children)
    return lemma in rules.claim_words or trigger.lower_ in rules.claim_words


def _through_actor(child: Token, claim: bool, rules: PlaceRules) -> bool:
    """Whether the branch the place hangs from is the event's actor rather than its act."""
    if child.dep_ == "nsubj":
        return child.lemma_.lower() not in rules.act_nouns
    return claim and child.dep_ in ("dobj", "obj", "attr", "acomp", "dative")


def _sharers(trigger: Token, rules: PlaceRules) -> set[int]:
    """Verbs whose circumstances the trigger shares: verbs coordinated with it and what its
    first conjunct shares ("voted in Geneva to condemn ... and to demand"), the verb a
    participle or infinitive of it hangs on ("killing 25", "helped seize"), the verb an act
    noun is the setting of ("In a rare visit, a delegation travelled to Sanaa"), the object of
    ("found the launcher near al-Baghdadi and opened an investigation") or the purpose of a
    journey for ("flew to Belgrade for talks"), and the verb of taking place an act noun is the
    subject of ("talks resumed in Cairo")."""
    found: set[int] = set()
    head = trigger.head  # the trigger itself for a root: no dependency below applies to one
    verbal = trigger.pos_ in ("VERB", "AUX")
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN" \
            and head.lemma_.lower() in rules.happening_verbs:
        found.add(head.i)  # "negotiations resumed in Cairo": where the act took place
    if trigger.dep_ == "pobj" and head.lower_ in ("in", "during") and head.head.pos_ == "VERB":
        found.add(head.head.i)
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN" and head.pos_ == "VERB":
        # an act noun is done where the verb that does it is, and where that verb's first
        # conjunct is
        found |= {head.i} | (_sharers(head, rules) if head.dep_ == "conj" else set())
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in rules.journey_verbs:
        found.add(head.head.i)  # "flew to Belgrade for talks": the talks were held in Belgrade
    if trigger.dep_ == "conj" and verbal and head.pos_ in ("VERB", "AUX"):
        found |= _sharers(head, rules) | {head.i}  # a verb shares what its first conjunct shares
    if verbal:
        found |= {c.i for c in trigger.conjuncts if c.pos_ in ("VERB", "AUX")}
        if (trigger.dep_ in ("xcomp", "advcl") and trigger.tag_ in ("VBG", "VBN", "VB")
                and head.pos_ in ("VERB", "AUX")):
            found.add(head.i)
    return found - {trigger.i}


def _aimed_by(root: Token, trigger: Token) -> bool:
    """Whether a country an act noun is aimed at hangs on the trigger itself ("Iran's missile
    attack *on Israel*"), not on an act the trigger merely follows."""
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.head.head.i == trigger.i


def is_cause(trigger: Token, rules: PlaceRules) -> bool:
    """Whether the event is told as the cause of another act, and so before it: "struck sites
    in Iran *in response to* Iran's missile attack", "suspended its mission *after* the
    killing", "*after* Iran attacked Israel". Its sentence's other places are the later act's."""
    token = trigger
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in rules.cause_phrases for c in token.children)
    if token.dep_ not in ("pobj", "pcomp", "dobj"):
        return False
    prep = token.head
    if token.dep_ == "dobj" and prep.lower_ != "following":
        return False
    words = [prep.lower_]
    holder = prep.head
    if holder.pos_ == "NOUN" and holder.i != prep.i:
        words.insert(0, holder.lower_)
        if holder.dep_ == "pobj":
            words.insert(0, holder.head.lower_)
    return any(" ".join(words[k:]) in rules.cause_phrases for k in range(len(words)))
