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
* "under / at the direction of X" supplies a source when nothing else does; so does the
  claimer of "X claimed (responsibility for) the attack" and the accused of "accused X of ...";
* retaliation reverses roles: in "X struck Y in retaliation for the attack", the attack's doer
  is Y;
* counterparts: a withdrawal of one's own forces is from a place ("pulled their trainers out of
  Iraq"), a handover is to someone ("over to Iraqi forces"), a joint act's second subject is the
  counterpart ("Biden and Kadhimi agreed"), and whom shot-down drones belonged to is who
  launched them;
* an attack read off the defence against it ("C-RAM defense systems were activated at the U.S.
  embassy to stop a drone threat") is aimed at the defended place: the defence's place, the
  defender's owner ("the base's air defenses") or the threat's aim ("rockets fired at the
  base"); its doer is the threat's launcher, else unknown.

Weapons in subject or agent position ("rockets hit the base") are instruments, not actors: they
feed the mode. The gold guidelines code such an unattributed attack's doer as UNK (plus the
suspected country), so its source is a span labelled ``UNKNOWN_ATTACKER`` that the actor
resolver turns into that.

Events are remembered per document: a definite re-mention ("condemned the strikes", "the raids
killed ...") carries the doer (``Arguments.antecedent``) and, where it names none, the target of
the act reported before, which the coder uses when the re-mention is another act's argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import AbstractSet, Callable, Iterator

from spacy.tokens import Doc, Span, Token

from flashpoint.events.mentions import name_modifiers, own_words, tells_of
from flashpoint.events.ontology import EventType, Ontology
from flashpoint.events.status import participle_on_time_clause
from flashpoint.events.timex import load_lexicon
from flashpoint.events.triggers import Defence, Trigger, load_defence

__all__ = ["Arguments", "ArgumentFinder", "LOYALTY", "PLACE_LEFT", "UNKNOWN_ATTACKER", "UNKNOWN_DOER",
           "allegiance_masters", "blamed_on", "definite_mention", "noun_phrase", "pobj", "reduced_relative_subject",
           "tells_of_noun"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_DIRECTION_NOUNS = {"direction", "order", "orders", "command", "instruction", "instructions", "behest"}
_DIRECTION_PREPS = {"under", "at", "on", "by"}
_DEFINITE = {"the", "this", "these", "that", "those"}
# Types whose doer is the unknown attacker when the text names none ("rockets hit the base"):
# the gold guidelines code such a source as UNK, not as missing.
_UNKNOWN_DOER_TYPES = {"ASSAULT"}
# Types where a second subject is the counterpart ("Biden and Kadhimi agreed", "met").
_JOINT_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
_CLAIM_VERBS = {"claim", "admit", "acknowledge"}
_DOWNING = {"downed", "down", "downing"}
_AIRCRAFT = {"plane", "airliner", "jet", "aircraft", "helicopter", "flight"}
#: Words that take a share of what follows "of": "shot down all of them", "most of the drones".
_SHARE_WORDS = {"all", "most", "some", "many", "several", "both", "each", "none", "one"}
# Nouns that count or group what follows "of": "dozens of rockets", "a salvo of missiles".
_COUNT_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                "barrage", "salvo", "volley", "wave", "swarm", "number", "handful", "series", "string"}
_PERSONAL = {"he", "she"}
#: Words whose "to" names whose a group is ("gunmen loyal to Assad"); things also "belong to" one.
LOYALTY = frozenset({"loyal"})
_ALLEGIANCE = LOYALTY | {"belong"}  # "warplanes loyal to Haftar", "jets belonging to Syria": theirs
_HELP_NOUNS = {"support", "help", "aid", "assistance", "backing", "cooperation"}
_SITE_WORDS = {"embassy", "consulate", "base", "airbase", "garrison", "compound", "airfield", "camp"}
_RESPONSIBLE = {"responsible", "behind", "culpable"}
# Nouns for a decision or a policy step, never an attack ("condemned the decision").
_DECISION_NOUNS = frozenset({"decision", "move", "measure", "measures", "step", "announcement", "listing",
                             "designation"})
# Nouns that re-mention a decision or act without naming it ("condemned the decision").
_ACT_NOUNS = _DECISION_NOUNS | {"action", "actions"}
# Nouns for someone leaving, whose "of" object is what a demand is about ("the expulsion of X").
_DEPARTURE_NOUNS = {"expulsion", "departure", "withdrawal", "exit", "removal", "pullout"}
_VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}
_ATTACK_NOUNS = {"attack", "assault", "bombing", "raid", "strike", "shooting", "operation"}
#: Act nouns general enough to name any act of their type ("the attack", "the strikes").
_GENERAL_ACT_WORDS = _ATTACK_NOUNS | {"airstrike", "incident", "escalation", "violence"}
#: How many sentences back a condemnation of "the attack" looks for the act condemned before it.
_CONDEMNATION_REACH = 2
#: Label of a span that stands for an unnamed doer (the actor resolver makes it UNK).
UNKNOWN_DOER = "UNKNOWN_DOER"
UNKNOWN_ATTACKER = "UNKNOWN_ATTACKER"
#: Label of a target that is a place left or handed over (its country, not the forces it hosts).
PLACE_LEFT = "PLACE_LEFT"
_LEAVING_TYPES = {"RETREAT"}
# Acts that are lifted or revoked ("revoked the designation of X"): their object is the target.
_LIFTED_ACTS = {"designation", "listing", "sanction", "sanctions", "ban", "embargo", "blockade",
                "restriction", "restrictions", "siege", "suspension", "freeze"}
# Types of saying: "X said A and called on B" is X calling, whatever the parser attached it to.
_SPEECH_TYPES = {"REQUEST", "ACCUSE", "THREATEN", "AGREE", "REJECT", "SUPPORT", "CONSULT", "PROTEST"}
_PLACE_PREPS = {"in", "from", "out", "inside"}
_MAX_PHRASE = 10


@dataclass
class Arguments:
    source: Span | None = None
    target: Span | None = None
    instruments: list[Token] = field(default_factory=list)
    # The accused of an accusation governing the trigger ("accused X of attacking Y").
    accused: Span | None = None
    # For a re-mentioned event ("condemned the strikes"), the doer named where it was first
    # reported; the coder uses it when the event stands as another event's argument.
    antecedent: Span | None = None


def _unknown(trigger: Trigger) -> Span:
    """The trigger's words, labelled as standing for a doer the text does not name (for an
    attack, the unknown attacker, whom the resolver may give the suspected country)."""
    label = UNKNOWN_ATTACKER if trigger.event_type in _UNKNOWN_DOER_TYPES else UNKNOWN_DOER
    return Span(trigger.span.doc, trigger.span.start, trigger.span.end, label=label)


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
        if _name_after_class(token, child, end):
            end = child.i + 1  # "the tanker Mercer Street": the class word, then the ship's name
            continue
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


def _name_after_class(head: Token, child: Token, end: int) -> bool:
    """A proper name set right after a common noun with no comma, naming what the noun classes:
    "the tanker Mercer Street", "the carrier Harry S. Truman", "the destroyer Choi Young"."""
    return (child.dep_ == "appos" and child.pos_ == "PROPN" and head.pos_ == "NOUN"
            and child.left_edge.i == end and child.i == child.right_edge.i
            and all(t.pos_ == "PROPN" and not _is_when(t)
                    for t in head.doc[end:child.i + 1])
            and not _is_token(reduced_relative_subject(head), child))


def _object_controller(verb: Token) -> Token | None:
    """The object of the verb an infinitive complements, who does what the infinitive says:
    "the court ordered Israel to halt its offensive", "urged Iran to release the crew"."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    # A name only: "ordered all non-emergency staff to leave" is the State Department's act.
    obj = _child(verb.head, "dobj")
    return obj if obj is not None and obj.i < verb.i and obj.pos_ == "PROPN" else None


def _split_time_clause(verb: Token) -> Token | None:
    """The subject of a time clause the parser split in two at an apposition: in "when the drone,
    one of three launched from Lebanon, smashed into the house" it hangs "the drone" on
    "launched" and "smashed" on the main clause with no subject. The subject of the nearest
    earlier subordinate clause of the same head, opened by "when"/"as"/"while", with nothing
    but that clause (and a comma) between the two, is the split one's."""
    if verb.dep_ != "advcl" or verb.pos_ != "VERB":
        return None
    return _split_subject(verb, gap=2, opens=lambda sibling: any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "while") for c in sibling.children))


def _split_participle(verb: Token) -> Token | None:
    """The subject of a clause the parser split at a participle: in "said Israeli jets flying
    over northern Lebanon had fired missiles" it makes "jets" the subject of "flying" and
    "had fired" a clause of its own with no subject, right after. The subject of an
    ``-ing`` clause of the same head that ends where this one begins is this one's."""
    if verb.dep_ not in ("ccomp", "conj") or _child(verb, "nsubj") is not None:
        return None
    return _split_subject(verb, gap=1, opens=lambda sibling: sibling.tag_ == "VBG")


def _split_subject(verb: Token, gap: int, opens: Callable[[Token], bool]) -> Token | None:
    """The subject of the nearest earlier clause of ``verb``'s own kind on the same head, when
    that clause is of the form ``opens`` accepts, its subject comes before it, and it ends
    ``gap`` tokens before ``verb``'s phrase begins: the two are one clause the parser split."""
    before = [c for c in verb.head.children if c.dep_ == verb.dep_ and c.i < verb.i]
    if not before or not opens(before[-1]):
        return None
    sibling = before[-1]
    subject = _child(sibling, "nsubj")
    if subject is None or subject.i > sibling.i or verb.left_edge.i != sibling.right_edge.i + gap:
        return None
    return subject


def _talks_verb(noun: Token) -> Token | None:
    """The verb a call or talks are the setting of, when they name no party of their own: "the
    minister raised the crew's release in a phone call with his counterpart" (the minister
    called), "told Netanyahu in a phone call" (Netanyahu was called), "left for a visit to Oman"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "for"):
        return None
    if prep.lower_ == "for":
        verb = prep.head
        if _child(verb, "dobj") is not None:
            return None  # "recalled its ambassador for consultations": the recall's purpose, not talks
    else:
        verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "raised the release in a call"
    return verb if verb.pos_ == "VERB" else None


def _is_token(token: Token | None, other: Token) -> bool:
    """Whether ``token`` is ``other`` (spaCy makes a new Token object at every access)."""
    return token is not None and token.i == other.i


def reduced_relative_subject(noun: Token) -> Token | None:
    """Washington in "the militia Washington blamed for the attack": a relative clause without
    "that", whose subject the parser took for a name of the noun (an apposition right before
    the clause's verb)."""
    doc = noun.doc
    for child in noun.children:
        after = doc[child.i + 1] if child.i + 1 < len(doc) else None
        if child.dep_ == "appos" and child.pos_ == "PROPN" and after is not None \
                and after.head.i == noun.i and after.dep_ in ("acl", "relcl") and after.tag_ in ("VBD", "VBZ", "VBP"):
            return child
    return None


def _governing_subject(pronoun: Token) -> Token | None:
    """What "it" as the object of a time clause, or as its passive subject, repeats: the
    subject of the clause it hangs on ("the carrier Tutor is believed to have sunk, a week
    after the Houthis rammed it"; "the Rubymar, which went down about two weeks after it was
    struck")."""
    verb = pronoun.head
    if pronoun.lower_ != "it" or pronoun.dep_ not in ("dobj", "nsubjpass") or verb.dep_ != "advcl":
        return None
    outer = verb.head
    subject = _child(outer, "nsubj") or _child(outer, "nsubjpass")
    if subject is not None and subject.tag_ in ("WDT", "WP") and outer.dep_ == "relcl":
        subject = outer.head  # "the Rubymar, which went down ..."
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.tag_ in ("NNS", "NNPS"):
        return None
    return subject if subject.i < pronoun.i else None


def _is_when(token: Token) -> bool:
    """A time, not a party: "Friday" in "Friday's strike"."""
    return token.ent_type_ in ("DATE", "TIME")


#: How a date modifies an act noun: "the 1983 bombing", "the Feb. 7 strike" (nmod "Feb.").
_DATE_MODIFIER_DEPS = ("nummod", "compound", "amod", "npadvmod", "nmod")


def definite_mention(noun: Token) -> bool:
    """An act noun that points back to one already told: "the strike", "this attack", or one
    owned by its day ("Friday's strike")."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and _is_when(c))
               for c in noun.children)


def tells_of_noun(clause: Token, noun: Token) -> bool:
    """A relative clause on an act noun, telling that act: "the airstrike that flattened Iran's
    consular building", "Thursday's strikes, which also hit training camps" (not "the strike
    Israel carried out", nor "rockets, most of which were intercepted": a doer of its own)."""
    return clause.dep_ == "relcl" and clause.head.i == noun.i and noun.pos_ in ("NOUN", "PROPN") and all(
        c.tag_ in ("WDT", "WP") for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))


