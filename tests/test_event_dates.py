"""Event dates: time expressions attached to a trigger, the episode being told, the report's date.

Sentences written for these tests. The publication date is Thursday, 15 July 2021, so weekdays
resolve to the week of 12 July ("on Tuesday" -> 2021-07-13).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flashpoint.events import load_coder
from flashpoint.events.dates import DateIndex
from flashpoint.events.dating import When, span_when
from flashpoint.events.timex import find_expressions, load_lexicon
from flashpoint.records import Document, OffsetMap
from flashpoint.settings import Settings

PUBLISHED = "2021-07-15"  # a Thursday


def date_of(nlp, text: str, word: str, event_type: str | None = "ASSAULT", nth: int = 0,
            published: str | None = PUBLISHED) -> str | None:
    """The date the dater gives the event whose trigger is the ``nth`` token ``word``."""
    doc = nlp(text)
    token = [t for t in doc if t.text == word][nth]
    return DateIndex(text, published).event_date(token, event_type)


# -- explicit dates ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 4th, 2019, Turkish jets bombed a depot near Dohuk.", "2019-03-04"),
        ("On March 4th, Turkish jets bombed a depot near Dohuk.", "2021-03-04"),
        ("On December 30th, Turkish jets bombed a depot near Dohuk.", "2020-12-30"),
        ("Turkish jets bombed a depot near Dohuk on Jan. 3.", "2021-01-03"),
        ("Turkish jets bombed a depot near Dohuk on 4 May 2018.", "2018-05-04"),
        ("In January 2020, Turkish jets bombed a depot near Dohuk.", "2020-01"),
        ("In May, Turkish jets bombed a depot near Dohuk.", "2021-05"),
        ("In 2019, Turkish jets bombed a depot near Dohuk.", "2019"),
    ],
)
def test_explicit_dates_with_their_precision(nlp, text: str, expected: str) -> None:
    assert date_of(nlp, text, "bombed") == expected


def test_a_year_carries_to_a_later_date_of_the_paragraph(nlp) -> None:
    text = "On February 2nd, 2020, rebels shelled the airport, and on February 9th they bombed the port."
    assert date_of(nlp, text, "shelled") == "2020-02-02"
    assert date_of(nlp, text, "bombed") == "2020-02-09"


def test_no_publication_date_and_no_year_gives_no_date(nlp) -> None:
    assert date_of(nlp, "On March 4th, Turkish jets bombed a depot.", "bombed", published=None) is None


# -- weekdays ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Tuesday, gunmen ambushed a convoy near Tikrit.", "2021-07-13"),
        ("Gunmen ambushed a convoy near Tikrit early on Thursday.", "2021-07-15"),
        ("Gunmen ambushed a convoy near Tikrit early Wednesday.", "2021-07-14"),
        ("Gunmen ambushed a convoy near Tikrit on Sunday night.", "2021-07-11"),
        ("Gunmen ambushed a convoy near Tikrit last Thursday.", "2021-07-08"),
        ("On Friday, gunmen ambushed a convoy near Tikrit.", "2021-07-09"),
    ],
)
def test_weekdays_are_the_latest_such_day_on_or_before_publication(nlp, text: str, expected: str) -> None:
    assert date_of(nlp, text, "ambushed") == expected


def test_in_a_background_piece_weekdays_count_from_the_episode(nlp) -> None:
    text = ("On March 10th, 2020, rebels shelled the airport. "
            "On Sunday, rebels ambushed a convoy on the airport road.")
    assert date_of(nlp, text, "ambushed") == "2020-03-08"


def test_a_dateline_gives_no_event_its_date(nlp) -> None:
    text = "MOSUL, Iraq, Jan. 9, 2020 —\nRockets hit a base near Mosul on Wednesday."
    assert date_of(nlp, text, "hit", published="2020-01-09") == "2020-01-08"


# -- relative expressions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Two days later, jets bombed their positions.", "2021-07-14"),
        ("The next day, jets bombed their positions.", "2021-07-13"),
        ("Jets bombed their positions the following day.", "2021-07-13"),
        ("Hours later, jets bombed their positions.", "2021-07-12"),
        ("Jets bombed their positions the same day.", "2021-07-12"),
        ("Jets bombed their positions a day earlier.", "2021-07-11"),
    ],
)
def test_relative_expressions_count_from_the_episode(nlp, second: str, expected: str) -> None:
    text = "Militants shelled the base on Monday. " + second
    assert date_of(nlp, text, "shelled") == "2021-07-12"
    assert date_of(nlp, text, "bombed") == expected


def test_an_act_two_days_after_another(nlp) -> None:
    text = "The army raided a village on Saturday, two days after insurgents ambushed a convoy."
    assert date_of(nlp, text, "raided") == "2021-07-10"
    assert date_of(nlp, text, "ambushed") == "2021-07-08"


def test_a_week_is_seven_days_and_weeks_are_a_month(nlp) -> None:
    """"a week after" is told as a count of days; "two weeks after" is not exact enough for one,
    nor is "more than a week after"."""
    text = "The army raided a village on Saturday, a week after insurgents ambushed a convoy."
    assert date_of(nlp, text, "ambushed") == "2021-07-03"
    text = "The army raided a village on Saturday, two weeks after insurgents ambushed a convoy."
    assert date_of(nlp, text, "ambushed") == "2021-06"
    text = "The army raided a village on Saturday, more than a week after insurgents ambushed a convoy."
    assert date_of(nlp, text, "ambushed") == "2021-07"
    text = "Militants shelled the base on Monday. More than a week later, jets bombed their positions."
    assert date_of(nlp, text, "bombed") == "2021-07"


def test_the_closing_attribution_does_not_date_the_act_after_after(nlp) -> None:
    """"X sank, a week after Y rammed it, an agency said on Tuesday": Tuesday is the saying's
    day, and the sinking's; the ramming is a week before."""
    text = ("The bulk carrier Tutor is believed to have sunk in the Red Sea, a week after the "
            "Houthis rammed it with a drone boat, a British agency said on Tuesday.")
    assert date_of(nlp, text, "rammed") == "2021-07-06"


def test_a_weekday_before_words_of_the_report_day_dates_the_main_clause(nlp) -> None:
    """"overnight into Sunday": the Sunday dates the raids, and the act a week before them."""
    text = ("Warplanes pounded militant positions overnight into Sunday, opening a campaign a "
            "week after a bomb tore through a busy avenue.")
    assert date_of(nlp, text, "pounded") == "2021-07-11"
    assert date_of(nlp, text, "tore") == "2021-07-04"


