"""Where coded events happened, read from their context: datelines for speech acts, scenes the
coder did not code, definite re-mentions, and finer places inside a country or region.

Real spaCy model, real gazetteer; the texts are written for these tests in wire style."""

from __future__ import annotations

import pytest

from flashpoint.geo import Gazetteer, load_gazetteer, locate_events
from flashpoint.records import Actor, Document, Event, OffsetMap, great_circle_km
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings())


def _event(doc, word: str, event_type: str, source: str | None = None,
           target: str | None = None, nth: int = 0, mode: str | None = None,
           status: str = "actual", date: str | None = None) -> Event:
    """An event as the coder hands it over: its sentence, its trigger's span, its actors."""
    token = [t for t in doc if t.text == word][nth]
    sentence = token.sent
    return Event(doc_id="d", sentence=sentence.text, char_start=sentence.start_char,
                 char_end=sentence.end_char, event_type=event_type, coder_version="test",
                 mode=mode, status=status, date=date, trigger=token.text,
                 trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                 source=Actor(source, country=source) if source else None,
                 target=Actor(target, country=target) if target else None)


def _locate(nlp, gazetteer, text: str, specs: list[dict]) -> list:
    doc = nlp(text)
    document = Document(doc_id=Document.id_for(text), text=text, raw_text=text,
                        offsets=OffsetMap(), origin="t.txt", raw_hash=Document.id_for(text),
                        format="txt")
    events = [_event(doc, **spec) for spec in specs]
    return [event.location for event in locate_events(document, doc, events, gazetteer)]


def _near(location, lat: float, lon: float, km: float = 40.0) -> bool:
    return location is not None and great_circle_km(location.lat, location.lon, lat, lon) <= km


def test_a_statement_by_the_datelines_country_is_made_at_the_dateline(nlp, gazetteer) -> None:
    text = ("BAGHDAD, Jan. 6, 2020 —\n"
            "Iraqi lawmakers demanded on Sunday that foreign troops leave the country.\n"
            "The State Department condemned the vote.\n")
    demand, condemnation = _locate(nlp, gazetteer, text, [
        dict(word="demanded", event_type="REQUEST", source="IRQ", target="USA"),
        dict(word="condemned", event_type="ACCUSE", source="USA", target="IRQ")])
    assert demand is not None and demand.name == "Baghdad" and demand.precision == "city"
    assert condemnation is None  # Americans do not speak in Baghdad's name


def test_a_washington_statement_by_americans_is_placed_in_washington(nlp, gazetteer) -> None:
    text = ("WASHINGTON, July 27, 2021 —\n"
            "President Biden and Iraq's prime minister agreed on Monday that the combat "
            "mission in Iraq would end this year.\n"
            "Iran's foreign ministry condemned the presence of American troops.\n")
    agreement, condemnation = _locate(nlp, gazetteer, text, [
        dict(word="agreed", event_type="AGREE", source="USA", target="IRQ"),
        dict(word="condemned", event_type="ACCUSE", source="IRN", target="USA")])
    assert _near(agreement, 38.9, -77.04)
    assert condemnation is None


def test_talks_are_held_where_either_party_is_at_home(nlp, gazetteer) -> None:
    text = ("TEHRAN, July 22, 2020 —\n"
            "Iraq's prime minister held talks with President Hassan Rouhani on Tuesday.\n")
    [talks] = _locate(nlp, gazetteer, text, [
        dict(word="talks", event_type="CONSULT", source="IRQ", target="IRN")])
    assert talks is not None and talks.name == "Tehran"


def test_page_furniture_is_no_dateline(nlp, gazetteer) -> None:
    text = ("Recent Posts Home BAGHDAD Desk\n"
            "Iraqi lawmakers demanded on Sunday that foreign troops leave the country.\n")
    [demand] = _locate(nlp, gazetteer, text, [
        dict(word="demanded", event_type="REQUEST", source="IRQ", target="USA")])
    assert demand is None


def test_a_definite_retelling_sharpens_a_strike_placed_by_its_country(nlp, gazetteer) -> None:
    text = ("WASHINGTON, Oct. 27, 2023 —\n"
            "U.S. warplanes struck two weapons depots in eastern Syria early on Friday, after "
            "rocket attacks on American troops.\n"
            "The Pentagon said the strikes near Abu Kamal were separate from the war in Gaza.\n")
    # the rocket attacks are coded between the two: "the strikes" still retells "struck"
    strike, _ = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", source="USA", target="IRN"),
        dict(word="attacks", event_type="ASSAULT", source="IRQ", target="USA")])
    assert _near(strike, 34.45, 40.92)  # Abu Kamal, not the middle of Syria


