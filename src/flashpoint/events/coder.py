"""The event coder: one parsed document in, PLOVER-coded :class:`Event` records out.

``Coder.code`` runs, per sentence: triggers -> arguments -> actors -> status -> mode -> date ->
casualties -> derived codes and confidence. Each step is its own module with its own cues in
``plover.yaml`` / ``actors.yaml``; this module only wires them and decides which candidate
events are worth emitting:

* a trigger with neither a source nor a target is dropped: in news prose that is almost always
  a re-mention ("the strikes were condemned") or a generic use ("the fight against ISIS"); a
  finite verbal act ("some demanded ...", "it condemned them") and a weapon fired ("the rockets
  were fired from a truck") are kept all the same;
* one act told twice in a sentence is one event: a same-type trigger inside another's phrase
  ("claimed responsibility for the attack"), a participle or conjunct elaborating it ("struck 85
  targets, hitting ..."), a label ("condemned the strike as an attack"), a second statement by
  the same or an unnamed speaker;
* casualty verbs ("were killed") make an ASSAULT only when the sentence has no other ASSAULT
  and no earlier sentence of the document reported one (the gold guidelines: consequences of an
  attack coded elsewhere are not coded again);
* a blame that names no act ("Iran blamed Israel") still claims the attack the text reported;
* an attack read off the defence against it ("C-RAM systems were activated at the embassy to stop
  a drone threat", ``triggers``) is dropped when another attack of the sentence has the same
  target ("intercepted by the base's air defenses, but some struck the base"): one attack;
* cooperation stated with "will"/"would" ("said it would deliver doses") is coded as the intent
  (AGREE);
* hits, blasts and killings that a natural or industrial hazard caused ("an earthquake hit",
  "a boiler explosion", "killed in a plane crash") are not coded as assaults, and a sentence
  naming a hazard codes no casualty-only assault;
* hypothetical, threatened and negated events are emitted, with that status, so that consumers
  can count only what is asserted (``actual`` / ``claimed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from flashpoint.events.actors import NON_STATE, ActorDictionary, load_actors
from flashpoint.events.arguments import (
    UNKNOWN_ATTACKER,
    UNKNOWN_DOER,
    ArgumentFinder,
    Arguments,
    blamed_on,
    definite_mention,
    noun_phrase,
    pobj,
    tells_of_noun,
)
from flashpoint.events.assertions import accusations_in
from flashpoint.events.attribution import attribution_of
from flashpoint.events.condemnations import aim_condemnations
from flashpoint.events.counterparts import AIRCRAFT_MODE, fill_counterparts
from flashpoint.events.dates import DateIndex
from flashpoint.events.departures import ordered_departures
from flashpoint.events.modes import choose_mode
from flashpoint.events.numbers import CasualtyCounter
from flashpoint.events.ontology import Cues, EventType, Ontology, load_ontology
from flashpoint.events.status import ASSERTED, StatusFinder, participle_on_time_clause
from flashpoint.events.triggers import Trigger, TriggerFinder
from flashpoint.errors import ModelError
from flashpoint.nlp.doctext import text_of
from flashpoint.records import Actor, Document, Event
from flashpoint.settings import Settings

__all__ = ["Coder", "load_coder", "CODER_NAME"]

CODER_NAME = "flashpoint-coder"
_CODER_RELEASE = "0.1.0"
_CASUALTY_TYPE = "ASSAULT"
_ACCUSE = "ACCUSE"
_SANCTION = "SANCTION"
_REQUEST = "REQUEST"
_PROTEST_TYPE = "PROTEST"
# What protesters say while protesting (demands, denunciations, rejections) is the protest's
# content: CAMEO 14x codes a demonstration *for* or *against* something as one act.
_PROTEST_CONTENT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Links that start another clause (or that the parser could not place): what hangs below one of
# them is not part of the phrase above.
_CLAUSE_LINKS = frozenset({"conj", "relcl", "advcl", "ccomp", "xcomp", "acl", "dep", "parataxis"})
#: Types of a halt ("halting a year of fire", "suspended offensive operations"), which a truce
#: coming into force tells again when they hang on it.
_HALTS = frozenset({"RETREAT", "SANCTION"})
#: Labels of a side that only stands for a doer the text leaves unnamed.
_PLACEHOLDERS = frozenset({UNKNOWN_ATTACKER, UNKNOWN_DOER})


@dataclass(frozen=True)
class _Candidate:
    trigger: Trigger
    args: Arguments
    casualty_only: bool


class Coder:
    """Codes events from a parsed document; stateless between documents."""

    def __init__(self, ontology: Ontology, actors: ActorDictionary) -> None:
        self.ontology = ontology
        self.actors = actors
        self.version = f"{CODER_NAME}/{_CODER_RELEASE}+plover.{ontology.version}"
        self._arguments = ArgumentFinder(ontology, self._is_actorish, actors.names_place)
        self._status = StatusFinder(ontology.cues.status)
        self._numbers = CasualtyCounter(ontology.cues)
        self._triggers: TriggerFinder | None = None

    # -- public --------------------------------------------------------------------------------
    def code(self, document: Document, parsed: Doc) -> list[Event]:
        """Every event reported in ``document`` (whose parse is ``parsed``), in text order."""
        if text_of(parsed) != document.text:
            raise ModelError(f"parse of {document.doc_id} is not of the document's text")
        finder = self._trigger_finder(parsed)
        dates = DateIndex(document.text, document.published)
        events: list[Event] = []
        for sent in parsed.sents:
            bounds = _trimmed(document.text, sent.start_char, sent.end_char)
            if bounds is None:
                continue
            prior = any(e.event_type == _CASUALTY_TYPE and e.status in ASSERTED for e in events)
            events.extend(self._code_sentence(document, sent, bounds, finder, dates, prior))
        filled = fill_counterparts(events, self.actors.site_heads, self.actors.relational_heads,
                                   self.actors.vessel_heads, self.actors.settlement_heads,
                                   self.actors.parties)
        return aim_condemnations(filled)

    # -- wiring --------------------------------------------------------------------------------
    def _trigger_finder(self, parsed: Doc) -> TriggerFinder:
        if self._triggers is None or self._triggers.vocab is not parsed.vocab:
            self._triggers = TriggerFinder(parsed.vocab, self.ontology)
        return self._triggers

    def _is_actorish(self, text: str, named_only: bool) -> bool:
        if self.actors.find(text) is not None:
            return True
        return not named_only and self.actors.sector_of(text) is not None

    def _hazard_words(self, sent: Span) -> list[Token]:
        """The sentence's words for natural and industrial hazards, except a quantity noun ("a
        wave of strikes", "waves of drones"): that counts acts, it causes none."""
        hazards = self.ontology.cues.hazards
        doc = sent.doc
        return [t for t in sent if (t.lemma_.lower() in hazards or t.lower_ in hazards)
                and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of")]

    def _hazard_caused(self, trigger: Trigger, hazards: list[Token]) -> bool:
        """Whether a hazard word is what did the trigger's harm: its subject or modifier ("an
        earthquake struck", "a boiler explosion"), the object of one of its prepositions
        ("killed in a plane crash", "struck by lightning"), or the subject of a clause joined to
        it ("were killed when a boiler exploded"). A hazard elsewhere in the sentence ("ships
        seized in Iranian waters", "a collision at sea last year") does not make a strike one."""
        head = trigger.head
        linked = {head.i, head.head.i} | {c.i for c in head.children}
        for word in hazards:
            if word.head.i == head.i and word.dep_ in _HAZARD_DEPS:
                return True
            if word.dep_ == "pobj" and word.head.head.i == head.i:
                return True
            if word.dep_ in ("nsubj", "nsubjpass") and word.head.i in linked:
                return True
        return False

    def _candidates(
        self, sent: Span, finder: TriggerFinder, prior_assault: bool = False
    ) -> Iterator[_Candidate]:
        hazards = self._hazard_words(sent)
        hazard = bool(hazards)
        prone = self.ontology.cues.hazard_prone_triggers
        triggers = [
            self._weapon_impact(t) for t in finder.find(sent)
            if not (hazard and t.event_type == _CASUALTY_TYPE and t.head.lemma_.lower() in prone
                    and self._hazard_caused(t, hazards))
        ]
        found = {t.head.i: (t, self._arguments.find(t)) for t in triggers}
        kept = []
        halted_targets: dict[int, Span | None] = {}  # halting word -> target of the act it halts
        for trigger, args in found.values():
            args.source = self._not_an_event(args.source, found)
            args.target = _restated_target(args.target, trigger, found) or self._not_an_event(args.target, found)
            if args.source is not None and args.target is not None and args.target.root.i == args.source.root.i:
                args.target = None  # "X dismissed the talks" that X was to hold: not X against itself
            if args.target is None and trigger.event_type == _CASUALTY_TYPE:
                args.target = self._victim(trigger.head) if trigger.is_nominal else self._struck_down(trigger.head)
            if args.source is None and trigger.is_nominal:
                args.source = self._relative_doer(trigger.head)
            if args.source is None and args.target is None and not self._speech_act(trigger) and not (
                args.instruments and not trigger.is_nominal  # "the rockets were fired from a truck"
            ) and not self._took_effect(trigger):
                continue
            if _met_with(trigger):
                continue  # "any attack would be met with a decisive response": no meeting
            if _described_only(trigger, self.ontology.cues.speech_types):
                continue  # "three men suspected of firing rockets": a description, no one's act
            if trigger.is_nominal and args.target is None and self._blocked(trigger.head):
                continue  # "following the U.S. airstrikes": a backgrounded re-mention
            if trigger.is_nominal and (self._standing(trigger.head) or _characterises(trigger.head, found)
                                       or self._condemned(trigger, found)):
                continue
            if not trigger.is_nominal and self._standing_state(trigger.head):
                continue  # "troops remain deployed in Iraq": a state, not an act
            if trigger.is_nominal and self._halted(trigger.head):
                halted_targets.setdefault(self._halting_word(trigger.head).i, args.target)
                continue  # "suspended its attacks": the suspension is the act
            kept.append(_Candidate(trigger, args, False))
        for c in kept:  # "a pause in attacks on Saudi Arabia": the halt is aimed where they were
            if c.args.target is None and halted_targets.get(c.trigger.head.i) is not None:
                c.args.target = halted_targets[c.trigger.head.i]
        kept = self._fold_into_truce(kept)
        kept = _fold_defences(kept)
        kept = _fold_launches(kept)
        kept = _merge_restatements(kept, self.ontology.cues)
        kept = _fold_protest_demands(kept)
        kept.extend(self._asserted_accusations(sent, kept))
        kept = self._ordered_expulsions(sent, kept)
        kept.extend(self._directives(sent, kept))
        if prior_assault:
            kept.extend(self._implied_acts(kept))
        yield from kept
        attacks = [c for c in kept if c.trigger.event_type == _CASUALTY_TYPE]
        if hazard or any(self._told_as_fact(c.trigger.head) for c in attacks):
            return
        # After an attack already coded, "several guards were wounded" tells its consequences;
        # only a killing by a doer the sentence names is another act.
        extra = self._casualty_candidate(sent, found, factual_only=bool(attacks) or prior_assault,
                                         named_killer=prior_assault)
        if extra is not None:
            yield extra

    def _weapon_impact(self, trigger: Trigger) -> Trigger:
        """A verb of criticism whose subject is a weapon reports an impact, not a statement:
        "two rockets slammed into the Green Zone" is an attack ("Iran slammed the decision" is not)."""
        head = trigger.head
        if trigger.is_nominal or trigger.event_type == _CASUALTY_TYPE or trigger.event_type not in (
                self.ontology.cues.speech_types):
            return trigger
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)  # "the strikes were condemned": no
        if subject is None or not self._arguments.is_weapon(subject):
            return trigger
        return Trigger(trigger.span, _CASUALTY_TYPE, trigger.kind)

    def _halted(self, noun: Token) -> bool:
        """An act noun told as halted ("suspended its attacks", "a pause in attacks"), which is
        not told as done (``halting_words``)."""
        governor = self._halting_word(noun)
        return governor.i != noun.i and governor.lemma_.lower() in self.ontology.cues.halting_words

    @staticmethod
    def _halting_word(noun: Token) -> Token:
        """The word that would halt an act noun: the verb it is the object of, or the noun
        whose "in" phrase it is ("a pause in attacks"); the noun itself when neither."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "in":
            return noun.head.head
        return noun.head if noun.dep_ == "dobj" else noun

    def _took_effect(self, trigger: Trigger) -> bool:
        """"A ceasefire took hold", "the truce went into effect": an act noun told as coming
        into force is an act of the parties, whom the story names (``in_force_verbs``)."""
        head, cues = trigger.head, self.ontology.cues
        if not trigger.is_nominal or trigger.event_type not in cues.in_force_types or head.dep_ != "nsubj" \
                or head.head.lemma_.lower() not in cues.in_force_verbs:
            return False
        verb = head.head
        if verb.dep_ == "advcl":
            return False  # "shortly before the truce took effect, missiles hit ...": a time, not news
        return any(t.lower_ in cues.in_force_words for t in verb.subtree if t.i > verb.i and t.i - verb.i <= 3)

    def _fold_into_truce(self, kept: list[_Candidate]) -> list[_Candidate]:
        """"A ceasefire took effect at 4 a.m., halting a year of cross-border fire", "the truce
        took hold as both sides halted their offensives": the clause joined to the truce's
        coming into force tells the same halt, so it is coded once, from the truce, whose sides
        are those it is "between" (else the story's: ``counterparts``)."""
        truces = [c for c in kept if self._took_effect(c.trigger)]
        for truce in truces:
            verb = truce.trigger.head.head
            kept = [c for c in kept if c is truce or c.trigger.event_type not in _HALTS
                    or c.trigger.head.head.i != verb.i or c.trigger.head.dep_ not in ("advcl", "xcomp")]
            sides = _between_sides(truce.trigger.head)
            if sides is not None:
                truce.args.source, truce.args.target = sides
        return kept

    def _speech_act(self, trigger: Trigger) -> bool:
        """A finite verb of saying-type ("called on", "demanded", "condemned") reports an act
        even when its speaker is only a pronoun or sits in another clause ("some demanded ...",
        "it condemned them")."""
        head = trigger.head
        if trigger.is_nominal or trigger.event_type not in self.ontology.cues.speech_types:
            return False
        if head.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        return any(c.dep_ == "aux" and c.tag_ != "TO" for c in head.children)

    def _asserted_accusations(self, sent: Span, kept: list[_Candidate]) -> list[_Candidate]:
        """"Tehran said the drone had violated Iranian airspace": the speaker accuses the one its
        reported clause says did wrong (:mod:`flashpoint.events.assertions`), unless the
        sentence already codes that verb, or an accusation of that side."""
        taken = {c.trigger.head.i for c in kept}
        accused = {c.args.target.root.i for c in kept
                   if c.trigger.event_type == _ACCUSE and c.args.target is not None}
        extra = []
        cues = self.ontology.cues
        for verb, wrongdoer in accusations_in(sent, cues.say_verbs, cues.assertions):
            if verb.i in taken or wrongdoer.root.i in accused or verb.head.i in taken:
                continue  # "said the jet had strayed, saying it had broken the rules": one charge
            extra.append(self._act_of_verb(verb, _ACCUSE, wrongdoer))
            taken.add(verb.i)
        return extra

    def _ordered_expulsions(self, sent: Span, kept: list[_Candidate]) -> list[_Candidate]:
        """"Turkey told Israel's ambassador to leave the country": the orderer's SANCTION against
        the envoy (:mod:`flashpoint.events.departures`), in place of the envoy's "leaving" and of
        any other reading of the ordering verb."""
        for verb, envoy, leaving in ordered_departures(sent, self.ontology.cues.departures):
            kept = [c for c in kept if c.trigger.head.i not in (verb.i, leaving.i)]
            kept.append(self._act_of_verb(verb, _SANCTION, envoy))
        return kept

    def _directives(self, sent: Span, kept: list[_Candidate]) -> list[_Candidate]:
        """"The army told Gaza residents to leave the north": the speaker's REQUEST of the one
        told (``directive_verbs``), where no other reading of the verb was kept."""
        taken = {c.trigger.head.i for c in kept}
        extra = []
        for verb in sent:
            if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.ontology.cues.directive_verbs:
                continue
            told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            asked = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                          and any(a.tag_ == "TO" for a in c.children)), None)
            if told is not None and asked is not None:
                extra.append(self._act_of_verb(verb, _REQUEST, noun_phrase(told)))
        return extra

    def _act_of_verb(self, verb: Token, event_type: str, target: Span) -> _Candidate:
        """An act of ``event_type`` read off ``verb`` by a rule of its own: its doer is the
        verb's subject (or its controller's: "..., saying ..."), its target the one the rule
        found."""
        trigger = Trigger(verb.doc[verb.i: verb.i + 1], event_type, "verb")
        args = self._arguments.find(trigger)
        speaker = self._arguments.subject_of_clause(verb)
        if speaker is not None:
            args.source = noun_phrase(speaker)
        args.target = target
        return _Candidate(trigger, args, False)

    def _implied_acts(self, kept: list[_Candidate]) -> list[_Candidate]:
        """"Iran blamed Israel": the blame claims an act the text has reported, by the blamed
        party, even where the sentence does not name it again (``implied_acts``)."""
        implied = self.ontology.cues.implied_acts
        extra = []
        for c in kept:
            act = implied.get(c.trigger.head.lemma_.lower())
            if act is None or c.args.target is None or c.trigger.event_type == act:
                continue
            if any(o.trigger.event_type == act for o in kept):
                continue  # "blamed Iran for the attack": the act is coded from its own word
            trigger = Trigger(c.trigger.span, act, c.trigger.kind)
            target = self._arguments.reported_target(c.trigger.head)
            extra.append(_Candidate(trigger, Arguments(source=c.args.target, target=target), False))
        return extra

    def _relative_doer(self, head: Token) -> Span | None:
        """"sanctions that Canada imposed", "the attack the militia carried out": the subject of
        a light verb in the noun's relative clause did it; "an attack Washington has blamed on
        the group": the one it is blamed on."""
        light = self.ontology.cues.light_verbs
        for child in head.children:
            blamed = _blamed_doer(child, self.ontology.cues.status.claim_governors)
            if blamed is not None:
                return blamed  # "an attack Washington has blamed on the group"
            if child.dep_ == "relcl" and child.lemma_.lower() in light:
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.pos_ != "PRON":
                    phrase = noun_phrase(subject)
                    if self._is_actorish(phrase.text, False):
                        return phrase
        return None

    def _standing(self, head: Token) -> bool:
        """"remain under U.S. sanctions": a state the sentence describes, not an act."""
        prep = head.head
        return (head.dep_ == "pobj" and prep.lower_ == "under"
                and prep.head.lemma_.lower() in self.ontology.cues.status.standing_verbs)

    def _standing_state(self, head: Token) -> bool:
        """A participle describing a state that a standing verb keeps: "remain deployed",
        "stay detained"."""
        return (head.tag_ == "VBN" and head.dep_ in ("acomp", "xcomp", "oprd", "attr")
                and head.head.lemma_.lower() in self.ontology.cues.status.standing_verbs)

    def _victim(self, head: Token) -> Span | None:
        """Who an attack noun killed or wounded: "the rocket attack that killed a U.S.
        contractor", "a drone attack in Jordan killed three U.S. soldiers"."""
        casualty = self.ontology.cues.casualty_verbs
        verbs = [c for c in head.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in casualty]
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in casualty:
            verbs.append(head.head)
        killed = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
        if killed is not None and killed.lemma_.lower() in casualty:
            victims = next((c for c in killed.children if c.dep_ == "nsubjpass"), None)
            if victims is not None and self._is_actorish(noun_phrase(victims).text, False):
                return noun_phrase(victims)  # "two soldiers were killed in a roadside bombing"
        for verb in verbs:
            for child in verb.children:
                if child.dep_ == "dobj":
                    phrase = noun_phrase(child)
                    if self._is_actorish(phrase.text, False):
                        return phrase
        return None

    def _struck_down(self, verb: Token) -> Span | None:
        """Whom an attack told without an object killed or wounded, named by a casualty verb
        joined to it: "a bomb exploded beside the convoy, killing three soldiers", "five soldiers
        were wounded when a roadside bomb exploded"."""
        casualty = self.ontology.cues.casualty_verbs
        verbs = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                 and c.lemma_.lower() in casualty]
        if verb.dep_ == "advcl" and verb.head.lemma_.lower() in casualty:
            verbs.append(verb.head)
        for casualty_verb in verbs:
            victims = next((c for c in casualty_verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if victims is not None and self._is_actorish(noun_phrase(victims).text, False):
                return noun_phrase(victims)
        return None

    @staticmethod
    def _not_an_event(span: Span | None, found: dict[int, tuple[Trigger, Arguments]]) -> Span | None:
        """An argument that is itself an event ("condemned the attacks") stands for that event's
        doer, or for nobody when the text does not say who did it."""
        if span is None or span.root.i not in found:
            return span
        _trigger, args = found[span.root.i]
        return args.source if args.source is not None else args.antecedent

    def _told_as_fact(self, head: Token) -> bool:
        return self._status.status(head) in ASSERTED

    def _named_killer(self, verb: Token) -> bool:
        """"Israeli aircraft killed other commanders", "Hamas gunmen wounded an officer", "weeks
        earlier, gunmen killed five Westerners": a killing whose doer the sentence names, even
        by a bare common noun, not one a definite or pronoun subject ("the blast", "the
        gunmen", "it") ties to an attack already told."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON" or definite_mention(subject):
            return False
        return self._is_actorish(noun_phrase(subject).text, False)

    def _casualty_candidate(
        self, sent: Span, found: dict[int, tuple[Trigger, Arguments]], factual_only: bool = False,
        named_killer: bool = False,
    ) -> _Candidate | None:
        """An ASSAULT read off "four members were killed" when nothing else in the sentence is one
        told as a fact. Beside an attack that is only vowed or imagined, only a killing told as a
        fact counts ("vowed to keep striking Hezbollah as he toured the base where a drone killed
        four soldiers"), not one inside the vow ("vowed to strike and kill the militants")."""
        casualty = self.ontology.cues.casualty_verbs
        for token in sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in casualty:
                continue
            trigger = Trigger(sent.doc[token.i : token.i + 1], _CASUALTY_TYPE, "verb")
            status = self._status.status(token)
            if status == "negated" or (factual_only and status not in ASSERTED):
                continue  # "the attacks didn't kill anyone" reports no new event
            if named_killer and not self._named_killer(token):
                continue
            args = self._arguments.find(trigger)
            args.source = self._not_an_event(args.source, found)
            if args.source is not None or args.target is not None:
                return _Candidate(trigger, args, True)
        return None

    def _code_sentence(
        self,
        document: Document,
        sent: Span,
        bounds: tuple[int, int],
        finder: TriggerFinder,
        dates: DateIndex,
        prior_assault: bool = False,
    ) -> list[Event]:
        candidates = list(self._candidates(sent, finder, prior_assault))
        if not candidates:
            return []
        start, end = bounds
        sentence = document.text[start:end]
        counts = self._casualties(sent, candidates)
        per_type: dict[str, int] = {}
        for c in candidates:
            per_type[c.trigger.event_type] = per_type.get(c.trigger.event_type, 0) + 1
        events = []
        for c in candidates:
            etype = self.ontology.types[c.trigger.event_type]
            fatalities, injuries = counts.get(c.trigger.head.i, (None, None))
            events.append(
                self._event(document, sent, sentence, start, end, c, etype,
                            per_type[etype.name] == 1, dates, fatalities, injuries)
            )
        private = self.ontology.cues.private_sectors
        return [e for e in events if e.source is None or e.source.sector not in private]

    def _casualties(
        self, sent: Span, candidates: list[_Candidate]
    ) -> dict[int, tuple[int | None, int | None]]:
        """Each casualty count of the sentence goes to the ASSAULT it follows most closely
        (or the first one, if it comes before them all): "the downing of the airliner, killing
        all 176 passengers" counts for the downing, not for an earlier assassination."""
        assaults = sorted(
            (c.trigger.head.i for c in candidates if c.trigger.event_type == _CASUALTY_TYPE)
        )
        result: dict[int, list[int | None]] = {i: [None, None] for i in assaults}
        if not assaults:
            return {}
        for kind, value, where in self._numbers.counts(sent):
            before = [i for i in assaults if i <= where]
            owner = before[-1] if before else assaults[0]
            slot = 0 if kind == "fatalities" else 1
            current = result[owner][slot]
            result[owner][slot] = value if current is None else max(current, value)
        return {i: (f, n) for i, (f, n) in result.items()}

    def _event(
        self,
        document: Document,
        sent: Span,
        sentence: str,
        start: int,
        end: int,
        candidate: _Candidate,
        etype: EventType,
        alone: bool,
        dates: DateIndex,
        fatalities: int | None,
        injuries: int | None,
    ) -> Event:
        trigger = candidate.trigger
        args = candidate.args
        when = self._date(trigger, sent, dates)
        source, target = self._sides(args, when or document.published)
        status = self._status.status_of(trigger.head, etype.name, self.ontology.cues.type_status)
        if status in ASSERTED and self._triggers is not None and self._triggers.describes_by_frame(trigger.head):
            # "should go back to talks brokered by Qatar": a participle that describes a noun
            # is no more asserted than the noun's own clause
            described = self._status.status_of(trigger.head.head, etype.name, self.ontology.cues.type_status)
            status = status if described in ASSERTED else described
        if status == "hypothetical" and etype.name in self.ontology.cues.intent_types:
            if self._status.intent(trigger.head):  # "said it would deliver doses": intent, AGREE
                etype, status = self.ontology.types["AGREE"], "actual"
        if status == "actual" and sentence.rstrip("\"'\u201d)").endswith("?"):
            status = "hypothetical"  # a question asserts nothing
        words = trigger.span
        if trigger.defence is not None and args.instruments:  # the attack's word is its weapon, not "shot down"
            words = sent.doc[args.instruments[0].i : args.instruments[0].i + 1]
        mode = choose_mode(etype, words, args.instruments, sent, alone)
        if mode is not None and mode.name == AIRCRAFT_MODE:
            source = self._air_suspect(args, source, target, when or document.published)
        cameo_root = (mode.cameo_root if mode and mode.cameo_root else None) or etype.cameo_root
        assert document.text[start:end] == sentence
        return Event(
            doc_id=document.doc_id,
            sentence=sentence,
            char_start=start,
            char_end=end,
            event_type=etype.name,
            coder_version=self.version,
            mode=mode.name if mode else None,
            source=source,
            target=target,
            date=when,
            fatalities=fatalities,
            injuries=injuries,
            status=status,
            attribution=attribution_of(trigger.head, sent, self.ontology.cues.say_verbs),
            confidence=self._confidence(trigger, source, target, when, candidate.casualty_only),
            cameo_root=cameo_root,
            quad_class=etype.quad_class,
            goldstein=mode.goldstein if mode else etype.goldstein,
            trigger=trigger.span.text,
            trigger_start=trigger.span.start_char,
            trigger_end=trigger.span.end_char,
            doc_path=document.origin,
            doc_url=document.url,
        )

    def _sides(self, args: Arguments, when: str | None) -> tuple[Actor | None, Actor | None]:
        """Source and target of an event. An attacker the text leaves unnamed is the report's
        suspect, unless the suspects are the victim's own side: the story's dyads decide that
        one (``counterparts``)."""
        target = self._actor(args.target, when)
        if args.source is None or args.source.label_ != UNKNOWN_ATTACKER:
            return self._actor(args.source, when), target
        source = self.actors.suspect(args.source, when, target, args.instruments)
        return (None if _own_side_suspected(args.source, source, target) else source), target

    def _air_suspect(self, args: Arguments, source: Actor | None, target: Actor | None,
                     when: str | None) -> Actor | None:
        """An attack from warplanes that the text leaves unnamed is suspected of a state, not of
        the armed group the report names nearest (groups fly no warplanes). When the text says
        whom it hit, the story's counterpart of the victim decides instead (``counterparts``)."""
        if args.source is None or args.source.label_ != UNKNOWN_ATTACKER or source is None \
                or source.sector not in NON_STATE:
            return source
        if target is not None and target.country not in (None, "UNK"):
            return source
        return self.actors.air_suspect(args.source, when) or source

    def _actor(self, span: Span | None, when: str | None = None) -> Actor | None:
        """The actor a phrase stands for at ``when`` (``flashpoint.events.actors``)."""
        return None if span is None else self.actors.resolve_span(span, when)

    # -- dates ---------------------------------------------------------------------------------
    def _date(self, trigger: Trigger, sent: Span, dates: DateIndex) -> str | None:
        """Time expressions attached to the trigger, else the episode or the report's date
        (``flashpoint.events.dating``)."""
        return dates.event_date(trigger.head, trigger.event_type, sent)

    def _condemned(self, trigger: Trigger, found: dict[int, tuple[Trigger, Arguments]]) -> bool:
        """"Tehran condemned the strike on Hodeidah": an attack the text tells elsewhere, named
        again only as the object of a condemnation, is what is condemned, not another report
        of it (the gold guidelines code only the condemnation)."""
        head, verb = trigger.head, trigger.head.head
        if trigger.event_type != _CASUALTY_TYPE or head.dep_ != "dobj" or verb.i not in found \
                or verb.lemma_.lower() not in self.ontology.cues.condemning_verbs:
            return False
        told_here = any(t.event_type == trigger.event_type and i != head.i for i, (t, _a) in found.items())
        return told_here or self._arguments.told_before(trigger)

    def _blocked(self, head: Token) -> bool:
        """Inside "following/after/since ...": the sentence's date is not this event's."""
        node = head
        blocking = self.ontology.cues.blocking_preps
        for _ in range(6):
            if node.head.i == node.i:
                return False
            if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in blocking:
                return True
            if node.dep_ == "prep" and node.lower_ in blocking:
                return True
            if node.pos_ in ("VERB", "AUX") and node.i != head.i:
                return False
            node = node.head
        return False

    # -- confidence ----------------------------------------------------------------------------
    @staticmethod
    def _confidence(
        trigger: Trigger, source: Actor | None, target: Actor | None, when: str | None, casualty: bool
    ) -> float:
        score = {"phrase": 0.4, "verb": 0.35, "noun": 0.3}.get(trigger.kind, 0.3)
        if casualty:
            score -= 0.1
        for actor in (source, target):
            if actor is not None:
                score += 0.2 if actor.country not in (None, "UNK") else 0.1
        if when is not None:
            score += 0.15
        return round(min(score, 0.95), 3)


#: Dependencies by which a hazard word is the doer or the kind of a harm: "an earthquake
#: struck", "a boiler explosion", "the storm's impact".
_HAZARD_DEPS = frozenset({"nsubj", "nsubjpass", "compound", "amod", "nmod", "poss", "agent"})


def _between_sides(noun: Token) -> tuple[Span, Span] | None:
    """The two parties a noun is "between" ("a ceasefire between Israel and Hezbollah")."""
    between = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"), None)
    first = pobj(between) if between is not None else None
    second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
    return (noun_phrase(first), noun_phrase(second)) if first is not None and second is not None else None


def _met_with(trigger: Trigger) -> bool:
    """ "was met with criticism", "would be met with force": a passive "meet" is a reception."""
    head = trigger.head
    return (not trigger.is_nominal and head.lemma_.lower() == "meet"
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children))


def _described_only(trigger: Trigger, speech_types: frozenset[str]) -> bool:
    """A statement verb used as a participle modifier with no agent ("men suspected of firing",
    "a commander accused of ordering") describes its noun; no one is reported saying anything."""
    head = trigger.head
    return (not trigger.is_nominal and trigger.event_type in speech_types and head.dep_ == "acl"
            and head.tag_ == "VBN" and not any(c.dep_ == "agent" for c in head.children))


def _own_side_suspected(span: Span | None, source: Actor | None, target: Actor | None) -> bool:
    """An unnamed attacker whose suspects (the armed groups of the report) are the target's own
    side: "the militia groups targeted on June 27" were not targeted by themselves. (A base of
    the same country is no such side: militias fire on their own country's bases.)"""
    return (span is not None and span.label_ == UNKNOWN_ATTACKER and source is not None
            and target is not None and source.country not in (None, "UNK")
            and source.country == target.country and target.sector in NON_STATE)


def _fold_defences(candidates: list[_Candidate]) -> list[_Candidate]:
    """An attack read off the defence against it that another trigger of the sentence reports
    with the same target ("Most of the missiles were intercepted by the base's air defenses, but
    some struck the base") is that attack: the defence adds no event."""
    targets = {c.args.target.root.lower_ for c in candidates
               if c.trigger.defence is None and c.args.target is not None
               and c.trigger.event_type == _CASUALTY_TYPE}
    return [c for c in candidates if c.trigger.defence is None or c.args.target is None
            or c.args.target.root.lower_ not in targets]


def _fold_launches(candidates: list[_Candidate]) -> list[_Candidate]:
    """ "A missile fired by the rebels damaged a vessel", "gunmen firing from a car killed two
    guards": the launch that describes the subject of an attack told by its own verb is that
    attack, one event, the verb's (which names what was hit). The launcher is its doer when
    the verb names none."""
    impacts = {c.trigger.head.i: c for c in candidates
               if c.trigger.event_type == _CASUALTY_TYPE and not c.trigger.is_nominal}
    kept: list[_Candidate] = []
    for candidate in candidates:
        head = candidate.trigger.head
        subject = head.head
        impact = impacts.get(subject.head.i) if (
            candidate.trigger.event_type == _CASUALTY_TYPE and head.dep_ == "acl"
            and subject.dep_ == "nsubj") else None
        if impact is None or impact is candidate:
            kept.append(candidate)
        elif impact.args.source is None:
            impact.args.source = candidate.args.source
    return kept


def _fold_protest_demands(candidates: list[_Candidate]) -> list[_Candidate]:
    """"Thousands rallied, demanding the release of detainees": the demand is what the protest
    is about (CAMEO 14x protests *for* something), not a separate appeal, so a demand that hangs
    from a protest trigger in the parse is folded into that protest."""
    protests = {c.trigger.head.i for c in candidates if c.trigger.event_type == _PROTEST_TYPE}
    if not protests:
        return candidates
    return [c for c in candidates
            if c.trigger.event_type not in _PROTEST_CONTENT_TYPES or not _governed_by(c.trigger.head, protests)]


def _governed_by(token: Token, heads: set[int], steps: int = 4) -> bool:
    """Whether one of ``heads`` governs ``token`` within ``steps`` links."""
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in heads:
            return True
    return False


def _restated_target(span: Span | None, trigger: Trigger,
                     found: dict[int, tuple[Trigger, Arguments]]) -> Span | None:
    """The object of an act that is the same act named as a noun ("provided assistance to the
    Peshmerga", "carried out strikes on militia sites") restates it: its recipient is the act's,
    where the noun names one (else the usual reading: an act as object stands for its doer)."""
    if span is None or span.root.i not in found:
        return None
    inner, args = found[span.root.i]
    if inner.event_type != trigger.event_type or not inner.is_nominal or inner.head.i == trigger.head.i:
        return None
    return args.target


def _merge_restatements(candidates: list[_Candidate], cues: Cues) -> list[_Candidate]:
    """One event per act: a trigger of the same type inside another's phrase restates it ("the
    assault, the deadliest in a string of rocket attacks", "claimed responsibility for the
    attack", "struck 85 targets, hitting command centers"), and so does a later statement of the
    same kind by the same or an unnamed speaker, or a later act whose doer is only a pronoun. The
    kept trigger takes the arguments it lacks from the dropped one. A presupposing preposition
    ("in retaliation for the rocket attack") or another clause in between marks a distinct act."""
    dropped: set[int] = set()
    for inner in candidates:
        for outer in candidates:
            if outer is inner or id(outer) in dropped or outer.trigger.event_type != inner.trigger.event_type:
                continue
            later = outer.trigger.head.i < inner.trigger.head.i  # the first mention stays
            if _restates(outer.trigger.head, inner.trigger.head, cues, outer.trigger.event_type) or (
                later and outer.trigger.event_type in cues.speech_types
                and (_echoes(outer, inner) or _same_speaker(outer, inner))
            ) or (later and _pronoun_echo(outer, inner)):
                outer.args.source = _named_side(outer.args.source, inner.args.source)
                if tells_of_noun(inner.trigger.head, outer.trigger.head):
                    outer.args.target = inner.args.target or outer.args.target  # its own words
                else:
                    outer.args.target = outer.args.target or inner.args.target
                dropped.add(id(inner))
                break
    return [c for c in candidates if id(c) not in dropped]


def _named_side(kept: Span | None, other: Span | None) -> Span | None:
    """The doer of one act told twice: the kept mention's, unless it only stands for a doer the
    text leaves unnamed and the restating noun names one ("its members have been targeted in a
    string of U.S. strikes")."""
    if kept is None or (kept.label_ in _PLACEHOLDERS and other is not None and other.label_ not in _PLACEHOLDERS):
        return other
    return kept


def _characterises(head: Token, found: dict[int, tuple[Trigger, Arguments]]) -> bool:
    """A noun that only labels an act named elsewhere: "condemned the strike AS an unjustified
    attack", "it was the deadliest attack on coalition forces", "the U.S. strikes were an
    unacceptable attack on Iraq's sovereignty"."""
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.dep_ == "prep":
        return head.head.head.pos_ in ("VERB", "NOUN")
    if head.dep_ == "attr":
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and (subject.pos_ == "PRON" or subject.i in found)
    return False


def _pronoun_echo(kept: _Candidate, other: _Candidate) -> bool:
    """"handed the K-1 base over ..., the third base it has transferred this month": a later act
    of the same kind whose doer is only a pronoun restates the first (attacks excepted)."""
    if kept.trigger.event_type == _CASUALTY_TYPE or kept.args.source is None:
        return False
    source = other.args.source
    return source is not None and source.root.pos_ == "PRON" and kept.args.source.root.pos_ != "PRON"


def _same_speaker(kept: _Candidate, other: _Candidate) -> bool:
    """Two statements of one kind by the same named speaker in one sentence are one act."""
    a, b = kept.args.source, other.args.source
    return a is not None and b is not None and a.root.pos_ != "PRON" and a.text.lower() == b.text.lower()


def _echoes(kept: _Candidate, other: _Candidate) -> bool:
    """A second statement of the same kind in one sentence with no speaker of its own (or only a
    pronoun) is the first speaker's: "condemned what it called an act of terrorism", "condemned
    the strike ... and said it held the coalition responsible". Only verbal acts are merged this
    way: one sentence often reports two withdrawals, or an attack and the attack it answered."""
    if kept.trigger.event_type == _CASUALTY_TYPE or kept.args.source is None:
        return False
    if kept.args.source.root.pos_ == "PRON":
        return False
    source = other.args.source
    return source is None or source.root.pos_ == "PRON"


def _restates(outer: Token, inner: Token, cues: Cues, event_type: str) -> bool:
    """``inner`` hangs from ``outer`` through nouns and non-presupposing prepositions only (or is
    a participle elaborating it, "struck ..., hitting ...")."""
    node = inner
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    if tells_of_noun(node, outer):
        return True
    if participle_on_time_clause(node) and node.head.head.i == outer.i:
        return True  # "struck the airport as the WHO chief prepared to board, hitting the tower"
    if node.dep_ in ("advcl", "conj") and node.pos_ == "VERB" and node.head.i == outer.i:
        # "struck 85 targets, hitting command centers"; "were launched from Iran and targeted
        # Al-Asad": one attack told twice, as long as the second verb has no subject of its own.
        # Other acts joined by "and" are distinct: "imposed sanctions ... and designated the group"
        # ("blamed Iran, calling it an act of terrorism" is still one).
        if node.dep_ == "conj" and event_type != _CASUALTY_TYPE and outer.lemma_.lower() != node.lemma_.lower():
            return False
        if node.dep_ == "conj" and _second_attack(outer, node, cues):
            return False
        return (node.dep_ == "conj" or node.tag_ == "VBG") and not own_subject
    for _ in range(8):
        if node.dep_ in _CLAUSE_LINKS or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in cues.status.presupposing_preps:
            if node.head.lemma_.lower() not in cues.status.claim_heads:
                return False
        if node.dep_ == "prep" and node.head.lemma_.lower() in cues.status.reaction_nouns:
            return False  # "in response to Iran's missile attack": the act answered is another
        node = node.head
        if node.i == outer.i:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "prep":  # "including" is a preposition
            return False
    return False


def _second_attack(outer: Token, conjunct: Token, cues: Cues) -> bool:
    """ "stormed the consulate and abducted dozens of people", "opened fire on commuters and
    stormed two hotels": two verbs of attack joined by "and", each with an object of its own, are
    two acts. Not a launch and its impact ("fired rockets and hit the embassy"), nor an attack
    and its toll ("struck the base and killed two soldiers"), nor a second verb on the same
    thing ("hit the depot and destroyed it")."""
    first, second = outer.lemma_.lower(), conjunct.lemma_.lower()
    if first == second or (first in cues.raid_verbs and second in cues.raid_verbs):
        return False  # "struck the ministry ... and hit an area near the palace": one raid
    if second in cues.casualty_verbs or first in cues.delivery_verbs:
        return False
    obj = next((c for c in conjunct.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON" or _refers_back(obj):
        return False
    return any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
               and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
               for c in outer.children)


def _refers_back(noun: Token) -> bool:
    """ "set its buildings ablaze", "set parts of the building ablaze": an object owned by a
    pronoun, or a part of a definite thing, is what the first verb hit."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return True
    part_of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in part_of.children if c.dep_ == "pobj"), None) if part_of is not None else None
    return noun.lemma_.lower() in ("part", "parts", "rest") and whole is not None \
        and any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in whole.children)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence span without surrounding whitespace or a leading bullet dash."""
    while start < end and (text[start].isspace() or text[start] in "-\u2022*"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def load_coder(settings: Settings) -> Coder:
    """The coder with the packaged ontology and actor dictionary (both cached per process).

    ``settings.extra`` may name other data files (``plover_path``, ``actors_path``), which is how
    tests and analysts try a modified ontology without touching the package.
    """
    ontology = load_ontology(settings.extra.get("plover_path"))
    actors = load_actors(settings.extra.get("actors_path"))
    return Coder(ontology, actors)


def _blamed_doer(clause: Token, blame_verbs: frozenset[str]) -> Span | None:
    """"an attack Washington has blamed on the group": the group, without what it is listed with."""
    if clause.dep_ != "relcl" or clause.lemma_.lower() not in blame_verbs:
        return None
    blamed = blamed_on(clause)
    return blamed.doc[blamed.left_edge.i : blamed.i + 1] if blamed is not None else None