def _named_by_date(noun: Token) -> bool:
    """An act noun that carries its own calendar date ("the 1983 bombing of the U.S. Embassy",
    "the Feb. 7 drone strike", "the January 2020 strike"): an act named by its date, not a
    re-mention of the story's latest act. A weekday ("Saturday's strike") names no calendar
    date and may well retell the act just told."""
    return any(c.dep_ in _DATE_MODIFIER_DEPS and (_year(c) or (c.ent_type_ == "DATE" and any(
        t.like_num for t in c.subtree))) for c in noun.children)


def _year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _intended(head: Token) -> bool:
    """An act only aimed at, in an infinitive ("a group preparing to attack residents", "vowed
    to keep striking Hezbollah"): not one a later "the raid" retells."""
    if head.pos_ != "VERB":
        return False
    node = head
    for _ in range(2):
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children):
            return True
        if node.dep_ != "xcomp":
            return False
        node = node.head  # "to keep striking": the infinitive is the verb "striking" hangs on
    return False


def _without_clauses(token: Token) -> list[Token]:
    """``token``'s phrase without the clauses that say more about it ("killed Hamed al-Khodari,
    whom the army accused of funnelling Iranian money": not the money)."""
    phrase = [token]
    for child in token.children:
        if child.dep_ not in ("relcl", "acl", "advcl"):
            phrase += _without_clauses(child)
    return phrase


def _only_setting(token: Token) -> bool:
    """A word that only sets the scene before a sentence's subject: punctuation, a time ("Last
    week it bombed ...", "On Thursday it said"), or an adverb ("Later it ...")."""
    if token.is_space or token.is_punct or _is_when(token) or token.pos_ == "ADV":
        return True
    return token.pos_ == "ADP" and any(_is_when(c) for c in token.children)


def _backgrounded(head: Token, reprisal_verbs: frozenset[str], light_verbs: frozenset[str]) -> bool:
    """An act mentioned in passing ("in retaliation for the attack", "after the strikes",
    "answering Iran's missile barrage of Oct. 1", "the militia that had carried out the Erbil
    strike": a relative clause that only says who the militia is)."""
    if head.dep_ == "dobj" and head.head.lemma_.lower() in reprisal_verbs:
        return True
    if head.dep_ == "dobj" and head.head.dep_ == "relcl" and head.head.lemma_.lower() in light_verbs:
        return True
    counted = _counted_by(head)
    if counted is not None:  # "launched a wave of strikes": as much in passing as the wave
        return _backgrounded(counted, reprisal_verbs, light_verbs)
    if head.dep_ == "pobj" and head.head.lower_ in ("with", "by") and head.head.head.pos_ == "VERB":
        return False  # "the coalition answered with strikes": the means of the act told
    return head.dep_ in ("pobj", "relcl") or (head.dep_ == "acl" and head.tag_ == "VBN")


def _same_clause(anchor: Token, trigger: Token) -> bool:
    """Whether a phrase hung on ``anchor`` modifies ``trigger``'s clause (or the sentence's
    opening, "Under the direction of X, ... struck"), not a clause conjoined to it."""
    if anchor.i == trigger.i or anchor.dep_ == "ROOT" and trigger.head.i == anchor.i:
        return True
    node = trigger
    for _ in range(4):
        if node.dep_ in ("conj", "ROOT") or node.head.i == node.i:
            return node.i == anchor.i or (anchor.dep_ == "ROOT" and node.dep_ == "ROOT")
        node = node.head
        if node.i == anchor.i:
            return True
    return False


def _child(token: Token, *deps: str) -> Token | None:
    """The first child with one of ``deps``; a dateline ("BAGHDAD, Jan. 8 - Iran fired ...")
    that the parser hung on the verb as a second subject is passed over."""
    found = [c for c in token.children if c.dep_ in deps]
    if len(found) > 1:
        found = [c for c in found if not _is_dateline(c)] or found
    return found[0] if found else None


def _is_dateline(token: Token) -> bool:
    """An upper-case place word opening the sentence: the report's dateline, not an actor."""
    return token.is_upper and token.is_alpha and len(token) > 2 and token.i - token.sent.start <= 1


def _when_or_where(clause: Token) -> bool:
    """A relative clause that tells the time or place of its noun ("before dawn on Thursday,
    when Pakistani drones hit ..."), not what was done to it."""
    return _is_when(clause.head) or any(
        c.lower_ in ("when", "where", "while") for c in clause.children if c.dep_ == "advmod")


def _bare_weapon_subject(weapon: Token, verb: Token) -> bool:
    """Weapons that are the subject of ``verb`` and that the phrase neither introduces as new
    ("a rebel drone slammed into ...") nor gives an owner ("Houthi missiles")."""
    if weapon.dep_ != "nsubj" or weapon.head.i != verb.i:
        return False
    return not any((c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in _QUANTIFIERS)
                   or c.lower_ in ("a", "an") for c in weapon.children)


#: Words that count a phrase's things without describing them ("several missiles").
_QUANTIFIERS = frozenset({"several", "many", "most", "some", "few", "other", "more", "remaining"})


def pobj(prep: Token) -> Token | None:
    """The object of a preposition ("from" -> "Iran" in "fired from Iran"), if the parse gives one."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def allegiance_masters(token: Token, words: frozenset[str]) -> Iterator[Token]:
    """X in "warplanes loyal to X" or "jets belonging to X": the object of "to" after each of
    ``words`` that modifies ``token``."""
    for word in token.children:
        if word.dep_ in ("amod", "acl") and word.lemma_.lower() in words:
            master = _prep_object(word, "to")
            if master is not None:
                yield master


def _prep_object(token: Token, word: str) -> Token | None:
    """The object of ``token``'s preposition ``word``: "control of X", "blamed ... on X"."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == word), None)
    return pobj(prep) if prep is not None else None


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return (verb.dep_ == "acl" and verb.tag_ == "VBN") or _shares_passive(verb) or _reduced_passive(verb)


def _reduced_passive(verb: Token) -> bool:
    """A participle with a ``by``-phrase and no auxiliary, whose noun the parser made its
    subject: "most of them protesters shot by security forces"."""
    return verb.tag_ == "VBN" and _child(verb, "agent") is not None and _child(verb, "nsubj") is not None \
        and not any(c.dep_ == "aux" for c in verb.children)


