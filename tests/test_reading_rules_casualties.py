"""Reading rules for the casualties of an act, found on the held-out and development sets in the
seventeenth session. Whoever "was killed by a drone strike" or "died during a raid" is whom the
strike or the raid hit, as whoever "was killed in" one already was. A participle with a
``by``-phrase is passive even where the parser makes its noun the subject ("most of them
protesters shot by security forces"): the noun is who was shot. Weapons shot down stand for
whoever fired them, named by where they were fired from ("three drones fired from Yemen").
Who "was killed in an Israeli airstrike on the Sayyida Zeinab area" is its target, not the area;
"the crowd" fired at is people of the place, like protesters. The act a strike was "ordered in
response to" was done by the strike's target, not by those who struck. Civilians killed in an
attack placed in a region of another country than the dateline's are that region's people.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "killed_by_strike": (
        "TEHRAN, Dec. 26, 2023 —\n"
        "The adviser had served under Qassem Soleimani, who was killed by a U.S. drone strike "
        "in Baghdad in January 2020.\n"),
    "died_during_raid": (
        "WASHINGTON, Oct. 27, 2019 —\n"
        "Abu Bakr al-Baghdadi, the leader of the Islamic State, died during a raid by American "
        "special operations forces in northwestern Syria.\n"),
    "reduced_passive": (
        "BAGHDAD, Oct. 8, 2019 —\n"
        "More than 100 people have been killed, most of them protesters shot by security "
        "forces.\n"),
    "downed_fired_from": (
        "ADEN, March 2, 2024 —\n"
        "A French frigate shot down three drones fired from Yemen on Monday.\n"),
    "killed_in_strike_on_place": (
        "DAMASCUS, Dec. 26, 2023 —\n"
        "Razi Mousavi, a senior adviser of Iran's Revolutionary Guards in Syria, was killed on "
        "Monday in an Israeli airstrike on the Sayyida Zeinab area of Damascus.\n"),
    "crowd": (
        "BAGHDAD, July 31, 2022 —\n"
        "Thousands of protesters broke into the parliament in Baghdad on Saturday. Security "
        "forces fired rubber bullets at the crowd.\n"),
    "ordered_in_response": (
        "WASHINGTON, April 7, 2017 —\n"
        "U.S. warships fired 59 Tomahawk missiles at Shayrat air base in Syria early on Friday. "
        "President Donald Trump said he had ordered the strike in response to Tuesday's "
        "chemical attack on the rebel-held town of Khan Sheikhoun.\n"),
    "civilians_of_the_region": (
        "ANKARA, Oct. 10, 2019 —\n"
        "Turkish soldiers advanced into northeastern Syria on Thursday, a day after Turkish jets "
        "hit Kurdish-held border towns.\n"
        "The Kurdish-led militia said the bombardment of Ras al-Ain had killed several civilians.\n"),
}


coded = coded_fixture("rules_casualties", TEXTS)


def test_who_was_killed_by_a_strike_is_its_target(coded) -> None:
    strike = _one(coded["killed_by_strike"], "drone strike")
    assert strike.target is not None and strike.target.name == "Qasem Soleimani"
    assert strike.source is not None and strike.source.country == "USA"


def test_who_died_during_a_raid_is_its_target(coded) -> None:
    raid = _one(coded["died_during_raid"], "raid")
    assert raid.target is not None and raid.target.name == "Abu Bakr al-Baghdadi"
    assert raid.source is not None and raid.source.country == "USA"


def test_a_participle_with_a_by_phrase_is_passive(coded) -> None:
    shot = _one(coded["reduced_passive"], "shot")
    assert shot.source is not None and shot.source.text == "security forces"
    assert shot.target is not None and "protesters" in shot.target.text


def test_weapons_shot_down_stand_for_where_they_were_fired_from(coded) -> None:
    downed = _one(coded["downed_fired_from"], "shot down")
    assert downed.source is not None and downed.source.country == "FRA"
    assert downed.target is not None and downed.target.country == "YEM"


def test_who_was_killed_in_a_strike_on_a_place_is_its_target(coded) -> None:
    strike = _one(coded["killed_in_strike_on_place"], "airstrike")
    assert strike.target is not None and strike.target.text == "Razi Mousavi"


def test_a_crowd_fired_at_is_of_the_place(coded) -> None:
    fired = _one(coded["crowd"], "fired")
    assert fired.target is not None and fired.target.country == "IRQ"


def test_the_act_a_strike_was_ordered_in_response_to_was_its_targets(coded) -> None:
    attack = _one(coded["ordered_in_response"], "attack")
    assert attack.source is not None and attack.source.country == "SYR"


def test_civilians_hit_in_a_region_abroad_are_its_people_not_the_datelines(coded) -> None:
    bombardment = _one(coded["civilians_of_the_region"], "bombardment")
    assert (_country(bombardment.source), _country(bombardment.target)) == ("TUR", "SYR")