def test_a_retelling_of_another_kind_of_act_does_not_sharpen(nlp, gazetteer) -> None:
    text = ("WASHINGTON, Oct. 27, 2023 —\n"
            "U.S. warplanes struck two weapons depots in eastern Syria early on Friday.\n"
            "The Pentagon said the protests near Abu Kamal had ended.\n")
    [strike] = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", source="USA", target="IRN")])
    assert strike is not None and strike.name == "eastern Syria" and strike.country == "SYR"
    assert not _near(strike, 34.45, 40.92)  # the east of Syria, not Abu Kamal


def test_an_act_the_coder_missed_opens_the_episode(nlp, gazetteer) -> None:
    text = ("WASHINGTON, June 14, 2019 —\n"
            "Two tankers were damaged by explosions in the Gulf of Oman on Thursday.\n"
            "Secretary of State Mike Pompeo said Iran was responsible for the attacks.\n")
    [attacks] = _locate(nlp, gazetteer, text, [
        dict(word="attacks", event_type="ASSAULT", source="IRN", status="claimed")])
    assert attacks is not None and attacks.country == "OMN"


def test_a_definite_re_mention_takes_the_place_of_the_act_of_that_name(nlp, gazetteer) -> None:
    text = ("Rockets struck the Al-Asad base on Monday.\n"
            "Hours later, a drone attack on a base near Erbil wounded two contractors.\n"
            "A little-known group claimed the attack.\n")
    rockets, drone, claimed = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT"),
        dict(word="attack", event_type="ASSAULT", nth=0),
        dict(word="attack", event_type="ASSAULT", nth=1, status="claimed")])
    assert rockets is not None and rockets.name == "Al-Asad Airbase"
    assert _near(drone, 36.19, 44.01, 60.0)
    assert claimed == drone  # the drone attack, not the story's first act


def test_a_country_wide_act_is_not_moved_to_the_episodes_base(nlp, gazetteer) -> None:
    text = ("BAGHDAD, March 30, 2020 —\n"
            "The U.S.-led coalition handed over the K-1 air base near Kirkuk to Iraqi forces "
            "on Sunday.\n"
            "Several member countries have also pulled their trainers out of Iraq.\n")
    handover, pulled = _locate(nlp, gazetteer, text, [
        dict(word="handed", event_type="RETREAT", source="USA", target="IRQ", mode="withdraw"),
        dict(word="pulled", event_type="RETREAT", source="USA", target="IRQ", mode="withdraw")])
    assert handover is not None and handover.precision == "site"
    assert pulled is not None and pulled.precision == "country" and pulled.country == "IRQ"


def test_coordinated_sites_in_two_countries_are_a_spread_act(nlp, gazetteer) -> None:
    text = ("WASHINGTON, Oct. 27, 2023 —\n"
            "U.S. personnel suffered minor injuries in drone attacks on the Al-Tanf garrison in "
            "Syria and Al-Asad Air Base in Iraq last week.\n"
            "A group calling itself the Islamic Resistance in Iraq has claimed the attacks.\n")
    attacks, claimed = _locate(nlp, gazetteer, text, [
        dict(word="attacks", event_type="ASSAULT", nth=0),
        dict(word="attacks", event_type="ASSAULT", nth=1, status="claimed")])
    assert attacks is None  # two countries: no single place
    assert claimed is None  # and the same attacks named again have none either


def test_coordinated_sites_in_one_country_keep_the_first(nlp, gazetteer) -> None:
    text = "Rockets struck the Al-Asad base and the K-1 air base in Iraq on Sunday.\n"
    [struck] = _locate(nlp, gazetteer, text, [dict(word="struck", event_type="ASSAULT")])
    assert struck is not None and struck.country == "IRQ" and struck.precision == "site"


def test_an_own_locative_the_gazetteer_cannot_place_blocks_the_episode(nlp, gazetteer) -> None:
    text = ("BAGHDAD, July 1, 2021 —\n"
            "Two rockets hit the Green Zone late Wednesday, Iraqi security officials said.\n"
            "A U.S. drone strike near the Syrian border killed four militants on Tuesday.\n"
            "Another rocket struck the zone on Thursday.\n")
    rockets, drone, another = _locate(nlp, gazetteer, text, [
        dict(word="hit", event_type="ASSAULT", date="2021-06-30"),
        dict(word="strike", event_type="ASSAULT", source="USA", date="2021-06-29"),
        dict(word="struck", event_type="ASSAULT", date="2021-07-01")])
    assert rockets is not None and rockets.name.startswith("Green Zone")
    assert drone is None  # somewhere near the border, not in Baghdad's Green Zone
    assert another == rockets  # "the zone" points back: the episode's place


def test_an_unplaceable_locative_also_blocks_the_dateline(nlp, gazetteer) -> None:
    text = ("BAGHDAD, July 1, 2021 —\n"
            "Gunmen attacked an army checkpoint in the western desert on Tuesday.\n"
            "Protesters gathered outside the parliament in Baghdad on Wednesday.\n")
    checkpoint, protest = _locate(nlp, gazetteer, text, [
        dict(word="attacked", event_type="ASSAULT", date="2021-06-29"),
        dict(word="gathered", event_type="PROTEST", date="2021-06-30")])
    assert checkpoint is None
    assert protest is not None and protest.name == "Baghdad"


