"""Whether an event is reported as real: actual, claimed, threatened, hypothetical or negated.

The status comes from what *governs* the trigger in the parse. Walking from the trigger up to
the sentence root, each link may carry a cue (all cue words live in ``plover.yaml``):

* negation on the trigger or its own clause ("did not attack", "no strikes") -> ``negated``;
  a governing denial ("denied any role in the explosions") -> ``negated``;
* a governing threat verb ("vowed to strike", "pledged that they would strike") -> ``threatened``;
* a governing accusation or claim ("accused X of attacking") or "allegedly" -> ``claimed``;
* a modal ("should withdraw", "could strike"), an "if" clause, a bare purpose infinitive ("to
  fight ISIS"), "likely to", a recommendation or proposal -> ``hypothetical``.

The nearest cue wins, except that a threat outranks the modal inside its own complement ("they
*would* strike" under "pledged"). The walk stops at a subject link (the modality of "could
destabilise" is not that of its subject "the strikes"), except where the predicate is itself a
forecast or a condition ("further attacks *are likely*", "*if* the attacks continue"), and at a
presupposing preposition ("revenge *for* the assassination": the assassination happened) unless
that preposition hangs from a blame word ("blamed Iran *for* the attack": the attack is claimed)
or gives a purpose ("is expected to travel to Cairo *for* talks": the talks are still to come).
A relative clause describes what happened and stops the walk too, except a participle on a noun
that names an act ("likely to resume talks *hosted* by Oman"), an infinitive the parser hangs on
a noun ("need months *to establish* who fired"), and a clause of a time to come ("*once* the
report is published"), which are as real as what governs them.

Some types carry their status in their meaning (a threat is ``threatened`` by nature; see
``type_status`` in ``plover.yaml``), and a rejected accusation ("rejected the accusation as
baseless") is a denial, so ``negated``.
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.events.ontology import StatusCues

__all__ = ["ASSERTED", "StatusFinder", "STATUSES", "participle_on_time_clause"]

STATUSES = ("actual", "claimed", "threatened", "hypothetical", "negated")
#: The statuses of acts reported as done (an accusation's act included).
ASSERTED = ("actual", "claimed")
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_MAX_STEPS = 8
# Conjunctions whose subjectless "-ing" clause shares the main clause's doer and mood.
_SHARED_MOOD_MARKS = frozenset({"while", "whilst"})
_TIME_MARKS = frozenset({"as", "while", "when"})
_NOBODY = frozenset({"nobody", "none", "noone"})


def _says_no(noun: Token) -> bool:
    """ "no group", "no evidence": the noun is determined by "no"."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _semicolon_between(child: Token, governor: Token) -> bool:
    """A semicolon separates ``child``'s clause from its governor's word: the parser's link
    across it joins two independent clauses."""
    if child.i < governor.i:
        between = child.doc[child.right_edge.i + 1 : governor.i]
    else:
        between = child.doc[governor.i + 1 : child.left_edge.i]
    return any(t.text == ";" for t in between)