def _shares_passive(verb: Token) -> bool:
    """A participle conjoined to a passive verb, with no subject, auxiliary or object of its own,
    shares its voice and its subject: "the leader had been tracked down and killed"."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children):
        return False
    return _child(verb.head, "nsubjpass") is not None


class ArgumentFinder:
    """Source and target spans for triggers, per the ontology's cues."""

    def __init__(self, ontology: Ontology, is_actorish: Callable[[str, bool], bool],
                 names_place: Callable[[str], bool] = lambda text: False) -> None:
        self.ontology = ontology
        self.names_place = names_place  # "Jordan" in "the Jordan attack": where, not who
        self.cues = ontology.cues
        self.defence = load_defence(ontology.source or None)
        self._lexicon = load_lexicon()  # dating's words: reprisal verbs, names of one act
        self.reprisal_verbs = self._lexicon.reprisal_verbs  # "avenged the killing": dating's list
        # verbs of accusing, not of owning: "claimed the attack" tells the act, "accused of" does not
        # an act told only as alleged or denied ("has denied firing the rocket") is not retold
        self._allegation_verbs = (self.cues.status.claim_governors - {"claim"}) | self.cues.status.denial_verbs
        self.is_actorish = is_actorish
        # Triggers already seen in the document being coded, for re-mentions ("the strikes").
        self._seen_doc: Doc | None = None
        self._seen: list[tuple[Trigger, Arguments]] = []

    # -- helpers -------------------------------------------------------------------------------
    def is_weapon(self, token: Token) -> bool:
        """A weapon word ("rockets", "drone"): an attack's means rather than its target. A plural
        opening a sentence may be tagged a proper noun and keep its "s" ("Rockets were fired")."""
        words, lower = self.cues.weapon_words, token.lower_
        return token.lemma_.lower() in words or lower in words or (lower.endswith("s") and lower[:-1] in words)

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
            conjoined = clause.dep_ == "conj"
            while clause.dep_ == "conj":
                clause = clause.head
            if clause.dep_ == "ccomp":  # "X said it would ...", "X condemned ... and said it was"
                outer = self.subject_of_clause(clause.head)
                if outer is not None and outer.pos_ != "PRON":
                    return outer
            opening = all(_only_setting(t) for t in token.doc[token.sent.start : token.i])
            if token.lower_ in ("it", "they") and token.dep_ == "nsubj" and opening \
                    and token.sent.start > 0:  # "The Council demanded ... It also demands ..."
                previous = token.doc[token.sent.start - 1].sent.root
                outer = _child(previous, "nsubj")
                if outer is not None and outer.pos_ != "PRON" and self.is_actorish(noun_phrase(outer).text, False):
                    return outer
            if conjoined and token.lower_ in ("it", "they"):  # "X said ..., and it condemned"
                outer = _child(clause, "nsubj")
                if outer is not None and outer.pos_ != "PRON" and self.is_actorish(noun_phrase(outer).text, False):
                    return outer
            return _governing_subject(token)
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
            if node.dep_ == "acl" and node.head.pos_ == "NOUN":
                issuer = self._issuer(node.head)
                if issuer is not None:  # "a resolution calling on", "the decision by X to strike"
                    return issuer
            reduced = reduced_relative_subject(node.head) if node.dep_ in ("acl", "relcl") else None
            if reduced is not None and reduced.i == node.i - 1:
                return reduced  # "the militia Washington blamed": Washington blamed
            if node.dep_ == "acl" and (node.tag_ in ("VBG", "VBD") or node.head.dep_ == "ROOT"):
                return node.head  # "militant groups retaliated ..." parsed as a modifier
            if node.dep_ == "acl" and node.head.pos_ == "NOUN":
                owner = _child(node.head, "poss")  # "NATO's decision to suspend ..."
                if owner is not None:
                    return self._antecedent(owner)
            split = _split_time_clause(node) or _split_participle(node)
            if split is not None:
                return self._antecedent(split)
            controller = _object_controller(node)
            if controller is not None:  # "ordered Israel to halt its offensive": Israel halts
                return self._antecedent(controller)
            if node.dep_ in ("conj", "xcomp", "advcl", "acomp"):
                node = node.head
            elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
                node = node.head.head
            else:
                return None
        return None

    def _issuer(self, noun: Token) -> Token | None:
        """Who speaks or acts through ``noun``: X in "the decision by X to strike"; the subject
        of the verb that issued a text ("the parliament passed a resolution calling on ...")."""
        by = _prep_object(noun, "by")
        if by is not None and self.is_actorish(noun_phrase(by).text, False):
            return by
        if noun.lemma_.lower() in self.cues.text_nouns and noun.dep_ in ("dobj", "nsubjpass") \
                and noun.head.pos_ in ("VERB", "AUX"):
            agent = _child(noun.head, "agent") if noun.dep_ == "nsubjpass" else None
            if agent is not None:
                return pobj(agent)
            return self.subject_of_clause(noun.head)
        return None

    def _accused(self, trigger: Token) -> Span | None:
        """X in "accused X of <trigger>" / "X was blamed for <trigger>" (the claimed doer)."""
        node = trigger
        for _ in range(6):
            if node.dep_ == "ROOT" or node.head.i == node.i:
                return None
            child, node = node, node.head
            if node.lemma_.lower() in self.cues.status.claim_governors or (
                    node.pos_ == "VERB" and node.lemma_.lower() in self.cues.status.claim_heads):  # "punish X for"
                if child.dep_ == "conj":
                    return None  # "accused the Houthis of kidnapping and demanded ...": the accuser's act
                accused = _child(node, "dobj") or _child(node, "nsubjpass")  # "X was blamed for"
                if accused is not None and accused.i == trigger.i:
                    # "blamed the attack on Kata'ib Hezbollah" (the parser may hang "on" on either);
                    # "claimed 100 attacks on U.S. forces": what they were aimed at, claimed by the subject
                    claimed = node.lemma_.lower() in _CLAIM_VERBS
                    accused = blamed_on(node) or (None if claimed else blamed_on(trigger))
                if accused is not None and accused.lower_ in _RELATIVE and node.dep_ == "relcl":
                    accused = node.head  # "the militia that Washington blamed for the attack"
                if accused is None and (node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in ("VBN", "VBD"))):
                    # "three men suspected of firing rockets", "the militia Washington blamed for"
                    accused = node.head
                if accused is None or accused.pos_ == "PRON":
                    return None
                if node.lemma_.lower() in _CLAIM_VERBS and not self.is_actorish(
                        noun_phrase(accused).text, False):
                    return None  # "claimed responsibility for / most of the attacks": the claimer did it
                return noun_phrase(accused)
        return None

    def _denier(self, trigger: Token) -> Span | None:
        """X in "X denied any role in <trigger>": the one the (negated) event is about."""
        node = _governor_in(trigger, self.cues.status.negating_verbs, 6)
        subject = _child(node, "nsubj") if node is not None else None
        return noun_phrase(subject) if subject is not None and subject.pos_ != "PRON" else None

    def _direction(self, trigger: Token) -> Span | None:
        """X in "under the direction of X" or "at X's direction" anywhere in the trigger's
        sentence."""
        for token in trigger.sent:
            if token.lower_ in _DIRECTION_NOUNS and token.head.lower_ in _DIRECTION_PREPS:
                if not _same_clause(token.head.head, trigger):
                    continue
                of = next((c for c in token.children if c.lower_ == "of"), None)
                obj = pobj(of) if of is not None else _child(token, "poss")
                if obj is not None:
                    return noun_phrase(obj)
        return None

    def _target_prep(self, head: Token, etype: EventType) -> Token | None:
        for child in head.children:  # "gave aid to X" may be parsed with "to" as a dative
            if child.dep_ not in ("prep", "dative"):
                continue
            named_only = child.lower_ in etype.named_target_preps
            if child.lower_ in etype.target_preps or named_only:
                obj = pobj(child)
                if obj is not None and not _is_when(obj) and obj.lower_ not in _DIRECTION_NOUNS \
                        and (not named_only or obj.pos_ == "PROPN"):
                    return obj
        return None

    def _span(self, token: Token | None, args: Arguments, instrument: bool = True) -> Span | None:
        """A phrase for an argument head, or None for a weapon where it is the instrument
        ("rockets hit", "fired missiles at"), which is kept for the mode. A weapon that is
        acted on ("the downing of a jet") stays an argument (``instrument=False``)."""
        if token is None:
            return None
        if token.pos_ == "PRON" and token.lower_ in _PERSONAL and self._antecedent(token) is None:
            return token.doc[token.i : token.i + 1]  # the resolver finds the person named before
        if token.pos_ == "PRON" and token.lower_ in ("them", "they") and self._antecedent(token) is None:
            plural = self._plural_before(token)  # "the protesters withdrew after X called on them"
            if plural is not None:
                return noun_phrase(plural)
        token = self._antecedent(token)
        if token is None:
            return None
        token = self._counted(token)
        if instrument and self.is_weapon(token) and self._seen_trigger(token):
            return noun_phrase(token)  # "the strikes destroyed ...": an event, mapped to its doer
        if instrument and self.is_weapon(token):
            phrase = noun_phrase(token)
            owned = self.is_actorish(phrase.text, True) or any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children)
            if owned and token.dep_ == "dobj":
                return phrase  # "target U.S. aircraft": a named owner's weapon is the target
            args.instruments.append(token)
            # "Turkish jets struck": the weapon's owner is named, so the actor is known.
            return phrase if owned else None
        if token.pos_ == "PRON":
            # "He called the attacks reckless": the resolver looks for the person named before.
            return token.doc[token.i : token.i + 1] if token.lower_ in _PERSONAL else None
        return noun_phrase(token)

    # -- the two shapes of trigger -------------------------------------------------------------
    def find(self, trigger: Trigger) -> Arguments:
        if trigger.defence is not None:
            args = self._defended(trigger, trigger.defence)
            self._remember(trigger, args)
            return args
        etype = self.ontology.types[trigger.event_type]
        args = Arguments()
        args.accused = self._accused(trigger.head)
        if trigger.is_nominal:
            self._nominal(trigger.head, etype, args)
            if args.accused is not None and _child(trigger.head, "poss") is None:
                args.source = args.accused  # "accused X of approving the attacks": X, not the accuser
        else:
            self._verbal(trigger.head, etype, args)
            among = _among_those_hit(trigger.head)
            if among is not None:  # "Offices of the party were among the sites hit": hit, not
                # hitting, in the attack just told
                args.target = self._span(among, args, instrument=False)
                args.source = self._latest_doer(trigger.head)
        inside = range(trigger.span.start, trigger.span.end)
        addressee = self._addressee(trigger)
        if addressee is not None:
            args.target = addressee
        if args.target is not None and args.target.root.i in inside:
            args.target = None  # "vowed revenge": the object is part of the trigger
        if args.target is None and len(trigger.span) > 1:
            for token in trigger.span:  # "vowed revenge for X": the phrase's own prepositions
                args.target = self._span(self._target_prep(token, etype), args)
                if args.target is None and token.dep_ == "prep" and token.i > trigger.span.start:
                    obj = pobj(token)  # "called on the group": the phrase ends in its preposition
                    if obj is not None and obj.i >= trigger.span.end:
                        args.target = self._span(obj, args, instrument=False)
                if args.target is None and token.i == trigger.span.end - 1 and token.pos_ == "NOUN":
                    # "took control of the Niovi"
                    args.target = self._span(_prep_object(token, "of"), args, instrument=False)
                if args.target is not None:
                    break
        on = blamed_on(trigger.head) if trigger.head.lemma_.lower() in self.cues.status.claim_governors else None
        if on is not None and (args.target is None or self._event_noun(args.target.root)):
            args.target = self._span(on, args, instrument=False)  # "blamed the attack on the group"
        if trigger.head.lemma_.lower() in _CLAIM_VERBS and args.target is not None:
            if self._event_noun(args.target.root):  # "claimed (responsibility for) the attack"
                args.target = self._event_target(args.target.root)
        self._interception(trigger, args)
        if trigger.event_type == "RETREAT" and args.target is not None:
            args.target = self._halted_against(args.target) or args.target
        if args.source is None and args.accused is not None:
            args.source = args.accused
        if args.accused is not None and args.target is not None and args.target.root.i == args.accused.root.i:
            args.target = None  # "blamed the attack on X": X did it, it was not aimed at X
        if args.source is None:
            args.source = self._denier(trigger.head)
        if args.source is None and trigger.head.dep_ == "amod":
            args.source = self._hyphenated_doer(trigger.head)  # "an Egyptian-brokered truce"
        if args.source is None or args.source.label_ == UNKNOWN_ATTACKER:
            # "at President Biden's direction, F-15E jets struck": the jets were sent by him
            args.source = self._direction(trigger.head) or args.source
        if args.source is None and trigger.is_nominal:
            args.source = self._claimer(trigger.head)
        if args.source is None and not trigger.is_nominal and trigger.head.dep_ == "conj" and (
                _child(trigger.head, "nsubj", "nsubjpass") is None
                or (_is_passive(trigger.head) and _child(trigger.head, "agent") is None)):
            args.source = self._conjoined_source(trigger.head)  # "were launched from Iran and targeted"
        if args.target is None and etype.name == "ASSAULT" and (
                trigger.head.lemma_.lower() in self.cues.status.claim_governors | _RESPONSIBLE):
            args.target = self._event_target(trigger.head)  # "claimed responsibility": for the attack reported
        if args.source is not None and args.target is not None and args.target.root.i == args.source.root.i:
            args.target = None
        if etype.name in _LEAVING_TYPES and args.target is not None \
                and args.target.root.lower_ not in self.cues.captives and (
                not self.is_actorish(args.target.text, True) or args.target.root.lemma_.lower() in _SITE_WORDS):
            # "left the Qayyarah airfield": the counterpart of leaving a place is its country
            args.target = Span(args.target.doc, args.target.start, args.target.end, label=PLACE_LEFT)
        self._remember(trigger, args)
        if etype.name in _UNKNOWN_DOER_TYPES and not trigger.is_nominal and args.target is None:
            weapon = next((w for w in args.instruments
                           if any(c.lower_ in _DEFINITE for c in w.children)), None)
            if weapon is not None:  # "the rockets were fired from a truck": the attack told before
                args.target = self._prior_target(trigger)
        if args.source is None and etype.name in _UNKNOWN_DOER_TYPES and args.instruments:
            if _is_passive(trigger.head):
                args.source = self._same_weapons_doer(trigger, args.instruments)
            elif any(_bare_weapon_subject(w, trigger.head) for w in args.instruments):
                # "Iran fired 180 missiles at Israel. Several missiles struck near Nevatim."
                args.source = self._same_weapons_doer(trigger, args.instruments, previous=True)
        if args.source is None and etype.name in _UNKNOWN_DOER_TYPES and (
                args.target is not None or (args.instruments and _is_passive(trigger.head))
                or any(w.dep_ == "nsubj" and w.head.i == trigger.head.i for w in args.instruments)):
            # an attack reported without its doer ("a drone struck near the airport", "a bomb
            # exploded"): UNK, per the guidelines
            args.source = _unknown(trigger)
        return args

    def _same_weapons_doer(self, trigger: Trigger, weapons: list[Token], previous: bool = False) -> Span | None:
        """"condemned Iran's ballistic missile attack on Israel, hours after some 180 missiles
        were fired toward Israeli cities": weapons fired by no one named are those of the attack
        the same sentence gives a doer and the same weapon word. With ``previous``, the attack
        is looked for in the sentence before: weapons that are the subject of their own impact
        ("Several missiles struck near the base") are those the report has just had fired."""
        head = trigger.head
        lemmas = {w.lemma_.lower() for w in weapons}
        sentence = head.doc[head.sent.start - 1].sent.start if previous and head.sent.start > 0 \
            else head.sent.start
        for earlier, args in reversed(self._seen):
            if earlier.head.doc is not head.doc or earlier.head.sent.start != sentence \
                    or earlier.event_type != trigger.event_type or not _named(args.source):
                continue
            words = {t.lemma_.lower() for t in earlier.head.subtree} | {w.lemma_.lower() for w in args.instruments}
            if lemmas & words:
                return args.source
        return None

    def _addressee(self, trigger: Trigger) -> Span | None:
        """X in "called on X to release the ship", "appealed to X": a request phrase that ends in
        its preposition is made to the actor after it, not to what it asks for. When what it asks
        is that someone be sent away ("calling on the government to expel foreign troops"), the
        one to leave is its target, as with "demanded the expulsion of X"."""
        last = trigger.span[-1]
        if len(trigger.span) < 2 or last.dep_ != "prep" or trigger.event_type != "REQUEST":
            return None
        addressee = pobj(last)
        if addressee is None or not self.is_actorish(noun_phrase(addressee).text, False):
            return None
        asked = _child(trigger.head, "xcomp", "advcl")
        expelled = _child(asked, "dobj") if asked is not None and asked.lemma_.lower() in self.cues.expulsion_verbs else None
        if expelled is not None and self.is_actorish(noun_phrase(expelled).text, False):
            return noun_phrase(expelled)
        return self._span(addressee, Arguments(), instrument=False)

    # -- attacks read off the defence against them ----------------------------------------------
    def _defended(self, trigger: Trigger, defence: Defence) -> Arguments:
        """The attack a defence reports: aimed at the defended place, by the threat's launcher
        (unknown unless named); the threat's weapons feed the mode ("a drone threat"). An
        interception by a named defender is the defender's act against the launcher."""
        doc = trigger.span.doc
        threats = [doc[i] for i in defence.threats]
        args = Arguments(instruments=[t for t in threats if self.is_weapon(t)])
        site = self._defended_site(defence, doc)
        defended = noun_phrase(site) if site is not None else None
        attacker = next((a for a in map(self._attacker, threats) if a is not None), None)
        if site is not None and trigger.head.lemma_.lower() in self.defence.interceptions:
            # "Most of the missiles were intercepted by Israeli air defences": at whoever fired them
            args.source, args.target = defended, attacker or self._firer_before(threats)
            return args
        fired = self._attack_before(threats) if trigger.head.lemma_.lower() in self.defence.interceptions else None
        if site is None and fired is not None:
            # "air defences had intercepted most of the incoming missiles": the side the missiles
            # were fired at intercepted them, and the interception is aimed at whoever fired them
            args.source, args.target = fired.target or _unknown(trigger), attacker or fired.source
            return args
        args.target = defended
        args.source = attacker if attacker is not None else _unknown(trigger)
        return args

    def _interception(self, trigger: Trigger, args: Arguments) -> None:
        """The sides of weapons shot down, or of interceptors fired: aimed at whoever launched
        the weapons; by the side they were fired at when that attack's doer is named, else by
        whoever reports a passive interception ("The military said two other drones were
        intercepted")."""
        verb = trigger.head
        intercepting = verb.lemma_.lower() in self.defence.interceptions
        counted = args.target is not None and self._stands_for_the_fired(args.target.root, verb)
        downed = counted or (args.target is not None and args.target.root.lemma_.lower() in self.defence.threats
                             and verb.lemma_.lower() in self.defence.downing_verbs)
        weapons = intercepting and (bool(args.instruments) or downed)
        if counted:
            fired = self._attack_before(None)  # "Most were shot down", "fired a dozen interceptors"
            args.target = fired.source if fired is not None else args.target
        if args.target is None and args.instruments and intercepting:
            # "Jordanian jets downed drones"; "the two other drones were intercepted" after "a drone
            # launched from Lebanon struck a house": aimed at whoever launched them
            named = self._attack_before(args.instruments)
            fired = named or self._attack_before(args.instruments, named=False)
            args.target = fired.source if fired is not None else None
            if args.source is None and named is not None and _is_passive(verb):
                args.source = named.target  # "71 of 103 cruise missiles were shot down": by their target
        if args.source is None and weapons and _is_passive(verb):
            args.source = self._reporting_defender(verb)

    def _reporting_defender(self, verb: Token) -> Span | None:
        """Who intercepted what a passive with no by-phrase says was intercepted: the one who
        reports it ("Israel's military said nearly all were intercepted"), a report of one's own
        defences being the usual source of such a count."""
        said = _governor_in(verb, self.cues.say_verbs, 2)
        subject = self.subject_of_clause(said) if said is not None else None
        if subject is None or subject.pos_ == "PRON" or not self.is_actorish(noun_phrase(subject).text, False):
            return None
        return noun_phrase(subject)

    def _firer_before(self, threats: list[Token]) -> Span | None:
        """Who fired the weapons an interception names, told before: the doer of the latest
        attack with a weapon of the same word ("Iran fired 180 missiles ... Most of the
        missiles were intercepted")."""
        fired = self._attack_before(threats)
        return fired.source if fired is not None else None

    def _stands_for_the_fired(self, downed: Token, verb: Token) -> bool:
        """What an interception names only by a count or a pronoun ("Most were shot down", "shot
        down five of them"), or the interceptors fired at it: the weapons of the attack just
        told, which stand for whoever fired them."""
        if downed.lemma_.lower() in self.defence.interceptor_words:
            return True
        counted = downed.lower_ in _SHARE_WORDS or downed.pos_ == "NUM" or downed.lower_ in ("them", "it", "those")
        return counted and verb.lemma_.lower() in self.defence.interceptions

    def _attack_before(self, threats: list[Token] | None, named: bool = True) -> Arguments | None:
        """The latest attack told before whose doer is named (or, not ``named``, that names
        what it hit) and whose weapon has the same word as one of ``threats`` (with None, any
        weapon); not another interception of them."""
        words = {t.lemma_.lower() for t in threats if self.is_weapon(t)} if threats is not None else None
        for trigger, args in reversed(self._seen):
            if trigger.head.lemma_.lower() in self.defence.interceptions:
                continue
            if trigger.event_type != "ASSAULT" or not (_named(args.source) if named else _named(args.target)):
                continue
            used = [*args.instruments, *(c for c in trigger.head.children if c.dep_ == "compound")]
            if any(w.lemma_.lower() in words if words is not None else self.is_weapon(w) for w in used):
                return args  # "fired missiles", "a missile attack"
        return None

    def _defended_site(self, defence: Defence, doc: Doc) -> Token | None:
        """Where the defence stood: "activated at the U.S. embassy", "the base's air defenses",
        "Israeli air defences", else where the threat was aimed ("rockets fired at the base")."""
        for i in (*defence.verbs, *defence.defenders):  # "systems at the U.S. embassy were activated"
            for prep in doc[i].children:
                obj = pobj(prep) if prep.dep_ == "prep" and prep.lower_ in self.defence.site_preps else None
                if obj is not None and self._is_site(obj, False):
                    return obj
        for i in defence.defenders:  # the owner may hang from a modifier: "the embassy's C-RAM system"
            for owner in doc[doc[i].left_edge.i : i]:
                if owner.dep_ in ("poss", "compound", "amod") and self._is_site(owner, owner.dep_ != "poss"):
                    return owner
                if owner.dep_ == "poss" and owner.lower_ in ("its", "their") and doc[i].head.dep_ == "ccomp":
                    reporter = self.subject_of_clause(doc[i].head.head)  # "Israel said its air defences"
                    if reporter is not None and self._is_site(reporter, True):
                        return reporter
        return next((aim for aim in (self._aim(doc[i]) for i in defence.threats) if aim is not None), None)

    def _is_site(self, token: Token, named_only: bool) -> bool:
        """A place or party that can be attacked, not a time ("at dawn") or a purpose."""
        if _is_when(token) or token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
        phrase = noun_phrase(token)
        if not named_only and (token.lemma_.lower() in self.defence.sites
                               or any(t.ent_type_ in ("GPE", "FAC", "LOC") for t in phrase)):
            return True  # "the base", "Erbil airport"
        return self.is_actorish(phrase.text, named_only)

    def _aim(self, threat: Token) -> Token | None:
        """What a threat was aimed at: "rockets fired at the base", "a drone approaching the compound"."""
        for clause in (c for c in threat.children if c.dep_ in ("acl", "relcl")):
            for child in clause.children:
                obj = pobj(child) if child.dep_ == "prep" and child.lower_ in self.defence.aim_preps else None
                if obj is None and child.dep_ == "dobj" and clause.lemma_.lower() in self.defence.aim_verbs:
                    obj = child
                if obj is not None and self._is_site(obj, False):
                    return obj
        return None

    def _attacker(self, threat: Token, origins: bool = True) -> Span | None:
        """Who sent a threat: "drones that the group launched", "a drone launched by the
        Houthis", "a Houthi drone", and with ``origins`` "a rocket fired from Gaza"."""
        launcher = self._launcher(threat)
        if launcher is not None:
            return launcher
        clauses = [c for c in threat.children if c.dep_ == "acl"]
        for clause in clauses:
            agent = _child(clause, "agent")
            obj = pobj(agent) if agent is not None else None
            if obj is not None:
                return noun_phrase(obj)
        owner = self._named_owner(threat, ("poss", "compound", "amod"))
        if owner is not None:
            return owner
        for master in allegiance_masters(threat, _ALLEGIANCE):
            if self.is_actorish(noun_phrase(master).text, True):
                return noun_phrase(master)
        for prep in (p for c in clauses if origins for p in c.children if p.dep_ == "prep" and p.lower_ == "from"):
            obj = pobj(prep)
            if obj is not None and self.is_actorish(noun_phrase(obj).text, True):
                return noun_phrase(obj)
        return None

    def _doer_of_mention(self, noun: Token) -> Span | None:
        """The doer of an act named by a definite noun the trigger finder did not take ("the
        airstrikes that killed ..."): the doer of the same act reported before."""
        if not any(c.lower_ in _DEFINITE for c in noun.children if c.dep_ == "det"):
            return None
        lemma = noun.lemma_.lower()
        earlier = [(t, a) for t, a in self._seen if t.head.i < noun.sent.start
                   and t.event_type == "ASSAULT" and _named(a.source)]
        same = [a for t, a in earlier if _named_by(t.head, {lemma})]
        foreground = [a for t, a in earlier if not self._in_passing(t)]
        pool = same or foreground
        return pool[-1].source if pool else None

    def _event_noun(self, token: Token) -> bool:
        return self._seen_trigger(token) or token.lemma_.lower() in self.cues.weapon_words or (
            token.lemma_.lower() in _ATTACK_NOUNS)

    def told_before(self, trigger: Trigger) -> bool:
        """Whether an act of the trigger's type was reported in an earlier sentence: by a verb
        ("warplanes bombed the port") or by the same noun."""
        lemma = trigger.head.lemma_.lower()
        return trigger.span.doc is self._seen_doc and any(
            t.event_type == trigger.event_type and t.head.i < trigger.head.sent.start
            and (not t.is_nominal or t.head.lemma_.lower() == lemma) for t, _a in self._seen)

    def _seen_trigger(self, token: Token) -> bool:
        return token.doc is self._seen_doc and any(t.head.i == token.i for t, _a in self._seen)

    def _prior(self, trigger: Trigger) -> Arguments | None:
        """The arguments of the event a definite re-mention repeats: the latest one of the same
        type in an earlier sentence whose doer the text named, preferring the same word or
        another name of the act (``act_synonyms``: "the incursion" after "crossed into")."""
        head = trigger.head
        sent_start = head.sent.start
        condemned = self._condemned_before(trigger)
        if condemned is not None:
            return condemned
        known = [(t, _doer_known(a)) for t, a in self._seen
                 if t.event_type == trigger.event_type and t.head.i < sent_start]
        earlier = [(t, a) for t, a in known if a is not None]
        if trigger.event_type in _UNKNOWN_DOER_TYPES:  # "Iran blamed Israel": the blamed did it
            blamed = [(t, Arguments(source=a.target)) for t, a in self._seen
                      if t.head.i < sent_start and t.head.lemma_.lower() in self.cues.status.claim_governors
                      and t.event_type != trigger.event_type and a.target is not None
                      and not self._blamed_for_other(t.head, trigger.event_type)]
            earlier = sorted(earlier + blamed, key=lambda item: item[0].head.i)
        earlier = self._named_alike(head, earlier)
        lemma = head.lemma_.lower()
        # an act told in passing, as the cause of another, is seldom the one retold later
        foreground = [(t, a) for t, a in earlier if not self._in_passing(t) and not _intended(t.head)
                      and not self._only_alleged(t.head) and not self._defence(t, a)]
        names = self._lexicon.names_of_act(lemma)  # "the incursion" after "tanks crossed into"
        same = [a for t, a in foreground if _named_by(t.head, names)]
        same_in_passing = [a for t, a in earlier if _named_by(t.head, names)]
        told = [a for _t, a in foreground]
        # a word that names one kind of act ("the assassination of General Soleimani") is the
        # act it named before, even one told in passing; a general one ("the attack") is the
        # latest act told in the foreground
        specific = same_in_passing if lemma not in _GENERAL_ACT_WORDS else []
        pool = same or specific or told or same_in_passing or [a for _t, a in earlier]
        return pool[-1] if pool else None

    def _condemned_before(self, trigger: Trigger) -> Arguments | None:
        """ "Guterres condemned the Israeli strike. ... Borrell denounced the attack": in a run
        of condemnations, a general word for an act retells the act the one before condemned
        (in the last ``_CONDEMNATION_REACH`` sentences), not the latest act told, when that one
        named its doer in its own words ("the Israeli strike"; a doer read from the story may
        be wrong, and would spread)."""
        head = trigger.head
        if head.lemma_.lower() not in _GENERAL_ACT_WORDS or not self._condemned(head):
            return None
        reach = head.sent.start
        for _ in range(_CONDEMNATION_REACH):  # back to the start of the sentence that far back
            reach = head.doc[reach - 1].sent.start if reach > 0 else 0
        for told, args in reversed(self._seen):
            if reach <= told.head.i < head.sent.start and told.is_nominal \
                    and told.event_type == trigger.event_type and self._condemned(told.head):
                named = args.source is not None and told.head.left_edge.i <= args.source.root.i \
                    <= told.head.right_edge.i
                return args if named and _named(args.source) else None
        return None

    def _condemned(self, noun: Token) -> bool:
        """Whether ``noun`` is what a verb of condemnation takes as its object."""
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cues.condemning_verbs

    def _only_alleged(self, head: Token) -> bool:
        """An act told only as what someone is accused or suspected of ("police arrested a
        Syrian woman accused of planting the bomb"), or denies ("Hezbollah has denied firing
        the rocket"), is not the story's act that a later "the raids" retells. Claiming an act
        ("claimed the attack") owns it: that act is told."""
        return any(node.lemma_.lower() in self._allegation_verbs and node.pos_ == "VERB"
                   for node in islice(head.ancestors, 3))

    def _blamed_for_other(self, governor: Token, event_type: str) -> bool:
        """Whether an accusation names an act of another type ("accused Hamas of using the
        school as a hideout"): then the accused is not the doer of the attack retold later, as
        it is after "blamed Israel for the attack" or a bare "blamed Israel"."""
        for prep in governor.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            act = pobj(prep) or _child(prep, "pcomp")
            if act is None:
                continue
            inside = {t.i for t in act.subtree}
            return not any(t.event_type == event_type and t.head.i in inside for t, _a in self._seen)
        return False

    def _party_before(self, pronoun: Token, verb: Token) -> Span | None:
        """The actor "it"/"them" stands for when the sentence named one before it outside the
        verb's own subject: the object or prepositional object of an earlier clause ("called on
        Iran to release the tanker and accused it of extortion")."""
        if pronoun.lower_ not in ("it", "them"):
            return None
        subject = self.subject_of_clause(verb)
        own = {t.i for t in subject.subtree} if subject is not None else set()
        plural = pronoun.lower_ == "them"
        for token in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
            if token.i in own or token.dep_ not in ("dobj", "pobj") or token.pos_ not in ("PROPN", "NOUN"):
                continue
            if (token.tag_ in ("NNS", "NNPS")) != plural and token.pos_ == "NOUN":
                continue
            if not plural and _a_person(token):
                continue  # "telephoned his Syrian counterpart ... and condemned it": not him
            phrase = noun_phrase(token)
            if self.is_actorish(phrase.text, True):
                return phrase
        return None

    def _latest_doer(self, verb: Token, any_type: bool = False, singular: bool = False,
                     policy: bool = False) -> Span | None:
        """The doer of the latest act reported before ``verb`` (an attack, or with ``any_type``
        any act with a named doer in an earlier sentence: "condemned the decision"). With
        ``singular`` ("condemned it"), acts told by a plural noun are passed over: "it" does not
        stand for the "attacks" the strike's target was accused of planning. With ``policy``
        ("condemned the decision"), attacks are passed over: a decision is a policy's act (a
        sanction is one). An attack told only as what someone is accused of ("blamed the barrage on
        the Quds Force, saying 20 rockets were fired") is passed over: it is not what "the jets"
        did next; so is one only intended ("vowed to keep striking"); one told in passing, as the
        cause of another ("in response to a rocket barrage"), only when no other was told."""
        told_in_passing: Span | None = None
        for trigger, args in reversed(self._seen):
            if trigger.head.i >= verb.i or trigger.head.doc is not verb.doc:
                continue
            if singular and trigger.is_nominal and trigger.head.tag_ in ("NNS", "NNPS"):
                continue
            if any_type:
                if policy and trigger.event_type == "ASSAULT":
                    continue
                if trigger.head.i < verb.sent.start and not trigger.is_nominal and args.source is not None:
                    return args.source
            elif trigger.event_type in _VIOLENT and not self._only_alleged(trigger.head) \
                    and not _intended(trigger.head):
                doer = args.source or args.antecedent or _unknown(trigger)
                if not self._in_passing(trigger) and not self._defence(trigger, args):
                    return doer
                told_in_passing = told_in_passing or doer
        return told_in_passing

    def _defence(self, trigger: Trigger, args: Arguments) -> bool:
        """Weapons in flight brought down ("air defences downed most of the missiles"), or
        interceptors fired at them: the defence against an attack, not the attack a later "it"
        or "the raid" retells."""
        verb = trigger.head
        if trigger.is_nominal:
            return False
        downed = _child(verb, "dobj", "nsubjpass")
        named = downed if downed is not None else (args.target.root if args.target is not None else None)
        if named is None:
            return False
        if named.lemma_.lower() in self.defence.interceptor_words:
            return True  # "destroyers fired a dozen interceptors"
        if verb.lemma_.lower() not in self.defence.downing_verbs:
            return False
        modelled = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in named.children)
        return named.lemma_.lower() in self.defence.ordnance and not modelled \
            or self._stands_for_the_fired(named, verb)

    def _named_alike(self, head: Token, earlier: list[tuple[Trigger, Arguments]]
                     ) -> list[tuple[Trigger, Arguments]]:
        """Of the acts told before, those a re-mention's place name points to ("the Saada
        strike": :mod:`flashpoint.events.mentions`). A re-mention with no such name, or whose
        name no earlier act's words include, leaves the list as it was."""
        names = name_modifiers(head, lambda text: self.is_actorish(text, True) and not self.names_place(text))
        if not names:
            return earlier
        alike = [(t, a) for t, a in earlier if tells_of(t.head, names)]
        return alike or earlier

    def _prior_target(self, trigger: Trigger) -> Span | None:
        """The target of the act a definite re-mention repeats (same type, else a violent one
        for an attack: "blamed Iran for orchestrating the attack" on the embassy stormed)."""
        head = trigger.head
        lemma = head.lemma_.lower()
        told = [a for t, a in self._named_alike(head, self._seen) if t.event_type == trigger.event_type
                and t.head.i < head.sent.start and t.head.lemma_.lower() == lemma]
        if told and told[-1].target is None:
            return None  # the act it repeats named no target: not another act's ("the U.S. strikes")
        related = {trigger.event_type} | (_VIOLENT if trigger.event_type in _VIOLENT else set())
        earlier = self._named_alike(head, [(t, a) for t, a in self._seen
                                      if t.event_type in related and t.head.i < head.sent.start
                                      and _named(a.target) and not self._defence(t, a)])
        same = [a for t, a in earlier if _named_by(t.head, {lemma})]
        typed = [a for t, a in earlier if t.event_type == trigger.event_type and not self._in_passing(t)]
        foreground = [a for t, a in earlier if not self._in_passing(t)]
        pool = same or typed or foreground or [a for _t, a in earlier]
        return pool[-1].target if pool else None

    def _doer_of_means(self, noun: Token) -> Span | None:
        """The doer named on the act or weapon an act noun was done by: "the killing of
        Soleimani in a U.S. drone strike" (the United States), "the downing of the jet by a
        Turkish missile". It outranks the reading of a reprisal, which only infers the doer."""
        for prep in noun.children:
            means = pobj(prep) if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by") else None
            owner = self._named_owner(means, ("poss", "compound", "amod", "nmod")) \
                if means is not None and self._event_noun(means) else None
            if owner is not None:
                return owner
        return None

    def _named_owner(self, token: Token, deps: tuple[str, ...]) -> Span | None:
        """The first modifier of ``token`` (by one of ``deps``) that names an actor: "a Houthi
        drone", "a U.S. drone strike"."""
        return next((noun_phrase(c) for c in token.children
                     if c.dep_ in deps and self.is_actorish(noun_phrase(c).text, True)), None)

    def _retaliated(self, noun: Token) -> Span | None:
        """The doer of the act that "X did Y in retaliation for / in response to" names, or that
        an act avenged: the target of Y, since retaliation reverses the roles."""
        prep = noun.head
        if noun.dep_ == "dobj" and prep.lemma_.lower() in self.reprisal_verbs:
            verb = prep  # "the barrage avenged the killing", "fired missiles to avenge the killing"
        elif noun.dep_ != "pobj" or prep.lower_ not in ("for", "to"):
            return None
        else:
            reason = prep.head
            if reason.lemma_.lower() not in self.cues.status.reaction_nouns or reason.dep_ != "pobj":
                return None
            verb = reason.head.head
        found = None
        for _ in range(3):  # "struck X, hitting Y, in retaliation for ...": the main act's target
            # (the act may be the verb, its subject, or its object: "ordered the strike in
            # response to Tuesday's chemical attack": the strike's target did the attack)
            acts = {c.i for c in verb.children if c.dep_ in ("nsubj", "dobj")} | {verb.i}
            for trigger, args in reversed(self._seen):
                if trigger.head.i in acts and args.target is not None:
                    found = args.target
                    break
            if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
                break
            verb = verb.head
        return found

    def _remember(self, trigger: Trigger, args: Arguments) -> None:
        """Link a re-mentioned event ("condemned the strikes", "the raids killed ...") to the
        doer named where it was first reported, and remember this trigger for later ones."""
        doc = trigger.span.doc
        if doc is not self._seen_doc:
            self._seen_doc, self._seen = doc, []
        head = trigger.head
        if trigger.is_nominal and args.source is None:
            args.source = self._doer_of_means(head) or self._retaliated(head)
        if trigger.is_nominal and definite_mention(head) and not _named_by_date(head):
            prior = self._prior(trigger)
            if prior is not None and args.source is None:
                args.antecedent = prior.source
                if args.target is not None or self._retold_in_time(head):
                    args.source = args.antecedent
            if args.target is None and args.source is not None:
                args.target = self._prior_target(trigger)  # "announced the listing": of whom, said before
        if trigger.is_nominal and args.source is None and args.antecedent is None:
            args.antecedent = _unknown(trigger)  # as another act's argument: its doer is unknown
        self._seen.append((trigger, args))

    def _led_by(self, noun: Token) -> Span | None:
        """The name hyphenated to a leading participle before an act noun: "Hamas" in "the
        Hamas-led attack on Israel", "U.S." in "a U.S.-ordered strike"."""
        for child in noun.children:
            if child.dep_ == "amod" and child.i < noun.i and \
                    child.lemma_.lower() in self.cues.leading_participles:
                return self._hyphenated_doer(child)
        return None

    def _hyphenated_doer(self, participle: Token) -> Span | None:
        """The name that opens a hyphenated participle: "Egyptian" in "an Egyptian-brokered
        truce", "U.S." in "a U.S.-brokered deal"."""
        for child in participle.children:
            if child.dep_ in ("npadvmod", "compound", "nmod") and child.i < participle.i:
                phrase = participle.doc[child.left_edge.i: child.i + 1]
                if self.is_actorish(phrase.text, True):
                    return phrase
        return None

    def _halted_against(self, halted: Span) -> Span | None:
        """Whom the acts halted were aimed at: "suspending military operations against U.S.
        forces", "halting its attacks on American troops"."""
        act = halted.root
        if act.lemma_.lower() not in _ATTACK_NOUNS and not self._seen_trigger(act):
            return None
        aimed = next((c for c in act.children if c.dep_ == "prep" and c.lower_ in ("against", "on")), None)
        target = pobj(aimed) if aimed is not None else None
        return noun_phrase(target) if target is not None else None

    def _in_passing(self, trigger: Trigger) -> bool:
        """An act told in passing, or an interception: neither is the act a story retells."""
        if trigger.defence is not None and trigger.head.lemma_.lower() in self.defence.interceptions:
            return True
        return _backgrounded(trigger.head, self.reprisal_verbs, self.cues.light_verbs)

    def _retold_in_time(self, head: Token) -> bool:
        """ "The strike came a day after ...", "the barrage avenged the killing": an act retold
        as the subject of a verb that places it in time or answers another is reported again
        (not "the raid was the boldest move", which only describes it)."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in self.cues.retelling_verbs:
            return False
        return not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)  # not "came from Yemen"

    def _claimer(self, noun: Token) -> Span | None:
        """X in "X claimed (responsibility for / most of) the attacks"."""
        node = noun
        for _ in range(4):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in _CLAIM_VERBS:
                    return self._span(self.subject_of_clause(node), Arguments())
                return None
        return None

    def _verbal(self, verb: Token, etype: EventType, args: Arguments) -> None:
        if _is_passive(verb):
            if self._passive(verb, etype, args):
                return
        else:
            self._active(verb, etype, args)
        sent = args.target
        if sent is not None and verb.lemma_.lower() in etype.sending_verbs and sent.root.head.i == verb.i \
                and sent.root.dep_ in ("dobj", "nsubjpass"):
            # "sent troops": what was sent, not against whom; "Bradleys were deployed": the
            # sender's own, standing for the sender where no one else is named
            args.target = None
            if args.source is None and sent.root.dep_ == "nsubjpass":
                args.source = sent
        self._complement_target(verb, etype, args)
        if (etype.name in _SPEECH_TYPES and verb.dep_ == "conj" and _child(verb, "nsubj") is None
                and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in self.cues.say_verbs):
            args.source = self._span(self.subject_of_clause(verb.head.head), args)
        self._object_target(verb, etype, args)
        self._joint_target(verb, etype, args)
        if etype.name in self.cues.partner_types and (args.target is None or not self.is_actorish(args.target.text, False)):
            args.target = self._partner_in_object(verb) or args.target
        if args.target is not None and etype.name not in _VIOLENT:  # "stormed its embassy in Tehran": the embassy's
            args.target = self._place_left(verb, args.target) or args.target
        if args.target is not None and etype.name in ("ACCUSE", "REJECT"):
            owner = _child(args.target.root, "poss")  # "dismissed the Guards' claim"
            if owner is not None and owner.pos_ != "PRON" and not _is_when(owner):  # not "Friday's strike"
                args.target = noun_phrase(owner)
        with_obj = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        if with_obj is not None and pobj(with_obj) is not None and self.is_weapon(pobj(with_obj)):
            args.instruments.append(pobj(with_obj))
        if etype.name == "ASSAULT" and self._ran_into_charge(verb):
            args.target, args.source = args.source, None  # the doer stays unknown (set later)

    def _ran_into_charge(self, verb: Token) -> bool:
        """"The frigate struck a mine", "a bus hit a roadside bomb": the subject set off a hidden
        charge, so it is what was hit; the one who laid the charge is not the subject. Not "jets
        struck a bomb factory" (the object's head is the factory)."""
        if verb.lemma_.lower() not in self.cues.encounter_verbs or _is_passive(verb):
            return False
        obj = _child(verb, "dobj")
        return obj is not None and obj.lemma_.lower() in self.cues.encountered_devices

    def _passive(self, verb: Token, etype: EventType, args: Arguments) -> bool:
        """Source from the ``by``-phrase, target from the subject; True when the reading is
        complete ("he was outraged by the attack": the outraged one accuses the attackers)."""
        agent = _child(verb, "agent")
        agent_obj = pobj(agent) if agent is not None else None
        patient = _child(verb, "nsubjpass")
        if etype.name == "ACCUSE" and agent_obj is not None and self._event_noun(agent_obj) and (
                patient is not None or _child(verb, "nsubj") is not None):
            args.source = self._span(patient if patient is not None else _child(verb, "nsubj"), args)
            args.target = noun_phrase(agent_obj)
            return True
        args.source = self._span(agent_obj, args)
        if patient is None and verb.dep_ == "acl":
            patient = verb.head
        if patient is None and _reduced_passive(verb):
            patient = _child(verb, "nsubj")
        if patient is None and _shares_passive(verb):
            patient = _child(verb.head, "nsubjpass")
        counted = self._counted(patient) if patient is not None else None
        if counted is not None and self.is_weapon(counted):
            patient = counted  # "71 of 103 cruise missiles were shot down"
        weapon = self._weapon_pronoun(patient)
        if weapon is not None:  # "fired a missile at a destroyer, but it was shot down": the firer's
            args.instruments.append(weapon)
            args.target = self._span(self._firer(weapon), args, instrument=False)
            return False
        aimed = any(c.dep_ == "prep" and c.lower_ in ("at", "toward", "towards") for c in verb.children)
        if patient is not None and self.is_weapon(patient) and aimed and args.source is None and \
                self.is_actorish(noun_phrase(patient).text, True):
            args.instruments.append(patient)  # "Houthi missiles were fired at a destroyer": theirs
            args.source = noun_phrase(patient)
            return False
        if patient is not None and self.is_weapon(patient) and not self.is_actorish(
                noun_phrase(patient).text, True):
            args.instruments.append(patient)  # "rockets were fired at U.S. troops"
            patient = None
            origin = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            origin_obj = pobj(origin) if origin is not None else None
            if args.source is None and origin_obj is not None and origin_obj.pos_ == "PROPN" and \
                    self.is_actorish(noun_phrase(origin_obj).text, True):
                args.source = noun_phrase(origin_obj)  # "the missiles were launched from Iran"
        args.target = self._span(patient, args, instrument=False)
        return False

    def _active(self, verb: Token, etype: EventType, args: Arguments) -> None:
        """Source from the subject (or the clause above, or the accused), target from the object."""
        subject = _child(verb, "nsubj")
        main_doer = self._main_clause_doer(verb, etype) if subject is None else None
        if subject is None and args.accused is not None:
            args.source = args.accused  # "accused X of bombing": X, not the accuser
        elif main_doer is not None:
            args.source = main_doer
        else:
            args.source = self._span(subject if subject is not None else self.subject_of_clause(verb), args)
        if args.source is None and subject is not None and self.is_weapon(subject):
            # "drones launched by the rebels struck ...", not "a drone launched from Lebanon"
            # (where it came from: the suspect reading of counterparts)
            args.source = self._attacker(subject, origins=False)
            if args.source is None and definite_mention(subject) and etype.name in _VIOLENT:
                args.source = self._latest_doer(verb)  # "the warplanes had attacked": the raid's
        if (subject is None and args.source is not None and verb.dep_ == "conj"
                and verb.head.dep_ == "ccomp" and not self.is_actorish(args.source.text, False)):
            # "Trudeau said the admission was a step but demanded ...": the parser hung
            # "demanded" on the reported clause; its doer is the reporter.
            args.source = self._span(self.subject_of_clause(verb.head.head), args)
        if subject is None and args.source is None and verb.dep_ == "relcl":
            if self._seen_trigger(verb.head):  # "the airstrikes that killed ...": that event's doer
                args.source = noun_phrase(verb.head)
            elif self._event_noun(verb.head):
                args.source = self._doer_of_mention(verb.head)
            else:
                args.source = self._span(verb.head, args)
        downing = any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children) or verb.lower_ in _DOWNING
        obj = _child(verb, "dobj")
        if downing and obj is not None and (obj.lower_ in _SHARE_WORDS or obj.pos_ == "NUM"):
            obj = _prep_object(obj, "of") or obj  # "shot down all of them", "downed two of them"
        if downing and obj is not None and obj.lower_ in ("it", "them"):
            downed = self._downed(obj)  # "its air defenses had mistakenly downed it": the plane
            if downed is None and obj.lower_ == "them" and verb.lemma_.lower() in self.defence.interceptions:
                fired = self._attack_before(None)  # "shot down all of them": the weapons just told of
                if fired is not None:
                    args.target = fired.source
                    return
            obj = downed or obj
        # an aircraft shot down is the target ("shooting down the plane"); a drone or missile shot
        # down stands for whoever launched it (the gold guidelines), as before
        aircraft = downing and obj is not None and obj.lemma_.lower() in _AIRCRAFT
        args.target = self._span(obj, args, etype.instrument_objects and not aircraft)
        if args.target is None:  # "shot down two missiles fired from Yemen": at whoever fired them
            fired = _child(verb, "dobj")
            args.target = self._attacker(fired) if fired is not None and self.is_weapon(fired) else None

    def _main_clause_doer(self, verb: Token, etype: EventType) -> Span | None:
        """The doer of a participle the parser hung on a time clause ("warplanes struck the
        airport as the WHO chief prepared to board, hitting the control tower"): the hitting is
        the main clause's act, so its doer is that act's, not the time clause's subject."""
        if not participle_on_time_clause(verb):
            return None
        main = verb.head.head
        for trigger, args in reversed(self._seen):
            if trigger.head.i == main.i and trigger.head.doc is verb.doc and trigger.event_type == etype.name:
                return args.source
        return None

    def _complement_target(self, verb: Token, etype: EventType, args: Arguments) -> None:
        """A type's target preposition, else the object of the complement clause ("threatened
        to attack U.S. bases", "offered to help Iraqi forces investigate")."""
        if args.target is None:
            args.target = self._span(self._target_prep(verb, etype), args, instrument=False)
        if args.target is not None:
            return
        args.target = self._span(_asked(verb), args, instrument=False)  # "called for the coalition to leave"
        if args.target is not None:
            return
        complement = _child(verb, "xcomp") or next(
            (c for c in verb.children if c.dep_ == "ccomp"
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)  # "agreed that July to train"
        if complement is None:
            return
        args.target = self._span(_child(complement, "dobj"), args)
        if args.target is not None and complement.lemma_.lower() in self.reprisal_verbs:
            args.target = self._killer_of(args.target) or args.target  # "vowed to avenge its commander"
        if args.target is None:
            clause = _child(complement, "ccomp", "xcomp")
            helped = _child(clause, "nsubj") if clause is not None else None
            if helped is not None and self.is_actorish(noun_phrase(helped).text, False):
                args.target = noun_phrase(helped)

    def _killer_of(self, victim: Span) -> Span | None:
        """Whom avenging a victim is aimed at: the doer of the latest attack told before on a
        victim of the same word, in the victim's phrase or its apposition ("killed Abu Taqwa, a
        senior commander of the group" … "vowed to avenge its commander"). An act avenged
        ("avenge the killing") is left to the act's own doer."""
        if self._event_noun(victim.root):
            return None
        lemma = victim.root.lemma_.lower()
        for trigger, args in reversed(self._seen):
            if trigger.head.i >= victim.sent.start or trigger.event_type != "ASSAULT":
                continue
            if args.target is not None and _named(args.source) and \
                    any(t.lemma_.lower() == lemma for t in args.target.root.subtree):
                return args.source
        return None

    def _object_target(self, verb: Token, etype: EventType, args: Arguments) -> None:
        """Targets that the object's own words point to, per type: the designation revoked, the
        place handed over, the decision condemned, the troops whose expulsion is demanded."""
        obj = _child(verb, "dobj")
        if obj is not None and obj.lemma_.lower() in _LIFTED_ACTS and etype.name in ("CONCEDE", "RETREAT"):
            for prep in obj.children:  # "revoked the designation of the Houthis"
                if prep.dep_ == "prep" and prep.lower_ in ("of", "on", "against"):
                    args.target = self._span(pobj(prep), args, instrument=False) or args.target
                    break
        if etype.name == "RETREAT":  # "handed the base over to Iraqi forces"
            to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
            recipient = pobj(to) if to is not None else None
            if recipient is not None and self.is_actorish(noun_phrase(recipient).text, False):
                args.target = self._span(recipient, args, instrument=False)
        if obj is not None and any(c.lower_ in _DEFINITE for c in obj.children):
            noun = obj.lemma_.lower()
            if etype.name in ("ACCUSE", "REJECT", "SUPPORT") and noun in _ACT_NOUNS:
                # "called the Israeli actions hostile": the named doer; "condemned / welcomed the decision"
                args.target = self._modifier_actor(obj, Arguments()) or self._latest_doer(
                    verb, any_type=True, policy=noun in _DECISION_NOUNS) or args.target
            if etype.name in ("ACCUSE", "REJECT") and noun in self.cues.violence_nouns:
                args.target = self._latest_doer(verb) or args.target  # "condemned the escalation": its doer
        if obj is not None and etype.name == "REQUEST" and obj.lemma_.lower() in self.cues.release_nouns:
            held = _child(obj, "poss") or _prep_object(obj, "of")
            args.target = self._holder(held, obj) if held is not None else args.target
        if obj is not None and etype.name == "ACCUSE" and obj.lower_ in self.cues.lodged_grievances \
                and (args.target is None or args.target.root.i == obj.i):
            addressee = _prep_object(obj, "with")  # "lodged a protest with Beijing": aimed at Beijing
            args.target = self._span(addressee, args, instrument=False) if addressee is not None else args.target
        if obj is not None and etype.name == "REQUEST" and obj.lemma_.lower() in _DEPARTURE_NOUNS:
            expelled = _prep_object(obj, "of")
            if expelled is not None:  # "demanded the expulsion of American troops"
                args.target = noun_phrase(expelled)
        if args.target is None:  # "launched toward shipping lanes"
            weapon = self._counted(obj) if obj is not None else None
            heads = (verb, weapon) if weapon is not None and self.is_weapon(weapon) else (verb,)
            toward = next((c for head in heads for c in head.children
                           if c.dep_ == "prep" and c.lower_ in ("toward", "towards")), None)
            if toward is not None and pobj(toward) is not None:
                args.target = noun_phrase(pobj(toward))
        if (args.target is None and obj is None and verb.dep_ == "relcl" and _child(verb, "nsubj") is not None
                and verb.head.pos_ in ("NOUN", "PROPN") and not self.is_weapon(verb.head)
                and not _when_or_where(verb)):
            args.target = noun_phrase(verb.head)  # "a car carrier the Houthis seized"
        if etype.name == "COERCE":
            args.target = self._taken_from(verb, args.target) or args.target
        named = self._named_culprit(verb) if etype.name == "ACCUSE" else None
        if named is not None:  # "called it Ukrainian sabotage", "an atrocity committed by Russia"
            args.target = named
        elif etype.name == "ACCUSE" and obj is not None and obj.pos_ == "PRON" and obj.lower_ in (
                "them", "it", "what", "this", "that"):
            # "called on Iran to release it and accused it of ...": a party just named in the
            # sentence; else "condemned them": the acts just reported
            args.target = self._party_before(obj, verb) or self._latest_doer(verb, singular=obj.lower_ == "it")
        if args.target is None and etype.name in ("ACCUSE", "REQUEST"):
            args.target = self._reported_subject(verb, args)
        if args.target is not None and etype.name in _UNKNOWN_DOER_TYPES and self._struck_thing(args.target):
            args.target = self._named_victim(verb) or args.target  # a city or a tower struck: whom it hit
        if args.target is None and obj is not None and self.is_weapon(obj):
            # "launched a drone at Erbil Air Base": the weapon's own "at"
            args.target = self._span(self._target_prep(obj, etype), args, instrument=False)
        if args.target is None and obj is not None and self.is_weapon(obj):
            # "fired missiles and sent drones against Kurdish groups": one volley, one target
            args.target = self._span(self._partner_weapon_target(verb, etype), args, instrument=False)

    def _partner_weapon_target(self, verb: Token, etype: EventType) -> Token | None:
        """The target a verb conjoined to ``verb``, sharing its subject, gives its own weapon:
        "fired ballistic missiles and sent explosive drones against Kurdish groups"."""
        partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            partners.append(verb.head)
        for partner in partners:
            if _child(partner, "nsubj", "nsubjpass") is not None and partner is not verb.head:
                continue  # a clause of its own subject: another act
            weapon = _child(partner, "dobj")
            if weapon is not None and self.is_weapon(weapon):
                target = self._target_prep(weapon, etype) or self._target_prep(partner, etype)
                if target is not None:
                    return target
        return None

    def _named_culprit(self, verb: Token) -> Span | None:
        """The doer a name given to an act names: "called it Ukrainian sabotage", "called the
        attack an atrocity committed by Russia", "branded the raid Israel's aggression". The name
        says who is accused, whatever the act named was told of before."""
        if verb.lemma_.lower() not in self.cues.status.naming_verbs:
            return None
        name = _child(verb, "oprd", "attr")
        if name is None:
            return None
        owner = _child(name, "poss")
        if owner is not None and owner.pos_ != "PRON" and self.is_actorish(noun_phrase(owner).text, True):
            return noun_phrase(owner)
        modifier = self._modifier_actor(name, Arguments())
        if modifier is not None:
            return modifier
        for clause in name.children:  # "an atrocity committed by Russia"
            agent = _child(clause, "agent") if clause.dep_ == "acl" else None
            doer = pobj(agent) if agent is not None else None
            if doer is not None and self.is_actorish(noun_phrase(doer).text, True):
                return noun_phrase(doer)
        return None

    def _taken_from(self, verb: Token, taken: Span | None) -> Span | None:
        """Whom a place or a thing was taken from: "retook Tikrit from the Islamic State", "the
        plateau Israel captured from Syria". A party seized itself stays the target."""
        if taken is not None and self.is_actorish(taken.text, False) and not self.names_place(taken.text):
            return None
        holder = _prep_object(verb, "from")
        if holder is None or _is_when(holder) or not self.is_actorish(noun_phrase(holder).text, True):
            return None
        return noun_phrase(holder)

    def _partner_in_object(self, verb: Token) -> Span | None:
        """The other party of a tie-changing act, named by the verb or inside what the act is
        about: "suspending its use of the hotline with coalition commanders", "suspended the
        memorandum it had signed with Washington", "brokered a ceasefire between the United
        States and the Houthis"."""
        obj = _child(verb, "dobj")
        inside = list(obj.subtree) if obj is not None else []
        for token in [*verb.children, *inside]:
            if token.dep_ != "prep" or token.lower_ not in self.cues.partner_preps:
                continue
            partner = pobj(token)
            if partner is not None and self.is_actorish(noun_phrase(partner).text, False):
                return noun_phrase(partner)
        return None

    def _holder(self, held: Token, release: Token) -> Span | None:
        """Who holds what a demand asks to be released: the doer of the seizure the held thing's
        own relative clause tells ("the tanker Grace 1, which British Royal Marines helped
        seize"), else of the latest seizure told before of a thing of that name or, for an
        unnamed thing, of that word ("seized a chemical tanker" for "the tanker's release").
        None when the text told no such seizure."""
        told = self._seizer_in_clause(held) or self._seizer_in_clause(release, appositions=False)
        if told is not None:  # the parser may hang the clause on the word "release"
            return told
        seizures = [a for t, a in self._seen
                    if t.event_type == "COERCE" and t.head.i < held.i and t.head.doc is held.doc
                    and _named(a.source) and a.target is not None]
        phrase = noun_phrase(held)
        names = [t.lower_ for t in phrase if t.pos_ == "PROPN" and t.i >= held.i]
        words = names or [held.lemma_.lower()]
        alike = [a for a in seizures if all(w in own_words(a.target.root).split() for w in words)]
        if alike:
            return alike[-1].source
        return seizures[-1].source if seizures and not names else None

    def _seizer_in_clause(self, held: Token, appositions: bool = True) -> Span | None:
        """X in "the Galaxy Leader, a car carrier X seized", "the tanker, which X helped seize"."""
        seizing = self.ontology.types["COERCE"].verbs
        nouns = [held, *(c for c in held.children if c.dep_ == "appos" and appositions)]
        for noun in nouns:
            for clause in noun.children:
                if clause.dep_ not in ("relcl", "acl"):
                    continue
                verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
                subject = _child(clause, "nsubj")
                if subject is not None and any(v.lemma_.lower() in seizing for v in verbs) \
                        and self.is_actorish(noun_phrase(subject).text, True):
                    return noun_phrase(subject)
        if not appositions:
            return None
        for noun in nouns:  # "a car carrier the Houthis seized": the parser made the subject a name
            for name in (t for t in noun.subtree if t.dep_ == "appos" and t.i + 1 < len(t.doc)):
                verb = name.doc[name.i + 1]
                if verb.lemma_.lower() in seizing and _child(verb, "nsubj") is None \
                        and self.is_actorish(noun_phrase(name).text, True):
                    return noun_phrase(name)
        return None

    def _joint_target(self, verb: Token, etype: EventType, args: Arguments) -> None:
        """Counterparts of support and joint acts: whom support is for, what one is committed
        to, and a second subject ("Biden and Kadhimi agreed")."""
        obj = _child(verb, "dobj")
        if obj is not None and obj.lemma_.lower() in _HELP_NOUNS and etype.name in _JOINT_TYPES | {"SUPPORT", "AID"}:
            for prep in obj.children:  # "pledged American support for the KRG's investigation"
                beneficiary = pobj(prep) if prep.dep_ == "prep" and prep.lower_ in ("for", "to") else None
                if beneficiary is None:
                    continue
                owner = _child(beneficiary, "poss")
                pick = owner if owner is not None and owner.pos_ != "PRON" else beneficiary
                if self.is_actorish(noun_phrase(pick).text, False):
                    args.target = noun_phrase(pick)
                    break
        if args.target is None and etype.name in _JOINT_TYPES | {"SUPPORT"}:
            for head in (verb, *(c for c in verb.children if c.dep_ == "acomp")):
                to = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "with")), None)
                partner = pobj(to) if to is not None else None
                if partner is not None and self.is_actorish(noun_phrase(partner).text, False):
                    args.target = noun_phrase(partner)  # "remained committed to the coalition"
                    break
        if etype.name in _JOINT_TYPES and (args.target is None or not self.is_actorish(args.target.text, False)):
            subject = _child(verb, "nsubj")  # "Britain and Iraq signed an agreement": Iraq, not the agreement
            partner = _child(subject, "conj") if subject is not None else None
            if partner is not None and _child(partner, "conj") is not None:
                partner = None  # "Britain, Canada and France had joined": a list acting together
            args.target = self._span(partner, args, instrument=False) or args.target

    def _nominal(self, noun: Token, etype: EventType, args: Arguments) -> None:
        poss = _child(noun, "poss")
        if poss is not None and _is_when(poss):
            poss = None  # "Monday's missile strike": when, not who
        if poss is not None and poss.lower_ in ("our", "my"):  # "'Our response began today,' Biden said"
            args.source = self._span(self._quoted_speaker(noun), args)
        elif poss is not None and (poss.pos_ == "PRON" or poss.lower_ == "whose"):  # "with their attacks"
            args.source = self._span(self._owner_of_pronoun(noun), args)
        elif poss is not None:
            args.source = self._span(poss, args)
        by = self._nominal_by(noun)
        if args.source is None and by is not None:
            args.source = self._span(pobj(by), args)
        if args.source is None:
            args.source = self._span(self._participle_agent(noun), args)
        of_obj = _prep_object(noun, "of")
        if of_obj is not None and _is_when(of_obj):
            of_obj = None  # "Iran's missile barrage of Oct. 1": when, not whom
        if etype.of_role == "source" and args.source is None:
            args.source = self._span(of_obj, args)
            of_obj = None
        if args.source is None:  # "the Hamas-led attack"
            args.source = self._led_by(noun)
        if args.source is None:
            args.source = self._modifier_actor(noun, args, place_names=etype.name not in _UNKNOWN_DOER_TYPES)
        killed_in = noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in self.cues.casualty_verbs \
            and _child(noun.head.head, "nsubj") is not None  # "Israel killed Nasrallah in an airstrike"
        talked = _talks_verb(noun) if etype.name in _JOINT_TYPES else None
        if args.source is None and talked is not None:
            args.source = self._span(self.subject_of_clause(talked), args)
        if args.source is None and noun.dep_ == "pobj" and (noun.head.lower_ in ("with", "by") or killed_in) and \
                noun.head.head.pos_ == "VERB":
            # "American forces responded with counter-battery fire", "retaliated with strikes"
            args.source = self._span(self.subject_of_clause(noun.head.head), args)
        counted = _counted_by(noun)  # "launched a wave of strikes": the wave stands where the act does
        anchor = counted if counted is not None else noun
        named = self._named_in_clause(anchor)  # "carried out what it called a warning strike"
        anchor = named if named is not None else anchor
        governor = anchor.head
        light = (anchor.dep_ in ("dobj", "nsubjpass") or named is not None) \
            and governor.lemma_.lower() in self.cues.light_verbs
        if args.source is None and light:
            if anchor.dep_ == "nsubjpass":
                agent = _child(governor, "agent")
                args.source = self._span(pobj(agent) if agent is not None else None, args)
            elif self._said_and(governor):
                # "Trump said Iran appears to stand down and announced sanctions": the parser
                # hangs "announced" on the reported clause; the announcer is the speaker.
                args.source = self._span(self.subject_of_clause(governor.head.head), args)
            else:
                args.source = self._span(self.subject_of_clause(governor), args)
        target = self._target_prep(noun, etype)
        if target is None and light:
            target = self._target_prep(governor, etype)
        if target is None and noun.dep_ == "nsubj" and governor.lemma_ == "be":
            target = self._target_prep(governor, etype)  # "the strikes were against X"
        if of_obj is not None and noun.lemma_.lower() in _COUNT_NOUNS and self.is_weapon(of_obj):
            args.instruments.append(of_obj)  # "a barrage of drones": what was fired, not at whom
            of_obj = None
        if target is None and etype.of_role == "target":
            target = of_obj
        if target is None:  # "sanctions that Canada imposed on Iran's morality police"
            for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")
                           and blamed_on(c) is None):  # "an attack X has blamed on the group"
                target = self._target_prep(clause, etype)
                if target is not None:
                    break
        if target is None and etype.name == "REQUEST":
            target = _asked(noun)  # "Ottawa's call for Canadians to leave Iran"
        if target is None and noun.dep_ == "pobj" and noun.head.lower_ in etype.answered_preps \
                and noun.head.head.pos_ in ("VERB", "AUX"):
            target = self.subject_of_clause(noun.head.head)  # "NATO met at Turkey's request": of NATO
        if target is None and talked is not None:
            addressee = _child(talked, "dobj")  # not "raised the release in a call": what was said
            target = addressee if addressee is not None and not _is_token(noun.head.head, addressee) else None
        if target is None and _undergone(anchor):
            target = self.subject_of_clause(anchor.head.head)  # "U.S. forces came under attack"
        if args.source is not None and (target is None or not self.is_actorish(noun_phrase(target).text, False)):
            # "two men were killed in an Israeli strike"; "Mousavi was killed in an Israeli
            # airstrike on the Sayyida Zeinab area": whom it killed, not the place it hit
            target = self._casualty_of(anchor) or target
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.cues.casualty_verbs:
            victim = _child(noun.head, "dobj")  # "a drone strike on a car killed X": X is the target
            if victim is not None and (target is None or not self.is_actorish(noun_phrase(target).text, False)):
                target = victim
        victim = self._killed_in_clause(noun) if target is None else None
        if victim is not None and self.is_actorish(noun_phrase(victim).text, True):
            target = victim  # "the drone strike that killed Qassem Soleimani"
        args.target = self._span(target, args, instrument=False)

    def _killed_in_clause(self, noun: Token) -> Token | None:
        """Whom an act noun's own relative clause says it killed or wounded: "the U.S. drone
        strike that killed Qassem Soleimani" (its caller takes a named victim only: "the
        attack, which killed two guards" stays aimed where the text or the story puts it)."""
        for clause in noun.children:
            if tells_of_noun(clause, noun) and clause.lemma_.lower() in self.cues.casualty_verbs \
                    and _child(clause, "nsubj") is not None:
                return _child(clause, "dobj")
        return None

    def _named_in_clause(self, noun: Token) -> Token | None:
        """The clause "what X called N" when it stands where the act noun N would ("Israel
        carried out what it called a warning strike": Israel carried out the strike), else None."""
        verb = noun.head
        if noun.dep_ != "oprd" or verb.lemma_.lower() not in self.cues.status.naming_verbs:
            return None
        if not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
            return None
        return verb if verb.dep_ in ("ccomp", "dobj") else None

    def _casualty_of(self, noun: Token) -> Token | None:
        """Whom an act noun hit when the sentence reports it as the means of a casualty: "two
        men were killed in an Israeli strike", "Soleimani, who was killed by a U.S. drone
        strike", "al-Baghdadi died during a raid". Not a definite re-mention ("were wounded in
        the attack"): the casualties of an act already told are its consequences, not a new act."""
        prep = noun.head
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
        if definite or noun.dep_ != "pobj" or prep.lower_ not in ("in", "during", "by") \
                or prep.dep_ not in ("prep", "agent"):
            return None
        verb = prep.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            return None
        if lemma in self.cues.casualty_verbs:
            return _child(verb, "nsubjpass")
        if lemma in self.cues.kill_words and _child(verb, "dobj") is None:
            return _child(verb, "nsubj")  # "died": its subject is the casualty
        return None

    def _conjoined_source(self, verb: Token) -> Span | None:
        for trigger, args in reversed(self._seen):
            if trigger.head.i == verb.head.i and trigger.head.doc is verb.doc:
                return args.source
        return None

    def _quoted_speaker(self, noun: Token) -> Token | None:
        """Who "our" or "my" is in reported words: the subject of the verb of saying above."""
        node = _governor_in(noun, self.cues.say_verbs, 8)
        subject = self.subject_of_clause(node) if node is not None else None
        return subject if subject is not None and subject.pos_ != "PRON" else None

    def _owner_of_pronoun(self, noun: Token) -> Token | None:
        """Who "its"/"their" on a nominal is: the subject of the nearest clause above it; "whose"
        is the noun its relative clause hangs from ("the Houthis, whose attacks on shipping")."""
        poss = _child(noun, "poss")
        if poss is not None and poss.lower_ == "whose":
            clause = next((t for t in noun.ancestors if t.dep_ == "relcl"), None)
            return clause.head if clause is not None else None
        node = noun
        for _ in range(6):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subject = self.subject_of_clause(node)
                if subject is None and node.dep_ in ("acl", "relcl"):
                    subject = node.head  # "the rebels pressed on with their attacks"
                return subject if subject is not None and subject.pos_ != "PRON" else None
        return None

    def reported_target(self, head: Token) -> Span | None:
        """What the act implied by a blame or claim ("Iran blamed Israel", "claimed
        responsibility") was aimed at: the target of that act as reported (its "for" object's
        own target, else the latest attack reported before)."""
        for prep in head.children:
            obj = pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "for" else None
            if obj is not None and self._event_noun(obj):
                return self._event_target(obj)
        return self._event_target(head)

    def _event_target(self, noun: Token) -> Span | None:
        """What a claimed act was aimed at: its own target phrase ("the attack on X"), else the
        target of the same act where it was reported before."""
        etype = self.ontology.types.get("ASSAULT")
        if etype is None:
            return None
        own = self._target_prep(noun, etype) if noun.pos_ in ("NOUN", "PROPN") else None
        if own is not None:
            return noun_phrase(own)
        victims = (_child(c, "dobj") for c in noun.subtree
                   if c.dep_ == "relcl" and c.lemma_.lower() in self.cues.casualty_verbs)
        killed = next((victim for victim in victims if victim is not None), None)
        if killed is not None:  # "claimed the shooting in Karak, which killed ten people"
            return noun_phrase(killed)
        lemma = noun.lemma_.lower()
        earlier = [(t, a) for t, a in self._seen if t.event_type == "ASSAULT"
                   and t.head.i < noun.sent.start and a.target is not None]
        same = [a for t, a in earlier if _named_by(t.head, {lemma})]
        pool = same or [a for _t, a in earlier]
        return pool[-1].target if pool else None

    def _said_and(self, verb: Token) -> bool:
        """``verb`` is conjoined to a clause reported by a verb of saying, with no subject of
        its own ("X said A ... and announced B")."""
        return (verb.dep_ == "conj" and _child(verb, "nsubj", "nsubjpass") is None
                and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in self.cues.say_verbs)

    @staticmethod
    def _plural_before(pronoun: Token) -> Token | None:
        """The plural subject closest before ``pronoun`` in its sentence (not its own clause's)."""
        own = pronoun.head
        while own.pos_ not in ("VERB", "AUX") and own.head.i != own.i:
            own = own.head  # the clause the pronoun is an argument of
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") and token.head.i != own.i:
                return token
        return None

    def _counted(self, token: Token) -> Token:
        """What a count or a volley stands for: "dozens of rockets", "a barrage of drones",
        "dozens of Hamas members"."""
        if token.lemma_.lower() not in _COUNT_NOUNS and token.pos_ != "NUM":
            return token
        counted = _prep_object(token, "of")
        if counted is None:
            return token
        if self.is_weapon(counted) or self.is_actorish(noun_phrase(counted).text, False):
            return counted
        if token.pos_ != "NUM" and counted.pos_ == "NOUN" and not self._event_noun(counted):
            return counted  # "fired on dozens of merchant ships": the ships, not "dozens"
        return token

    def _downed(self, pronoun: Token) -> Token | None:
        """What "it" stands for as the object of a downing: the latest aircraft named as an
        object in this sentence or the one before ("denied shooting down the plane but
        admitted its air defenses had downed it")."""
        doc = pronoun.doc
        start = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else pronoun.sent.start
        objects = [t for t in doc[start : pronoun.i] if t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass")
                   and t.lemma_.lower() in _AIRCRAFT]
        return objects[-1] if objects else None

    def _weapon_pronoun(self, pronoun: Token | None) -> Token | None:
        """The weapon an "it"/"they" stands for: the latest subject or object before it in its
        sentence, when that is a weapon ("the Houthis fired a missile at a ship, but it was shot
        down"; in "Iran said it was attacked" it is no weapon)."""
        if pronoun is None or pronoun.lower_ not in ("it", "they"):
            return None
        before = pronoun.doc[pronoun.sent.start : pronoun.i]
        arguments = [t for t in before if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj")]
        return arguments[-1] if arguments and self.is_weapon(arguments[-1]) else None

    def _firer(self, weapon: Token) -> Token | None:
        """Who fired ``weapon``: the subject of the clause it is the object of, or its launcher."""
        launcher = self._launcher(weapon)
        if launcher is not None:
            return launcher.root
        if weapon.dep_ == "dobj":
            return self.subject_of_clause(weapon.head)
        return None

    def _launcher(self, weapon: Token | None) -> Span | None:
        """Whose weapons were shot down: "shot down 18 drones that the group had launched"."""
        if weapon is None or not self.is_weapon(weapon):
            return None
        weapons = [weapon, *(c for c in weapon.children if c.dep_ == "conj")]
        for clause in (c for w in weapons for c in w.children):
            if clause.dep_ in ("relcl", "acl"):
                subject = _child(clause, "nsubj")
                if subject is not None and subject.pos_ != "PRON":
                    return noun_phrase(subject)
        return None

    def _struck_thing(self, target: Span) -> bool:
        """A target that is a place or a thing, not a party: a city ("struck Erbil"), a
        structure ("struck an observation tower"). A site that hosts forces stands for them."""
        root = target.root
        if root.pos_ == "PROPN":
            return not self.is_actorish(target.text, True)
        return root.pos_ == "NOUN" and root.lemma_.lower() not in _SITE_WORDS \
            and not self.is_actorish(target.text, False) and not self.is_weapon(root)

    def _named_victim(self, verb: Token) -> Span | None:
        """For an attack on a place ("Rockets struck Erbil, killing a contractor ... and wounding
        an American service member"), the first victim the text names by country or group, else
        the first it names by kind ("bombed a market, killing dozens of shoppers")."""
        casualty = self.cues.casualty_verbs
        objects: list[Token] = []
        for clause in verb.children:
            if clause.dep_ not in ("advcl", "conj") or clause.lemma_.lower() not in casualty | {"wound", "injure"}:
                continue
            # the victims and what describes them, not the clause's own phrases ("killing 25
            # fighters, in retaliation for the attack that killed a U.S. contractor")
            victims = [t for c in clause.children if c.dep_ in ("dobj", "conj") for t in _without_clauses(c)]
            objects += [c for c in victims if c.dep_ in ("dobj", "conj", "appos", "pobj")
                        and c.pos_ in ("NOUN", "PROPN")]
        for named_only in (True, False):
            for obj in objects:
                phrase = noun_phrase(obj)
                owned = any(t.dep_ == "poss" for t in phrase)  # "killing three of its crew": the ship's
                if self.is_actorish(phrase.text, named_only) and (named_only or not owned):
                    return phrase
        return None

    def _reported_subject(self, verb: Token, args: Arguments) -> Span | None:
        """Y in "X suspected Y was responsible", "X said Y was behind the attack"."""
        clause = _child(verb, "ccomp")
        subject = _child(clause, "nsubj", "nsubjpass") if clause is not None else None
        if subject is None or subject.pos_ == "PRON":
            return None
        if not self.is_actorish(noun_phrase(subject).text, False):
            return None
        return self._span(subject, args, instrument=False)

    def _place_left(self, verb: Token, own: Span) -> Span | None:
        """For a withdrawal of one's own forces ("pulled their trainers out of Iraq", "cut its
        troop presence in Iraq"), the counterpart is the place left."""
        if not any(t.dep_ == "poss" and t.pos_ == "PRON" for t in own):
            return None
        against = next((c for head in (own.root, verb) for c in head.children
                        if c.dep_ == "prep" and c.lower_ == "against"), None)
        if against is not None and pobj(against) is not None:  # "suspending its operations against X"
            return noun_phrase(pobj(against))
        for head in (own.root, verb):
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                    continue
                obj = pobj(prep) or next((pobj(p) for p in prep.children if p.dep_ == "prep"), None)
                if obj is not None and obj.pos_ == "PROPN":
                    return noun_phrase(obj)
        return None

    def _participle_agent(self, noun: Token) -> Token | None:
        """The agent of a participle that says who did the act: "the attack, claimed by the
        Islamic Resistance in Iraq", "strikes carried out by U.S. aircraft"."""
        doers = _CLAIM_VERBS | self.cues.light_verbs
        for clause in noun.children:
            if clause.dep_ != "acl" or clause.tag_ != "VBN" or clause.lemma_.lower() not in doers:
                continue
            agent = _child(clause, "agent")
            if agent is not None and pobj(agent) is not None:
                return pobj(agent)
        return None

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

    def _modifier_actor(self, noun: Token, args: Arguments, place_names: bool = True) -> Span | None:
        """An actor named by a modifier of a nominal: "U.S. airstrikes", "Iranian missile attack".
        Without ``place_names``, a place's name written out is where the act was, not who did
        it: "the Jordan attack", "the Tehran bombings" (an abbreviation, "U.S. strikes", still
        names the doer)."""
        for child in noun.lefts:
            if child.dep_ not in ("amod", "compound", "nmod"):
                continue
            if self.is_weapon(child):
                args.instruments.append(child)
                owner = self._weapon_owner(child)  # "Israeli drone strikes", the adjective on "drone"
                if owner is not None:
                    return owner
                continue
            if not place_names and child.pos_ == "PROPN" and self.names_place(child.text):
                continue
            end = child.i + 1
            if child.lower_ in ("led", "backed") and end < noun.i and noun.doc[end].dep_ == "compound":
                end += 1  # "a Saudi-led coalition airstrike", parsed as two modifiers of "airstrike"
            text = noun.doc[child.left_edge.i : end].text
            if child.pos_ == "NOUN" and not self.is_actorish(child.text, False) \
                    and not any(t.pos_ == "PROPN" for t in noun.doc[child.left_edge.i : end]):
                continue  # "government formation talks": the talks are about a formation, no one's
            # An adjective must name an actor ("Iranian"); a noun may just be one ("militia").
            if self.is_actorish(text, child.pos_ == "ADJ"):
                return noun.doc[child.left_edge.i : end]
        return None

    def _weapon_owner(self, weapon: Token) -> Span | None:
        """A nationality the parser hung on the weapon word of an act noun ("Israeli drone
        strikes" read as "Israeli drone" + "strikes")."""
        for child in weapon.lefts:
            if child.dep_ == "amod" and child.pos_ == "ADJ" and self.is_actorish(child.text, True):
                return weapon.doc[child.i : child.i + 1]
        return None


#: Verbs whose subject undergoes the act after "under": "came under rocket attack".
_UNDERGOING_VERBS = frozenset({"come", "be"})


def _named(side: Span | None) -> bool:
    """Whether a side is one the text gives (not absent, not the unknown doer or attacker)."""
    return side is not None and side.label_ not in (UNKNOWN_DOER, UNKNOWN_ATTACKER)


def _named_by(head: Token, names: AbstractSet[str]) -> bool:
    """Whether an act told before is one that a re-mention by one of ``names`` retells: its
    trigger is such a word, or it is a verb whose subject is one or a compound of one ("An
    airstrike flattened a consular building ... Tehran blamed Israel for the strike")."""
    if head.lemma_.lower() in names:
        return True
    subject = _child(head, "nsubj") if head.pos_ in ("VERB", "AUX") else None
    return subject is not None and subject.lemma_.lower().endswith(tuple(names))


def _among_those_hit(verb: Token) -> Token | None:
    """The subject of "X were among the sites hit": a participle right after the noun "among"
    takes is a reduced passive ("the sites [that were] hit"), which the parser often hangs on the
    copula as a clause of its own, making X look like the doer. X is what was hit."""
    if verb.i == 0 or any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "among":
        return None
    copula = noun.head.head
    if copula.lemma_ != "be":
        return None
    return next((c for c in copula.children if c.dep_ == "nsubj"), None)


def _a_person(noun: Token) -> bool:
    """A noun for a person, whom "it" never stands for: a name ("Mekdad"), or a role with a
    person's name beside it or a person's possessive ("his Syrian counterpart, Faisal Mekdad")."""
    if noun.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" or c.dep_ == "poss" and c.lower_ in ("his", "her")
               for c in noun.children)


