"""Toponym resolution and recognition rules found on the GeoWebNews dev half (bench/geowebnews.py
--half dev): famous cities against small namesakes, US states among states, datelines, towns
the model takes for people, and places inside names of clubs and events."""

from __future__ import annotations

import math
import sys

import pytest

from flashpoint.geo import (
    Gazetteer,
    Mention,
    Place,
    find_places,
    load_gazetteer,
    recognize,
    resolve,
)
from flashpoint.settings import Settings

# flashpoint.geo re-exports the function `resolve`, which shadows the module of that name
resolve_module = sys.modules["flashpoint.geo.resolve"]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def places_of(text: str, nlp, gazetteer: Gazetteer) -> list[Place]:
    return find_places(text, nlp(text), gazetteer)


def given(text: str, names: list[str], gazetteer: Gazetteer) -> dict[str, Place]:
    """Resolve the first occurrence of each name as a given span (no recogniser)."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(name, start, start + len(name), "GOLD"))
    return {p.text: p for p in resolve(mentions, text, gazetteer, infer=False)}


def test_a_famous_city_beats_a_small_namesake_in_a_us_story(gazetteer) -> None:
    text = ("A New York court awarded artists $6.7 million. Street art across the United "
            "States, from Chicago to Boston and Washington, is at risk, said an adviser of a "
            "London consultancy.")
    london = given(text, ["New York", "United States", "Chicago", "Boston", "Washington",
                          "London"], gazetteer)["London"]
    assert london.country == "GBR"
    assert km(london.lat, london.lon, 51.51, -0.13) < 30


def test_state_context_does_not_pull_a_big_city_to_a_hamlet(gazetteer) -> None:
    text = ("Mississippi beat Louisville on Friday. Fans cheered in Jackson and Starkville, "
            "and Mississippi celebrated.")
    louisville = given(text, ["Mississippi", "Louisville", "Jackson", "Starkville"],
                       gazetteer)["Louisville"]
    assert (louisville.country, louisville.name) == ("USA", "Louisville")
    assert km(louisville.lat, louisville.lon, 38.25, -85.76) < 30  # Kentucky


def test_damping_keeps_context_for_namesakes_of_similar_size(gazetteer) -> None:
    rows = gazetteer.rows("Portland")
    largest = max(gazetteer.pops[r] for r in rows if gazetteer.kinds[r] == 3)
    oregon = max(rows, key=lambda r: gazetteer.pops[r])
    assert resolve_module._namesake_damping(oregon, largest, gazetteer) == 1.0
    tiny = min((r for r in rows if gazetteer.kinds[r] == 3), key=lambda r: gazetteer.pops[r])
    assert resolve_module._namesake_damping(tiny, largest, gazetteer) < 0.75


def test_georgia_among_us_states_is_the_state(gazetteer) -> None:
    text = ("The team flew to Alaska, Hawaii and Florida this year and joined the Georgia "
            "National Guard for the game.")
    georgia = given(text, ["Alaska", "Hawaii", "Florida", "Georgia"], gazetteer)["Georgia"]
    assert (georgia.country, georgia.kind) == ("USA", "region")


def test_georgia_beside_russia_is_the_country(gazetteer) -> None:
    text = "Russia and Georgia fought a short war over South Ossetia in 2008."
    georgia = given(text, ["Russia", "Georgia"], gazetteer)["Georgia"]
    assert georgia.country == "GEO"


def test_an_upper_case_dateline_is_the_city_even_among_states(nlp, gazetteer) -> None:
    text = ("WASHINGTON (AP) - The president spoke of Texas, Florida, Ohio and Arizona "
            "on Monday.")
    place = next(p for p in places_of(text, nlp, gazetteer) if p.text == "WASHINGTON")
    assert place.kind == "city"
    assert km(place.lat, place.lon, 38.90, -77.04) < 30


def test_a_town_taken_for_a_surname_after_to(nlp, gazetteer) -> None:
    text = ("The new office opened in British Columbia on Monday. Instead of driving to "
            "Castlegar, people can visit the office in town.")
    mentions = recognize(nlp(text), gazetteer)
    assert any(m.text == "Castlegar" for m in mentions), [m.text for m in mentions]


def test_a_lone_surname_introduced_in_full_stays_a_person(nlp, gazetteer) -> None:
    text = ("Lincoln Chafee, the former governor, spoke on Monday. Reporters then talked "
            "to Chafee about the race, and Chafee declined to comment.")
    assert all(m.text != "Chafee" for m in recognize(nlp(text), gazetteer))


def test_a_first_name_as_subject_is_not_a_town(nlp, gazetteer) -> None:
    text = "In 2016, David and Jodi Mahler appeared as guests on an episode of the show."
    assert all(m.text != "David" for m in recognize(nlp(text), gazetteer))


def test_a_club_named_after_a_city_places_the_city(nlp, gazetteer) -> None:
    text = "Liverpool swept Manchester City aside 3-0 in the Champions League on Wednesday."
    places = places_of(text, nlp, gazetteer)
    city = [p for p in places if p.text.startswith("Manchester")]
    assert city, [p.text for p in places]
    assert km(city[0].lat, city[0].lon, 53.48, -2.24) < 30


def test_a_fictional_city_is_not_recognised(nlp, gazetteer) -> None:
    text = "Residents said they felt closer to Gotham City than to the county seat."
    assert all("Gotham" not in m.text for m in recognize(nlp(text), gazetteer))


@pytest.mark.parametrize("text, name, country", [
    ("Flights from Heathrow to Tehran were cancelled on Monday.", "London Heathrow Airport",
     "GBR"),
    ("A Houthi missile struck near Ben Gurion Airport on Sunday.",
     "Ben Gurion International Airport", "ISR"),
    ("The plane took off from Imam Khomeini International Airport.",
     "Imam Khomeini International Airport", "IRN"),
    ("He was detained on arrival at JFK Airport.", "John F. Kennedy International Airport",
     "USA"),
])
def test_an_airport_named_alone_is_the_airport_not_a_namesake_town(nlp, gazetteer, text, name,
                                                                   country) -> None:
    [airport] = [p for p in places_of(text, nlp, gazetteer) if p.precision == "site"]
    assert (airport.name, airport.country) == (name, country)


def test_a_small_town_in_a_state_the_story_never_names_is_a_stray(gazetteer) -> None:
    text = ("The Marigny neighborhood of New Orleans, Louisiana, grew up around Washington "
            "Square, a block from Royal Street.")
    places = given_inferred(text, ["New Orleans", "Louisiana", "Washington Square",
                                   "Royal Street"], gazetteer)
    new_orleans = (29.95, -90.07)
    # not Washington Square, Pennsylvania, nor a street copied from it
    assert km(places["Washington Square"].lat, places["Washington Square"].lon, *new_orleans) < 30
    assert km(places["Royal Street"].lat, places["Royal Street"].lon, *new_orleans) < 30
    assert places["Washington Square"].inferred


def test_two_towns_of_a_state_name_it_against_a_big_namesake(gazetteer) -> None:
    """"the Mesa" of Santa Barbara resolved to Mesa, Arizona does not make Goleta and
    Carpinteria strays: two towns of California name California."""
    text = "Goleta and Carpinteria, beside Santa Barbara, voted on the Mesa rezoning."
    places = given_inferred(text, ["Goleta", "Carpinteria", "Santa Barbara", "Mesa"],
                            gazetteer)
    assert km(places["Goleta"].lat, places["Goleta"].lon, 34.44, -119.83) < 10
    assert km(places["Carpinteria"].lat, places["Carpinteria"].lon, 34.40, -119.52) < 10
    assert not places["Goleta"].inferred


def test_a_guess_does_not_copy_a_stray_namesake(gazetteer) -> None:
    text = "Commuters in Chicago crowded Hubbard Street near the Northwestern Memorial Hospital."
    places = given_inferred(text, ["Chicago", "Hubbard", "Northwestern Memorial Hospital"],
                            gazetteer)
    hospital = places["Northwestern Memorial Hospital"]
    assert hospital.inferred and km(hospital.lat, hospital.lon, 41.88, -87.63) < 30


def given_inferred(text: str, names: list[str], gazetteer: Gazetteer) -> dict[str, Place]:
    """Like ``given``, with guesses for the names the gazetteer lacks or drops."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(name, start, start + len(name), "GOLD"))
    return {p.text: p for p in resolve(mentions, text, gazetteer)}