def test_a_claimed_act_is_dated_by_its_telling_not_by_the_claim(nlp) -> None:
    """"claimed the bombing on Tuesday", "claimed responsibility": the act claimed is the one
    told, on its own day."""
    text = ("A roadside bomb wounded five soldiers near Kirkuk on Sunday. "
            "The Islamic State claimed the bombing on Tuesday.")
    assert date_of(nlp, text, "bombing", event_type="ASSAULT") == "2021-07-11"
    text = ("Three sailors were killed on Sunday when a missile struck a bulk carrier. "
            "The rebels began attacking ships last year. "
            "A rebel spokesman claimed responsibility on Tuesday.")
    assert date_of(nlp, text, "claimed", event_type="ASSAULT") == "2021-07-11"


def test_the_strikes_retell_an_air_raid_told_by_its_verb(nlp) -> None:
    """"the strikes" names again what "jets pounded" told, as "the bombing" does "bombed"."""
    text = ("Jets pounded militia depots near the border on July 3. "
            "A week later, the group vowed to avenge the strikes.")
    assert date_of(nlp, text, "strikes") == "2021-07-03"


def test_the_days_that_followed_are_the_episodes_month(nlp) -> None:
    text = ("Gunmen attacked the parliament on Sunday. "
            "Dozens of suspects were detained in the days that followed.")
    assert date_of(nlp, text, "detained", event_type="COERCE") == "2021-07"


def test_a_relative_clause_counts_from_its_sentence(nlp) -> None:
    text = ("Jets bombed depots on Sunday in retaliation for the ambush that killed two soldiers "
            "three days earlier.")
    assert date_of(nlp, text, "bombed") == "2021-07-11"
    assert date_of(nlp, text, "killed") == "2021-07-08"


def test_an_act_named_by_the_object_of_hold_takes_the_verbs_date(nlp) -> None:
    """"held emergency consultations on Friday" dates the consultations; "hold" is an accusation
    only beside a word of blame ("held Syria responsible"), dated as the accusation it is."""
    text = "NATO ambassadors held emergency consultations in Brussels on Monday."
    assert date_of(nlp, text, "consultations", event_type="CONSULT") == "2021-07-12"
    text = "Turkey held Syria responsible on Monday for the attack that killed its troops on Sunday."
    assert date_of(nlp, text, "held", event_type="ACCUSE") == "2021-07-12"
    assert date_of(nlp, text, "killed") == "2021-07-11"


def test_before_a_named_episode(nlp) -> None:
    text = ("Jets bombed a militia depot on June 20th. "
            "Two days before the strikes, the defence minister inspected the base.")
    assert date_of(nlp, text, "inspected", event_type="CONSULT") == "2021-06-18"


def test_vague_durations_give_a_month(nlp) -> None:
    text = "The army raided a village on Saturday, days after insurgents ambushed a convoy."
    assert date_of(nlp, text, "ambushed") == "2021-07"


# -- vague periods -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("last week", "2021-07"),
        ("earlier this month", "2021-07"),
        ("last month", "2021-06"),
        ("this week", "2021-07"),
        ("yesterday", "2021-07-14"),
        ("overnight", "2021-07-15"),
        ("three years ago", "2018"),
    ],
)
def test_periods_relative_to_publication(nlp, when: str, expected: str) -> None:
    text = f"Insurgents ambushed a convoy near Tikrit {when}."
    assert date_of(nlp, text, "ambushed") == expected


def test_a_period_is_dated_by_the_month_that_holds_most_of_it() -> None:
    assert span_when(date(2021, 7, 5), date(2021, 7, 11)) == When(date(2021, 7, 11), "month")
    assert span_when(date(2021, 6, 28), date(2021, 7, 4)).iso == "2021-07"
    assert span_when(date(2021, 6, 26), date(2021, 7, 1)).iso == "2021-06"
    assert span_when(date(2021, 6, 30), date(2021, 7, 1)).iso == "2021-07"  # a tie: the later
    assert span_when(date(2019, 12, 30), date(2020, 1, 3)) is None


def test_this_week_across_a_month_boundary_is_the_month_with_most_of_its_days(nlp) -> None:
    text = "The government declared this week that its forces had retaken Tikrit."
    assert date_of(nlp, text, "retaken", "COERCE", published="2015-04-04") == "2015-04"
    assert date_of(nlp, text, "retaken", "COERCE", published="2015-04-01") == "2015-03"


# -- bounds and deadlines are not event dates --------------------------------------------------

def test_deadlines_and_since_are_not_event_dates(nlp) -> None:
    assert date_of(nlp, "Ottawa extended the deployment until March 31, 2022.", "extended",
                   event_type="MOBILIZE") is None
    assert date_of(nlp, "Canada has kept troops in Iraq since 2014.", "kept",
                   event_type="MOBILIZE") is None


def test_a_deadline_lends_no_year_to_an_earlier_month() -> None:
    text = "In March 2021 the mandate was extended until March 31, 2022. Fighting peaked in March."
    values = {text[m.start:m.end]: m.value for m in DateIndex(text, PUBLISHED).mentions}
    assert values["March"] == "2021-03"


def test_future_phrases_are_found_and_never_used(nlp) -> None:
    lexicon = load_lexicon()
    text = "The designation takes effect in 30 days; talks resume next week."
    kinds = {text[e.start:e.end]: e.kind for e in find_expressions(text, lexicon, [])}
    assert kinds == {"in 30 days": "future", "next week": "future"}


def test_an_act_following_another_does_not_take_its_date(nlp) -> None:
    text = "On March 2nd, following the assassination of a judge by gunmen, police arrested twelve men."
    assert date_of(nlp, text, "arrested", event_type="COERCE") == "2021-03-02"
    assert date_of(nlp, text, "assassination") is None


# -- the episode: inheritance only when safe ---------------------------------------------------

def test_an_undated_act_continues_the_episode(nlp) -> None:
    text = "Rebels shelled the airport on Monday. The shells damaged a runway."
    assert date_of(nlp, text, "damaged") == "2021-07-12"


def test_no_inheritance_across_a_change_of_time(nlp) -> None:
    text = "Rebels shelled the airport on Monday. Previously, the rebels had attacked the port."
    assert date_of(nlp, text, "attacked") is None
    text = "Rebels shelled the airport on Monday. The airport was attacked again."
    assert date_of(nlp, text, "attacked") is None


def test_no_inheritance_after_a_long_paragraph(nlp) -> None:
    """Four sentences or more end an episode; a wire story's paragraph of three does not
    ("... the heaviest one-day loss.\nAfter an emergency meeting, Turkish units opened fire")."""
    text = ("On May 3rd, gunmen attacked an army base. Two soldiers died. The base was closed. "
            "Officials gave no details.\nThe gunmen attacked a police station.")
    assert date_of(nlp, text, "attacked", nth=1) is None
    text = ("On May 3rd, gunmen attacked an army base. Two soldiers died. The base was closed.\n"
            "The gunmen attacked a police station.")
    assert date_of(nlp, text, "attacked", nth=1) == "2021-05-03"


def test_an_undated_act_with_nothing_before_has_no_date(nlp) -> None:
    assert date_of(nlp, "Militants shelled a police station near Kirkuk.", "shelled") is None


