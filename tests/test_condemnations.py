"""A charge read off a retold act is not aimed at the accuser's own state
(``flashpoint.events.condemnations``): "Tehran condemned the attacks" after Iranian speedboats
attacked and U.S. warships struck back is aimed at the United States. Checked end to end on a
short text, and on event lists for the cases the rule leaves alone."""

from __future__ import annotations

from flashpoint.events.condemnations import aim_condemnations
from flashpoint.records import Actor, Event
from tests.rules_support import coded_fixture, country
from tests.rules_support import one as _one

TEXTS = {
    "own_boats_then_warships": (
        "WASHINGTON, April 19, 1988 —\n"
        "Iranian speedboats attacked an oil platform in the Gulf on Monday.\n"
        "U.S. warships then sank two Iranian frigates.\n"
        "Tehran condemned the attacks as piracy.\n"),
}

coded = coded_fixture("condemnations", TEXTS)

IRAN = Actor(text="Tehran", name="Iran", country="IRN", sector="government", id="IRNGOV")
IRAN_BOATS = Actor(text="Iranian speedboats", name="Iran", country="IRN", id="IRN")
US_SHIPS = Actor(text="U.S. warships", name="United States", country="USA", sector="military", id="USAMIL")
GUNMEN = Actor(text="gunmen", country="IRN", sector="insurgent")


def _event(event_type: str, source: Actor, target: Actor | None, sentence: str, status: str = "actual") -> Event:
    return Event(doc_id="d", sentence=sentence, char_start=0, char_end=len(sentence),
                 event_type=event_type, coder_version="test", source=source, target=target, status=status)


def test_a_condemnation_of_the_own_states_act_is_aimed_at_the_foreign_doer(coded) -> None:
    condemned = _one(coded["own_boats_then_warships"], "condemned")
    assert country(condemned.target) == "USA"
    assert condemned.target is not None and condemned.target.text == ""  # read from context


def test_a_target_named_in_the_sentence_is_kept() -> None:
    events = [_event("ASSAULT", US_SHIPS, IRAN_BOATS, "U.S. warships sank the boats."),
              _event("ACCUSE", IRAN, IRAN_BOATS, "Tehran condemned Iranian speedboats.")]
    assert aim_condemnations(events)[1].target == IRAN_BOATS


def test_a_non_state_doer_of_the_same_country_is_kept() -> None:
    events = [_event("ASSAULT", US_SHIPS, IRAN_BOATS, "U.S. warships sank the boats."),
              _event("ASSAULT", GUNMEN, None, "Gunmen attacked a shrine."),
              _event("ACCUSE", IRAN, GUNMEN, "Tehran condemned the attack.")]
    assert aim_condemnations(events)[2].target == GUNMEN


def test_with_no_foreign_doer_before_the_charge_is_left_alone() -> None:
    events = [_event("ASSAULT", IRAN_BOATS, None, "Iranian speedboats attacked a platform."),
              _event("ACCUSE", IRAN, IRAN_BOATS, "Tehran condemned the attack."),
              _event("ASSAULT", US_SHIPS, IRAN_BOATS, "U.S. warships sank the boats.")]
    assert aim_condemnations(events)[1].target == IRAN_BOATS


def test_a_foreign_act_told_only_as_hypothetical_is_not_taken() -> None:
    events = [_event("ASSAULT", US_SHIPS, IRAN_BOATS, "U.S. warships could sink the boats.", "hypothetical"),
              _event("ASSAULT", IRAN_BOATS, None, "Iranian speedboats attacked a platform."),
              _event("ACCUSE", IRAN, IRAN_BOATS, "Tehran condemned the attack.")]
    assert aim_condemnations(events)[2].target == IRAN_BOATS
