"""Reading rules for trade penalties, Commonwealth envoys, charges in court, ramming, apologies,
prisoners handed back and brokered truces.

- Trade penalties are coercion (CAMEO 163, COERCE in the 2021 table): raising customs duties or
  tariffs, withdrawing a trade status, halting trade, shutting airspace to a rival's airlines.
  Suspending sanctions eases them.
- A high commissioner is the ambassador between Commonwealth states: summoning one protests,
  recalling one cuts ties. Ordering diplomats to leave expels them, as ordering an ambassador
  out does.
- Prosecutors charging or indicting men coerce them; being taken prisoner is a capture.
- Ramming a ship, driving a truck bomb into a building, or knocking out a power station is an
  attack.
- "Expressed deep regret for the loss of life" is an apology (CAMEO 055, SUPPORT).
- Handing back a captured pilot releases him.
- Brokering a truce is mediating it (CAMEO 045, CONSULT); a participle that only describes talks
  ("talks brokered by Qatar") is no act of its own.
- Hanging men executes them (banners are hung, not hanged); a court sentencing men coerces them;
  riot police turning water cannon on a crowd attack it; putting a group on a blacklist lists it.
- "declined to sign" refuses (not "declined to comment"); what an accord is "calling for" its
  fighters "to withdraw" is asked for, not done.

Like the other reading-rule modules: each rule is checked end to end on a short text of its own,
all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

import pytest

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "duty_raised": (
        "NEW DELHI, Feb. 17, 2019 —\n"
        "India on Saturday raised the customs duty on all goods imported from Pakistan to 200 "
        "percent.\n"),
    "status_withdrawn": (
        "NEW DELHI, Feb. 16, 2019 —\n"
        "India withdrew the trade status it had granted Pakistan in 1996.\n"),
    "trade_halted": (
        "ISLAMABAD, Aug. 8, 2019 —\n"
        "Pakistan halted trade with India on Wednesday.\n"),
    "airspace_shut": (
        "ISLAMABAD, Feb. 28, 2019 —\n"
        "Pakistan shut its airspace to Indian airlines on Wednesday.\n"),
    "sanctions_suspended": (
        "NEW YORK, April 6, 1999 —\n"
        "The Security Council suspended its sanctions on Libya on Monday.\n"),
    "commissioner_summoned": (
        "NEW DELHI, Feb. 16, 2019 —\n"
        "India summoned Pakistan's high commissioner on Friday.\n"),
    "commissioner_recalled": (
        "NEW DELHI, Feb. 16, 2019 —\n"
        "India recalled its high commissioner from Islamabad on Friday.\n"),
    "diplomats_ordered_out": (
        "MOSCOW, July 19, 2007 —\n"
        "Russia ordered four British diplomats to leave the country on Thursday.\n"),
    "station_knocked_out": (
        "GAZA CITY, June 29, 2006 —\n"
        "Israeli aircraft knocked out Gaza's only power station early on Wednesday.\n"),
    "men_charged": (
        "NEW YORK, Oct. 12, 2011 —\n"
        "Federal prosecutors charged two men on Tuesday with plotting to kill a foreign diplomat.\n"),
    "men_indicted": (
        "WASHINGTON, Nov. 15, 1991 —\n"
        "American prosecutors indicted two Libyan intelligence officers on Thursday.\n"),
    "taken_prisoner": (
        "ISLAMABAD, Feb. 28, 2019 —\n"
        "An Indian pilot was taken prisoner by Pakistani troops on Wednesday.\n"),
    "warship_rammed": (
        "ADEN, Oct. 13, 2000 —\n"
        "Two men in a small boat packed with explosives rammed an American warship on Thursday.\n"),
    "truck_driven_in": (
        "BEIRUT, Oct. 24, 1983 —\n"
        "A suicide bomber drove a truck into the Marine headquarters on Sunday.\n"),
    "truck_driven_to_town": (
        "BEIRUT, Oct. 24, 1983 —\n"
        "A farmer drove a truck into the town on Sunday.\n"),
    "regret_expressed": (
        "WASHINGTON, July 5, 1988 —\n"
        "The United States expressed deep regret on Monday for the loss of life.\n"),
    "pilot_handed_back": (
        "LAHORE, March 2, 2019 —\n"
        "Pakistan handed back the captured Indian pilot on Friday.\n"),
    "truce_brokered": (
        "CAIRO, Nov. 22, 2012 —\n"
        "Egypt brokered a truce between Israel and Hamas on Wednesday.\n"),
    "men_hanged": (
        "AMMAN, Feb. 4, 2015 —\n"
        "Jordan hanged two jailed militants at dawn on Wednesday.\n"),
    "banners_hung": (
        "AMMAN, Feb. 4, 2015 —\n"
        "Protesters hung banners on the embassy gates on Wednesday.\n"),
    "men_sentenced": (
        "BAGHDAD, Aug. 22, 2016 —\n"
        "A court in Baghdad sentenced 40 men to death in February.\n"),
    "water_cannon": (
        "BAGHDAD, July 20, 2023 —\n"
        "Riot police turned water cannon on the crowd outside the embassy on Thursday.\n"),
    "blacklisted": (
        "BRUSSELS, July 22, 2013 —\n"
        "The European Union put the military wing of Hezbollah on its terrorism blacklist on Monday.\n"),
    "declined_to_sign": (
        "SANAA, Sept. 22, 2014 —\n"
        "The Houthis declined to sign a security annex calling for their fighters to withdraw from "
        "Sanaa.\n"),
    "declined_to_comment": (
        "SANAA, Sept. 22, 2014 —\n"
        "The Houthis declined to comment on Sunday.\n"),
    "talks_described": (
        "DOHA, Jan. 10, 2024 —\n"
        "Israel should go back to talks brokered by Qatar, former negotiators argue.\n"),
}

coded = coded_fixture("rules_trade_envoys", TEXTS)


def _types(events) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.event_type for e in events if e.status == "actual"}


@pytest.mark.parametrize(("text", "trigger", "event_type"), [
    ("duty_raised", "raised", "COERCE"),  # a trade penalty (CAMEO 163)
    ("status_withdrawn", "withdrew", "COERCE"),
    ("trade_halted", "halted", "COERCE"),  # an embargo, not cut ties
    ("airspace_shut", "shut", "COERCE"),
    ("sanctions_suspended", "suspended", "RETREAT"),  # eases them
    ("commissioner_summoned", "summoned", "ACCUSE"),  # a high commissioner is an envoy
    ("commissioner_recalled", "recalled", "SANCTION"),
    ("diplomats_ordered_out", "ordered", "SANCTION"),  # an expulsion
    ("station_knocked_out", "knocked", "ASSAULT"),  # a strike told by its effect
    ("men_charged", "charged", "COERCE"),  # charges in court
    ("men_indicted", "indicted", "COERCE"),
    ("truck_driven_in", "drove", "ASSAULT"),
    ("regret_expressed", "expressed", "SUPPORT"),  # an apology (CAMEO 055)
    ("pilot_handed_back", "handed back", "RETREAT"),
    ("men_sentenced", "sentenced", "COERCE"),
    ("water_cannon", "turned", "ASSAULT"),
])
def test_the_act_a_word_codes(coded, text: str, trigger: str, event_type: str) -> None:
    assert _one(coded[text], trigger).event_type == event_type


def test_raising_customs_duties_is_indias_act(coded) -> None:
    assert _country(_one(coded["duty_raised"], "raised").source) == "IND"


def test_being_taken_prisoner_is_a_capture(coded) -> None:
    taken = _one(coded["taken_prisoner"], "taken prisoner")
    assert taken.event_type == "COERCE" and taken.date == "2019-02-27"


def test_ramming_a_warship_attacks_it(coded) -> None:
    rammed = _one(coded["warship_rammed"], "rammed")
    assert rammed.event_type == "ASSAULT" and rammed.mode == "explosives"


def test_a_farmer_driving_a_truck_into_town_attacks_no_one(coded) -> None:
    assert "ASSAULT" not in _types(coded["truck_driven_to_town"])


def test_brokering_a_truce_mediates_but_talks_described_as_brokered_do_not(coded) -> None:
    brokered = _one(coded["truce_brokered"], "brokered")
    assert brokered.event_type == "CONSULT" and _country(brokered.source) == "EGY"
    assert "CONSULT" not in _types(coded["talks_described"])


def test_hanging_men_executes_them_and_hanging_banners_does_not(coded) -> None:
    hanged = _one(coded["men_hanged"], "hanged")
    assert hanged.event_type == "ASSAULT" and _country(hanged.source) == "JOR"
    assert "ASSAULT" not in _types(coded["banners_hung"])


def test_putting_a_group_on_a_blacklist_lists_it(coded) -> None:
    put = _one(coded["blacklisted"], "put")
    assert put.event_type == "COERCE" and _country(put.target) == "LBN"


def test_declining_to_sign_refuses_and_what_was_called_for_is_not_done(coded) -> None:
    events = coded["declined_to_sign"]
    assert _one(events, "declined").event_type == "REJECT"
    assert _one(events, "withdraw").status == "hypothetical"
    assert not [e for e in coded["declined_to_comment"] if e.event_type == "REJECT"]


def test_ordering_diplomats_out_is_the_expellers_act_on_their_country(coded) -> None:
    ordered = _one(coded["diplomats_ordered_out"], "ordered")
    assert (_country(ordered.source), _country(ordered.target)) == ("RUS", "GBR")