def given_all(text: str, names: list[str], gazetteer: Gazetteer) -> dict[str, Place]:
    """Like ``given``, with inference on: names the gazetteer lacks are placed by a guess."""
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention(name, start, start + len(name), "GOLD",
                                demonym=gazetteer.demonym(name) is not None))
    return {p.text: p for p in resolve(mentions, text, gazetteer)}


def test_a_city_known_by_the_name_only_as_an_alias_does_not_damp_the_towns_so_called(
        gazetteer) -> None:
    # Columbus, Ohio is listed under "Franklin" (its county); it must not make the
    # Louisiana town a far smaller namesake that context cannot pick.
    text = "In Louisiana, the street was later named Franklin, near Lafayette."
    franklin = given(text, ["Louisiana", "Franklin", "Lafayette"], gazetteer)["Franklin"]
    assert franklin.country == "USA"
    assert km(franklin.lat, franklin.lon, 29.80, -91.50) < 50


def test_a_span_holding_town_and_state_is_resolved_whole(gazetteer) -> None:
    text = "Trips to Guam, Alaska and Washington, D.C., among many others."
    dc = given(text, ["Guam", "Alaska", "Washington, D.C."], gazetteer)["Washington, D.C."]
    assert km(dc.lat, dc.lon, 38.90, -77.04) < 30
    text = "He grew up in Springfield, Illinois, and moved away."
    town = given(text, ["Springfield, Illinois"], gazetteer)["Springfield, Illinois"]
    assert km(town.lat, town.lon, 39.80, -89.64) < 30