def test_a_flashback_does_not_become_the_episode(nlp) -> None:
    text = ("Rebels shelled the airport on Wednesday. The rebels had seized the port on June 2nd. "
            "The army urged them to withdraw.")
    assert date_of(nlp, text, "seized", event_type="COERCE") == "2021-06-02"
    assert date_of(nlp, text, "urged", event_type="REQUEST") == PUBLISHED


# -- statements --------------------------------------------------------------------------------

def test_an_undated_statement_gets_the_publication_date(nlp) -> None:
    text = "Rebels shelled the airport on Wednesday. The ministry condemned the shelling."
    assert date_of(nlp, text, "condemned", event_type="ACCUSE") == PUBLISHED


def test_a_report_days_after_its_episode_dates_reactions_by_the_episode(nlp) -> None:
    text = "Rebels shelled the airport on Monday. The ministry condemned the shelling."
    assert date_of(nlp, text, "condemned", event_type="ACCUSE") == "2021-07-12"


def test_a_speaker_who_goes_on_keeps_his_date(nlp) -> None:
    text = ("General Mark Olsen said on Monday that the brigade would leave Basra. "
            "He called the decision final.")
    assert date_of(nlp, text, "called", event_type="ACCUSE") == "2021-07-12"


# -- the coder and the user's seeds ------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_events(nlp, seeds_dir: Path) -> list:
    coder = load_coder(Settings())
    events = []
    for path in sorted(seeds_dir.glob("00[01]_*.txt")):
        text = path.read_text(encoding="utf-8")
        document = Document(doc_id=Document.id_for(text), text=text, raw_text=text,
                            offsets=OffsetMap(), origin=path.name, raw_hash=Document.id_for(text),
                            format="txt", published=PUBLISHED, url=None)
        events.extend(coder.code(document, nlp(text)))
    return events


def test_seed_dates(seed_events) -> None:
    dates = {e.date for e in seed_events if e.status in ("actual", "claimed")}
    assert {"2021-06-27", "2021-06-28", "2021-07-05", "2020-01", "2020-01-07", "2021-03"} <= dates
    before = [e for e in seed_events if e.sentence.startswith("Two days before")
              and e.status == "actual" and e.trigger != "airstrikes"]
    assert before and all(e.date == "2021-06-25" for e in before)
    for event in seed_events:  # a deadline year never becomes an event's date
        assert event.date is None or event.date <= PUBLISHED, (event.trigger, event.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report dated Thursday 15 July tells of the following Monday: days after publication
        ("On Monday, July 19, the council voted to sanction the militia.", "2021-07-19"),
        # the weekday fits neither this year nor last: no year rather than one from years back
        ("On Monday, June 23, Turkish jets bombed a depot near Dohuk.", None),
        # last year's date, weekday checked
        ("On Saturday, December 5, Turkish jets bombed a depot near Dohuk.", "2020-12-05"),
    ],
)
def test_a_yearless_date_is_placed_near_publication_or_not_at_all(nlp, text: str, expected: str | None) -> None:
    word = "voted" if "voted" in text else "bombed"
    assert date_of(nlp, text, word, event_type="SANCTION" if word == "voted" else "ASSAULT") == expected


def test_an_update_dated_the_day_after_publication_keeps_the_year(nlp) -> None:
    text = "UPDATE, July 16: Turkish jets bombed a depot near Dohuk."
    assert date_of(nlp, text, "bombed") == "2021-07-16"


# -- no publication date: a weekday pins the year ---------------------------------------------

def mention_values(text: str, published: str | None = None) -> dict[str, str | None]:
    """Each calendar date of ``text`` the index could resolve, with its value."""
    return {text[m.start:m.end]: m.value for m in DateIndex(text, published).mentions}


def test_a_weekday_pins_the_year_and_anchors_the_other_dates(nlp) -> None:
    text = ("Militias have fired rockets at coalition bases since 2019, and in 2020 the attacks grew.\n"
            "On March 2nd, rockets hit Erbil.\n"
            "On Sunday, March 7th, rockets hit a base near Baghdad. On March 9th, gunmen ambushed a convoy.")
    # 7 March is a Sunday in 2010, 2021 and 2027: 2021 is the one near the text's 2019 and 2020,
    # and it places the other yearless dates (not the 2020 of an earlier paragraph)
    assert mention_values(text) == {"2019": "2019", "2020": "2020", "March 2nd": "2021-03-02",
                                    "Sunday, March 7th": "2021-03-07", "March 9th": "2021-03-09"}
    assert date_of(nlp, text, "hit", nth=1, published=None) == "2021-03-07"
    assert date_of(nlp, text, "ambushed", published=None) == "2021-03-09"


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        ("In 2022, talks stalled. On Tuesday 5 July, jets bombed a depot.", "Tuesday 5 July", "2022-07-05"),
        # the paragraph's 2019 does not fit the weekday: 6 January is a Monday in 2020
        ("In 2019, talks stalled. Jets bombed a depot on Monday (Jan. 6).", "Monday (Jan. 6", "2020-01-06"),
        ("In 2020, talks stalled. Jets bombed a depot on June 27 (Sunday).", "June 27 (Sunday)", "2021-06-27"),
    ],
)
def test_any_weekday_form_pins_the_year(text: str, date_text: str, expected: str) -> None:
    assert mention_values(text)[date_text] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no year anywhere: nothing says which Sunday, 7 March this is
        "On Sunday, March 7th, rockets hit a base near Baghdad.",
        # the text's only year is 1990, and 7 March fell on a Sunday no sooner than 1993
        "In 1990, Iraq invaded Kuwait. On Sunday, March 7th, rockets hit a base near Baghdad.",
    ],
)
def test_a_weekday_far_from_the_texts_years_gives_no_date(text: str) -> None:
    assert mention_values(text).get("Sunday, March 7th") is None


def test_a_weekday_is_not_used_when_there_is_a_publication_date() -> None:
    text = "In 2020, talks stalled. On Sunday, March 7th, rockets hit a base near Baghdad."
    assert mention_values(text, PUBLISHED)["Sunday, March 7th"] == "2021-03-07"
    assert mention_values(text, "2020-05-01").get("Sunday, March 7th") is None  # 2020-03-07: a Saturday


# -- deadlines anchor nothing ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 2021, Ottawa extended its training mission until March 31, 2022. "
         "Fighting around Mosul peaked in March.", "2021-03"),
        ("In 2019, parliament extended the mission through 2025. In May, more troops reached Erbil.", "2019-05"),
        ("In 2019, parliament renewed the mission before June 2020. In May, more troops reached Erbil.",
         "2019-05"),
    ],
)
def test_a_deadline_lends_no_year_without_a_publication_date(text: str, expected: str) -> None:
    values = mention_values(text)
    assert values["March" if "in March." in text else "May"] == expected