def test_a_withdrawal_from_a_place_happened_there(nlp, gazetteer) -> None:
    text = ("LONDON, Sept. 3, 2007 —\n"
            "Britain withdrew its last troops from Basra on Monday.\n"
            "The withdrawal of American troops from northern Syria began in October.\n")
    basra, syria = _locate(nlp, gazetteer, text, [
        dict(word="withdrew", event_type="RETREAT", source="GBR", mode="withdraw"),
        dict(word="withdrawal", event_type="RETREAT", source="USA", mode="withdraw")])
    assert _near(basra, 30.51, 47.81)
    assert syria is not None and syria.country == "SYR"


def test_a_deployment_from_a_place_came_from_there(nlp, gazetteer) -> None:
    text = ("Rockets struck the Al-Asad base on Monday.\n"
            "Two hundred Marines were flown in from Kuwait on Monday.\n")
    _, marines = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT"),
        dict(word="flown", event_type="MOBILIZE", target="USA")])
    assert marines is None or marines.country != "KWT"  # Kuwait is where they came from


def test_an_act_told_in_response_takes_no_place_from_the_episode(nlp, gazetteer) -> None:
    text = ("Militants fired rockets at the Erbil base on Monday.\n"
            "U.S. jets struck depots on Tuesday in retaliation for the killing of two "
            "contractors.\n")
    rockets, killing = _locate(nlp, gazetteer, text, [
        dict(word="fired", event_type="ASSAULT", source="IRQ", target="USA"),
        dict(word="killing", event_type="ASSAULT", target="USA")])
    assert rockets is not None and "Erbil" in rockets.name
    assert killing is None  # an earlier act: the episode's base is not its place


def test_an_attack_on_a_country_happened_there_when_nothing_finer_is_said(nlp,
                                                                          gazetteer) -> None:
    text = ("Israeli aircraft struck military sites in Iran early Saturday in response to "
            "Iran's missile attack on Israel on Oct. 1.\n")
    strike, attack = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", source="ISR", target="IRN"),
        dict(word="attack", event_type="ASSAULT", source="IRN", target="ISR")])
    assert strike is not None and strike.country == "IRN"
    assert attack is not None and attack.country == "ISR" and attack.precision == "country"


def test_a_country_struck_is_still_a_target_not_a_place(nlp, gazetteer) -> None:
    text = "Israel struck Iran on Saturday.\n"
    (strike,) = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", source="ISR", target="IRN")])
    assert strike is None


def test_a_deployment_happened_where_the_forces_were_sent(nlp, gazetteer) -> None:
    text = ("WASHINGTON, Oct. 2, 2024 —\n"
            "The Pentagon deployed fighter jets to Jordan on Tuesday.\n")
    (deployment,) = _locate(nlp, gazetteer, text, [
        dict(word="deployed", event_type="MOBILIZE", source="USA")])
    assert deployment is not None and deployment.country == "JOR"


def test_forces_flown_in_from_a_country_were_not_deployed_there(nlp, gazetteer) -> None:
    text = "Additional troops were flown in from Kuwait on Friday.\n"
    (deployment,) = _locate(nlp, gazetteer, text, [
        dict(word="flown", event_type="MOBILIZE", source="USA")])
    assert deployment is None or deployment.country != "KWT"


def test_the_base_of_another_day_is_the_base_named_before(nlp, gazetteer) -> None:
    """"around the base" in a paragraph about an earlier day: the episode's place is not lent
    across the weeks, but the noun still points to the site the story named."""
    text = ("WASHINGTON, June 21, 2017 —\n"
            "An American jet shot down a drone near the coalition garrison at al-Tanf on Tuesday.\n"
            "On June 8 coalition aircraft struck vehicles that had entered the zone around the base.\n")
    located = _locate(nlp, gazetteer, text, [
        {"word": "shot", "event_type": "ASSAULT", "source": "USA", "date": "2017-06-20"},
        {"word": "struck", "event_type": "ASSAULT", "source": "USA", "date": "2017-06-08"}])
    assert _near(located[0], 33.50, 38.62)
    assert _near(located[1], 33.50, 38.62)


def test_a_definite_embassy_prefers_the_embassy_named_before(nlp, gazetteer) -> None:
    text = ("BAGHDAD, Jan. 2, 2020 —\n"
            "Protesters stormed the U.S. Embassy in Baghdad on Dec. 31. Rockets hit Baghdad "
            "International Airport on Jan. 1.\n"
            "On Dec. 20 militiamen had gathered outside the embassy.\n")
    located = _locate(nlp, gazetteer, text, [
        {"word": "stormed", "event_type": "PROTEST", "date": "2019-12-31"},
        {"word": "hit", "event_type": "ASSAULT", "date": "2020-01-01"},
        {"word": "gathered", "event_type": "PROTEST", "date": "2019-12-20"}])
    assert located[2] is not None and "Embassy" in located[2].name