class StatusFinder:
    def __init__(self, cues: StatusCues) -> None:
        self.cues = cues
        # "a day after jets shot down drones", "while Britain condemned it": asserted clauses
        self._asserting_marks = cues.presupposing_preps | cues.assertive_marks

    def _negated_here(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ in ("det", "advmod") and child.lower_ in self.cues.negation:
                return True
        return False

    def _modal(self, verb: Token) -> bool:
        """A modal auxiliary on ``verb`` or, for a bare conjunct, on the verb it joins."""
        node = verb
        for _ in range(3):
            auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in self.cues.modals for a in auxes):
                return True
            if node.dep_ == "conj" and not auxes and not _finite_with_subject(node):
                node = node.head
                continue
            return False
        return False

    def _clause_cue(self, node: Token) -> str | None:
        """A cue on a clause node itself: modal, "if", "allegedly", negation."""
        if node.pos_ in ("VERB", "AUX"):
            if self._modal(node):
                return "hypothetical"
            if any(c.dep_ == "mark" and c.lower_ in self.cues.hypothetical_marks for c in node.children):
                return "hypothetical"
            if _as_long_as(node) or self._future_clause(node):
                return "hypothetical"
            if self._scheduled(node):
                return "hypothetical"
        if any(c.dep_ == "advmod" and c.lower_ in self.cues.claim_adverbs for c in node.children):
            return "claimed"
        return None

    def _scheduled(self, verb: Token) -> bool:
        """A plain present verb with a day is a schedule, not yet done: "leaders, who meet in
        Brussels on Monday", "talks resume tomorrow". A past or perfect verb ("met on Monday",
        "have met") reports; so does a present one with no day."""
        if verb.pos_ != "VERB" or not _simple_present(verb) or verb.lemma_.lower() == "be":
            return False
        days = self.cues.schedule_days
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "on":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            if child.dep_ in ("pobj", "npadvmod", "advmod") and child.lower_ in days:
                return True
        return False

    def _governor_cue(self, node: Token, child: Token) -> str | None:
        """A cue carried by ``node`` as the governor of ``child``."""
        lemma = node.lemma_.lower()
        if node.pos_ == "PROPN":
            return None  # "the Joint Comprehensive Plan of Action" plans nothing
        if lemma in self.cues.negating_verbs and not _circumstance(child):
            return "negated"
        phrasals = self.cues.negating_phrasals
        if any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in phrasals for c in node.children):
            return "negated"  # "called off the strikes", "held off on a response"
        if lemma in self.cues.threat_governors:
            return "threatened"
        if lemma in self.cues.claim_governors:
            return "negated" if self._nobody_did(node) else "claimed"  # "no group claimed the attack"
        if lemma in self.cues.naming_verbs and not self._asks(node) and child.dep_ != "dobj":
            return None  # "what it called a warning strike": a name for the act, not a request
        if lemma in self.cues.hypothetical_governors and node.pos_ in ("VERB", "AUX", "ADJ"):
            return "hypothetical"
        if node.pos_ in ("NOUN", "PROPN") and lemma in self.cues.hypothetical_nouns:
            return "hypothetical"
        if node.pos_ == "NOUN" and _says_no(node):
            return "negated"  # "there is no evidence that Iran ordered the strike"
        if child.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in child.children):
            if lemma not in self.cues.actualizing_governors:
                return "hypothetical"  # purpose or plan: "facilities used to launch strikes"
        return None

    def _as_real_as_its_noun(self, clause: Token) -> bool:
        """A clause on a noun that tells no act of its own, so the moods above the noun reach it:
        what a kind of people does ("prosecute militia members who attack bases"), a participle on
        an act noun ("talks mediated by the African Union": the mediation is the talks), an
        infinitive the parser hangs on a noun ("need months to establish who fired")."""
        if clause.dep_ == "relcl":
            return self._generic_present(clause) or self._infinitive_of_need(clause)
        return clause.dep_ == "acl" and clause.tag_ == "VBN" and self._act_noun(clause.head)

    def _purpose_for(self, prep: Token) -> bool:
        """"travel to Xiamen for a summit", "support for an embargo": a "for" that gives the
        purpose of going or of backing something, so what follows it is not presupposed and the
        moods above ("is expected to travel") reach it."""
        if prep.lower_ != "for":
            return False
        heads = self.cues.purpose_for_heads
        return prep.head.lemma_.lower() in heads or any(  # "strengthen support in Europe for"
            c.dep_ == "dobj" and c.lemma_.lower() in heads for c in prep.head.children)

    def _act_noun(self, noun: Token) -> bool:
        """A noun naming an act ("talks", "a summit"), or a party to one that a participle
        after it is parsed onto ("a summit of the BRICS nations hosted by Xi")."""
        heads = self.cues.act_heads
        if noun.lower_ in heads or noun.lemma_.lower() in heads:
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and (noun.head.head.lower_ in heads or noun.head.head.lemma_.lower() in heads)

    def _infinitive_of_need(self, clause: Token) -> bool:
        """An infinitive the parser hangs on a noun as a relative clause ("months to establish",
        "a plan to strike"): what it tells is still to be done, unless the noun is ranked ("the
        first country to suspend funding" tells what that country did)."""
        if not any(c.tag_ == "TO" for c in clause.children):
            return False
        noun = clause.head
        return not (noun.lemma_.lower() in self.cues.ordinal_words
                    or any(c.lower_ in self.cues.ordinal_words for c in noun.children if c.dep_ == "amod"))

    def _future_clause(self, verb: Token) -> bool:
        """"once the report is published", "when talks resume": a clause of a time still to come,
        in the plain present (active, or "is"/"are" with a participle)."""
        if not any(c.dep_ == "mark" and c.lower_ in self.cues.future_marks for c in verb.children):
            return False
        if _simple_present(verb):
            return True
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].tag_ in ("VBZ", "VBP") \
            and auxes[0].lemma_ == "be"

    def _asks(self, verb: Token) -> bool:
        """Whether a verb that can both name and ask asks here: "called for", "called on X to",
        "calling for their fighters to withdraw" (where the parser makes "for" the mark of the
        clause asked for)."""
        return any(c.dep_ in ("prep", "prt") and c.lower_ in self.cues.asking_preps for c in verb.children) \
            or any(c.dep_ == "xcomp" and any(t.tag_ == "TO" for t in c.children) for c in verb.children) \
            or any(c.dep_ == "advcl" and any(t.dep_ == "mark" and t.lower_ in self.cues.asking_preps
                                             for t in c.children) for c in verb.children)

    def status_of(self, trigger: Token, event_type: str, type_status: dict[str, str] | None = None) -> str:
        """The status of an event of ``event_type``: the governed status, adjusted for types whose
        meaning fixes it (a threat that is reported is ``threatened``, not ``actual``)."""
        found = self.status(trigger)
        if found == "actual" and self._denial(trigger):
            return "negated"
        if found == "actual" and event_type != "ACCUSE" and trigger.lemma_.lower() in self.cues.self_claiming:
            found = "claimed"  # "a group claimed responsibility"
        if found == "hypothetical" and event_type.lower() in self.cues.announced_types:
            if self._announced(trigger):
                found = "actual"
        inherent = (type_status or {}).get(event_type)
        if inherent and found in ("actual", "claimed"):
            return inherent
        return found

    def intent(self, trigger: Token) -> bool:
        """"said the coalition would continue to assist them", "the United States will deliver
        doses": a stated intent (PLOVER AGREE), read off a plain "will"/"would" on the trigger's
        clause (or the verb it completes), in a main clause or one reported or announced, with
        no condition, hedge or negation."""
        verb = trigger
        for _ in range(4):
            auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if auxes & self.cues.modals:
                break
            if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
                return False
            verb = verb.head
        else:
            return False
        if not auxes & self.cues.modals <= {"will", "would", "'ll", "'d"}:
            return False
        if any(c.lower_ in self.cues.hedges or c.dep_ == "neg" or c.lower_ in self.cues.negation
               for c in verb.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in self.cues.hypothetical_marks for c in verb.subtree):
            return False
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "He said X, and that the coalition would continue ..."
        governor = verb.head.lemma_.lower() if verb.dep_ == "ccomp" else None
        return (verb.dep_ == "ROOT" or governor in self.cues.report_governors
                or governor in self.cues.decision_governors)

    def _announced(self, trigger: Token) -> bool:
        """"Canada will move its troops", "announced that 750 soldiers would deploy": a decision
        stated as made. Only a plain "will" in a main clause, or "will"/"would" under an
        announcing verb, with nothing hedging or conditioning it."""
        verb = trigger
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        modals = auxes & self.cues.modals
        if not modals:
            return False
        if any(c.lower_ in self.cues.hedges or c.lower_ in self.cues.negation for c in verb.children):
            return False
        if any(c.dep_ in ("mark", "advcl") and c.lower_ in self.cues.hypothetical_marks
               for c in verb.subtree):
            return False
        governor = verb.head.lemma_.lower() if verb.dep_ == "ccomp" else None
        if governor in self.cues.decision_governors:
            return modals <= {"will", "would", "'ll", "'d"}
        reported = governor in self.cues.report_governors
        if reported and modals <= {"would", "'d"} and _speaker_itself(verb):
            return True  # "Ottawa said it would send three staff officers": its own decision
        return (verb.dep_ == "ROOT" or reported) and modals <= {"will", "'ll"}

    def _denial(self, trigger: Token) -> bool:
        """"rejected the accusation", "dismissed the allegations": denying the act accused."""
        if trigger.lemma_.lower() not in self.cues.denial_verbs:
            return False
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.cues.denial_objects for c in trigger.children
        )

    def _subject_cue(self, node: Token) -> str | None:
        """The subject of a forecast or a condition is not asserted: "further attacks are
        likely" (or "appear likely"), "another round of strikes is expected", "if rocket
        attacks continue", "attacks would continue"."""
        verb = node.head
        if any(c.dep_ == "mark" and c.lower_ in self.cues.hypothetical_marks for c in verb.children):
            return "hypothetical"
        if self._future_clause(verb):
            return "hypothetical"  # "once the U.N. investigation's final report is published"
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() != "be" and self._modal(verb):
            return "hypothetical"  # "attacks on shipping would continue": a forecast or a vow
        if verb.lemma_.lower() in self.cues.forecast_predicates:
            return "hypothetical"
        if any(
            c.dep_ in ("acomp", "attr", "xcomp", "oprd") and c.lemma_.lower() in self.cues.forecast_predicates
            for c in verb.children
        ):
            return "hypothetical"
        if verb.lemma_.lower() == "be" and any(  # "a negotiated release is the most likely way out"
                _predicate_word(g, verb) and g.lemma_.lower() in self.cues.forecast_predicates
                for c in verb.children if c.i > node.i for g in c.subtree):
            return "hypothetical"
        return None

    def _harm_denied(self, verb: Token, trigger: Token) -> bool:
        """ "Soldiers were not hurt in the missile attack": the negation denies the harm, not the
        attack the harm would have come from."""
        return (verb.lemma_.lower() in self.cues.harm_verbs and trigger.dep_ == "pobj"
                and trigger.head.head.i == verb.i)

    def _claimed_for(self, prep: Token) -> bool:
        """"for" after a blame: on the verb ("blamed Iran for the attack") or, as parsers often
        hang it, on the blamed object ("blamed [militias for similar attacks]")."""
        holder = prep.head
        if holder.lemma_.lower() in self.cues.claim_heads:
            return True
        return holder.dep_ == "dobj" and holder.head.lemma_.lower() in self.cues.claim_heads

    def _nobody_did(self, verb: Token) -> bool:
        """The clause's subject is negative: "no group claimed responsibility", "nobody fired"."""
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            return False
        return subject.lower_ in _NOBODY or _says_no(subject)

    def _asserted_by_mark(self, clause: Token) -> bool:
        """A clause its conjunction asserts ("after jets shot down 18 drones", "while Britain
        condemned the attack"); a subjectless "while doing" is not one: it shares the doer and the
        mood of the clause it hangs on ("while recognizing X, Ottawa could consider Y")."""
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in self._asserting_marks]
        if marks == ["for"] and any(c.tag_ == "TO" for c in clause.children):
            return False  # "calling for their fighters to withdraw": an infinitive asked for
        if not marks:
            return False
        subjectless = clause.tag_ == "VBG" and not any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
        return not (subjectless and all(m in _SHARED_MOOD_MARKS for m in marks))

    def _generic_present(self, clause: Token) -> bool:
        """A relative clause in the simple present about a kind of thing ("militia members who
        attack coalition bases", "every site that hosts Canadians"): it tells what such things
        do, not an act that happened."""
        noun = clause.head
        if not _simple_present(clause):
            return False
        determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "nummod")]
        if not determiners:
            return noun.tag_ in ("NNS", "NNPS")
        return all(d in self.cues.generic_determiners for d in determiners)

    def _describes_any(self, noun: Token) -> bool:
        """"any gunboats (that harassed ...)", "such attacks": a noun that names no one thing."""
        return any(c.dep_ == "det" and c.lower_ in self.cues.hypothetical_determiners
                   for c in noun.children)

    def status(self, trigger: Token) -> str:
        """The status of the event whose trigger head is ``trigger``."""
        if self._negated_here(trigger):
            return "negated"
        if trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ in self.cues.negating_preps:
            return "negated"  # "acted without consulting Baghdad"
        if trigger.pos_ in ("NOUN", "PROPN") and self._describes_any(trigger):
            return "hypothetical"
        found: list[str] = []
        node = trigger
        clause_seen = False
        for _ in range(_MAX_STEPS):
            if node.pos_ in ("VERB", "AUX") and not clause_seen:
                clause_seen = True
                if (node.i != trigger.i and self._negated_here(node) and not self._harm_denied(node, trigger)) or (
                        node.i == trigger.i and self._nobody_did(node)):  # not "no one was hurt in the attack"
                    return "negated"
            cue = self._clause_cue(node)
            if cue:
                found.append(cue)
            if node.dep_ in _SUBJECT_DEPS:
                cue = self._subject_cue(node) or ("hypothetical" if _as_long_as(node.head) else None)
                if cue:
                    found.append(cue)
                break
            if node.head.i == node.i:
                break
            if node.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
                cue = self._governor_cue(node.head, node)  # "no evidence that Iran ordered it": a content clause
                if cue:
                    found.append(cue)
                break
            if node.dep_ == "relcl" and self._describes_any(node.head):
                found.append("hypothetical")  # "any gunboats that harassed American ships": a condition
                break
            if self._as_real_as_its_noun(node):
                node = node.head
                continue
            if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in ("VBD", "VBN")):
                break  # "a carrier the Houthis seized": a relative clause describes what happened
            if node.pos_ in ("VERB", "AUX") and self._asserted_by_mark(node):
                break  # "a day after jets shot down 18 drones", "while Britain condemned the attack"
            if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in self.cues.presupposing_preps \
                    and not self._purpose_for(node.head):
                if self._claimed_for(node.head):
                    found.append("claimed")  # "blamed Iran for the attack"
                elif node.head.lower_ == "for" and node.head.head.lemma_.lower() in self.cues.asking_verbs:
                    found.append("hypothetical")  # "called for sanctions on the Guards": asked for
                break
            if node.dep_ == "prep" and node.lower_ in self.cues.presupposing_preps and node.i != trigger.i \
                    and not self._purpose_for(node):
                break  # (a trigger the parser rooted at its preposition, "press for", is no event told)
            child, node = node, node.head
            if child.dep_ == "dobj" and child.i == trigger.i and node.lemma_.lower() in self.cues.reaction_verbs:
                break  # "to protest the airstrikes": what is protested happened (not "answering
                # the next attack with strikes": the strikes are the means, not what is answered)
            if participle_on_time_clause(child):
                node = node.head  # "struck the airport as the WHO chief prepared to board, hitting ..."
                continue
            if child.dep_ == "conj" and _misattached_conjunct(child, node):
                node = node.head  # "called on Iran to release it and accused it of ...": the caller's act
                continue
            if child.dep_ == "conj":
                continue  # "denied X, and a spokesman dismissed Y": a conjunct is not governed by its sibling
            if _semicolon_between(child, node):
                break  # "X blamed the PKK; both groups denied involvement": two sentences in one
            cue = self._governor_cue(node, child)
            if cue:
                found.append(cue)
        if not found:
            return "actual"
        if found[0] == "hypothetical" and "threatened" in found:
            return "threatened"
        return found[0]