def test_a_continent_adjective_inside_a_name_places_the_body_there(gazetteer) -> None:
    text = ("The Bank of Japan and the European Central Bank will keep policy "
            "accommodative, said an analyst in Aberdeen.")
    ecb = given_all(text, ["Japan", "European Central Bank", "Aberdeen"],
                    gazetteer)["European Central Bank"]
    assert ecb.name == "Europe" and ecb.inferred


def test_a_two_letter_or_three_letter_acronym_is_no_town_called_so(gazetteer) -> None:
    text = "Doctors at the CHU in Montpellier, France, tried to revive him."
    places = given(text, ["CHU", "Montpellier", "France"], gazetteer)
    assert "CHU" not in places or places["CHU"].country == "FRA"
    la = given("Flights from LA were delayed.", ["LA"], gazetteer)["LA"]
    assert la.name == "Los Angeles"


def test_a_mid_sized_town_of_a_country_never_named_is_a_stray(gazetteer) -> None:
    # "Middletown" (a typo for a West Yorkshire village) is not Middletown, New Jersey, in a
    # story that moves between English towns and Portugal.
    text = ("They moved from Dewsbury to Thornhill, then Overton, and holidayed in Blackpool, "
            "Great Yarmouth, Wales and Portugal. He owned a shop in Middletown for years.")
    places = given(text, ["Dewsbury", "Thornhill", "Overton", "Blackpool", "Great Yarmouth",
                          "Wales", "Portugal", "Middletown"], gazetteer)
    assert "Middletown" not in places or places["Middletown"].country != "USA"


