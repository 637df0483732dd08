"""Who did it and to whom: source and target of a trigger, read off the dependency parse.

Rules, in the order tried (each is a common way English news phrases an event):

* active verb: source = ``nsubj``; target = ``dobj``, else a type's target preposition
  ("fired at", "met with");
* passive verb: source = the ``by``-phrase (``agent`` -> ``pobj``); target = ``nsubjpass``;
* a verb without a subject inherits one from the clause that controls it ("vowed to strike",
  "retaliated by striking", "fired rockets and attacked"); a pronoun subject of a reported
  clause takes the reporter's subject ("X pledged that they would strike");
* nominal trigger: source = possessor ("Iran's downing of ..."), ``by``-phrase, an actor-like
  modifier ("U.S. airstrikes", "militia attacks"), or the subject of a light verb whose object it
  is ("the military carried out strikes"); target = a target preposition or the ``of``-object
  (or the ``of``-object is the source, for types whose ``of_role`` says so: "withdrawal of
  troops");
* "under the direction of X" supplies a source when nothing else does.

Weapons in subject or agent position ("rockets hit the base") are instruments, not actors: they
feed the mode and leave the source empty, unless the phrase names whose they are ("Turkish jets").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Span, Token

from flashpoint.events.ontology import EventType, Ontology
from flashpoint.events.triggers import Trigger

__all__ = ["Arguments", "ArgumentFinder", "noun_phrase"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_DIRECTION_NOUNS = {"direction", "order", "orders", "command", "instruction", "instructions"}
_MAX_PHRASE = 10


@dataclass
class Arguments:
    source: Span | None = None
    target: Span | None = None
    instruments: list[Token] = field(default_factory=list)
    # The accused of an accusation governing the trigger ("accused X of attacking Y").
    accused: Span | None = None


def noun_phrase(token: Token) -> Span:
    """A compact phrase for an argument head: its left modifiers, the head, an "(ACRONYM)" and a
    proper-noun "of" phrase ("Government of Iraq"), never its relative clauses or conjuncts."""
    doc = token.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("cc", "conj", "punct", "preconj", "prep", "advmod", "neg"):
            continue
        start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.i != end and not (child.i == end + 1 and doc[end].text == "("):
            break
        if child.dep_ == "appos" and doc[end].text == "(":
            end = child.right_edge.i + 1
            if end < len(doc) and doc[end].text == ")":
                end += 1
        elif (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and token.text[:1].isupper()  # a name: "Government of Iraq", not "implications of"
            and any(t.pos_ == "PROPN" for t in child.subtree)
        ):
            end = child.right_edge.i + 1
        else:
            break
    while start < token.i and (doc[start].is_punct or doc[start].lower_ in ("both", "either")):
        start += 1
    if end - start > _MAX_PHRASE:
        start = max(start, token.i - _MAX_PHRASE + 1)
    return doc[start:end]


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


class ArgumentFinder:
    """Source and target spans for triggers, per the ontology's cues."""

    def __init__(self, ontology: Ontology, is_actorish: Callable[[str, bool], bool]) -> None:
        self.ontology = ontology
        self.cues = ontology.cues
        self.is_actorish = is_actorish

    # -- helpers -------------------------------------------------------------------------------
    def _is_weapon(self, token: Token) -> bool:
        return token.lemma_.lower() in self.cues.weapon_words or token.lower_ in self.cues.weapon_words

    def _antecedent(self, token: Token) -> Token | None:
        """The noun a relative pronoun stands for, or the subject a pronoun repeats."""
        if token.lower_ in _RELATIVE or token.tag_ in ("WDT", "WP"):
            clause = token.head
            while clause.dep_ == "conj":
                clause = clause.head
            if clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN"):
                return clause.head
            return None
        if token.pos_ == "PRON":
            clause = token.head
            while clause.dep_ == "conj":
                clause = clause.head
            if clause.dep_ == "ccomp":
                outer = _child(clause.head, "nsubj")
                if outer is not None and outer.pos_ != "PRON":
                    return outer
            return None
        return token

    def subject_of_clause(self, verb: Token) -> Token | None:
        """The doer of ``verb``: its subject, or its controller's (climbing a few links)."""
        node = verb
        for _ in range(5):
            subject = _child(node, "nsubj")
            if subject is not None:
                return self._antecedent(subject)
            if node.i != verb.i:
                passive_subject = _child(node, "nsubjpass")
                if passive_subject is not None:  # "Canada was compelled to announce"
                    return self._antecedent(passive_subject)
            if node.dep_ == "acl" and (node.tag_ in ("VBG", "VBD") or node.head.dep_ == "ROOT"):
                return node.head  # "militant groups retaliated ..." parsed as a modifier
            if node.dep_ in ("conj", "xcomp", "advcl", "acomp"):
                node = node.head
            elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
                node = node.head.head
            else:
                return None
        return None

    def _accused(self, trigger: Token) -> Span | None:
        """X in "accused X of <trigger>" / "claimed X of <trigger>" (the claimed doer)."""
        node = trigger
        for _ in range(6):
            if node.dep_ == "ROOT" or node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in self.cues.status.claim_governors:
                accused = _child(node, "dobj")
                return noun_phrase(accused) if accused is not None else None
        return None

    def _denier(self, trigger: Token) -> Span | None:
        """X in "X denied any role in <trigger>": the one the (negated) event is about."""
        node = trigger
        for _ in range(6):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.lemma_.lower() in self.cues.status.negating_verbs:
                subject = _child(node, "nsubj")
                return noun_phrase(subject) if subject is not None and subject.pos_ != "PRON" else None
        return None

    def _direction(self, trigger: Token) -> Span | None:
        """X in "under the direction of X" anywhere in the trigger's sentence."""
        for token in trigger.sent:
            if token.lower_ in _DIRECTION_NOUNS and token.head.lower_ == "under":
                of = next((c for c in token.children if c.lower_ == "of"), None)
                obj = _pobj(of) if of is not None else None
                if obj is not None:
                    return noun_phrase(obj)
        return None

    def _target_prep(self, head: Token, etype: EventType) -> Token | None:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in etype.target_preps:
                obj = _pobj(child)
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    return obj
        return None

    def _span(self, token: Token | None, args: Arguments, instrument: bool = True) -> Span | None:
        """A phrase for an argument head, or None for a weapon where it is the instrument
        ("rockets hit", "fired missiles at"), which is kept for the mode. A weapon that is
        acted on ("the downing of a jet") stays an argument (``instrument=False``)."""
        if token is None:
            return None
        token = self._antecedent(token)
        if token is None:
            return None
        if instrument and self._is_weapon(token):
            phrase = noun_phrase(token)
            owned = self.is_actorish(phrase.text, True)
            if owned and token.dep_ == "dobj":
                return phrase  # "target U.S. aircraft": a named owner's weapon is the target
            args.instruments.append(token)
            # "Turkish jets struck": the weapon's owner is named, so the actor is known.
            return phrase if owned else None
        if token.pos_ == "PRON":
            return None
        return noun_phrase(token)

    # -- the two shapes of trigger -------------------------------------------------------------
    def find(self, trigger: Trigger) -> Arguments:
        etype = self.ontology.types[trigger.event_type]
        args = Arguments()
        args.accused = self._accused(trigger.head)
        if trigger.is_nominal:
            self._nominal(trigger.head, etype, args)
        else:
            self._verbal(trigger.head, etype, args)
        inside = range(trigger.span.start, trigger.span.end)
        if args.target is not None and args.target.root.i in inside:
            args.target = None  # "vowed revenge": the object is part of the trigger
        if args.target is None and len(trigger.span) > 1:
            for token in trigger.span:  # "vowed revenge for X": the phrase's own prepositions
                args.target = self._span(self._target_prep(token, etype), args)
                if args.target is not None:
                    break
        if args.source is None and args.accused is not None:
            args.source = args.accused
        if args.source is None:
            args.source = self._denier(trigger.head)
        if args.source is None:
            args.source = self._direction(trigger.head)
        return args

    def _verbal(self, verb: Token, etype: EventType, args: Arguments) -> None:
        if _is_passive(verb):
            agent = _child(verb, "agent")
            args.source = self._span(_pobj(agent) if agent is not None else None, args)
            patient = _child(verb, "nsubjpass")
            if patient is None and verb.dep_ == "acl":
                patient = verb.head
            args.target = self._span(patient, args, instrument=False)
        else:
            subject = _child(verb, "nsubj")
            if subject is None and args.accused is not None:
                args.source = args.accused  # "accused X of bombing": X, not the accuser
            else:
                args.source = self._span(subject if subject is not None else self.subject_of_clause(verb), args)
            if subject is None and args.source is None and verb.dep_ == "relcl":
                args.source = self._span(verb.head, args)
            args.target = self._span(_child(verb, "dobj"), args, etype.instrument_objects)
        if args.target is None:
            args.target = self._span(self._target_prep(verb, etype), args, instrument=False)
        if args.target is None:  # "threatened to attack U.S. bases": the complement's object
            complement = _child(verb, "xcomp")
            if complement is not None:
                args.target = self._span(_child(complement, "dobj"), args)
        with_obj = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        if with_obj is not None and _pobj(with_obj) is not None and self._is_weapon(_pobj(with_obj)):
            args.instruments.append(_pobj(with_obj))

    def _nominal(self, noun: Token, etype: EventType, args: Arguments) -> None:
        poss = _child(noun, "poss")
        if poss is not None:
            args.source = self._span(poss, args)
        by = self._nominal_by(noun)
        if args.source is None and by is not None:
            args.source = self._span(_pobj(by), args)
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        of_obj = _pobj(of) if of is not None else None
        if etype.of_role == "source" and args.source is None:
            args.source = self._span(of_obj, args)
            of_obj = None
        if args.source is None:
            args.source = self._modifier_actor(noun, args)
        governor = noun.head
        light = noun.dep_ in ("dobj", "nsubjpass") and governor.lemma_.lower() in self.cues.light_verbs
        if args.source is None and light:
            if noun.dep_ == "nsubjpass":
                agent = _child(governor, "agent")
                args.source = self._span(_pobj(agent) if agent is not None else None, args)
            else:
                args.source = self._span(self.subject_of_clause(governor), args)
        target = self._target_prep(noun, etype)
        if target is None and light:
            target = self._target_prep(governor, etype)
        if target is None and noun.dep_ == "nsubj" and governor.lemma_ == "be":
            target = self._target_prep(governor, etype)  # "the strikes were against X"
        if target is None and etype.of_role == "target":
            target = of_obj
        args.target = self._span(target, args, instrument=False)

    @staticmethod
    def _nominal_by(noun: Token) -> Token | None:
        """The "by" of a nominal's agent, even when the parser hung it on a later noun: "the
        designation of X as a terrorist organization by Y"."""
        for token in noun.subtree:
            if token.dep_ != "prep" or token.lower_ != "by":
                continue
            node = token.head
            while node.i != noun.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            if node.i == noun.i:
                return token
        return None

    def _modifier_actor(self, noun: Token, args: Arguments) -> Span | None:
        """An actor named by a modifier of a nominal: "U.S. airstrikes", "Iranian missile attack"."""
        for child in noun.lefts:
            if child.dep_ not in ("amod", "compound", "nmod"):
                continue
            if self._is_weapon(child):
                args.instruments.append(child)
                continue
            text = noun.doc[child.left_edge.i : child.i + 1].text
            # An adjective must name an actor ("Iranian"); a noun may just be one ("militia").
            if self.is_actorish(text, child.pos_ == "ADJ"):
                return noun.doc[child.left_edge.i : child.i + 1]
        return None