def _simple_present(verb: Token) -> bool:
    """A verb in the plain present ("meet", "attacks"), with no auxiliary of its own."""
    return verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _predicate_word(word: Token, verb: Token) -> bool:
    """An adjective of the predicate of ``verb`` itself, not of a phrase inside it: "likely" in
    "is the most likely way out", not in "is the latest of attacks on likely targets"."""
    if word.pos_ != "ADJ":
        return False
    node = word
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("pobj", "relcl", "acl", "ccomp"):
            return False
        node = node.head
    return node.i == verb.i


def _as_long_as(clause: Token) -> bool:
    """A condition told by "as long as" / "so long as" ("interdictions will go on as long as the
    attacks continue"): the clause and its subject are not asserted."""
    return clause.pos_ in ("VERB", "AUX") and clause.head.lower_ == "long" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)


def _finite_with_subject(verb: Token) -> bool:
    """A past-tense verb with a subject of its own ("it could also do so, and on Jan. 8 a strike
    killed a commander"): no modal before it can reach it, since a modal takes the base form."""
    return verb.tag_ == "VBD" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _misattached_conjunct(conjunct: Token, head: Token) -> bool:
    """A finite past verb with no subject joined to an infinitive or to a pluperfect clause
    below the main verb: "called on Iran to release the tanker and accused it of extortion",
    "insisted that its pilot had been on a mission and accused Washington", "denied that its
    forces were responsible and blamed the PKK". The parser hangs it on the nearer verb; its
    tense says it is the main verb's conjunct, so the main verb's governors (a request, an
    insistence, a denial) do not govern it."""
    if conjunct.tag_ != "VBD" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return False
    if head.tag_ == "VB" and any(c.tag_ == "TO" for c in head.children):
        return head.dep_ in ("xcomp", "ccomp") and head.head.i != head.i
    if head.dep_ == "ccomp" and head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children):
        return True  # "denied that its forces were responsible and blamed the PKK": the denier blamed
    return head.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)


def participle_on_time_clause(participle: Token) -> bool:
    """A subjectless participle the parser hung on an "as"/"while"/"when" clause that has a
    subject of its own: it tells more of the main clause's act ("warplanes struck the airport as
    the WHO chief prepared to board, hitting the control tower"), so the time clause's verbs
    ("prepared") do not govern it, its doer is the main clause's, and it restates that act."""
    clause = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or clause.dep_ != "advcl":
        return False
    if any(c.dep_ in _SUBJECT_DEPS for c in participle.children):
        return False
    return any(c.dep_ in _SUBJECT_DEPS for c in clause.children) and any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)


def _speaker_itself(verb: Token) -> bool:
    """The reported clause's subject is a pronoun for its speaker: "Ottawa said it would ..."."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.lower_ in ("it", "they", "we") and speaker is not None
            and speaker.pos_ in ("PROPN", "NOUN"))


def _circumstance(clause: Token) -> bool:
    """An adverbial clause that says when or how things stood ("when the militants seized the
    headquarters", hung by the parser on "soldiers abandoned their posts"): what the governing
    verb denies or abandons is its object, not this clause."""
    return clause.dep_ == "advcl" and any(
        (c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")) for c in clause.children)
