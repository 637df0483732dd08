"""Reading rules for clauses and what hangs on them: a time phrase on a part of the day
("before dawn on Friday"), a public place hit by a group of no country ("a market in Kirkuk"),
a condition told by "as long as", strikes recommended as the answer to an attack ("should
resist answering the next attack with strikes"), and a participle the parser hangs on an "as"
clause ("struck the airport as the WHO chief prepared to board, hitting the control tower"), and a
"when" clause the parser hangs on a verb that abandons or denies ("when the militants seized the
headquarters as soldiers abandoned their posts"), which tells what happened, not what was given up.
A clause the parser splits at a participle ("said Israeli jets flying over the coast had fired
missiles") keeps its subject. A plain present verb with a day is a schedule ("leaders, who meet
in Brussels on Monday"), and an act that "is the most likely way out" is a forecast. A past
verb with a subject of its own that the parser joins to a modal clause ("warned it could do the
same in Beirut, and on Jan. 8 a strike killed a commander") is no part of the modal's reach.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "before_dawn": (
        "BAGHDAD, Jan. 23, 2022 —\n"
        "Islamic State gunmen stormed an army post in Diyala province before dawn on Friday, "
        "killing 11 soldiers.\n"),
    "early_hours": (
        "ERBIL, Jan. 23, 2022 —\n"
        "Drones attacked the airport in the early hours of Sunday.\n"),
    "public_place": (
        "AMMAN, Sept. 3, 2023 —\n"
        "Islamic State militants bombed a crowded market in Kirkuk on Saturday.\n"),
    "as_long_as": (
        "WASHINGTON, Feb. 16, 2024 —\n"
        "Analysts expect more such interdictions as long as the attacks on shipping continue.\n"),
    "answering_with_strikes": (
        "WASHINGTON, March 8, 2021 —\n"
        "Washington should resist answering the next attack with strikes on Iraqi soil.\n"),
    "participle_on_as_clause": (
        "SANAA, Dec. 27, 2024 —\n"
        "Israeli warplanes struck Sanaa International Airport on Thursday as the head of the "
        "World Health Organization prepared to board a flight there, hitting the control tower "
        "and the departure lounge.\n"),
    "abandoned_posts": (
        "BAGHDAD, June 12, 2014 —\n"
        "Mosul fell on Tuesday, when the militants seized the provincial government headquarters, "
        "the airport and several army bases as soldiers and police abandoned their posts and "
        "fled.\n"),
    "split_participle": (
        "DAMASCUS, Sept. 9, 2024 —\n"
        "A Syrian military source said Israeli jets flying over the coast had fired missiles at "
        "several army sites near Masyaf on Sunday night.\n"),
    "schedule_and_forecast": (
        "BRUSSELS, Aug. 22, 2008 —\n"
        "European Union leaders, who meet in Brussels on Monday, are unlikely to agree on new "
        "sanctions, diplomats said. Foreign ministers met in Brussels on Thursday. A negotiated "
        "release of the detained sailors is the most likely way out of the standoff. The strike "
        "was one of a string of attacks on likely targets.\n"),
    "past_conjunct_of_modal": (
        "BEIRUT, Jan. 20, 2024 —\n"
        "In November the defence minister warned that Israel could do the same in Beirut, and on "
        "Jan. 8 an Israeli strike killed a senior Hezbollah commander.\n"),
}


coded = coded_fixture("rules_clauses", TEXTS)


def test_a_date_on_a_part_of_the_day_dates_the_act(coded) -> None:
    stormed = _one(coded["before_dawn"], "stormed")
    assert stormed.date == "2022-01-21"
    attacked = _one(coded["early_hours"], "attacked")
    assert attacked.date == "2022-01-23"


def test_a_public_place_hit_by_a_group_of_no_country_is_the_places_country(coded) -> None:
    bombed = _one(coded["public_place"], "bombed")
    assert _country(bombed.target) == "IRQ"


def test_a_condition_told_by_as_long_as_asserts_nothing(coded) -> None:
    assert [e for e in coded["as_long_as"] if e.status in ("actual", "claimed")] == []


def test_strikes_recommended_as_an_answer_are_not_asserted(coded) -> None:
    assert [e for e in coded["answering_with_strikes"] if e.status in ("actual", "claimed")] == []


def test_a_participle_hung_on_a_time_clause_restates_the_main_act(coded) -> None:
    events = coded["participle_on_as_clause"]
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert [e.trigger for e in attacks] == ["struck"]
    struck = attacks[0]
    assert (struck.status, _country(struck.source), _country(struck.target)) == ("actual", "ISR", "YEM")


def test_a_when_clause_hung_on_an_abandoning_verb_is_still_told_as_fact(coded) -> None:
    seized = _one(coded["abandoned_posts"], "seized")
    assert seized.status == "actual"


def test_a_clause_split_at_a_participle_keeps_its_subject(coded) -> None:
    fired = _one(coded["split_participle"], "fired")
    assert _country(fired.source) == "ISR"


def test_a_present_verb_with_a_day_is_a_schedule_and_the_likely_way_out_a_forecast(coded) -> None:
    """Neither the meeting still to come nor the release called the likely way out happened;
    the meeting told in the past did, and "likely" inside a phrase of the predicate
    ("attacks on likely targets") forecasts nothing."""
    events = coded["schedule_and_forecast"]
    assert _one(events, "meet").status == "hypothetical"
    assert _one(events, "met").status == "actual"
    assert _one(events, "release").status == "hypothetical"
    assert _one(events, "attacks").status == "actual"


def test_a_past_verb_with_its_own_subject_is_not_under_a_conjoined_modal(coded) -> None:
    strike = _one(coded["past_conjunct_of_modal"], "strike")
    assert strike.event_type == "ASSAULT" and strike.status == "actual"
    assert strike.date == "2024-01-08"
