"""Reading rules for acts of a kind and forecasts, found on the development and held-out sets in
the seventeenth session. A relative clause in the simple present about a kind of people or
places ("gunmen who attack coalition convoys", "every site that hosts Canadians") says what such
people do: it is as real as the clause that names them, so under a recommendation it is no act.
A forecast is a forecast whether its subject "is likely" or "appears likely", and a request the
parser roots at its preposition ("press for") keeps the mood of the clause it belongs to.
"Two Guards officers" are officers of the Revolutionary Guards the report named before.
"A new air and ground offensive against" is an offensive though the tagger reads "offensive" as
an adjective of "air". "Denied that its forces were responsible and blamed the PKK": the blaming is the denier's act,
not denied. Unnamed militias the rest of a report leaves unplaced are of the place its first sentences
put the events in, not of a group named later in passing.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "kind_under_advice": (
        "OTTAWA, Feb. 12, 2024 —\n"
        "Ottawa should urge Baghdad to punish gunmen who attack coalition convoys.\n"),
    "told_under_advice": (
        "OTTAWA, Feb. 12, 2024 —\n"
        "Ottawa should urge Baghdad to punish the gunmen who attacked a coalition convoy on "
        "Monday.\n"),
    "every_site": (
        "OTTAWA, Feb. 12, 2024 —\n"
        "Counter-drone coverage at every site that hosts Canadians should be funded.\n"),
    "appears_likely": (
        "BEIRUT, Oct. 2, 2024 —\n"
        "More Israeli raids on the southern suburbs appear likely, analysts said.\n"),
    "press_for": (
        "BAGHDAD, Sept. 28, 2024 —\n"
        "The factions are likely to present the schedule as their victory and press for an "
        "earlier exit.\n"),
    "guards_officers": (
        "ERBIL, Jan. 16, 2024 —\n"
        "Iran's Revolutionary Guards fired missiles at Erbil on Monday. They said it answered "
        "an Israeli strike in Syria that killed two Guards officers.\n"),
    "guards_unnamed": (
        "DAMASCUS, Jan. 16, 2024 —\n"
        "An Israeli strike in Syria killed two Guards officers.\n"),
    "lede_place": (
        "WASHINGTON, Aug. 6, 2024 —\n"
        "Several American troops were injured on Monday when two rockets struck Al-Asad Air Base "
        "in western Iraq, officials said.\n"
        "Five troops were hurt, one official said.\n"
        "Defense Secretary Lloyd Austin discussed the attack by phone with Israel's defense "
        "minister.\n"
        "The two men agreed that the strike by Iran-aligned militias was a dangerous escalation.\n"
        "The region has been bracing for retaliation over the killing of the Hamas leader Ismail "
        "Haniyeh in Tehran last week.\n"),
    "denied_and_blamed": (
        "ANKARA, July 21, 2022 —\n"
        "Turkey's foreign ministry denied that its forces were responsible and blamed the PKK "
        "for the attack.\n"),
    "offensive_as_adjective": (
        "ANKARA, April 18, 2022 —\n"
        "Turkey launched a new air and ground offensive against Kurdish militants in northern "
        "Iraq on Monday.\n"),
}


coded = coded_fixture("rules_kinds", TEXTS)


def test_an_attack_by_a_kind_of_people_under_advice_is_no_act(coded) -> None:
    assert _one(coded["kind_under_advice"], "attack").status == "hypothetical"


def test_an_attack_told_of_named_people_under_advice_still_happened(coded) -> None:
    assert _one(coded["told_under_advice"], "attacked").status == "actual"


def test_what_every_site_does_under_advice_is_no_act(coded) -> None:
    assert all(e.status == "hypothetical" for e in coded["every_site"])


def test_acts_that_appear_likely_are_a_forecast(coded) -> None:
    assert _one(coded["appears_likely"], "raids").status == "hypothetical"


def test_a_request_rooted_at_its_preposition_keeps_the_forecasts_mood(coded) -> None:
    assert _one(coded["press_for"], "press for").status == "hypothetical"


def test_officers_named_by_a_group_word_belong_to_the_body_named_before(coded) -> None:
    strike = _one(coded["guards_officers"], "strike")
    assert strike.target is not None and strike.target.name == "Islamic Revolutionary Guard Corps"


def test_a_group_word_with_no_body_named_before_is_not_guessed(coded) -> None:
    target = _one(coded["guards_unnamed"], "strike").target
    assert target is not None and target.name != "Islamic Revolutionary Guard Corps"
    assert _country(target) != "IRN"


def test_unplaced_militias_are_of_the_place_the_report_opened_with(coded) -> None:
    strike = _one(coded["lede_place"], "strike")
    assert strike.source is not None and strike.source.text == "Iran-aligned militias"
    assert _country(strike.source) == "IRQ"  # not Hamas's, named later as a victim's party


def test_a_charge_joined_to_a_denied_clause_is_the_deniers_act(coded) -> None:
    assert _one(coded["denied_and_blamed"], "blamed").status == "actual"


def test_an_act_noun_tagged_as_a_following_adjective_is_the_act(coded) -> None:
    offensive = _one(coded["offensive_as_adjective"], "air and ground offensive")
    assert offensive.event_type == "ASSAULT" and _country(offensive.source) == "TUR"
    assert offensive.target is not None and offensive.target.text == "Kurdish militants"
