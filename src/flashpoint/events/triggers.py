"""Finding event triggers in a parsed sentence: verbs, nominalisations and multiword phrases.

Built from ``plover.yaml``: verbs by lemma; nouns by lemma or lower-cased form (the small model
sometimes tags "Airstrikes" as a proper noun or lemmatises a rare plural badly, so a known plural
form in a noun's syntactic slot counts too); multiword phrases word by word on the lemma. Overlapping
matches are resolved longest first, one trigger per token.

Two kinds of rule look at a word's complements, because many news verbs name an event only
with the right object: *frames* make a trigger of a word that is none on its own ("recalled its
ambassador", "called the strikes a violation", "handed the base over"), *exclusions* drop a
trigger whose object makes it no event ("released a video", "bases hosting U.S. troops"). A
verb used as a pre-modifier ("an Iran-backed militia", "U.S.-led") describes a standing state,
not an act, and is no trigger.

A third rule reads an attack off the defence against it (the ``defence`` section of
``plover.yaml``): "C-RAM defense systems were activated at the U.S. embassy to stop a drone
threat" reports a drone attack on the embassy though no word of it names one. The defence verbs
of a sentence make one trigger (:class:`Defence` says which words it stands for), and the
triggers it tells again (an "intercept" in its purpose clause, the defence verb's own frame
trigger) give way to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from flashpoint.errors import ModelError
from flashpoint.events.ontology import Ontology, Override, read_data_file

__all__ = ["Defence", "DefenceCues", "Trigger", "TriggerFinder", "load_defence"]

_VERB_POS = ["VERB"]
_NOUN_POS = ["NOUN", "PROPN"]
_NOUN_DEPS = ["pobj", "dobj", "nsubj", "nsubjpass", "appos", "attr"]
_FRAME_POS = {"VERB", "ADJ", "NOUN", "PROPN"}
_MODIFIER_DEPS = {"amod", "compound"}
# A frame word describing a noun ("a contractor working with the coalition") is no act.
_DESCRIPTIVE_DEPS = _MODIFIER_DEPS | {"acl"}
_PHRASE_DEPS = {"pobj", "compound", "amod", "conj", "nmod", "prep", "dobj", "oprd", "attr", "acomp",
                "prt", "aux", "poss", "appos"}
# Complements whose words a frame or exclusion looks at: objects, particles, predicates.
# Acts named by who does them: a crowd gathering is a protest.
_CROWD_TYPES = frozenset({"PROTEST"})
#: Prepositions that attribute the report, never complete the verb ("hit by two explosions ...,
#: according to its owner": no accord was struck).
_ATTRIBUTION_PREPS = frozenset({"according"})
_COMPLEMENT_DEPS = {"dobj", "prep", "pobj", "prt", "oprd", "attr", "acomp", "xcomp", "ccomp",
                    "dative", "advmod", "npadvmod", "nsubjpass", "advcl"}


@dataclass(frozen=True)
class DefenceCues:
    """The words of the ``defence`` section of ``plover.yaml`` (see the comment there)."""

    event_type: str = "ASSAULT"
    verbs: frozenset[str] = frozenset()
    defenders: frozenset[str] = frozenset()
    systems: frozenset[str] = frozenset()
    threats: frozenset[str] = frozenset()
    site_preps: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    aim_preps: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    interceptions: frozenset[str] = frozenset()
    downing_verbs: frozenset[str] = frozenset()
    interceptor_words: frozenset[str] = frozenset()
    ordnance: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_defence(path: str | None = None) -> DefenceCues:
    """The defence cues of ``plover.yaml`` (or of the ontology file at ``path``); none when the
    file has no ``defence`` section, so an ontology without one codes no defence."""
    spec: Any = read_data_file("plover.yaml", path).get("defence")
    if not spec:
        return DefenceCues()
    try:
        words = {key: frozenset(str(w).lower() for w in spec.get(key) or ())
                 for key in ("verbs", "defenders", "systems", "threats", "site_preps", "sites", "aim_preps",
                             "aim_verbs", "interceptions", "downing_verbs", "interceptor_words",
                             "ordnance")}
        return DefenceCues(event_type=str(spec["type"]).upper(), **words)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"plover.yaml defence section is malformed: {exc!r}") from exc


@dataclass(frozen=True)
class Defence:
    """What a defence trigger stands for, as token indices: the defence verbs of the sentence,
    the defenders they name ("C-RAM defense systems", "sirens"), the threat words of their
    clauses ("a drone threat") and the words whose own triggers it tells again (the defence
    verbs, their purpose clauses, the weapons defended against: "rockets fired")."""

    verbs: tuple[int, ...]
    defenders: tuple[int, ...]
    threats: tuple[int, ...]
    told: frozenset[int]


@dataclass(frozen=True)
class Trigger:
    """A trigger span and the type it suggests. ``head`` is the token arguments hang from;
    ``defence`` is set when the trigger is an attack read off the defence against it."""

    span: Span
    event_type: str
    kind: str  # "verb" | "noun" | "phrase"
    defence: Defence | None = None

    @property
    def head(self) -> Token:
        return self.span.root

    @property
    def is_nominal(self) -> bool:
        return self.head.pos_ in _NOUN_POS or (self.kind == "noun" and self.head.dep_ in _NOUN_DEPS)


def _direct_words(verb: Token) -> set[str]:
    """The verb's own children, and what its object is also called ("would head the North
    Atlantic Treaty Organization (NATO) training mission": the parser makes the alliance the
    object and the mission its apposition)."""
    words = {c.lower_ for c in verb.children}
    for child in verb.children:
        if child.dep_ == "dobj":
            words |= {g.lower_ for g in child.children if g.dep_ == "appos"}
    return words


def _noun_read_as_adjective(token: Token) -> bool:
    """An act noun the tagger took for an adjective of a noun before it ("launched a new air
    and ground offensive against", where "offensive" hangs on "air"): English puts such
    adjectives before their noun, so one after it that ends the phrase is the phrase's noun."""
    if token.pos_ != "ADJ" or token.dep_ != "amod" or token.head.i >= token.i or token.head.pos_ != "NOUN":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or after.pos_ in ("ADP", "PUNCT", "CCONJ")


def _plurals(nouns: frozenset[str]) -> list[str]:
    forms = set(nouns)
    for noun in nouns:
        forms.add(noun + "s")
        forms.add(noun + "es")
    return sorted(forms)


class TriggerFinder:
    """All triggers in a span of a parsed document, per the ontology.

    Every trigger is found by dictionary look-up, one hash per token: verbs by lemma, nouns by
    lemma or lower-cased form, phrases by their first word's lemma and then word by word on the
    following tokens. (A spaCy ``Matcher`` with lemma ``IN`` lists re-tests every pattern at
    every token, which cost a quarter of the coder's time on news text.)
    """

    def __init__(self, vocab: Vocab, ontology: Ontology) -> None:
        self.ontology = ontology
        self._verbs: dict[str, list[str]] = {}
        self._noun_lemmas: dict[str, list[str]] = {}
        self._noun_forms: dict[str, list[str]] = {}
        self.vocab = vocab
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, etype in ontology.types.items():
            for lemma in etype.verbs:
                self._verbs.setdefault(lemma, []).append(name)
            for lemma in etype.nouns:
                self._noun_lemmas.setdefault(lemma, []).append(name)
            for form in _plurals(etype.nouns):
                self._noun_forms.setdefault(form, []).append(name)
            for phrase in etype.phrases:
                words = tuple(phrase.lower().split())
                if len(words) > 0:
                    self._phrases.setdefault(words[0], []).append((words[1:], name))
        self._frames: dict[str, list[Override]] = {}
        for frame in ontology.frames:
            for lemma in frame.lemmas:
                self._frames.setdefault(lemma, []).append(frame)
        # The small model mislemmatises some inflected verbs ("raped" -> "rap", "staged" ->
        # "stag"): an inflected form of a known verb stands for that verb when its lemma is unknown.
        self._verb_forms: dict[str, str] = {}
        self.defence = load_defence(ontology.source or None)
        for lemma in [*self._verbs, *self._frames, *self._phrases, *self.defence.verbs]:
            for form in _inflections(lemma):
                self._verb_forms.setdefault(form, lemma)

    def find(self, sent: Span) -> list[Trigger]:
        """Triggers in ``sent``, in text order, at most one per token (longest match wins)."""
        doc = sent.doc
        candidates: list[Trigger] = []
        for name, kind, start, end in self._doc_matches(doc):
            if start < sent.start or end > sent.end:
                continue
            candidates.append(Trigger(doc[start:end], name, kind))
        candidates.sort(key=lambda t: (-(t.span.end - t.span.start), t.span.start))
        taken: set[int] = set()
        chosen: list[Trigger] = []
        for trigger in candidates:
            tokens = set(range(trigger.span.start, trigger.span.end))
            if tokens & taken:
                continue
            taken |= tokens
            if self._excluded(trigger.head) or _part_of_a_name(trigger):
                continue
            chosen.append(self._override(trigger))
        defence = self._defence(sent, chosen)
        if defence is not None and defence.defence is not None:
            told = defence.defence.told
            chosen = [t for t in chosen if t.head.i not in told] + [defence]
        return sorted(chosen, key=lambda t: t.span.start)

    # -- attacks read off the defence against them -----------------------------------------------
    def _defence(self, sent: Span, chosen: list[Trigger]) -> Trigger | None:
        """One trigger for the defence verbs of ``sent`` that name a defender and a threat, on
        the first verb whose clause names the threat; None when there is none, or when the
        attack is told by its own word elsewhere ("sirens sounded after the rocket attack")."""
        cues = self.defence
        pairs = [(t, d) for t in sent if t.pos_ == "VERB" and self._lemma(t).lower() in cues.verbs
                 for d in [self._defender(t)] if d is not None]
        if not pairs:
            return None
        shielded = {i for _, d in pairs for i in range(d.left_edge.i, d.right_edge.i + 1)}
        threats = {verb.i: [t for t in _clause_tokens(verb)
                            if t.i not in shielded and _word_in(t, cues.threats)] for verb, _ in pairs}
        found = sorted({t.i for clause in threats.values() for t in clause})
        if not found:
            return None
        verbs = tuple(t.i for t, _ in pairs)
        told = self._told(verbs, [sent.doc[i] for i in found])
        if any(t.event_type == cues.event_type and t.head.i in set(found) - told for t in chosen):
            return None
        defence = Defence(verbs, tuple(d.i for _, d in pairs), tuple(found), frozenset(told))
        head = next(verb for verb, _ in pairs if threats[verb.i])
        return Trigger(sent.doc[head.i : head.i + 1], cues.event_type, "verb", defence)

    def _told(self, verbs: tuple[int, ...], threats: list[Token]) -> set[int]:
        """Words whose own triggers a defence tells again: the defence verbs and their purpose
        clauses ("to intercept drones"), and the weapons defended against with their clauses
        ("rockets fired from Gaza")."""
        arms = [t for t in threats if _word_in(t, self.ontology.cues.weapon_words)]
        clauses = {c.i for t in arms for c in t.children if c.dep_ in ("acl", "relcl")}
        return _purposes(verbs, threats[0].doc) | {t.i for t in arms} | clauses

    def _defender(self, verb: Token) -> Token | None:
        """The defender a defence verb names as subject, object or by-phrase, if any."""
        for child in verb.children:
            node = child
            if child.dep_ == "agent":
                node = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            if self._is_defender(node):
                return node
        return None

    def _is_defender(self, token: Token) -> bool:
        """ "sirens", "the C-RAM", "Iron Dome", "air defences", "C-RAM defense systems"."""
        cues = self.defence
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
        start = min([token.i, *(m.left_edge.i for m in modifiers)])
        phrase = token.doc[start : token.i + 1]
        text = phrase.text.lower()
        multiword = [w for w in cues.defenders if not w.isalpha()]
        if _word_in(token, cues.defenders) or any(text.endswith(w) for w in multiword):
            return True
        if not _word_in(token, cues.systems):
            return False
        words = {t.lower_ for t in phrase} | {t.lemma_.lower() for t in phrase}
        return bool(words & cues.defenders) or any(w in text for w in multiword)

    def _doc_matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """``(type, kind, start, end)`` of every trigger match in the document, computed once.

        Kept in ``doc.user_data`` under this finder's id, so a new finder never reuses it.
        """
        key = ("flashpoint.triggers", id(self))
        if key not in doc.user_data:
            doc.user_data[key] = list(self._word_matches(doc))
        return doc.user_data[key]

    def _word_matches(self, doc: Doc) -> Iterator[tuple[str, str, int, int]]:
        """Single-token verb and noun triggers (the rules of the module docstring)."""
        n = len(doc)
        for token in doc:
            i = token.i
            lemma = self._lemma(token)
            for rest, name in self._phrases.get(lemma.lower(), ()):
                end = i + 1 + len(rest)
                if end <= n and all(_word_is(doc[i + 1 + k], word) for k, word in enumerate(rest)):
                    yield name, "phrase", i, end
            if token.pos_ in _VERB_POS and token.dep_ not in _MODIFIER_DEPS and not self._describes(token):
                for name in self._verbs.get(lemma, ()):
                    yield name, "verb", i, i + 1
            frames = self._frames.get(lemma.lower())
            if frames and token.pos_ in _FRAME_POS and not self._light_on_act(token) and (
                    token.dep_ not in _DESCRIPTIVE_DEPS or _named_dep(token, frames)):
                words = _complement_words(token) | _as_phrase_words(token)
                crowd = _subject_words(token)
                if token.dep_ == "relcl":  # "the missiles that the group had launched"
                    words |= {token.head.lemma_.lower(), token.head.lower_}
                for frame in frames:
                    if self._quotes_a_name(token, frame):
                        continue  # "destroyed what the kingdom called a hostile aerial target"
                    if frame.deps and token.dep_.lower() not in frame.deps:
                        continue
                    if frame.tags and token.tag_ not in frame.tags:
                        continue  # "Canada leads the battlegroup": a standing state, not an act
                    if frame.subject_words and not frame.subject_words & crowd:
                        continue  # "troops crossed the border", not "refugees crossed the border"
                    if frame.direct:  # "sent drones against": the verb's own children only
                        found = _direct_words(token)
                    else:
                        found = words | crowd if frame.event_type in _CROWD_TYPES else words
                    if not frame.object_words or frame.object_words & found:
                        yield frame.event_type, "verb", i, i + 1
                        break
            nominal = token.pos_ in _NOUN_POS
            names = self._noun_lemmas.get(token.lemma_, []) if nominal else []
            if nominal or token.dep_ in _NOUN_DEPS:
                names = names + self._noun_forms.get(token.lower_, [])
            for name in dict.fromkeys(names):
                yield name, "noun", i, i + 1
            if _noun_read_as_adjective(token):  # "a new air and ground offensive against ...":
                for name in dict.fromkeys(self._noun_forms.get(token.lower_, [])):
                    yield name, "noun", token.head.i, i + 1  # the phrase from the noun it hangs on
            if nominal and not names and self._possessed_reprisal(token):
                yield self.ontology.cues.reprisal_type, "noun", i, i + 1

    def _quotes_a_name(self, token: Token, frame: Override) -> bool:
        """A naming verb in a free relative that a physical act governs ("destroyed what the
        kingdom called a hostile aerial target") gives the speaker's name for what was acted
        on; it charges no one. Under a charge ("condemned what it called Israel's
        aggression") the name says whom the charge is against, and stays."""
        naming = self.ontology.cues.status.naming_verbs
        if frame.event_type != "ACCUSE" or token.lemma_.lower() not in naming \
                or not any(c.dep_ == "dobj" and c.tag_ == "WP" for c in token.children):
            return False
        acts = self._verbs.get(token.head.lemma_, ()) if token.head.pos_ == "VERB" else ()
        return bool(acts) and "ACCUSE" not in acts

    def describes_by_frame(self, token: Token) -> bool:
        """Whether ``token`` is a participle describing a noun that is an act only because a frame
        lists its dependency ("a truce brokered by Egypt")."""
        frames = self._frames.get(token.lemma_.lower())
        return bool(frames) and token.dep_ in _DESCRIPTIVE_DEPS and _named_dep(token, frames)

    def _possessed_reprisal(self, token: Token) -> bool:
        """"Israel's retaliation came before dawn", "Washington's retaliation followed": a
        side's reprisal told as the subject of its own time is that side's act."""
        cues = self.ontology.cues
        to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        answered = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if answered is not None and "ASSAULT" not in self._noun_lemmas.get(answered.lemma_, ()):
            return False  # "Iran's response to the proposal came on Monday": an answer, not a reprisal
        return (token.lemma_.lower() in cues.reprisal_nouns and token.dep_ == "nsubj"
                and token.head.lemma_.lower() in cues.retelling_verbs
                and any(c.dep_ == "poss" for c in token.children))

    def _light_on_act(self, token: Token) -> bool:
        """"Militias launched attacks on U.S. forces": a light verb whose object is an act noun
        is that act, coded from the noun; the words further down ("forces") are its target, not
        what the verb launched."""
        if token.lemma_.lower() not in self.ontology.cues.light_verbs:
            return False
        return any(c.dep_ == "dobj" and (c.lemma_ in self._noun_lemmas or c.lower_ in self._noun_forms)
                   for c in token.children)

    def _lemma(self, token: Token) -> str:
        """The token's lemma, or for a verb the model mislemmatised, the known verb its form inflects."""
        lemma = token.lemma_
        if token.pos_ != "VERB" or lemma in self._verbs or lemma.lower() in self._frames or lemma.lower() in self._phrases:
            return lemma
        return self._verb_forms.get(token.lower_, lemma)

    def _override(self, trigger: Trigger) -> Trigger:
        """Re-type a trigger whose object says it is another event ("withdrawal from a deal")."""
        lemma = trigger.head.lemma_.lower()
        objects: set[str] | None = None
        for override in self.ontology.overrides:
            if lemma not in override.lemmas and trigger.head.lower_ not in override.lemmas:
                continue
            if objects is None:
                objects = _complement_words(trigger.head, ("dobj", "prep", "pobj", "prt", "xcomp"))
                if trigger.head.dep_ == "acl":  # "new measures targeting Russia"
                    objects |= {trigger.head.head.lemma_.lower(), trigger.head.head.lower_}
            words = objects | _complement_words(trigger.head, ("ccomp",)) if override.clause else objects
            if override.object_words.intersection(words):
                return Trigger(trigger.span, override.event_type, trigger.kind)
        return trigger

    def _describes(self, token: Token) -> bool:
        """"militants backed by Ankara", "the militias it backs": a participle or relative
        clause that describes standing ties."""
        if token.lemma_.lower() not in self.ontology.cues.descriptive_participles:
            return False
        if token.dep_ == "relcl":  # "the militias it backs", "groups that Iran arms"
            return True
        return token.dep_ in ("acl", "appos", "advcl") and token.tag_ == "VBN"

    def _excluded(self, head: Token) -> bool:
        """A trigger whose object makes it no event: "released a video", "hosting troops"."""
        lemma = head.lemma_.lower()
        rules = [r for r in self.ontology.exclusions if lemma in r.lemmas or head.lower_ in r.lemmas]
        if not rules:
            return False
        words = _complement_words(head, ("dobj", "prep", "pobj", "prt", "oprd"))
        if head.dep_ in ("acl", "relcl"):  # "an atrocity committed by Russia": the noun described
            words |= {head.head.lemma_.lower(), head.head.lower_}
        return any(rule.object_words & words for rule in rules)


def _part_of_a_name(trigger: Trigger) -> bool:
    """A one-word trigger that is part of a name, not an act: a month's name in a date ("until
    March of 2021" is no march), or a word inside an organisation's name ("the North Atlantic
    Treaty Organization" makes no treaty)."""
    head = trigger.head
    if len(trigger.span) != 1:
        return False
    return (head.pos_ == "PROPN" and head.ent_type_ == "DATE") or _inside_a_name(head)


def _named_dep(token: Token, frames: Iterable[Override]) -> bool:
    """Whether a frame names the token's dependency outright: a participle that describes
    ("a truce brokered by Egypt", "an Egyptian-brokered truce") is an act only for a frame
    that lists its dependency."""
    return any(token.dep_.lower() in frame.deps for frame in frames)


def _word_in(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _clause_tokens(verb: Token) -> list[Token]:
    """The words of ``verb``'s clause: its subtree, less the clauses conjoined to it ("sirens
    sounded in Haifa, and jets struck Gaza with missiles": the missiles are another clause's)."""
    found: list[Token] = []
    stack = [verb]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children
                     if not (c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")))
    return found


def _purposes(verbs: tuple[int, ...], doc: Doc) -> set[int]:
    """The defence verbs and the words of their purpose clauses ("to stop a drone threat", "to
    intercept drones"): triggers there tell the defence again."""
    told = set(verbs)
    for i in verbs:
        for child in doc[i].children:
            purpose = child.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
            if purpose:
                told |= {t.i for t in child.subtree}
    return told


def _complement_words(token: Token, deps: Iterable[str] = _COMPLEMENT_DEPS) -> set[str]:
    """Lemmas and forms of the words of ``token``'s complements (objects, particles, predicates),
    read down to three links through the phrase's own words only (prepositional objects,
    compounds, modifiers, conjuncts), never into a clause further down: "sent the leader a warning
    that Washington would respond if the attacks on its forces continued" sends no forces."""
    wanted = set(deps)
    words: set[str] = set()
    frontier = [c for c in token.children
                if c.dep_ in wanted and c.lower_ not in _ATTRIBUTION_PREPS]
    for level in range(4):
        words.update(w for node in frontier if not _inside_a_name(node)
                     for w in (node.lemma_.lower(), node.lower_))
        if level < 3:
            frontier = [c for node in frontier for c in node.children if c.dep_ in _PHRASE_DEPS]
    return words


def _inside_a_name(token: Token) -> bool:
    """A word inside an organisation's name, between its first and last words ("ordered the
    Joint Operations Command to form a committee" orders no operation); the first word still
    counts ("carried out Operation Decisive Storm"), and so does the last, which says what the
    thing is ("will leave Al-Asad Air Base")."""
    if token.ent_type_ != "ORG" or token.ent_iob_ != "I" or token.pos_ != "PROPN":
        return False
    doc = token.doc
    before = doc[token.i - 1]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (before.pos_ == "PROPN" and before.ent_type_ == "ORG"
            and after is not None and after.ent_iob_ == "I")


def _as_phrase_words(token: Token, reach: int = 12, span: int = 4) -> set[str]:
    """The words of the "as" phrase that follows ``token``'s object: "listed Samidoun, a
    Vancouver-based network, as a terrorist entity". Long appositions make the parser misread
    that "as" as the start of a clause, so the phrase is read off the text, not the tree."""
    sent_end = token.sent.end
    for i in range(token.i + 1, min(token.i + 1 + reach, sent_end)):
        if token.doc[i].lower_ == "as":
            return {w for t in token.doc[i + 1 : min(i + 1 + span, sent_end)]
                    for w in (t.lemma_.lower(), t.lower_)}
    return set()


def _subject_words(token: Token) -> set[str]:
    """The subject's words of a verb: "protesters gathered outside parliament" is a protest
    because of who gathered (the parser often takes the place for an object, so an object does
    not rule this out). Frames of ``_CROWD_TYPES`` count them as object words; elsewhere the
    subject is the doer, not what the act is ("forces launched an attack" forms no force), and only
    a frame's ``subject_words`` read them ("troops crossed the border" is an incursion)."""
    if token.pos_ != "VERB":
        return set()
    words: set[str] = set()
    for child in token.children:
        if child.dep_ != "nsubj":
            continue
        for node in (child, *(c for c in child.children if c.dep_ in ("compound", "conj", "prep", "pobj"))):
            words.add(node.lemma_.lower())
            words.add(node.lower_)
        for prep in (c for c in child.children if c.dep_ == "prep"):  # "hundreds of protesters"
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                words.add(pobj.lemma_.lower())
                words.add(pobj.lower_)
    return words


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma ("rape" -> "raped", "rapes", "raping")."""
    if " " in lemma or not lemma.isalpha():
        return set()
    forms = {lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms - {lemma}


def _word_is(token: Token, word: str) -> bool:
    """A phrase word matches a token's lemma (or, for a badly lemmatised token, its form)."""
    return token.lemma_.lower() == word or token.lower_ == word