def test_the_city_is_the_town_named_last(nlp, gazetteer) -> None:
    """"outside the consulate in the city": the town named before, not the air base the
    story's last act was aimed at, nor a site of another kind."""
    text = ("BAGHDAD, May 27, 2021 —\n"
            "Officials said the commander ordered the killing of an activist in Karbala and "
            "rocket attacks on the Ain al-Asad air base.\n"
            "That night protesters set fires outside the Iranian consulate in the city.\n")
    (fires,) = _locate(nlp, gazetteer, text, [
        {"word": "set", "event_type": "PROTEST", "date": "2021-05-09"}])
    assert fires is not None and fires.name == "Karbala"


def test_there_is_the_place_named_before_it(nlp, gazetteer) -> None:
    """"Demonstrators in Mashhad attacked the Saudi consulate there": the act was in Mashhad,
    not in Tehran where the story began (nor in Saudi Arabia)."""
    text = ("RIYADH, Jan. 4, 2016 —\n"
            "Protesters stormed the Saudi embassy in Tehran on Saturday. "
            "Demonstrators in Mashhad attacked the Saudi consulate there the same night.\n")
    _stormed, attacked = _locate(nlp, gazetteer, text, [
        {"word": "stormed", "event_type": "PROTEST", "date": "2016-01-02"},
        {"word": "attacked", "event_type": "PROTEST", "date": "2016-01-02"}])
    assert attacked is not None and attacked.name == "Mashhad"


def test_a_sea_is_not_sharpened_by_a_plant_ashore_told_later(nlp, gazetteer) -> None:
    """"an attack on a tanker in the Red Sea" and, a paragraph on, "the strikes on Saudi oil
    plants at Abqaiq" (same country, not inside the sea, a month apart) are two episodes."""
    text = ("TEHRAN, Oct. 15, 2019 —\n"
            "Last week's attack on an Iranian tanker in the Red Sea was the work of a government, "
            "the president said on Monday.\n"
            "The blasts followed the Sept. 14 strikes on Saudi oil plants at Abqaiq.\n")
    attack, strikes = _locate(nlp, gazetteer, text, [
        dict(word="attack", event_type="ASSAULT", target="IRN", date="2019-10"),
        dict(word="strikes", event_type="ASSAULT", target="SAU", date="2019-09-14")])
    assert attack is not None and attack.name == "Red Sea"
    assert strikes is not None and "Abqaiq" in strikes.name


def test_a_town_captured_is_where_the_capture_happened(nlp, gazetteer) -> None:
    """The model labels "Baghuz" nothing; as the object of "captured" the gazetteer's town is
    the place, and the later bombing of "the riverside encampment" is placed there too."""
    text = ("AL-OMAR OIL FIELD, Syria, March 23, 2019 —\n"
            "The Syrian Democratic Forces declared on Saturday that they had captured Baghuz, "
            "the last pocket of land held by the Islamic State group.\n"
            "In the final weeks, coalition warplanes pounded the riverside encampment.\n")
    capture, pounding = _locate(nlp, gazetteer, text, [
        dict(word="captured", event_type="COERCE", source="SYR", mode="seize"),
        dict(word="pounded", event_type="ASSAULT", source="USA", mode="aerial")])
    assert _near(capture, 34.45, 40.95, km=15) and capture.name == "Baghuz"
    assert _near(pounding, 34.45, 40.95, km=15)


@pytest.mark.parametrize("sentence, lat, lon", [
    ("A drone hit their vehicle in the Sidakan area of Erbil province on Tuesday.", 36.80, 44.67),
    ("Revolutionary Guard boats seized two U.S. Navy patrol boats near Farsi Island on Tuesday.",
     27.99, 50.17),
    ("Hezbollah fired anti-tank missiles at an army post near Avivim on Sunday.", 33.09, 35.47),
])
def test_border_villages_and_islands_of_the_region_are_in_the_gazetteer(
        nlp, gazetteer, sentence: str, lat: float, lon: float) -> None:
    """Places cities500 lacks (toponyms.yaml extra_towns) are found where the act happened."""
    word = next(w for w in ("hit", "seized", "fired") if f" {w} " in sentence)
    located, = _locate(nlp, gazetteer, "WASHINGTON, Jan. 14, 2016 —\n" + sentence + "\n", [
        dict(word=word, event_type="ASSAULT")])
    assert _near(located, lat, lon, km=10)