def test_the_same_month_follows_the_act_not_the_deadline(nlp) -> None:
    text = ("In March 2021, Ottawa extended its training mission until March 31, 2022. "
            "In the same month, Canadian troops supported an Iraqi offensive near Mosul.")
    assert date_of(nlp, text, "supported", event_type="COOPERATE", published=None) == "2021-03"


def test_a_relation_before_a_date_is_no_deadline() -> None:
    text = "Two days before June 27, 2021, the prime minister visited the front. On June 30th, jets struck."
    assert mention_values(text)["June 30th"] == "2021-06-30"


def test_a_time_phrase_opening_a_coordinated_clause_dates_that_clause(nlp) -> None:
    text = ("On May 3rd, 2020, rockets hit a base near Kirkuk and two days later on May 5th "
            "gunmen attacked a convoy near Tikrit.")
    assert date_of(nlp, text, "hit", published=None) == "2020-05-03"
    assert date_of(nlp, text, "attacked", published=None) == "2020-05-05"


@pytest.fixture(scope="module")
def undated_seed_events(nlp, seeds_dir: Path) -> list:
    """The first seed coded as it is ingested: plain text, no publication date."""
    coder = load_coder(Settings())
    path = next(seeds_dir.glob("000_*.txt"))
    text = path.read_text(encoding="utf-8")
    document = Document(doc_id=Document.id_for(text), text=text, raw_text=text, offsets=OffsetMap(),
                        origin=path.name, raw_hash=Document.id_for(text), format="txt", published=None,
                        url=None)
    return coder.code(document, nlp(text))


def test_seed_dates_without_a_publication_date(undated_seed_events) -> None:
    asserted = [e for e in undated_seed_events if e.status in ("actual", "claimed")]
    dates = {e.date for e in asserted if e.event_type == "ASSAULT"}
    assert {"2021-06-27", "2021-06-28", "2021-07-05", "2021-07-06", "2020-01"} <= dates
    same_month = [e for e in asserted if e.sentence.startswith("In the same month")]
    assert same_month and all(e.date == "2021-03" for e in same_month)
    for event in undated_seed_events:  # the deadline's 2022 never becomes an event's date
        assert event.date is None or event.date <= "2021-07-06", (event.trigger, event.date)


# -- the wider language of news dates ----------------------------------------------------------

@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("last night", "2021-07-14"),
        ("late last night", "2021-07-14"),
        ("this past weekend", "2021-07"),
        ("on the weekend", "2021-07"),
        ("earlier in the week", "2021-07"),
        ("days ago", "2021-07"),
        ("years ago", None),  # one year or ten: no date
        ("in July last year", "2020-07"),
        ("last July", "2020-07"),
        ("last March", "2021-03"),
        ("in April of 2019", "2019-04"),
        ("in the summer of 2019", "2019"),
        ("at the end of June", "2021-06"),
        ("in the first week of July", "2021-07"),
        ("on the 5th", "2021-07-05"),
        ("on the 20th", "2021-06-20"),  # after the 15th: last month's
    ],
)
def test_more_ways_of_giving_a_date(nlp, when: str, expected: str | None) -> None:
    text = f"Insurgents ambushed a convoy near Tikrit {when}."
    assert date_of(nlp, text, "ambushed") == expected


def test_a_future_month_gives_no_date(nlp) -> None:
    text = "Insurgents ambushed a convoy near Tikrit, and elections are due in July next year."
    assert "July next year" not in mention_values(text, PUBLISHED)
    assert date_of(nlp, text, "ambushed") is None


def test_a_day_of_the_month_takes_the_paragraphs_month(nlp) -> None:
    text = "On March 2nd, 2019, rebels shelled the airport, and on the 5th they bombed the port."
    assert date_of(nlp, text, "bombed") == "2019-03-05"


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The following night, jets bombed their positions.", "2021-07-13"),
        ("The day after, jets bombed their positions.", "2021-07-13"),
        ("Jets had bombed their positions the night before.", "2021-07-11"),
        ("Earlier in the day, jets bombed their positions.", "2021-07-12"),
        ("The following week, jets bombed their positions.", "2021-07"),
        ("Later that month, jets bombed their positions.", "2021-07"),
    ],
)
def test_more_expressions_count_from_the_episode(nlp, second: str, expected: str) -> None:
    text = "Militants shelled the base on Monday. " + second
    assert date_of(nlp, text, "bombed") == expected


def test_a_stretch_that_begins_at_the_episode_keeps_its_month(nlp) -> None:
    """"Over the following week" runs from the episode on; "the following week" is a week on."""
    episode = "Militants shelled the base on June 27. "
    assert date_of(nlp, episode + "Over the following week, jets bombed their positions.", "bombed") == "2021-06"
    assert date_of(nlp, episode + "The following week, jets bombed their positions.", "bombed") == "2021-07"


def test_a_sentence_set_inside_an_act_told_before_takes_its_date(nlp) -> None:
    """ "In that attack, ..." is of the attack's day, and so is what follows "hours later"."""
    text = ("The minister said on Wednesday that the two men who attacked the ministry on Sunday "
            "had come from Syria. In that attack, police shot one assailant. Hours later, jets "
            "struck rebel targets in Iraq.")
    assert date_of(nlp, text, "shot") == "2021-07-11"
    assert date_of(nlp, text, "struck") == "2021-07-11"


def test_a_when_clause_takes_the_time_it_describes(nlp) -> None:
    text = "The rebels have attacked ships since November, when they seized a cargo ship."
    assert date_of(nlp, text, "seized", event_type="COERCE") == "2020-11"


def test_a_definite_act_in_reported_speech_is_the_episode(nlp) -> None:
    text = "Rockets hit the base on Monday. No one was hurt in the attack, a spokesman said on Tuesday."
    assert date_of(nlp, text, "attack") == "2021-07-12"


def test_a_relative_clause_describing_someone_does_not_move_the_episode(nlp) -> None:
    text = ("Rockets hit the base on Monday. The militia, which seized the town on June 2, "
            "denied any role. The rockets damaged a hangar.")
    assert date_of(nlp, text, "seized", event_type="COERCE") == "2021-06-02"
    assert date_of(nlp, text, "damaged") == "2021-07-12"


def test_a_definite_act_refers_back_to_its_earlier_mention(nlp) -> None:
    text = ("On June 27th, American jets carried out strikes on militia depots. The depots burned. "
            "Officials counted the dead. Residents fled.\n"
            "Following the strikes, the militias attacked a base in Syria.")
    assert date_of(nlp, text, "strikes", nth=1) == "2021-06-27"
    # the paragraph gives no date of its own, and a long one came before it
    assert date_of(nlp, text, "attacked") is None


def test_a_definite_act_outranks_the_date_of_the_sentence_before(nlp) -> None:
    # the sentence before is dated Tuesday, but "the strike" is the one told a day before that
    text = ("Iran's president vowed on Tuesday that Israel would pay for the airstrike that hit "
            "the consulate a day earlier. The strike killed a general and six officers.")
    assert date_of(nlp, text, "strike") == "2021-07-12"


