"""Reading rules for acts inside a forecast that a phrase used to shield: a "for" of purpose
("is expected to travel to Cairo for talks"), a participle on a noun that names an act ("likely to
resume talks hosted by Oman"), an infinitive the parser hangs on a noun ("are expected to need months
to establish who shot down the airliner"), and a clause of a time still to come ("once the investigation's
final report is published"). Each has its twin that is told as fact: "vowed revenge for the
killing", "a truce brokered by Egypt", "the first country to suspend its funding", "once the
militants had withdrawn". A noun before an act noun that names no one ("government formation
talks") is what the act is about, not a party to it.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import one as _one

TEXTS = {
    "purpose_for": (
        "WASHINGTON, May 2, 2023 —\n"
        "Secretary of State Antony Blinken is expected to travel to Cairo next week for talks "
        "with Egyptian officials. Diplomats said the crisis could build support in Europe for "
        "an embargo on Iranian oil. Israel vowed revenge for the killing of its soldiers.\n"),
    "participle_on_act": (
        "MUSCAT, June 4, 2023 —\n"
        "Analysts said the two sides were likely to resume talks hosted by Oman within weeks. "
        "In Gaza, the two sides observed a truce brokered by Egypt on Monday.\n"),
    "infinitive_on_noun": (
        "BAGHDAD, Oct. 9, 2023 —\n"
        "Prosecutors are expected to need months to establish who shot down the airliner. "
        "Canada was the first country to suspend its funding to the agency.\n"),
    "time_to_come": (
        "OTTAWA, March 1, 2024 —\n"
        "Aid officials said donors were likely to act once the U.N. investigation's final report is "
        "published. Once the militants had withdrawn, the army shelled the town on Friday.\n"),
    "talks_about_a_thing": (
        "BAGHDAD, Nov. 2, 2021 —\n"
        "In Baghdad, government formation talks resumed on Monday.\n"),
}


coded = coded_fixture("rules_forecasts", TEXTS)


def test_a_for_of_purpose_lets_the_forecast_reach_what_follows_it(coded) -> None:
    events = coded["purpose_for"]
    assert _one(events, "talks").status == "hypothetical"
    assert _one(events, "embargo").status == "hypothetical"
    assert _one(events, "killing").status == "actual"


def test_a_participle_on_an_act_noun_is_as_real_as_the_act(coded) -> None:
    events = coded["participle_on_act"]
    assert _one(events, "hosted").status == "hypothetical"
    assert _one(events, "brokered").status == "actual"


def test_an_infinitive_hung_on_a_noun_is_as_real_as_the_clause_above(coded) -> None:
    events = coded["infinitive_on_noun"]
    assert _one(events, "shot down").status == "hypothetical"
    assert _one(events, "suspend").status == "actual"


def test_a_clause_of_a_time_to_come_asserts_nothing(coded) -> None:
    events = coded["time_to_come"]
    assert _one(events, "investigation").status == "hypothetical"
    assert _one(events, "shelled").status == "actual"


def test_a_common_noun_before_an_act_noun_is_no_party_to_it(coded) -> None:
    """No one is named as holding the talks, so there is no event to code."""
    assert [e for e in coded["talks_about_a_thing"] if e.event_type == "CONSULT"] == []