def test_an_episode_lasts_as_long_as_the_acts_told_at_its_place(nlp, gazetteer) -> None:
    text = ("BAGHDAD, April 4, 2015 —\n"
            "The Iraqi government declared this week that its forces had retaken Tikrit from the Islamic State, ending a month-long offensive.\n"
            "Coalition jets began striking positions in Tikrit on March 25.\n"
            "The next day several militias pulled their fighters out of the battle.\n"
            "In 2014 the militants had overrun the north.\n")
    _, _, pullout, background = _locate(nlp, gazetteer, text, [
        dict(word="retaken", event_type="COERCE", source="IRQ", target="IRQ", mode="seize", date="2015-04"),
        dict(word="striking", event_type="ASSAULT", source="USA", date="2015-03-25"),
        dict(word="pulled", event_type="RETREAT", source="IRQ", date="2015-03-26"),
        dict(word="overrun", event_type="COERCE", date="2014")])
    assert pullout is not None and pullout.name.startswith("Tikr")  # a day after the strikes there
    assert background is None  # a year before anything told at Tikrit


def test_the_town_of_x_is_x(nlp, gazetteer) -> None:
    text = ("BAGHDAD, March 3, 2021 —\n"
            "Rockets struck Ain al-Asad air base on Wednesday.\n"
            "Police said the rockets were fired from an area near the town of al-Baghdadi.\n")
    _, fired = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", date="2021-03-03"),
        dict(word="fired", event_type="ASSAULT", date="2021-03-03")])
    assert fired is not None and fired.name == "Baghdadi"


def test_an_adjective_the_model_calls_a_place_places_nothing_by_itself(nlp, gazetteer) -> None:
    # "Emirati" comes out of the small model as a GPE; read as an unknown place it was placed
    # at the nearest site named before it (the Pentagon) and so were the acts after it
    text = ("WASHINGTON, April 19, 1988 —\n"
            "The Pentagon said the mines had been laid by Iran.\n"
            "Later on Monday, Iranian speedboats attacked an oil platform in an Emirati "
            "offshore field.\n")
    attacked, = _locate(nlp, gazetteer, text, [
        dict(word="attacked", event_type="ASSAULT", source="IRN", date="1988-04-18")])
    assert attacked is None or attacked.name != "The Pentagon"


@pytest.mark.parametrize("sea", ["southern Gulf", "central Gulf"])
def test_the_gulf_of_the_regions_reporting_is_the_persian_gulf(nlp, gazetteer, sea) -> None:
    text = ("WASHINGTON, April 19, 1988 —\n"
            f"U.S. warships destroyed two Iranian oil platforms in the {sea} on Monday.\n")
    destroyed, = _locate(nlp, gazetteer, text, [
        dict(word="destroyed", event_type="ASSAULT", source="USA", target="IRN",
             date="1988-04-18")])
    assert destroyed is not None and destroyed.name == "Persian Gulf"
    # the gulf's middle lies within 200 km of its southern waters off Iran
    assert great_circle_km(destroyed.lat, destroyed.lon, 25.9, 53.8) < 200




def test_a_journey_under_way_or_describing_someone_places_nothing(nlp, gazetteer) -> None:
    text = ("MUSCAT, Oman, July 31, 2021 —\n"
            "The tanker was hit late on Thursday northeast of Masirah island while sailing "
            "from Tanzania to the United Arab Emirates.\n"
            "The foreign minister, who flew to New York for the session, called the raid murder.\n")
    hit, murder = _locate(nlp, gazetteer, text, [
        dict(word="hit", event_type="ASSAULT", date="2021-07-29"),
        dict(word="murder", event_type="ASSAULT", status="hypothetical", date="2021-07-31")])
    assert hit is None or hit.country != "ARE"
    assert murder is None or murder.name != "New York City"




@pytest.mark.parametrize("dateline, sentence, word, lat, lon", [
    ("SEOUL, Nov. 24, 2010 —", "North Korean artillery hit Yeonpyeong Island on Tuesday.", "hit",
     37.67, 125.70),
    ("KIEV, Ukraine, Nov. 28, 2018 —",
     "A Russian coast guard ship fired on three Ukrainian vessels in the Kerch Strait on Sunday.",
     "fired", 45.3, 36.55),
    ("ALGIERS, Jan. 21, 2013 —", "Militants seized hundreds of workers at a gas plant near In Amenas.",
     "seized", 28.05, 9.55),
    ("KUALA LUMPUR, Malaysia, Feb. 20, 2017 —",
     "Two women attacked him at Kuala Lumpur International Airport on Feb. 13.", "attacked",
     2.7456, 101.7099),
    ("LONDON, May 3, 1982 —",
     "British jets hit the airfield at Port Stanley on the Falkland Islands on Saturday.", "hit",
     -51.69, -57.86),
])
def test_places_of_other_conflicts_are_in_the_gazetteer(nlp, gazetteer, dateline, sentence, word,
                                                        lat, lon) -> None:
    """Islands, straits, towns and sites of Korea, the Black Sea, the Sahara, Malaysia and the
    Falklands that cities500 lacks (or holds only under a namesake elsewhere)."""
    located, = _locate(nlp, gazetteer, f"{dateline}\n{sentence}\n", [
        dict(word=word, event_type="ASSAULT")])
    assert _near(located, lat, lon, km=15)