def test_the_north_west_is_englands_unless_the_story_is_south_african(gazetteer) -> None:
    text = "Rain is forecast across the North West, from Manchester to Cumbria."
    assert given(text, ["North West", "Manchester", "Cumbria"],
                 gazetteer)["North West"].country == "GBR"
    text = ("Platinum mines in the North West, near Rustenburg, employ thousands of South "
            "Africans, and Limpopo has followed.")
    assert given(text, ["North West", "Rustenburg", "South Africa", "Limpopo"],
                 gazetteer)["North West"].country == "ZAF"


def test_a_foreign_town_inside_a_name_is_a_brand_where_the_story_is_elsewhere(
        gazetteer) -> None:
    text = ("Boys from all over Egypt train at the Liverpool Academy, which has branches "
            "in Cairo, Giza and Alexandria, Egypt's second city.")
    academy = given_all(text, ["Egypt", "Liverpool Academy", "Cairo", "Giza", "Alexandria"],
                        gazetteer)["Liverpool Academy"]
    assert academy.country == "EGY" and academy.inferred


def test_a_small_town_outside_the_region_the_text_puts_it_in_is_a_stray(gazetteer) -> None:
    text = "Jordanian jets struck two houses in the town of Arman in Sweida province."
    found = given(text, ["Arman", "Sweida province"], gazetteer)
    assert found["Sweida province"].country == "SYR"
    assert "Arman" not in found  # Arman', Russia, is not in a Syrian province


def test_a_list_is_not_a_town_in_its_neighbour(gazetteer) -> None:
    text = "Trips to Saipan, Guam, Alaska and Hawaii took most of the year."
    found = given(text, ["Saipan", "Guam", "Alaska", "Hawaii"], gazetteer)
    assert "Saipan" in found and found["Saipan"].country != "GUM"


def test_the_kurdistan_region_is_iraqs(nlp, gazetteer) -> None:
    text = ("Federal forces took control of Kirkuk in October 2017, weeks after the Kurdistan "
            "region held an independence referendum that Baghdad rejected.")
    kurdistan = [p for p in places_of(text, nlp, gazetteer) if p.text == "Kurdistan"]
    assert kurdistan and kurdistan[0].country == "IRQ"


def test_a_name_the_gazetteer_lacks_is_put_in_the_place_the_text_puts_it_in(nlp, gazetteer) -> None:
    text = ("The Pentagon on Thursday released the findings of its inquiry into the ambush near "
            "the village of Tongo Tongo in Niger last October.")
    tongo = [p for p in places_of(text, nlp, gazetteer) if p.text.startswith("Tongo")]
    assert tongo and tongo[0].inferred and tongo[0].country == "NER"  # not the Pentagon's


def test_a_village_in_the_region_of_a_story_with_many_countries_is_kept(nlp, gazetteer) -> None:
    text = ("The European Union and Washington imposed sanctions on Russia and Moscow's banks "
            "after a Malaysian airliner flying from Amsterdam to Kuala Lumpur was destroyed "
            "near the village of Hrabove in the Donetsk region. Rebels handed the flight "
            "recorders to Malaysian officials in Donetsk on July 21.")
    hrabove = {p.text: p for p in places_of(text, nlp, gazetteer)}["Hrabove"]
    assert hrabove.country == "UKR" and not hrabove.inferred  # "in the X region" holds it
    assert km(hrabove.lat, hrabove.lon, 48.15, 38.65) < 10


def test_a_demonym_that_says_who_holds_a_place_is_not_its_country(nlp, gazetteer) -> None:
    text = ("A rocket struck a football field in the Druze town of Majdal Shams in the "
            "Israeli-controlled Golan Heights on Saturday, killing 12 children.")
    town = {p.text: p for p in places_of(text, nlp, gazetteer)}["Majdal Shams"]
    assert not town.inferred and km(town.lat, town.lon, 33.27, 35.77) < 10
