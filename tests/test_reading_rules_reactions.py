"""Reading rules for vows of revenge, condemnations by pronoun, interceptions whose defender or
launcher the sentence leaves to the story, ship names that open with a navy's prefix,
civilians named by no nationality, a local report's unnamed authorities, "the coalition" named
before, and trading fire as an attack.

Like the other reading-rule modules: each rule is checked end to end on a short text of its
own, all coded as one batch (``tests.rules_support.code_texts``)."""

from __future__ import annotations

from tests.rules_support import coded_fixture
from tests.rules_support import country as _country
from tests.rules_support import one as _one

TEXTS = {
    "avenge_victim": (
        "BAGHDAD, Jan. 5, 2024 —\n"
        "A U.S. drone strike on Thursday killed Abu Taqwa, a senior commander of Harakat "
        "al-Nujaba, in eastern Baghdad. "
        "Harakat al-Nujaba vowed to avenge its commander.\n"),
    "condemned_it": (
        "BAGHDAD, Jan. 5, 2024 —\n"
        "An American drone hit a militia vehicle in eastern Baghdad on Thursday. "
        "Washington said the commander inside had planned attacks on U.S. troops. "
        "Iraq's prime minister condemned it as an aggression.\n"),
    "unnamed_defences": (
        "DAMASCUS, April 14, 2018 —\n"
        "The United States, Britain and France launched more than 100 missiles at three sites in "
        "Syria on Saturday. "
        "Syrian state media said air defences had intercepted most of the incoming missiles. "
        "The Russian military said 71 of 103 cruise missiles had been shot down.\n"),
    "shot_down_all_of_them": (
        "SANAA, Jan. 10, 2024 —\n"
        "The Houthis launched 18 drones and three missiles at commercial shipping in the southern "
        "Red Sea on Tuesday. "
        "American and British warships shot down all of them, the Pentagon said.\n"),
    "its_air_defences": (
        "JERUSALEM, Nov. 1, 2023 —\n"
        "Israel said its air defences had intercepted a missile fired from Yemen toward Eilat.\n"),
    "unnamed_civilians": (
        "ADEN, Oct. 9, 2016 —\n"
        "Saudi-led coalition jets bombed a crowded market in Saada on Saturday, killing dozens of "
        "shoppers.\n"),
    "home_authorities": (
        "BAGHDAD, Oct. 9, 2019 —\n"
        "Thousands of protesters marched through Baghdad and Nasiriyah on Monday. "
        "The authorities imposed a curfew on the capital on Tuesday.\n"),
    "foreign_dateline": (
        "WASHINGTON, Oct. 9, 2019 —\n"
        "Thousands of protesters marched through Baghdad and Nasiriyah on Monday. "
        "The authorities imposed a curfew on the capital on Tuesday.\n"),
    "the_coalition": (
        "RIYADH, Nov. 6, 2017 —\n"
        "Saudi air defences shot down a ballistic missile fired by the Houthis toward Riyadh on "
        "Saturday, the Saudi-led coalition said. "
        "The coalition accused Tehran of supplying the missile.\n"),
    "traded_fire": (
        "ERBIL, Jan. 20, 2015 —\n"
        "Canadian special forces traded fire with Islamic State fighters near Mosul on Monday.\n"),
    "navy_prefix": (
        "SANAA, Oct. 20, 2023 —\n"
        "The Houthis fired cruise missiles toward the USS Carney in the northern Red Sea.\n"),
}


coded = coded_fixture("rules_reactions", TEXTS)


def test_a_vow_to_avenge_a_victim_is_aimed_at_whoever_killed_him(coded) -> None:
    vow = _one(coded["avenge_victim"], "vowed to avenge")
    assert (vow.event_type, _country(vow.source), _country(vow.target)) == ("THREATEN", "IRQ", "USA")


def test_condemning_it_passes_over_acts_told_in_the_plural(coded) -> None:
    condemned = _one(coded["condemned_it"], "condemned")
    assert (_country(condemned.source), _country(condemned.target)) == ("IRQ", "USA")


def test_unnamed_air_defences_are_the_attacked_sides_against_the_launcher(coded) -> None:
    intercepted = _one(coded["unnamed_defences"], "intercepted")
    assert (_country(intercepted.source), _country(intercepted.target)) == ("SYR", "USA")
    shot = _one(coded["unnamed_defences"], "shot down")
    assert (_country(shot.source), _country(shot.target)) == ("SYR", "USA")


def test_shooting_down_all_of_them_is_aimed_at_who_launched_them(coded) -> None:
    shot = _one(coded["shot_down_all_of_them"], "shot down")
    assert (_country(shot.source), _country(shot.target)) == ("USA", "YEM")


def test_its_air_defences_are_the_reporters(coded) -> None:
    intercepted = _one(coded["its_air_defences"], "intercepted")
    assert (_country(intercepted.source), _country(intercepted.target)) == ("ISR", "YEM")


def test_a_ship_named_after_a_navy_prefix_is_that_navys(coded) -> None:
    fired = _one(coded["navy_prefix"], "fired")
    assert (_country(fired.source), _country(fired.target)) == ("YEM", "USA")
    assert fired.target is not None and "Carney" in fired.target.text


def test_civilians_named_by_no_nationality_are_the_places_people(coded) -> None:
    bombed = _one(coded["unnamed_civilians"], "bombed")
    assert (_country(bombed.source), _country(bombed.target)) == ("SAU", "YEM")
    assert bombed.target is not None and "shoppers" in bombed.target.text


def test_a_local_reports_unnamed_authorities_are_its_countrys(coded) -> None:
    curfew = _one(coded["home_authorities"], "imposed a curfew")
    assert (curfew.event_type, _country(curfew.source)) == ("COERCE", "IRQ")


def test_a_report_from_abroad_lends_its_dateline_to_no_one(coded) -> None:
    curfew = _one(coded["foreign_dateline"], "imposed a curfew")
    assert _country(curfew.source) in (None, "UNK")


def test_the_coalition_is_the_one_named_before(coded) -> None:
    accused = _one(coded["the_coalition"], "accused")
    assert (_country(accused.source), _country(accused.target)) == ("SAU", "IRN")
    assert accused.source is not None and accused.source.name == "Saudi-led coalition"


def test_trading_fire_is_an_attack(coded) -> None:
    traded = _one(coded["traded_fire"], "traded fire")
    assert (traded.event_type, _country(traded.source)) == ("ASSAULT", "CAN")

