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
destabilise" is not that of its subject "the strikes") and at a presupposing preposition
("revenge *for* the assassination": the assassination happened).
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.events.ontology import StatusCues

__all__ = ["StatusFinder", "STATUSES"]

STATUSES = ("actual", "claimed", "threatened", "hypothetical", "negated")
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
_MAX_STEPS = 8


class StatusFinder:
    def __init__(self, cues: StatusCues) -> None:
        self.cues = cues

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
            if node.dep_ == "conj" and not auxes:
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
        if any(c.dep_ == "advmod" and c.lower_ in self.cues.claim_adverbs for c in node.children):
            return "claimed"
        return None

    def _governor_cue(self, node: Token, child: Token) -> str | None:
        """A cue carried by ``node`` as the governor of ``child``."""
        lemma = node.lemma_.lower()
        if node.pos_ == "PROPN":
            return None  # "the Joint Comprehensive Plan of Action" plans nothing
        if lemma in self.cues.negating_verbs:
            return "negated"
        if lemma in self.cues.threat_governors:
            return "threatened"
        if lemma in self.cues.claim_governors:
            return "claimed"
        if lemma in self.cues.hypothetical_governors and node.pos_ in ("VERB", "AUX", "ADJ"):
            return "hypothetical"
        if node.pos_ in ("NOUN", "PROPN") and lemma in self.cues.hypothetical_nouns:
            return "hypothetical"
        if child.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in child.children):
            if lemma not in self.cues.actualizing_governors:
                return "hypothetical"  # purpose or plan: "facilities used to launch strikes"
        return None

    def status(self, trigger: Token) -> str:
        """The status of the event whose trigger head is ``trigger``."""
        if self._negated_here(trigger):
            return "negated"
        if trigger.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "det" and c.lower_ in self.cues.hypothetical_determiners for c in trigger.children
        ):
            return "hypothetical"
        found: list[str] = []
        node = trigger
        clause_seen = False
        for _ in range(_MAX_STEPS):
            if node.pos_ in ("VERB", "AUX") and not clause_seen:
                clause_seen = True
                if node.i != trigger.i and self._negated_here(node):
                    return "negated"
            cue = self._clause_cue(node)
            if cue:
                found.append(cue)
            if node.dep_ in _SUBJECT_DEPS or node.head.i == node.i:
                break
            if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in self.cues.presupposing_preps:
                break
            if node.dep_ == "prep" and node.lower_ in self.cues.presupposing_preps:
                break
            child, node = node, node.head
            cue = self._governor_cue(node, child)
            if cue:
                found.append(cue)
        if not found:
            return "actual"
        if found[0] == "hypothetical" and "threatened" in found:
            return "threatened"
        return found[0]