def test_an_end_of_a_route_is_not_where_the_flight_was_struck(nlp, gazetteer) -> None:
    text = ("BRUSSELS, July 29, 2014 —\n"
            "The Amsterdam to Kuala Lumpur flight was destroyed on July 17 near the town of "
            "Shakhtarsk in the Donetsk region.\n")
    destroyed, = _locate(nlp, gazetteer, text, [
        dict(word="destroyed", event_type="ASSAULT", date="2014-07-17")])
    assert destroyed is not None and destroyed.country == "UKR"


def test_the_object_of_another_act_joined_by_but_is_not_this_acts_place(nlp, gazetteer) -> None:
    text = ("TBILISI, Georgia, Aug. 29, 2008 —\n"
            "Russian troops pulled out of Gori last week, but Western governments accuse Moscow "
            "of breaking the deal.\n")
    pulled, _ = _locate(nlp, gazetteer, text, [
        dict(word="pulled", event_type="RETREAT", source="RUS", mode="withdraw", date="2008-08"),
        dict(word="accuse", event_type="ACCUSE", target="RUS", date="2008-08-29")])
    assert pulled is not None and pulled.name == "Gori"


@pytest.mark.parametrize("text, word, event_type, expected", [
    # a sea area of the record (sea areas in toponyms.yaml)
    ("WASHINGTON, March 26, 1986 —\nLibyan batteries fired missiles at U.S. Navy jets over the "
     "Gulf of Sidra on Monday.\n", "fired", "ASSAULT", "Gulf of Sidra"),
    # after a verb of travelling, "to X" is where the travellers then acted, not "in Uganda"
    ("NAIROBI, Kenya, July 5, 1976 —\nIsraeli commandos flew to Entebbe airport in Uganda late on "
     "Saturday and rescued more than 100 hostages.\n", "rescued", "AID", "Entebbe"),
    # a town the parse ties to no act refines an act placed only by the country it entered
    ("NEW DELHI, Feb. 27, 2019 —\nIndian warplanes crossed into Pakistan before dawn on Tuesday and "
     "bombed what New Delhi called the largest training camp of the group, near the town of "
     "Balakot.\n", "bombed", "ASSAULT", "Balakot"),
    # the Shebaa Farms lie 90 km from Beirut: read as a province-sized area, the dateline's city
    # seemed to lie inside them and "sharpened" the bombing to Beirut
    ("BEIRUT, Jan. 5, 2016 —\nHezbollah detonated a roadside bomb against Israeli army vehicles in "
     "the disputed Shebaa Farms area on Monday.\n", "detonated", "ASSAULT", "Shebaa Farms"),
    # "held" reports a claim only beside "responsible": these talks were held in Yevlakh
    ("YEREVAN, Sept. 25, 2023 —\nAzerbaijani officials and Karabakh Armenian representatives held "
     "talks in the town of Yevlakh on Thursday.\n", "held", "CONSULT", "Yevlakh"),
    # the object of "visited" is where the visitor is
    ("OTTAWA, July 11, 2023 —\nPrime Minister Justin Trudeau visited Riga on Monday.\n",
     "visited", "CONSULT", "Riga"),
    # an act noun is placed where its verb of taking place is
    ("JERUSALEM, Aug. 15, 2024 —\nCeasefire negotiations resumed in Cairo on Thursday with "
     "Egyptian mediators.\n", "negotiations", "CONSULT", "Cairo"),
])
def test_an_act_is_placed_at_the_place_its_sentence_names(nlp, gazetteer, text, word, event_type,
                                                           expected) -> None:
    located, = _locate(nlp, gazetteer, text, [dict(word=word, event_type=event_type)])
    assert located is not None and located.name == expected


def test_a_place_inside_a_cause_phrase_is_the_causes(nlp, gazetteer) -> None:
    text = ("NAIROBI, Sept. 24, 2013 —\n"
            "Al-Shabaab claimed the assault on Sunday, calling it revenge for Kenya's decision "
            "to send its army into southern Somalia.\n")
    (assault,) = _locate(nlp, gazetteer, text, [
        dict(word="assault", event_type="ASSAULT", source="SOM", target="KEN",
             status="claimed", date="2013-09-21")])
    assert assault is None or assault.country != "SOM"


def test_a_statement_is_made_where_its_speakers_are(nlp, gazetteer) -> None:
    text = ("ANKARA, June 26, 2012 —\n"
            "On Tuesday, NATO ambassadors meeting in Brussels at Turkey's request condemned the "
            "downing of the jet.\n"
            "Officials in Baghdad condemned the downing too.\n")
    nato, iraq = _locate(nlp, gazetteer, text, [
        dict(word="condemned", event_type="ACCUSE", source="IGO", target="SYR",
             date="2012-06-26"),
        dict(word="condemned", event_type="ACCUSE", source="IRQ", target="SYR",
             date="2012-06-26", nth=1)])
    assert nato is not None and nato.name == "Brussels"
    assert iraq is not None and iraq.name == "Baghdad"


