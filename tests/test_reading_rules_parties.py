"""Reading rules for the other party of demands, suspended ties, mediation and issued texts,
found on the third development set (``tests/gold/dev3.jsonl``) in a third pass.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "called_on_to_release": (
        "MANAMA, April 30, 2023 —\n"
        "The Navy's Fifth Fleet called on Tehran to release the ship at once and accused it of "
        "harassing commercial shipping.\n"),
    "calling_on_to_expel": (
        "BAGHDAD, Jan. 6, 2020 —\n"
        "Iraq's parliament passed a resolution calling on the government to expel American troops.\n"),
    "release_of_seized_ship": (
        "SEOUL, Jan. 5, 2021 —\n"
        "Iran's Revolutionary Guards seized a chemical tanker in the Gulf on Monday. "
        "South Korea demanded the tanker's immediate release.\n"),
    "release_told_after": (
        "NEW YORK, Jan. 10, 2024 —\n"
        "The Security Council demanded the release of the Galaxy Leader, which the Houthis seized "
        "in November.\n"),
    "suspended_with": (
        "MOSCOW, June 19, 2017 —\n"
        "Russia responded by suspending its use of the hotline with coalition commanders.\n"),
    "suspended_accord_signed_with": (
        "MOSCOW, April 7, 2017 —\n"
        "Moscow said it was suspending the air safety memorandum that it had signed with Washington.\n"),
    "brokered_between": (
        "MUSCAT, May 6, 2025 —\n"
        "Oman said it had brokered a ceasefire between the United States and the Houthis.\n"),
    "decision_by": (
        "OTTAWA, April 14, 2018 —\n"
        "Canada backed the decision by Britain and France to strike chemical weapons sites in Syria.\n"),
    "place_named_remention": (
        "BAGHDAD, Feb. 3, 2024 —\n"
        "The raids followed by two days an announcement by Kata'ib Hezbollah, the militia "
        "Washington blamed for the Jordan attack, that it was pausing its operations.\n"),
    "retold_remention": (
        "SANAA, March 16, 2025 —\n"
        "The United States launched a wave of strikes against the Houthis on Saturday. "
        "President Donald Trump said the group's attacks on shipping had to stop. "
        "The Houthis called the strikes a war crime. "
        "Iran's foreign minister condemned the raids.\n"),
    "slammed_into": (
        "TEL AVIV, May 4, 2025 —\n"
        "Israel said its jets were answering a Houthi ballistic missile that slammed into the "
        "grounds of Ben Gurion Airport on Sunday.\n"),
    "struck_tower_injuring": (
        "ROME, Oct. 11, 2024 —\n"
        "Israeli tank fire struck a watchtower at the peacekeepers' headquarters in Naqoura on "
        "Thursday, injuring two Indonesian soldiers.\n"),
    "killing_in_retaliation": (
        "BAGHDAD, Dec. 30, 2019 —\n"
        "U.S. jets struck five sites used by Kata'ib Hezbollah on Sunday, killing 25 fighters, in "
        "retaliation for a rocket attack that killed an American contractor.\n"),
    "dropped_munitions": (
        "BEIRUT, Sept. 28, 2024 —\n"
        "Israeli jets dropped dozens of heavy bombs on a command complex in Dahiyeh.\n"),
    "impounding": (
        "ATHENS, May 28, 2022 —\n"
        "Iran condemned Greece's impounding of an Iranian oil cargo last month.\n"),
    "voted_down": (
        "NEW YORK, April 15, 2018 —\n"
        "The Security Council voted down a Russian draft resolution on the strikes.\n"),
    "warned_in_advance": (
        "WASHINGTON, April 7, 2017 —\n"
        "Russian troops at the airfield were warned in advance, the Pentagon said.\n"),
    "told_beforehand": (
        "WASHINGTON, Feb. 9, 2018 —\n"
        "Russian officers had told the coalition beforehand that no Russians were in the column.\n"),
    "send_a_delegation": (
        "SEOUL, Jan. 5, 2021 —\n"
        "South Korea sent a delegation to Tehran on Sunday to discuss the tanker.\n"),
    "whose_government": (
        "WASHINGTON, Oct. 1, 2024 —\n"
        "Iran fired some 180 missiles at Israel on Tuesday. Foreign Minister Mélanie Joly, whose "
        "government listed the Revolutionary Guards as a terrorist entity in June, repeated "
        "Ottawa's call for Canadians to leave Iran.\n"),
    "same_weapons": (
        "OTTAWA, Oct. 2, 2024 —\n"
        "Canada condemned Iran's ballistic missile attack on Israel on Tuesday, hours after some "
        "180 missiles were fired toward Israeli cities.\n"),
    "retold_not_the_cause": (
        "WASHINGTON, Feb. 3, 2024 —\n"
        "U.S. forces struck 85 targets in Iraq and Syria on Friday, in retaliation for the drone "
        "attack that killed three American soldiers in Jordan last weekend. "
        "President Joe Biden said the response would continue. "
        "Syria's foreign ministry condemned the attacks.\n"),
    "answered_with_strikes": (
        "WASHINGTON, Feb. 9, 2018 —\n"
        "Pro-government fighters opened fire on an SDF base near Khasham on Wednesday. "
        "The coalition answered with strikes by F-15E jets and B-52 bombers. "
        "Damascus called the strikes a massacre.\n"),
    "claimed_attacks_on": (
        "BAGHDAD, Jan. 29, 2024 —\n"
        "The Islamic Resistance in Iraq has claimed more than 150 attacks on U.S. forces since "
        "October.\n"),
}


coded = coded_fixture("rules_parties", TEXTS)


def test_called_on_x_to_release_the_ship_is_a_request_to_x(coded) -> None:
    called = _one(coded["called_on_to_release"], "called on")
    assert (called.event_type, _country(called.source), _country(called.target)) == ("REQUEST", "USA", "IRN")
    assert called.target is not None and called.target.text == "Tehran"


def test_a_call_to_expel_troops_is_about_the_troops(coded) -> None:
    calling = _one(coded["calling_on_to_expel"], "calling on")
    assert (_country(calling.source), _country(calling.target)) == ("IRQ", "USA")
    assert calling.source is not None and "parliament" in calling.source.text


def test_a_demand_for_a_seized_ships_release_is_made_to_the_seizer(coded) -> None:
    demanded = _one(coded["release_of_seized_ship"], "demanded")
    assert (_country(demanded.source), _country(demanded.target)) == ("KOR", "IRN")


def test_the_seizer_may_be_named_after_the_demand(coded) -> None:
    demanded = _one(coded["release_told_after"], "demanded")
    assert _country(demanded.target) == "YEM"


def test_a_tie_suspended_with_someone_has_them_as_target(coded) -> None:
    suspending = _one(coded["suspended_with"], "suspending")
    assert (suspending.event_type, _country(suspending.target)) == ("SANCTION", "USA")
    accord = _one(coded["suspended_accord_signed_with"], "suspending")
    assert (_country(accord.source), _country(accord.target)) == ("RUS", "USA")


def test_a_truce_brokered_between_two_sides_has_a_side_as_target(coded) -> None:
    """Brokering is mediation (CAMEO 045): a CONSULT by the broker with the sides."""
    brokered = _one(coded["brokered_between"], "brokered")
    assert (brokered.event_type, _country(brokered.source), _country(brokered.target)) == ("CONSULT", "OMN", "USA")


def test_the_decision_by_x_to_strike_is_xs_strike(coded) -> None:
    strike = _one(coded["decision_by"], "strike")
    assert (_country(strike.source), _country(strike.target)) == ("GBR", "SYR")


def test_a_country_naming_an_attack_is_its_place_not_its_doer(coded) -> None:
    attack = _one(coded["place_named_remention"], "attack")
    assert (attack.status, _country(attack.source)) == ("claimed", "IRQ")
    blamed = _one(coded["place_named_remention"], "blamed")
    assert blamed.source is not None and blamed.source.text == "Washington"


def test_a_remention_retells_the_latest_retelling(coded) -> None:
    condemned = _one(coded["retold_remention"], "condemned")
    assert (_country(condemned.source), _country(condemned.target)) == ("IRN", "USA")


def test_a_missile_that_slammed_into_an_airport_is_an_attack(coded) -> None:
    slammed = _one(coded["slammed_into"], "slammed")
    assert (slammed.event_type, _country(slammed.source), _country(slammed.target)) == ("ASSAULT", "YEM", "ISR")


def test_a_struck_structure_stands_for_the_people_it_injured(coded) -> None:
    struck = _one(coded["struck_tower_injuring"], "struck")
    assert (_country(struck.source), _country(struck.target)) == ("ISR", "IDN")


def test_casualties_of_the_act_answered_are_not_the_victims(coded) -> None:
    struck = _one(coded["killing_in_retaliation"], "struck")
    assert (_country(struck.source), _country(struck.target)) == ("USA", "IRQ")


def test_new_trigger_words(coded) -> None:
    """Words and frames added to ``plover.yaml``: dropping bombs, impounding, voting down,
    warnings given in advance, telling beforehand, sending a delegation."""
    cases = {"dropped_munitions": ("dropped", "ASSAULT"), "impounding": ("impounding", "COERCE"),
             "voted_down": ("voted down", "REJECT"), "warned_in_advance": ("warned", "CONSULT"),
             "told_beforehand": ("told", "CONSULT"), "send_a_delegation": ("sent", "CONSULT")}
    for name, (trigger, etype) in cases.items():
        assert _one(coded[name], trigger).event_type == etype, name
    impounding = _one(coded["impounding"], "impounding")
    assert (_country(impounding.source), _country(impounding.target)) == ("GRC", "IRN")


def test_whose_government_is_the_government_of_the_one_described(coded) -> None:
    listed = _one(coded["whose_government"], "listed")
    assert (_country(listed.source), _country(listed.target)) == ("CAN", "IRN")


def test_weapons_fired_by_no_one_named_are_those_of_the_attack_in_the_same_sentence(coded) -> None:
    fired = _one(coded["same_weapons"], "fired")
    assert (_country(fired.source), _country(fired.target)) == ("IRN", "ISR")


def test_a_remention_retells_the_act_told_not_its_cause(coded) -> None:
    condemned = _one(coded["retold_not_the_cause"], "condemned")
    assert (_country(condemned.source), _country(condemned.target)) == ("SYR", "USA")


def test_strikes_answered_with_are_the_act_a_remention_retells(coded) -> None:
    called = _one(coded["answered_with_strikes"], "called")
    assert (_country(called.source), _country(called.target)) == ("SYR", "USA")


def test_attacks_claimed_on_someone_were_aimed_at_them_by_the_claimer(coded) -> None:
    attacks = _one(coded["claimed_attacks_on"], "attacks")
    assert (attacks.status, _country(attacks.source), _country(attacks.target)) == ("claimed", "IRQ", "USA")
