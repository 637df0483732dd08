"""Reading rules for the attacker a report leaves unnamed, and for sides of no stated owner: a
group the victim's own country backs is no suspect; a report's unnamed militias are placed by
their own phrase ("Iran-aligned Iraqi factions") before the last group it named; warplanes
are no armed group's; where the weapons were fired from names the suspect; weapons a military says "were
intercepted" after an attack of no named doer, that military intercepted; air defences of
no stated owner are the reporting military's, else the country they stand in; a site
is placed by a place "beside" it; "their positions in Syria's Idlib province" stay their
owners'.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "backed_by_the_victim": (
        "BAGHDAD, Aug. 4, 2022 —\n"
        "Nine rockets slammed into a base housing American troops in western Iraq on Tuesday, "
        "the coalition said. In Syria, the U.S.-backed Syrian Democratic Forces said on Wednesday "
        "that a convoy of fuel trucks had crossed the border.\n"),
    "placed_by_their_own_phrase": (
        "ERBIL, Iraq, May 3, 2022 —\n"
        "Rockets struck a base hosting U.S. troops near Erbil on Monday night, causing no casualties. "
        "Iran-aligned Iraqi factions had promised to avenge their commanders. "
        "In Syria, the U.S.-backed Syrian Democratic Forces reported a quiet night.\n"),
    "warplanes": (
        "ADEN, Yemen, April 2, 2017 —\n"
        "Houthi rebels fired a missile at the Saudi border town of Jizan on Saturday. "
        "Warplanes pounded an army camp beside Sanaa's airport overnight, residents said.\n"),
    "warplanes_of_no_story_side": (
        "ADEN, Yemen, April 2, 2017 —\n"
        "Houthi rebels shelled government positions outside Taiz on Saturday. "
        "Warplanes pounded an army camp beside Sanaa's airport overnight, residents said.\n"),
    "warplanes_after_a_state_raid": (
        "TEL AVIV, June 9, 2024 —\n"
        "Israeli commandos stormed a house in the Nuseirat camp in central Gaza on Saturday. "
        "Warplanes and artillery pounded the surrounding streets as the troops withdrew. "
        "Hamas gunmen fired on the convoy.\n"),
    "air_defences": (
        "TEHRAN, Feb. 5, 2023 —\n"
        "Three small drones attacked a munitions depot near the city of Tabriz on Saturday night, "
        "the defence ministry said. Air defences shot down two of them before they reached the "
        "site.\n"),
    "reported_defences": (
        "DAMASCUS, June 11, 2022 —\n"
        "Israeli missiles struck the runways of Damascus airport early on Friday. The Syrian "
        "military said air defences had downed most of them.\n"),
    "launched_from": (
        "MUMBAI, Dec. 26, 2023 —\n"
        "The Houthis have fired on dozens of merchant ships in the Red Sea since November. "
        "On Saturday a chemical tanker off the coast of India was struck by a drone fired from "
        "Iran, the Pentagon said.\n"),
    "reported_interception": (
        "JERUSALEM, Oct. 20, 2024 —\n"
        "A drone launched from Lebanon struck a house in the coastal town of Caesarea on Saturday "
        "morning, the Israeli military said. The military said two other drones were intercepted.\n"),
    "owned_positions": (
        "ANKARA, March 6, 2020 —\n"
        "Two Turkish soldiers were killed on Thursday when artillery shells hit their positions in "
        "Syria's Idlib province, the defence ministry said.\n"),
}

coded = coded_fixture("rules_suspects", TEXTS)


def test_a_group_the_victims_country_backs_is_not_the_suspect(coded) -> None:
    """The only armed group the report names is the U.S.-backed SDF: rockets on a base of
    American troops are not theirs, so the attacker stays unknown."""
    slammed = _one(coded["backed_by_the_victim"], "slammed")
    assert _country(slammed.target) == "USA"
    assert _country(slammed.source) in (None, "UNK")


def test_unnamed_militias_are_placed_by_their_own_phrase(coded) -> None:
    """"Iran-aligned Iraqi factions": Iraq's, not Syria's, the country of the last group named."""
    struck = _one(coded["placed_by_their_own_phrase"], "struck")
    assert (_country(struck.source), _country(struck.target)) == ("IRQ", "USA")


def test_warplanes_are_not_the_armed_groups_and_a_site_is_placed_by_a_place_beside_it(coded) -> None:
    """The Houthis, the only group named, fly no warplanes: the state the story sets against
    them did, else someone unknown; and the camp "beside Sanaa's airport" is in Yemen."""
    pounded = _one(coded["warplanes"], "pounded")
    assert (_country(pounded.source), _country(pounded.target)) == ("SAU", "YEM")
    pounded = _one(coded["warplanes_of_no_story_side"], "pounded")
    assert (_country(pounded.source), _country(pounded.target)) == ("UNK", "YEM")


def test_warplanes_hitting_no_named_side_are_the_state_named_last_before(coded) -> None:
    """Whom the warplanes hit is not said ("the surrounding streets"), and the only armed group
    is named after them: the state whose forces the story named last before is the suspect,
    not Hamas, nor Gaza, which is named only as where the house stood."""
    pounded = _one(coded["warplanes_after_a_state_raid"], "pounded")
    assert _country(pounded.source) == "ISR"


def test_air_defences_of_no_stated_owner_are_the_countrys_they_stand_in(coded) -> None:
    downed = _one(coded["air_defences"], "shot down")
    assert _country(downed.source) == "IRN"


def test_air_defences_in_a_national_bodys_report_are_its_own(coded) -> None:
    downed = _one(coded["reported_defences"], "downed")
    assert (_country(downed.source), _country(downed.target)) == ("SYR", "ISR")


def test_where_the_weapon_was_fired_from_names_the_suspect(coded) -> None:
    """"a drone fired from Iran": Iran, not the Houthis, the only group the report names."""
    struck = _one(coded["launched_from"], "struck")
    assert _country(struck.source) == "IRN"


def test_a_reported_interception_of_an_unnamed_attack_is_the_reporters(coded) -> None:
    """The drone attack's doer is unknown but it came from Lebanon; the military that says
    the other drones "were intercepted" intercepted them, aimed at whoever launched them."""
    events = coded["reported_interception"]
    struck, intercepted = _one(events, "struck"), _one(events, "intercepted")
    assert (_country(struck.source), _country(struck.target)) == ("LBN", "ISR")
    assert (_country(intercepted.source), _country(intercepted.target)) == ("ISR", "LBN")


def test_positions_a_possessive_owns_stay_their_owners(coded) -> None:
    hit = _one(coded["owned_positions"], "hit")
    assert _country(hit.target) == "TUR"