@pytest.mark.parametrize("text, spec, lat, lon", [
    # "took control of Kirkuk": control is an act done to the town
    ("ERBIL, Iraq, Oct. 17, 2017 —\nIraqi federal forces took control of Kirkuk on Monday as "
     "Kurdish fighters pulled back.\n",
     dict(word="took", event_type="COERCE", mode="seize", source="IRQ", date="2017-10-16"),
     35.47, 44.39),
    # "past" places; "blaming Riyadh and Washington" names whom they blamed, not where
    ("DUBAI, Jan. 8, 2018 —\nThousands of Houthi supporters marched past the U.N. compound in "
     "Sanaa on Sunday, blaming Riyadh and Washington for the massacre.\n",
     dict(word="marched", event_type="PROTEST", source="YEM", date="2018-01-07"), 15.35, 44.2),
    # a local report's unplaced acts are at the town its lead names (Fallujah, not Baghdad)
    ("BAGHDAD, April 12, 2004 —\nU.S. Marines ringing Fallujah held their fire on Monday as tribal "
     "leaders pressed on with talks.\nInsurgents have since fired on Marine positions "
     "sporadically, the military said.\n",
     dict(word="fired", event_type="ASSAULT", target="USA", date="2004-04"), 33.35, 43.78),
    # "the city" is the town last named as a place, not as an actor (Karbala, not Tehran)
    ("BAGHDAD, May 10, 2021 —\nA prominent activist was shot dead in Karbala on Sunday.\n"
     "Mourners chanted against Tehran's influence.\nPolice were deployed across the city that "
     "night.\n", dict(word="deployed", event_type="MOBILIZE", source="IRQ", date="2021-05-09"),
     32.6, 44.02),
])
def test_an_act_done_at_a_place_is_placed_there(nlp, gazetteer, text, spec, lat, lon) -> None:
    (located,) = _locate(nlp, gazetteer, text, [spec])
    assert _near(located, lat, lon)


def test_a_statement_made_on_a_visit_is_placed_where_the_visitor_is(nlp, gazetteer) -> None:
    text = ("WASHINGTON, Oct. 18, 2011 —\n"
            "Secretary of State Hillary Clinton, visiting Tripoli on Tuesday, urged the new "
            "authorities to disarm the militias.\n")
    visit, urged = _locate(nlp, gazetteer, text, [
        dict(word="visiting", event_type="CONSULT", mode="visit", source="USA", target="LBY",
             date="2011-10-18"),
        dict(word="urged", event_type="REQUEST", source="USA", target="LBY", date="2011-10-18")])
    assert visit is not None and visit.name == "Tripoli"
    assert urged is not None and urged.name == "Tripoli"


def test_a_statement_made_at_a_meeting_is_placed_where_the_meeting_was(nlp, gazetteer) -> None:
    text = ("BEIRUT, June 3, 2014 —\n"
            "Gulf foreign ministers meeting in Riyadh condemned the shelling on Monday.\n"
            "Meeting the Iraqi prime minister at a conference in Cairo on Sunday, the Jordanian "
            "king denounced the bombing.\n")
    _, riyadh, _, _, cairo = _locate(nlp, gazetteer, text, [
        dict(word="meeting", event_type="CONSULT", source="IGO", date="2014-06-02"),
        dict(word="condemned", event_type="ACCUSE", source="IGO", date="2014-06-02"),
        dict(word="Meeting", event_type="CONSULT", source="JOR", target="IRQ", date="2014-06-01"),
        dict(word="conference", event_type="CONSULT", date="2014-06-01"),
        dict(word="denounced", event_type="ACCUSE", source="JOR", date="2014-06-01")])
    assert riyadh is not None and riyadh.name == "Riyadh"  # the meeting is an event of its own
    assert cairo is not None and cairo.name == "Cairo"


def test_a_verb_shares_the_place_of_its_first_conjunct(nlp, gazetteer) -> None:
    text = ("LONDON, March 6, 2015 —\n"
            "In Geneva, the council voted on Friday to condemn the strikes and to demand an "
            "immediate ceasefire.\n")
    condemn, demand = _locate(nlp, gazetteer, text, [
        dict(word="condemn", event_type="ACCUSE", source="IGO", date="2015-03-06"),
        dict(word="demand", event_type="REQUEST", source="IGO", date="2015-03-06")])
    assert condemn is not None and condemn.name == "Geneva"
    assert demand is not None and demand.name == "Geneva"


def test_talks_a_traveller_went_for_are_held_where_the_traveller_went(nlp, gazetteer) -> None:
    text = ("NAIROBI, Feb. 4, 2020 —\n"
            "The envoy flew to Khartoum on Tuesday for talks with the army chief.\n")
    (talks,) = _locate(nlp, gazetteer, text, [
        dict(word="talks", event_type="CONSULT", source="USA", target="SDN", date="2020-02-04")])
    assert talks is not None and talks.name == "Khartoum"


