"""Reading rules for ships, fired weapons, unnamed attackers and attacked towns, found on the
third development set (``tests/gold/dev3.jsonl``) in a second pass, and a warship named after a
person ("the Carney"), which neither it nor "it" after it stands for, and a general craft word
("the jet", "the vessel") that names the last craft of its kind told before, however many
sentences before: a report keeps to its craft as it keeps to its sites. A ship named after a
word for a ship ("the destroyer Carney", "The U.S. destroyer Nitze") is of the state the words
before that word name, and never the person or the capital its name also is.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "ship_named_after_class": (
        "LONDON, Aug. 4, 2021 —\n"
        "Britain blamed Iran for a drone attack on the tanker Mercer Street off the coast of Oman "
        "on Thursday. The Liberian-flagged vessel was sailing to Fujairah when it was struck.\n"),
    "two_flags": (
        "DUBAI, May 4, 2023 —\n"
        "Iran seized the tanker Advantage Sweet in the Gulf of Oman. The Panama-flagged Niovi and "
        "a Liberian-flagged freighter were also stopped this month.\n"),
    "took_control_of": (
        "DUBAI, May 3, 2023 —\n"
        "Iran's Revolutionary Guards took control of the Panama-flagged Niovi in the Strait of "
        "Hormuz on Wednesday.\n"),
    "navy_ship_by_name": (
        "SANAA, March 20, 2025 —\n"
        "The Houthis said they had targeted the carrier Harry S. Truman with missiles.\n"),
    "weapons_fired_at": (
        "WASHINGTON, Oct. 10, 2016 —\n"
        "Two Houthi missiles were fired at a U.S. destroyer in the Red Sea on Sunday.\n"),
    "capitalised_weapons": (
        "BEIRUT, Sept. 28, 2024 —\n"
        "Rockets were fired at northern Israel through the day.\n"),
    "unnamed_strike_in_a_campaign": (
        "WASHINGTON, May 2, 2025 —\n"
        "U.S. aircraft have struck more than 800 Houthi targets in Yemen since March 15. "
        "Among the deadliest raids was an April 17 strike on the Ras Isa fuel port, which Houthi "
        "officials said killed about 80 people.\n"),
    "rockets_in_a_militia_story": (
        "BAGHDAD, Jan. 5, 2020 —\n"
        "U.S. jets struck Kata'ib Hezbollah bases in western Iraq on Sunday. "
        "Hours later, rockets hit the Iraqi army's Camp Taji, wounding two Iraqi soldiers.\n"),
    "named_remention": (
        "WASHINGTON, May 2, 2025 —\n"
        "The deadliest raids were an April 17 strike on the Ras Isa fuel port, which killed about "
        "80 people, and an April 28 attack that hit a migrant detention centre in Saada. "
        "The Houthis accused Washington of a war crime over the Saada strike.\n"),
    "town_of": (
        "WASHINGTON, April 14, 2018 —\n"
        "The United States, Britain and France launched more than 100 missiles at three sites in "
        "Syria before dawn on Saturday, in retaliation for a suspected chlorine and sarin attack on "
        "the town of Douma a week earlier that killed dozens of people.\n"),
    "counted_ships": (
        "SANAA, Jan. 10, 2024 —\n"
        "A drone struck the Sai Baba, a Gabon-flagged tanker, on Saturday. "
        "The Houthis have fired on dozens of merchant ships since November.\n"),
    "warship_named_after_a_person": (
        "SANAA, Jan. 27, 2024 —\n"
        "On Friday, the Carney shot down an anti-ship missile fired toward it from Houthi-held "
        "territory.\n"),
    "the_jet_is_the_bomber": (
        "MOSCOW, Nov. 29, 2015 —\n"
        "Putin imposed economic measures on Turkey on Saturday, four days after Turkish F-16s shot "
        "down a Russian Su-24 bomber near the Syrian border. "
        "Ankara said on Tuesday that the jet had strayed into its airspace.\n"),
    "a_craft_is_told_of_through_the_report": (
        "ANKARA, June 27, 2012 —\n"
        "Erdogan told parliament on Tuesday that Turkey had changed its rules of engagement. "
        "His warning came four days after Syrian air defences shot down an unarmed Turkish "
        "reconnaissance jet over the Mediterranean. Erdogan called the downing hostile. "
        "NATO ambassadors met in Brussels at Turkey's request. The allies stopped short of any "
        "military step.\n"
        "Syria said on Friday that the jet had violated its airspace.\n"),
    "the_tanker_is_not_the_carrier": (
        "DUBAI, Aug. 2, 2021 —\n"
        "A drone struck the Liberian-flagged tanker Mercer Street off Oman on Thursday. "
        "Hours after the American carrier USS Ronald Reagan reached the area, Iranian gunboats "
        "fired on the tanker.\n"),
    "one_warship_is_not_merchant_ships": (
        "SEOUL, May 26, 2010 —\n"
        "South Korea closed its sea lanes to North Korean merchant ships on Monday. "
        "Investigators concluded that a torpedo had sunk the warship near Baengnyeong Island.\n"),
    "ship_after_its_kind": (
        "WASHINGTON, Jan. 12, 2024 —\n"
        "The U.S. destroyer Nitze fired Tomahawk missiles at three radar sites in Yemen on "
        "Thursday. On Friday, the destroyer Carney shot down a drone launched by the Houthis.\n"
        "A Houthi missile struck the Marshall Islands-flagged tanker Marlin Luanda in the Gulf of "
        "Aden.\n"),
}


coded = coded_fixture("rules_ships", TEXTS)


def test_a_general_craft_word_is_the_last_craft_of_its_kind(coded) -> None:
    said = _one(coded["the_jet_is_the_bomber"], "said")
    assert said.target is not None and said.target.text == "the jet"
    assert _country(said.target) == "RUS"


def test_a_craft_word_reaches_back_past_the_few_sentences_a_person_does(coded) -> None:
    said = _one(coded["a_craft_is_told_of_through_the_report"], "said")
    assert said.target is not None and said.target.text == "the jet"
    assert _country(said.target) == "TUR"  # the jet shot down four sentences before


def test_a_specific_craft_word_is_read_off_its_own_mentions(coded) -> None:
    fired = _one(coded["the_tanker_is_not_the_carrier"], "fired")
    assert _country(fired.target) == "LBR"  # not the carrier's, the nearer ship


def test_one_craft_is_not_a_plural_of_its_kind(coded) -> None:
    sunk = _one(coded["one_warship_is_not_merchant_ships"], "sunk")
    assert _country(sunk.target) != "PRK"


def test_a_ship_named_after_its_class_word_keeps_its_name_and_takes_the_reports_one_flag(coded) -> None:
    attack = _one(coded["ship_named_after_class"], "attack")
    assert attack.target is not None and attack.target.text == "the tanker Mercer Street"
    assert _country(attack.target) == "LBR"


def test_a_report_with_two_flags_lends_neither_to_an_unflagged_ship(coded) -> None:
    seized = _one(coded["two_flags"], "seized")
    assert seized.target is not None and seized.target.text == "the tanker Advantage Sweet"
    assert _country(seized.target) == "UNK"


def test_the_object_of_took_control_of_is_the_target(coded) -> None:
    took = _one(coded["took_control_of"], "took control")
    assert (took.event_type, _country(took.source), _country(took.target)) == ("COERCE", "IRN", "PAN")


def test_a_us_navy_ship_named_without_uss_is_american(coded) -> None:
    targeted = _one(coded["navy_ship_by_name"], "targeted")
    assert (_country(targeted.source), _country(targeted.target)) == ("YEM", "USA")


def test_weapons_fired_at_a_target_are_the_instrument_and_their_owner_the_doer(coded) -> None:
    fired = _one(coded["weapons_fired_at"], "fired")
    assert (_country(fired.source), _country(fired.target)) == ("YEM", "USA")
    assert fired.target is not None and fired.target.text == "a U.S. destroyer"


def test_an_unnamed_air_strike_is_not_put_on_the_group_it_hit(coded) -> None:
    strike = _one(coded["unnamed_strike_in_a_campaign"], "strike")
    assert (_country(strike.source), _country(strike.target)) == ("USA", "YEM")


def test_an_unnamed_rocket_attack_keeps_the_militia_suspect(coded) -> None:
    hit = _one(coded["rockets_in_a_militia_story"], "hit")
    assert _country(hit.source) == "IRQ"


def test_a_remention_named_for_a_place_retells_the_act_at_that_place(coded) -> None:
    strikes = [e for e in coded["named_remention"] if e.trigger == "strike"]
    remention = max(strikes, key=lambda e: e.char_start)
    assert remention.target is None or "Ras Isa" not in remention.target.text


def test_an_attack_on_the_town_of_x_hit_the_country_it_is_placed_in(coded) -> None:
    attack = _one(coded["town_of"], "attack")
    assert attack.location is not None and attack.location.country == "SYR"
    assert _country(attack.target) == "SYR"


def test_the_act_a_strike_answered_does_not_narrow_the_strikes_own_place(coded) -> None:
    launched = _one(coded["town_of"], "launched")
    assert launched.location is not None
    assert (launched.location.name, launched.location.precision) == ("Syria", "country")


def test_a_plural_weapon_opening_a_sentence_is_still_a_weapon_not_the_target(coded) -> None:
    fired = _one(coded["capitalised_weapons"], "fired")
    assert _country(fired.target) == "ISR"


def test_a_count_of_ships_stands_for_the_ships_and_takes_no_flag_from_the_story(coded) -> None:
    fired = _one(coded["counted_ships"], "fired")
    assert fired.target is not None and fired.target.text == "merchant ships"
    assert _country(fired.target) == "UNK"


def test_a_warship_named_after_a_person_is_not_that_person(coded) -> None:
    """ "the Carney" is the USS Carney, not Canada's prime minister, and "it" after it is no
    person at all."""
    for event in coded["warship_named_after_a_person"]:
        for actor in (event.source, event.target):
            assert actor is None or actor.country != "CAN", (event.trigger, actor)


def test_a_ship_named_after_its_kind_is_of_the_state_named_before_it(coded) -> None:
    events = coded["ship_after_its_kind"]
    fired, downed, struck = _one(events, "fired"), _one(events, "shot down"), _one(events, "missile struck")
    assert _country(fired.source) == "USA" and "Nitze" in (fired.source.text or "")
    assert _country(downed.source) != "CAN"  # Carney: a warship, not Canada's prime minister
    assert _country(struck.target) == "MHL"  # not Angola, whose capital the name also is