def _doer_known(args: Arguments) -> Arguments | None:
    """An act's arguments with the doer the text named for it: its own source, else that of
    the act it re-mentions ("called the strikes a war crime": the strikes told before). None
    when no doer is known."""
    doer = args.source if args.source is not None else args.antecedent
    if not _named(doer):
        return None
    return args if args.source is not None else Arguments(source=doer, target=args.target)


def _undergone(noun: Token) -> bool:
    """ "came under a string of drone attacks", "the convoy was under fire": the subject of the
    verb is what the act was aimed at."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" \
        and prep.head.lemma_.lower() in _UNDERGOING_VERBS


def _counted_by(noun: Token) -> Token | None:
    """The count noun an act noun hangs from: "wave" in "a wave of air strikes", "string" in
    "a string of drone attacks"."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _COUNT_NOUNS:
        return of.head
    return None


def blamed_on(verb: Token) -> Token | None:
    """X in "blamed the attack on X", "an attack Washington has blamed on the group": the
    object of the word's "on", unless that is a time ("blamed a rocket for the deaths on Saturday")."""
    objects = (pobj(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "on")
    return next((o for o in objects if o is not None and not _is_when(o)), None)


def _asked(word: Token) -> Token | None:
    """X in a request "for X to do Y" ("called for the coalition to leave", "Ottawa's call for
    Canadians to leave Iran"): the subject of the clause the request introduces."""
    for clause in word.children:
        if clause.dep_ in ("acl", "advcl", "ccomp", "relcl") and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            subject = _child(clause, "nsubj")
            if subject is not None:
                return subject
    return None


def _governor_in(token: Token, lemmas: frozenset[str], steps: int) -> Token | None:
    """The nearest word above ``token`` (at most ``steps`` up) whose lemma is one of ``lemmas``."""
    node = token
    for _ in range(steps):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in lemmas:
            return node
    return None
