"""Scenes: acts a story names with a noun, and the place that hangs on the noun.

The coder codes an act once, where a sentence reports it, but news retells its acts with
nouns: "Two tankers were damaged by explosions in the Gulf of Oman", "Mr. Austin said the
precision self-defense strikes near Abu Kamal were separate from the war". Such a noun (one of
``event_places: act_nouns``) with a place attached to it in the sentence's parse is a scene.
Scenes are evidence of where the story's acts happened even when no event is coded for them:

* a *definite* scene ("the strikes near Abu Kamal", "these attacks on the Al-Asad base") points
  back to the last act of the same kind told before it, and when that act was placed only by
  its country or region ("struck two facilities in eastern Syria") the scene's finer place,
  inside that country or region, is where it happened;
* :func:`flashpoint.geo.locate_events` lets a scene no event was coded for open the episode.

A scene never carries a date: it is used only through the acts it retells or the episode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from flashpoint.geo.gazetteer import Gazetteer
from flashpoint.geo.link import Link, NameSpans, PlaceRules, link_place, name_spans
from flashpoint.geo.resolve import PRECISION_RANK, Place
from flashpoint.records import Event, great_circle_km

__all__ = ["Anchor", "Scene", "find_scenes", "finer", "inside", "is_definite_act", "same_act",
           "sharpened_by_scenes"]

#: An event's sentence and its trigger's head word.
Anchor = tuple[Span, Token]
#: Determiners that make an act noun point back to an act already told.
_DEFINITE = {"the", "this", "that", "these", "those"}
#: Without a bounding box, a finer place lies in a region when it is this close to its centre.
_REGION_KM = 150.0
_COARSE = ("country", "region")


@dataclass(frozen=True)
class Scene:
    """An act noun with its place: ``start`` is the noun's offset, ``sentence`` its
    sentence's start offset."""

    place: Place
    start: int
    sentence: int
    lemma: str
    definite: bool


def find_scenes(parsed: Doc, anchors: Sequence[Anchor | None], places: Sequence[Place],
                rules: PlaceRules, names: NameSpans | None = None) -> list[Scene]:
    """The document's scenes in text order; act nouns that are coded events' words are the
    events' own business and are left out. ``names``: :func:`~flashpoint.geo.link.name_spans`
    of ``parsed``, when the caller has it."""
    if names is None:
        names = name_spans(parsed)
    triggers: dict[int, list[Token]] = {}
    for anchor in anchors:
        if anchor is not None:
            triggers.setdefault(anchor[0].start, []).append(anchor[1])
    taken = {token.i for tokens in triggers.values() for token in tokens}
    scenes: list[Scene] = []
    for sentence in _sentences_with_places(parsed, places):
        others = triggers.get(sentence.start, ())
        for token in sentence:
            if token.i in taken or not _is_act_noun(token, rules):
                continue
            link = link_place(sentence, token, places, None, None, others, rules, names)
            if link.attached and link.place is not None and not link.place.demonym:
                scenes.append(Scene(link.place, token.idx, sentence.start_char,
                                    token.lemma_.lower(), _definite(token)))
    return scenes


def sharpened_by_scenes(links: dict[int, Link], events: Sequence[Event],
                        anchors: Sequence[Anchor | None], order: Sequence[int],
                        scenes: Sequence[Scene], gazetteer: Gazetteer) -> dict[int, Link]:
    """``links`` with each act placed only by a country or region moved to the finer place of
    a later definite scene that retells it: the same act word, with no coded act of that kind
    and word between them ("struck ... in eastern Syria, after rocket attacks on troops" is
    still retold by "the strikes near Abu Kamal")."""
    sharpened = dict(links)
    for position, i in enumerate(order):
        link, anchor = links.get(i), anchors[i]
        if link is None or anchor is None or link.place is None \
                or link.place.precision not in _COARSE:
            continue
        word = anchor[1].lemma_.lower()
        later = [j for j in order[position + 1:] if (other := anchors[j]) is not None
                 and events[j].event_type == events[i].event_type
                 and same_act(word, other[1].lemma_.lower())]
        bound = min((anchors[j][1].idx for j in later), default=None)  # type: ignore[index]
        scene = _retelling(anchor[1], link.place, scenes, bound, gazetteer)
        if scene is not None:
            sharpened[i] = Link(scene.place, attached=link.attached)
    return sharpened


def _retelling(trigger: Token, place: Place, scenes: Sequence[Scene], bound: int | None,
               gazetteer: Gazetteer) -> Scene | None:
    """The first definite scene after ``trigger`` and before ``bound`` (the next act of the
    same kind) that names the same act more precisely inside ``place``."""
    word = trigger.lemma_.lower()
    for scene in scenes:
        if scene.start <= trigger.idx or (bound is not None and scene.start >= bound):
            continue
        if not scene.definite or not same_act(word, scene.lemma):
            continue
        if finer(scene.place, place) and inside(scene.place, place, gazetteer):
            return scene
    return None


def same_act(one: str, other: str) -> bool:
    """"struck" and "the strikes", "airstrikes" and "the strikes": one act word."""
    return one == other or one.endswith(other) or other.endswith(one)


def finer(place: Place, than: Place) -> bool:
    """Whether ``place`` is more precise than ``than`` (a city than a region)."""
    return PRECISION_RANK.get(place.precision, 9) < PRECISION_RANK.get(than.precision, 9)


def inside(inner: Place, outer: Place, gazetteer: Gazetteer) -> bool:
    """Whether ``inner`` lies in the country or region ``outer``."""
    if inner.country is None or inner.country != outer.country:
        return False
    if outer.precision == "country":
        return True
    box = next((gazetteer.bboxes.get(row) for row in gazetteer.rows(outer.name)
                if gazetteer.entry(row).gid == outer.gazetteer_id), None)
    if box is not None:
        return box[0] <= inner.lat <= box[2] and box[1] <= inner.lon <= box[3]
    return great_circle_km(inner.lat, inner.lon, outer.lat, outer.lon) <= _REGION_KM


def _sentences_with_places(parsed: Doc, places: Sequence[Place]) -> list[Span]:
    """The sentences holding at least one place, in text order."""
    found: dict[int, Span] = {}
    for place in places:
        span = parsed.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            sentence = span[0].sent
            found.setdefault(sentence.start, sentence)
    return [found[k] for k in sorted(found)]


def _is_act_noun(token: Token, rules: PlaceRules) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in rules.act_nouns or token.lower_ in rules.act_nouns)


def _definite(token: Token) -> bool:
    """"the strikes", "these attacks": an act already told."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)


def is_definite_act(token: Token, rules: PlaceRules) -> bool:
    """An act noun with a definite determiner: "the attack", "these strikes"."""
    return _is_act_noun(token, rules) and _definite(token)