def test_an_inquiry_opened_is_an_act_of_the_episode_not_a_statement(nlp) -> None:
    text = "Rockets hit the base on Wednesday. Police opened an investigation at the scene."
    assert date_of(nlp, text, "investigation", event_type="ACCUSE") == "2021-07-14"


def test_the_attack_retells_an_act_told_by_another_word(nlp) -> None:
    # "the Kabul attack" names the bombing of Sunday, though no word before is "attack"
    text = ("A fighter jet shot down a drone near Hasakah on Wednesday. The drone had been part "
            "of a wave of raids that began after a suicide bombing in Kabul on Sunday. The group "
            "claimed the Kabul attack.")
    assert date_of(nlp, text, "attack") == "2021-07-11"


def test_a_string_of_acts_gets_a_month_at_most(nlp) -> None:
    text = "Rockets hit the base on Monday. It was the latest in a string of attacks on the base."
    assert date_of(nlp, text, "attacks") == "2021-07"


def test_a_year_opening_a_period_lends_no_year_elsewhere() -> None:
    text = "Since 2003, Iran has built ties with Iraqi parties.\nIn May, the premier promised talks."
    assert mention_values(text).get("May") is None


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("48 hours later, gunmen attacked a checkpoint.", "2021-07-14"),
        ("Gunmen attacked a checkpoint 24 hours later.", "2021-07-13"),
        ("Hours later, gunmen attacked a checkpoint.", "2021-07-12"),
    ],
)
def test_hours_count_whole_days(nlp, second: str, expected: str) -> None:
    text = "Rockets hit the base on Monday. " + second
    assert date_of(nlp, text, "attacked") == expected


def test_a_year_naming_a_thing_dates_that_thing_only(nlp) -> None:
    text = "On Tuesday, Iran breached the 2015 nuclear deal. The 2019 attack on Abqaiq halved output."
    assert date_of(nlp, text, "attack") == "2019"
    assert date_of(nlp, text, "breached", event_type="REJECT") == "2021-07-13"
    text = "Iran breached the 2015 nuclear deal. On March 3, it enriched uranium."
    assert mention_values(text, PUBLISHED)["March 3"] == "2021-03-03"  # 2015 lends no year


def test_a_date_modifying_the_object_of_since_dates_that_object(nlp) -> None:
    text = "Since the Oct. 7 attack by Hamas, militias have fired rockets at U.S. bases."
    assert date_of(nlp, text, "attack") == "2020-10-07"
    text = "Ottawa extended the mission until the March 31 deadline."
    assert date_of(nlp, text, "extended", event_type="MOBILIZE") is None  # still a deadline


def test_a_retaliation_takes_the_day_of_the_act_told_before(nlp) -> None:
    text = ("Soleimani was killed in Baghdad on Jan. 3. "
            "Iran fired missiles at two bases on Wednesday in retaliation for the killing.")
    assert date_of(nlp, text, "killing", published="2020-01-09") == "2020-01-03"
    text = "Iran fired missiles at two bases on Wednesday in retaliation for the killing of Soleimani."
    assert date_of(nlp, text, "killing", published="2020-01-09") == "2020-01"  # only its month


def test_an_inline_dateline_dates_the_report_not_the_first_sentences_act(nlp) -> None:
    from flashpoint.events import load_coder
    from flashpoint.ingest.dates import inline_dateline_end
    from flashpoint.records import Document, OffsetMap
    from flashpoint.settings import Settings

    text = ("DAMASCUS, April 2, 2024 — An Israeli airstrike destroyed the Iranian consulate building "
            "in Damascus on Monday, killing seven members of the Revolutionary Guards.")
    assert text[: inline_dateline_end(text)] == "DAMASCUS, April 2, 2024 —"
    assert inline_dateline_end("The strike on Monday killed seven.") == 0
    document = Document(doc_id="d", text=text, raw_text=text, offsets=OffsetMap(), origin="t.txt",
                        raw_hash="d", format="txt", published="2024-04-02")
    events = load_coder(Settings()).code(document, nlp(text))
    strike = [e for e in events if e.event_type == "ASSAULT"]
    assert strike and strike[0].date == "2024-04-01"


def test_an_act_after_which_the_story_happens_does_not_take_the_storys_date(nlp) -> None:
    from flashpoint.events import load_coder
    from flashpoint.records import Document, OffsetMap
    from flashpoint.settings import Settings

    text = ("OTTAWA, Jan. 8, 2020 —\nCanada will move some of its troops in Iraq to Kuwait, the defence chief "
            "said on Tuesday. NATO suspended its training mission in Iraq after the killing of Soleimani.")
    document = Document(doc_id="d", text=text, raw_text=text, offsets=OffsetMap(), origin="t.txt",
                        raw_hash="d", format="txt", published="2020-01-08")
    events = load_coder(Settings()).code(document, nlp(text))
    killing = [e for e in events if e.trigger == "killing"]
    assert killing and killing[0].date is None
    suspended = [e for e in events if e.event_type == "SANCTION"]
    assert suspended and suspended[0].date == "2020-01-07"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a month before an act noun names that act ("an April strike")
        ("They include an April strike on Iran's consular building in Damascus.", "strike", "2021-04"),
        # a date written into the act's name beats the clause's other dates
        ("The blasts followed attacks on tankers in May and June and the Sept. 14 strikes on "
         "Saudi oil plants.", "strikes", "2020-09-14"),
        # "a year ago": the month a year back; "three years ago" keeps only the year
        ("The analyst was shot dead outside his home a year ago.", "shot", "2020-07"),
        ("The analyst was shot dead outside his home three years ago.", "shot", "2018"),
    ],
)
def test_dates_that_name_the_act_and_a_year_back(nlp, text: str, word: str, expected: str) -> None:
    assert date_of(nlp, text, word) == expected