def test_an_act_noun_is_done_where_its_verb_and_that_verbs_conjunct_are(nlp, gazetteer) -> None:
    text = ("BAGHDAD, March 4, 2021 —\n"
            "Security forces found the launch platform near the town of Al-Qaim and opened an "
            "investigation on Wednesday.\n")
    (inquiry,) = _locate(nlp, gazetteer, text, [
        dict(word="investigation", event_type="ACCUSE", mode="investigate", source="IRQ",
             date="2021-03-03")])
    assert inquiry is not None and inquiry.name == "Al Qā’im"


def test_a_place_after_near_is_no_part_of_the_group_name_before_it(nlp, gazetteer) -> None:
    # the model may take "the Balochistan Liberation Front near Saravan" for one name
    text = ("ISLAMABAD, Jan. 19, 2024 —\n"
            "Pakistani drones hit hideouts of the Balochistan Liberation Army and the Balochistan "
            "Liberation Front near Saravan, in Iran's Sistan-Baluchestan province, early on "
            "Thursday.\n")
    (hit,) = _locate(nlp, gazetteer, text, [
        dict(word="hit", event_type="ASSAULT", source="PAK", target="IRN", date="2024-01-18")])
    assert hit is not None and hit.name == "Sarāvān"


def test_an_embassy_named_by_its_country_stands_where_the_text_puts_it(nlp, gazetteer) -> None:
    """ "the U.S. Embassy" is a mission of the United States abroad: the place is the Green
    Zone it stands in, not the United States."""
    text = ("BAGHDAD, Jan. 14, 2020 —\n"
            "Three rockets were fired at the U.S. Embassy in the Green Zone late on Monday.\n")
    (fired,) = _locate(nlp, gazetteer, text, [
        dict(word="fired", event_type="ASSAULT", target="USA", date="2020-01-13")])
    assert fired is not None and fired.country == "IRQ"


def test_a_place_that_names_who_speaks_is_not_where_the_act_was(nlp, gazetteer) -> None:
    """ "according to a Pentagon readout": the Pentagon is who reports, not where the strike
    on the depot happened."""
    text = ("AMMAN, Jan. 30, 2024 —\n"
            "The strike on the depot was carried out by Iran-aligned militias, according to a "
            "Pentagon readout.\n")
    (strike,) = _locate(nlp, gazetteer, text, [
        dict(word="strike", event_type="ASSAULT", date="2024-01-29")])
    assert strike is None or strike.country != "USA"


def test_wire_copy_lends_the_place_of_the_paragraph_just_before(nlp, gazetteer) -> None:
    """Wire copy gives each sentence a paragraph: an act of the same day told in the next
    paragraph, placed nowhere itself, happened where the act before it did; two paragraphs on,
    or where the episode's place fits, it does not."""
    text = ("WASHINGTON, Sept. 30, 2024 —\n"
            "American aircraft struck an Islamic State camp in central Syria on Sept. 16.\n"
            "The strikes followed a joint raid by U.S. and Iraqi forces in Iraq's western Anbar "
            "desert on Aug. 29.\n"
            "Aircraft first bombed four hideouts, and an airborne assault followed.\n"
            "A U.S. official gave no other details.\n"
            "Helicopters later fired on a fleeing truck.\n")
    camp, raid, hideouts, truck = _locate(nlp, gazetteer, text, [
        dict(word="struck", event_type="ASSAULT", source="USA", date="2024-09-16"),
        dict(word="raid", event_type="ASSAULT", source="USA", date="2024-08-29"),
        dict(word="bombed", event_type="ASSAULT", date="2024-08-29"),
        dict(word="fired", event_type="ASSAULT", date="2024-08-29")])
    assert camp is not None and camp.country == "SYR"
    assert raid is not None and raid.country == "IRQ"
    assert hideouts is not None and hideouts.country == "IRQ" and "Anbar" in hideouts.name
    assert truck is None


def test_the_city_is_the_town_of_the_storys_acts_not_one_a_statement_named_since(nlp, gazetteer) -> None:
    text = ("LONDON, Nov. 30, 2011 —\n"
            "Britain shut its embassy in Tehran on Wednesday, a day after protesters stormed two "
            "British compounds in Tehran.\n"
            "Foreign Secretary William Hague said that the Iranian embassy in London must close.\n"
            "A second crowd overran the residential compound in the north of the city.\n")
    stormed, said, overran = _locate(nlp, gazetteer, text, [
        dict(word="stormed", event_type="ASSAULT", target="GBR"),
        dict(word="said", event_type="REQUEST", source="GBR", target="IRN"),
        dict(word="overran", event_type="ASSAULT", target="GBR")])
    assert stormed is not None and stormed.name == "Tehran"
    assert overran is not None and overran.name == "Tehran"  # not London
