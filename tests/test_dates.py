"""Publication dates from text and from metadata: the right date, or None, never a wrong guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.ingest import infer_published, normalise_date
from flashpoint.ingest.dates import find_dates

INFER_CASES = [
    # datelines
    ("BAGHDAD, Jan. 8 (Reuters) - Iran fired missiles after the killing on Jan. 3, 2020.", "2020-01-08"),
    ("BAGHDAD, Jan. 8 (Reuters) - Attacks have grown since Dec. 27, 2019.", "2020-01-08"),
    ("WASHINGTON, June 27, 2021 (AP) — The U.S. struck sites on the border.", "2021-06-27"),
    ("KABUL, Afghanistan, Aug. 15, 2021 — The capital fell on Sunday.", "2021-08-15"),
    ("Title\nPublished: 8 January 2020\nThe war began on March 3, 2019.", "2020-01-08"),
    ("Posted on March 3, 2021 by admin\nText about May 5, 2020.", "2021-03-03"),
    ("Headline\n2021-07-06\nStrikes on June 1, 2021 hit depots.", "2021-07-06"),
    ("Headline\nWednesday, July 7, 2021 at 10:30 am EST\nBody.", "2021-07-07"),
    ("By Jane Roe | July 8, 2021\nBody text.", "2021-07-08"),
    ("Updated: 2021-07-09\nPublished: July 6, 2021\nBody.", "2021-07-06"),
    ("Published: January 2020\nThe text gives no day.", "2020-01"),
    ("Posted 2019\nOnly a year.", "2019"),
    # the latest full date in the text
    ("Strikes on June 27th, 2021 and on 2 July 2021 hit depots.", "2021-07-02"),
    ("Talks on 27/06/2021 failed; a truce on 2021-06-30 held.", "2021-06-30"),
    ("On January 3, 2020 a general was killed. In January 2020 militias vowed revenge.", "2020-01-03"),
    ("The 27th of June, 2021 was quiet.", "2021-06-27"),
    # None rather than a wrong guess
    ("BAGHDAD, Jan. 8 (Reuters) - No year anywhere in this copy.", None),
    ("On 08/01/2020 something happened.", None),  # 8 January or August 1
    ("Extended until March 31, 2022. Troops left on January 7th, 2020. In March 2021 Canada renewed it.", None),
    ("The mission runs until March 31, 2022.", None),
    ("Troops left on January 7th, 2020. In 2021, the force returned.", None),
    ("Nothing dated here, only 2050 troops and June 27th.", None),
    ("It was Feb. 30, 2020, said nobody.", None),
    ("The vote may 2021 be delayed.", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), INFER_CASES)
def test_infer_published(text: str, expected: str | None) -> None:
    assert infer_published(text) == expected


NORMALISE_CASES = [
    ("2020-01-08", "2020-01-08"),
    ("2020-01-08T10:00:00Z", "2020-01-08"),
    ("2020-01-08T10:00:00.123+02:00", "2020-01-08"),
    ("2020-01-08 23:30:00-05:00", "2020-01-08"),  # the publisher's calendar day, not UTC's
    ("Wed, 08 Jan 2020 10:00:00 GMT", "2020-01-08"),
    ("Wed, 8 Jan 2020 10:00:00 +0000", "2020-01-08"),
    ("20200108", "2020-01-08"),
    ("January 8, 2020", "2020-01-08"),
    ("Wednesday, 8 Jan 2020 10:00 AM", "2020-01-08"),
    ("  2020-01  ", "2020-01"),
    ("Jan 2020", "2020-01"),
    ("2020", "2020"),
    ("08/01/2020", None),
    ("2020-13-01", None),
    ("2020-02-30", None),
    ("yesterday", None),
    ("January 8, 2020 and more words", None),
    ("", None),
]


@pytest.mark.parametrize(("value", "expected"), NORMALISE_CASES)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_find_dates_reads_formats_and_skips_ambiguous_ones() -> None:
    text = "Jan. 8, 2020; 27 June 2021; 2020-01-08; 27/06/2021; 06/27/2021; 05/05/2020; 08/01/2020"
    assert [m.iso for m in find_dates(text)] == [
        "2020-01-08", "2021-06-27", "2020-01-08", "2021-06-27", "2021-06-27", "2020-05-05",
    ]


def test_seed_articles_get_no_wrong_date(seeds_dir: Path) -> None:
    """The seeds name deadlines and months later than their latest full date: no safe guess."""
    for path in sorted(seeds_dir.glob("*.txt")):
        assert infer_published(path.read_text(encoding="utf-8")) is None, path.name