@pytest.mark.parametrize(
    ("text", "word", "event_type", "expected"),
    [
        # a paragraph that opens by looking back to a date tells that episode: "the next day"
        # counts from it, not from the story the paragraph before told
        ("Militiamen fired rockets at the base near Dohuk on Monday.\n"
         "Earlier in the month, late on July 2, a drone had struck a depot near the airport. "
         "The embassy condemned the attack the next day.", "condemned", "ACCUSE", "2021-07-03"),
        # a paragraph that opens with background dated at its end ("had been abducted ... on
        # Oct. 7") does not move the story: the next act is the story's
        ("Commandos freed four hostages in Nuseirat on Saturday.\n"
         "The four had been abducted from a festival on Oct. 7. Gunmen wounded an officer "
         "during the operation.", "wounded", "ASSAULT", "2021-07-10"),
        # "the day after the blast": the day after the act the blast names again, under
        # another of its names ("the July 2 bombing"), not after the story's latest date
        ("Jets pounded depots near Dohuk on Monday in retaliation for the July 2 bombing in "
         "Erbil.\nThe day after the blast, the minister blamed the rebels for the attack.",
         "blamed", "ACCUSE", "2021-07-03"),
        # "Hours before the strike": the strike told as an airstrike, not a later retelling
        # that counts from something else ("The strike came two days after ...")
        ("An airstrike on Sunday night set fire to a camp near Rafah. The strike came two days "
         "after the court ordered a halt.\nHours before the strike, gunmen fired rockets at "
         "Tel Aviv.", "fired", "ASSAULT", "2021-07-11"),
        # "that day" is the day the sentence before named last, a statement's included
        ("Jets struck a depot near Dohuk on Sunday. Baghdad condemned the raid on Monday. "
         "Tehran denounced the strikes that day.", "denounced", "ACCUSE", "2021-07-12"),
        # "a month later" than a month is the next month; weeks before one, the month before
        ("Shipping has been under pressure since the sabotage of four tankers off Fujairah in "
         "May 2019. A month later, mines tore into two more tankers.", "tore", "ASSAULT", "2019-06"),
        ("Germany banned the group in November 2020, weeks after the attack on the border post.",
         "attack", "ASSAULT", "2020-10"),
        # "Reports this week said ...": the reports' week dates no episode
        ("Jets struck sites near Masyaf on Sunday. Reports this week said the strikes had covered "
         "a raid by commandos.", "raid", "ASSAULT", "2021-07-11"),
    ],
)
def test_dates_counted_from_the_last_date_named(nlp, text: str, word: str, event_type: str,
                                                expected: str) -> None:
    assert date_of(nlp, text, word, event_type) == expected


def test_the_same_day_as_a_named_act(nlp) -> None:
    """"The same day as the downing" is the downing's day, not the day the sentence before named."""
    text = ("Turkish jets shot down a Russian bomber near the border on Tuesday. The navigator was "
            "rescued on Wednesday. The same day as the downing, the Kremlin condemned Ankara.")
    assert date_of(nlp, text, "condemned", "ACCUSE") == "2021-07-13"


def test_within_hours_of_a_named_act(nlp) -> None:
    """"Within hours of the arrest" is the arrest's day, told two sentences before."""
    text = ("Police arrested the commander at dawn on Wednesday. The activist he is suspected of "
            "killing was shot dead on May 9. Within hours of the arrest, fighters surrounded the compound.")
    assert date_of(nlp, text, "surrounded", "COERCE") == "2021-07-14"


def test_a_when_clause_the_parser_hung_on_the_main_verb_happened_at_the_date_before_it(nlp) -> None:
    """"Since Oct. 8, 2023, when Hezbollah shelled ...": the parser makes the "when" clause an
    adverbial of the main verb, not a relative clause of the date; it still names that day."""
    text = ("Since Oct. 8, 2020, when Hezbollah shelled Israeli positions in the disputed Shebaa "
            "Farms, the two sides have exchanged fire almost daily.")
    assert date_of(nlp, text, "shelled") == "2020-10-08"


def test_a_date_after_the_object_of_a_present_perfect_verb_dates_the_object(nlp) -> None:
    """The present perfect takes no date of its own: in "Canada has condemned the attack on
    July 7", the parser's "on July 7" belongs to the attack; in the past tense it stays the
    condemnation's."""
    perfect = "Canada has condemned the militia attack on July 7 that killed two soldiers."
    assert date_of(nlp, perfect, "attack") == "2021-07-07"
    assert date_of(nlp, perfect, "condemned", "ACCUSE") != "2021-07-07"
    past = "Canada condemned the militia attack on Tuesday."
    assert date_of(nlp, past, "condemned", "ACCUSE") == "2021-07-13"


def test_an_act_on_a_definite_object_told_before_takes_that_acts_date(nlp) -> None:
    """"engaged the incoming rockets" with no date of its own, after a first sentence whose
    main clause has none either: the rockets' barrage was on Sunday night."""
    text = ("Washington has sharpened its warnings after a rocket barrage struck the Green Zone on "
            "Sunday night. The embassy's defence system engaged the incoming rockets.")
    assert date_of(nlp, text, "engaged") == "2021-07-11"


def test_an_act_reported_in_a_month_the_episode_lies_outside_is_of_that_month(nlp) -> None:
    """An act the past perfect tells inside reported speech is the story's episode, unless the
    saying is dated by a month the episode lies outside: "Earlier this month, the army said its
    troops had killed smugglers" after a raid of June tells of July."""
    text = ("Activists also reported a raid on a village in mid-June that killed four people. "
            "Earlier this month, the army said its troops had killed several smugglers in clashes "
            "along the border.")
    assert date_of(nlp, text, "clashes") == "2021-07"
    same_month = ("Activists reported a raid on a village on July 2 that killed four people. "
                  "Earlier this month, the army said its troops had killed several smugglers in "
                  "clashes along the border.")
    assert date_of(nlp, same_month, "clashes") == "2021-07-02"


def test_a_range_of_days_is_dated_by_its_first_day(nlp) -> None:
    """"overnight on Sept. 5-6, 2007": the year after the range is the range's, so a report of
    2021 does not move the act to the latest September 5 before it."""
    text = "Documents showed that jets bombed the reactor site overnight on Sept. 5-6, 2007."
    assert date_of(nlp, text, "bombed") == "2007-09-05"


def test_a_blamed_act_is_the_one_told_before_when_the_date_is_another_clauses(nlp) -> None:
    """"blamed Israel for the strike, and days later vowed revenge": "days later" dates the vow,
    and the strike is the one told before, last month, not this week's bombing."""
    text = ("A roadside bomb hit army vehicles on Monday. The group presented the bombing as "
            "revenge for the killing of the commander, who died last month when missiles struck a "
            "building near Damascus. The group blamed Israel for the strike, and in a speech days "
            "later its leader vowed that revenge would come.")
    assert date_of(nlp, text, "strike") == "2021-06"


def test_a_raid_named_again_takes_the_date_of_the_crossing_it_was(nlp) -> None:
    """"In that raid, ..." after "fighters crossed the border on Monday": the raid is the crossing
    (``act_synonyms``), so the acts set inside it are Monday's, not the sentence before's."""
    text = ("Warplanes pounded the southern suburbs on Wednesday, widening an offensive that began "
            "after militia fighters crossed the border on Monday. In that raid, the fighters "
            "ambushed an army patrol near the village, killing three soldiers.")
    assert date_of(nlp, text, "ambushed") == "2021-07-12"


def test_on_the_day_of_an_act_told_before_is_that_acts_day(nlp) -> None:
    """"on the day of the killing" is the day of the killing told before, here by "died"."""
    text = ("The commander died on July 6 when a missile hit his car. The neighbouring state "
            "recalled its ambassador on the day of the killing and sent its prime minister to the "
            "city on July 9.")
    assert date_of(nlp, text, "recalled", "SANCTION") == "2021-07-06"
    assert date_of(nlp, text, "sent", "CONSULT") == "2021-07-09"


def test_an_agreement_announced_days_after_the_episode_is_of_the_announcement(nlp) -> None:
    """An act told in the past perfect inside a saying dated days after the episode is news of
    that day ("On Wednesday, they announced that both sides had agreed ..."), unless it names
    an act told before ("was confident that Iran had carried out the attack")."""
    text = ("On Saturday, rockets were fired toward the capital. On Wednesday evening, the two "
            "ministers announced that both sides had agreed to stop firing.")
    assert date_of(nlp, text, "agreed", "AGREE") == "2021-07-14"
    told = ("On Saturday, drones struck a tanker off the coast. On Wednesday, the minister said "
            "he was confident that Iran had carried out the attack.")
    assert date_of(nlp, told, "carried") == "2021-07-10"
    next_day = ("On Tuesday, drones struck a camp near the border. In a statement on Wednesday, "
                "the Guards said their missile unit had destroyed a training camp.")
    assert date_of(nlp, next_day, "destroyed") == "2021-07-13"


def test_a_date_opening_the_sentence_dates_its_main_clause_not_the_after_clause(nlp) -> None:
    """"In February 2019, after a bombing killed 40 police on Feb. 14, jets struck the camp":
    the parser hangs "In February 2019" in the "after" clause, whose own date is Feb. 14; the
    opening date is the main clause's."""
    text = ("In February 2019, after a suicide bombing killed 40 paramilitary police on Feb. 14, "
            "Indian jets struck Balakot; Pakistan's air force answered the next day.")
    assert date_of(nlp, text, "struck") == "2019-02"
    assert date_of(nlp, text, "killed") == "2019-02-14"


def test_a_month_after_a_past_years_paragraph_continues_that_year(nlp) -> None:
    """A paragraph that told July 1987 followed by "In September, ..." goes on in 1987; a day
    ("on April 22") after a paragraph of an old year is left to the report's year."""
    text = ("The tanker Bridgeton struck a mine near Farsi Island on July 24, 1987.\n"
            "In September, American helicopters attacked the minelayer Iran Ajr.\n")
    assert date_of(nlp, text, "attacked") == "1987-09"
    jump = ("A ceasefire the two armies renewed in February 2019 then largely held.\n"
            "The second crisis began on April 22, when gunmen killed 26 civilians.\n")
    assert date_of(nlp, jump, "killed") == "2021-04-22"


def test_a_new_act_told_after_a_duration_and_after_is_dated_back_from_the_main_clause(nlp) -> None:
    """ "The strike came two days after the submarine sank the cruiser": the sinking is new,
    two days before the strike retold, although its clause opens with "the"."""
    text = ("Argentine jets struck the destroyer HMS Sheffield on Tuesday.\n"
            "The strike came two days after the submarine HMS Conqueror sank the cruiser "
            "General Belgrano.\n")
    assert date_of(nlp, text, "sank", published="1982-05-05") == "1982-05-02"


def test_hours_later_counts_from_a_date_named_a_sentence_further_back(nlp) -> None:
    """A sentence naming no date between the dated act and "hours later" does not cut the thread;
    a date told in a relative clause starts no story, so only the look further back finds it."""
    text = ("The drone that hit a coalition base near Hasakah on July 6 killed a contractor. "
            "Officials judged the drone to be of Iranian origin. "
            "Hours later, jets struck depots in Deir ez-Zor. "
            "Militias answered with rockets on another base the next day.")
    assert date_of(nlp, text, "struck") == "2021-07-06"
    assert date_of(nlp, text, "answered") == "2021-07-07"


def test_an_act_first_told_after_a_month_dated_one_is_of_that_month(nlp) -> None:
    """ "suspended the deal in late October 2020 after a drone attack": the attack is of October;
    after an act dated to the day, the occasion's own day stays unknown."""
    text = "Moscow suspended the deal in late October 2020 after a drone attack on its fleet."
    assert date_of(nlp, text, "attack") == "2020-10"
    text = "Moscow suspended the deal on Oct. 29, 2020 after a drone attack on its fleet."
    assert date_of(nlp, text, "attack") is None


def test_a_clause_of_what_set_off_an_act_is_of_the_acts_day(nlp) -> None:
    """ "sank three boats on Sunday, after the boats fired on the helicopters": the same day; what
    a statement answers ("accused X on Monday after Y shot down a jet") may be days old."""
    text = "Navy helicopters sank three boats on Sunday, after the boats fired on the helicopters."
    assert date_of(nlp, text, "fired") == "2021-07-11"
    text = "Iran on Monday accused the United States of a massacre after a cruiser shot down a jet."
    assert date_of(nlp, text, "shot") is None


def test_the_end_a_before_clause_tells_of_a_dated_act_is_of_its_day(nlp) -> None:
    """ "killing five people on Wednesday before they were shot dead": the sequel of a dated act
    is of its day; a charge's or a plan's is not (what it precedes may be days later)."""
    text = ("Two gunmen stormed a police station on Wednesday afternoon, killing four officers "
            "before they were shot dead.")
    assert date_of(nlp, text, "shot") == "2021-07-14"
    text = "Iran accused Israel of the attack on Monday before the vote was held."
    assert date_of(nlp, text, "held", "CONSULT") is None
    text = "The minister said on Monday that the talks would resume before the vote was held."
    assert date_of(nlp, text, "held", "CONSULT") is None


def test_a_statements_later_counts_from_the_act_it_reports(nlp) -> None:
    """ "killed him on Tuesday, the army confirmed a day later": the confirmation is of
    Wednesday, and the story it opens is Tuesday's."""
    text = ("Troops killed the commander in Rafah on Tuesday, the army confirmed a day later. "
            "A tank shelled the building where he hid, the army said.")
    assert date_of(nlp, text, "confirmed", "CONSULT") == "2021-07-14"
    assert date_of(nlp, text, "shelled") == "2021-07-13"


def test_a_lead_dated_only_by_what_was_done_to_someone_tells_that_act(nlp) -> None:
    """ "Iran has vowed to avenge Khodaei, the officer who was shot dead on Sunday": the story
    is Sunday's; a victim's distant past ("who was jailed in 2009") opens no story."""
    text = ("Iran has vowed to avenge Col. Khodaei, the officer who was shot dead in Tehran on "
            "Sunday. Two gunmen on a motorcycle fired five shots at his car.")
    assert date_of(nlp, text, "fired") == "2021-07-11"
    text = ("Iran has vowed to avenge Col. Khodaei, the officer who was jailed in Iraq in 2009. "
            "Two gunmen on a motorcycle fired five shots at his car.")
    assert date_of(nlp, text, "fired") is None
    text = ("U.S. jets pounded a column of fighters that had attacked an outpost near Khasham on "
            "July 7. The attackers opened fire on the base.")
    assert date_of(nlp, text, "pounded") == "2021-07-07"
    assert date_of(nlp, text, "opened") == "2021-07-07"
    text = ("The Taliban, who seized a district near Kandahar on July 7, said they would talk. "
            "Gunmen opened fire on a checkpoint.")
    assert date_of(nlp, text, "opened") is None


def test_overnight_in_what_was_said_counts_from_the_saying(nlp) -> None:
    """ "India said on Tuesday that its soldiers had struck launch pads overnight": Tuesday's
    night before, not the report's; with no day of saying, the report's."""
    text = "India said on Tuesday that its soldiers had struck militant launch pads overnight."
    assert date_of(nlp, text, "struck") == "2021-07-13"
    text = "India said that its soldiers had struck militant launch pads overnight."
    assert date_of(nlp, text, "struck") == "2021-07-15"


def test_a_before_clause_orders_acts_of_one_episode(nlp) -> None:
    """ "The attackers struck while the troops slept and slipped away before reinforcements
    arrived": the episode's act; "had struck the post before" is another time."""
    text = ("Gunmen stormed an army post in Diyala on Tuesday, killing eleven soldiers. The "
            "attackers struck while most of the troops were asleep and slipped away before "
            "reinforcements arrived.")
    assert date_of(nlp, text, "struck") == "2021-07-13"
    text = ("Gunmen stormed an army post in Diyala on Tuesday, killing eleven soldiers. The "
            "attackers had struck the same post before.")
    assert date_of(nlp, text, "struck") is None


def test_a_time_after_a_clause_set_off_by_commas_is_the_sentences(nlp) -> None:
    """The relative clause closed at its second comma; a restrictive one keeps a time that
    follows an apposition inside it."""
    text = ("Drones struck the Tanf garrison, where American troops train local fighters, "
            "on Wednesday, but caused no casualties.")
    assert date_of(nlp, text, "struck") == "2021-07-14"
    text = ("U.S. aircraft hit 85 targets in retaliation for the drone attack that killed three "
            "soldiers at Tower 22, a desert outpost in Jordan, on July 6.")
    assert date_of(nlp, text, "killed") == "2021-07-06"


def test_overnight_after_an_older_episode_is_the_episodes_night(nlp) -> None:
    """A report of Thursday telling of Monday: "Overnight, ..." is the night after Monday; in a
    report of the next day it stays the report's own night."""
    text = "A missile struck a fuel depot on Monday. Overnight, jets pounded the capital."
    assert date_of(nlp, text, "pounded") == "2021-07-13"
    assert date_of(nlp, text, "pounded", published="2021-07-13") == "2021-07-13"
    assert date_of(nlp, "Overnight, jets pounded the capital.", "pounded") == "2021-07-15"


def test_acts_listed_with_their_own_dates_keep_them(nlp) -> None:
    """A list of acts, each with its date: the date inside an act's phrase is its own, even
    where the parser hangs it on a word of that phrase ("sites") or a clause ends before it."""
    listed = ("The pause followed the group's statement on July 2 that it was halting attacks, "
              "the Israeli raids on 40 sites on July 5, and the July 9 drone strike in Beirut "
              "that killed a senior commander.")
    assert date_of(nlp, listed, "statement") == "2021-07-02"
    assert date_of(nlp, listed, "raids") == "2021-07-05"
    assert date_of(nlp, listed, "strike") == "2021-07-09"
    after_a_clause = ("The truce followed the militia's announcement on July 2 that it was halting "
                      "operations, the American strikes on 85 targets on July 5, and a raid in "
                      "Baghdad.")
    assert date_of(nlp, after_a_clause, "strikes") == "2021-07-05"


def test_a_time_after_a_clause_object_without_a_comma_stays_the_clauses(nlp) -> None:
    """"... the airstrikes that killed Kata'ib Hezbollah fighters over the weekend": the parser
    hangs "fighters" on the main verb, but no comma parts it from "killed"."""
    text = ("Hundreds of militiamen broke through the outer gate of the embassy on Tuesday, setting "
            "fire to a reception area and chanting slogans to protest the airstrikes that killed "
            "Kata'ib Hezbollah fighters over the weekend.")
    assert date_of(nlp, text, "broke") == "2021-07-13"
    assert date_of(nlp, text, "killed") != "2021-07-13"


def test_a_time_right_after_the_act_answered_dates_that_act(nlp) -> None:
    """"called the raid a response to the group's rocket barrage at the town on July 2": the
    parser hangs "on July 2" on "called"; it dates the barrage answered."""
    text = ("The army called the raid a response to the group's barrage of rockets at the town "
            "on July 2.")
    assert date_of(nlp, text, "barrage") == "2021-07-02"
    on_the_verb = ("The government called the operation a response to Iran's barrage of about 180 "
                   "ballistic missiles at Israel on July 2.")
    assert date_of(nlp, on_the_verb, "barrage") == "2021-07-02"


def test_the_date_an_act_began_from_is_its_date(nlp) -> None:
    """"from May 26" says when the strikes began; "since" stays a bound."""
    text = "India responded with a ground offensive and from May 26 with air strikes on the heights."
    assert date_of(nlp, text, "strikes") == "2021-05-26"
    since = "Militias have fired rockets at the base since May 26."
    assert date_of(nlp, since, "fired") != "2021-05-26"


def test_within_24_hours_is_the_day_after_the_episode(nlp) -> None:
    text = "Azerbaijan launched an offensive on Tuesday. Within 24 hours the local forces accepted a ceasefire."
    assert date_of(nlp, text, "accepted") == "2021-07-14"


def test_a_definite_weapon_as_subject_retells_the_act_told_with_it(nlp) -> None:
    """ "The drone slammed into ..." is the drone attack told before, on Sunday evening, not
    the Monday of the sentence before."""
    text = ("Netanyahu vowed on Monday to keep striking Hezbollah as he toured the base where a "
            "drone launched by the group killed four soldiers on Sunday evening. The drone "
            "slammed into a dining hall, wounding dozens of troops.")
    assert date_of(nlp, text, "slammed") == "2021-07-11"


def test_an_act_reported_with_its_own_earlier_date_is_the_episode(nlp) -> None:
    """ "confirmed on Thursday that its commander had been killed ... the previous evening": the
    story goes on with the killing (Wednesday), not with the confirmation; an undated statement
    after it is still of the report's day."""
    text = ("The militia confirmed on Thursday that its commander had been killed in an air strike "
            "on its base the previous evening. Jets dropped heavy bombs on the compound, flattening "
            "two buildings. The group's leader urged its fighters to stay calm.")
    assert date_of(nlp, text, "dropped") == "2021-07-14"
    assert date_of(nlp, text, "urged", "REQUEST") == "2021-07-15"
    later = ("A U.S. drone strike killed a militant leader on Monday, the command said on "
             "Wednesday. On Tuesday, Russian jets harassed three drones over Syria. The general "
             "urged Moscow to stop.")
    assert date_of(nlp, later, "urged", "REQUEST") == "2021-07-15"  # the report is of Wednesday's statement
