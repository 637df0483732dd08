"""Surge alerts: the tail probabilities against exact values, and alerts over a real SQLite file."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from flashpoint.analysis.alerts import find_alerts, surge_test
from flashpoint.analysis.model import Incident
from flashpoint.analysis.tails import negbin_size, negbin_sf, poisson_sf
from flashpoint.errors import ConfigError
from flashpoint.records import stable_hash
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema

SETTINGS = AnalysisSettings()  # baseline 8 weeks, alpha 0.01, at least 3 incidents
MONDAY = date(2024, 1, 1)


# -- tails ------------------------------------------------------------------------------------


def exact_poisson_sf(k: int, lam: int) -> float:
    """P(X >= k) for an integer mean: the sum of lam**i / i! as an exact fraction (the upper
    terms, summed until they no longer matter, so a tiny tail keeps its digits), times e**-lam."""
    terms = Fraction(0)
    for i in range(k, k + 400):
        terms += Fraction(lam**i, math.factorial(i))
    return float(terms) * math.exp(-lam)


def exact_negbin_sf(k: int, size: int, p: Fraction) -> float:
    """P(X >= k) for an integer size and a rational p, exactly: 1 - sum_{i<k} C(i+r-1, i) p^r q^i."""
    q = 1 - p
    below = sum(Fraction(math.comb(i + size - 1, i)) * p**size * q**i for i in range(k))
    return float(1 - below)


@pytest.mark.parametrize("k, lam", [(1, 1), (3, 1), (5, 5), (2, 3), (10, 2), (25, 3), (60, 4), (4, 30)])
def test_poisson_tail_matches_exact_summation(k: int, lam: int) -> None:
    assert poisson_sf(k, lam) == pytest.approx(exact_poisson_sf(k, lam), rel=1e-12)


def test_poisson_tail_known_values() -> None:
    assert poisson_sf(3, 1.0) == pytest.approx(1 - 2.5 / math.e, rel=1e-14)  # 1 - e^-1 (1 + 1 + 1/2)
    assert poisson_sf(1, 0.5) == pytest.approx(1 - math.exp(-0.5), rel=1e-14)
    assert poisson_sf(0, 2.0) == 1.0 and poisson_sf(-1, 2.0) == 1.0
    assert poisson_sf(1, 0.0) == 0.0
    with pytest.raises(ValueError):
        poisson_sf(2, -1.0)


@pytest.mark.parametrize("k, size, p", [
    (1, 1, Fraction(1, 2)), (4, 2, Fraction(1, 3)), (3, 5, Fraction(4, 5)), (12, 3, Fraction(1, 4)),
    (20, 1, Fraction(9, 10)), (40, 4, Fraction(2, 3)), (2, 7, Fraction(1, 10)),
])
def test_negative_binomial_tail_matches_exact_summation(k: int, size: int, p: Fraction) -> None:
    mean = float(size * (1 - p) / p)
    assert negbin_sf(k, mean, size) == pytest.approx(exact_negbin_sf(k, size, p), rel=1e-9)


def test_negative_binomial_closed_forms() -> None:
    q = 0.75  # size 1 is the geometric distribution: P(X >= k) = q**k; mean = q / p = 3
    assert negbin_sf(6, 3.0, 1.0) == pytest.approx(q**6, rel=1e-12)
    p = 0.4  # size 2: P(X >= k) = q**k (1 + k p); mean = 2 q / p = 3
    assert negbin_sf(5, 3.0, 2.0) == pytest.approx(0.6**5 * (1 + 5 * p), rel=1e-12)
    assert negbin_sf(7, 0.3, 0.2) > poisson_sf(7, 0.3)  # overdispersion fattens the tail
    assert negbin_sf(9, 2.0, 1e7) == pytest.approx(poisson_sf(9, 2.0), rel=1e-4)  # size -> Poisson


def test_negative_binomial_size_by_moments() -> None:
    assert negbin_size(2.0, 6.0) == pytest.approx(1.0)  # r = 4 / (6 - 2)
    with pytest.raises(ValueError):
        negbin_size(2.0, 2.0)


# -- the test of one week ------------------------------------------------------------------------


def test_an_all_zero_baseline_does_not_make_one_incident_a_surge() -> None:
    one = surge_test(1, [0] * 8)
    assert one.method == "poisson" and one.mean == pytest.approx(0.5 / 9)
    assert one.p_value == pytest.approx(1 - math.exp(-0.5 / 9)) and one.p_value > 0.05
    three = surge_test(3, [0] * 8)
    assert three.p_value < 0.001


def test_an_overdispersed_baseline_switches_to_the_negative_binomial() -> None:
    bursty = [0, 0, 6, 0, 0, 0, 5, 0]  # mean about 1.4, sample variance about 6.3
    test = surge_test(6, bursty)
    lam = 11.5 / 9
    assert test.method == "negative-binomial"
    assert test.size == pytest.approx(lam**2 / (test.variance - lam))
    assert test.p_value == pytest.approx(negbin_sf(6, lam, test.size))
    assert test.p_value > 0.01 > poisson_sf(6, lam)  # bursts are usual here: no alert
    steady = surge_test(6, [1, 2, 1, 1, 2, 1, 1, 2])
    assert steady.method == "poisson"


# -- alerts over a database ----------------------------------------------------------------------


def incident(iid: str, day: date, **fields: Any) -> Incident:
    """A rocket attack by Kata'ib Hezbollah on US forces near Erbil unless ``fields`` say otherwise."""
    values: dict[str, Any] = dict(
        event_type="ASSAULT", mode="explosives", status="actual", confidence=0.9, n_events=2, n_docs=2,
        source_name="Kata'ib Hezbollah", source_country="IRQ", source_sponsor="IRN",
        target_name="US forces", target_country="USA", loc_name="Erbil", loc_country="IRQ",
        lat=36.19, lon=44.01, loc_precision="city", goldstein=-10.0, quad_class=4, cameo_root="19",
    )
    values.update(fields)
    return Incident(incident_id=iid, representative_event_id=f"ev-{iid}", date=day.isoformat(), **values)


def weekly_series(counts: list[int], prefix: str = "r", **fields: Any) -> list[Incident]:
    """``counts[w]`` attacks in week ``w`` after 1 January 2024, on Tuesday, Wednesday, ...,
    and a meeting on that Monday, so that the record visibly starts then (weeks before the
    first dated incident are not covered, and cannot be a baseline)."""
    out = [incident(f"{prefix}-start", MONDAY, event_type="CONSULT", mode=None, quad_class=1, goldstein=1.0)]
    for week, count in enumerate(counts):
        for n in range(count):
            day = MONDAY + timedelta(weeks=week, days=1 + n % 6)
            out.append(incident(f"{prefix}{week:02d}-{n}", day, **fields))
    return out


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'alerts.db'}") as opened:
        yield opened


def write(store: Store, incidents: list[Incident]) -> None:
    with store.write() as conn:
        conn.execute(schema.incidents.insert(), [i.to_row() for i in incidents])


def test_an_empty_database_raises_no_alert(store: Store) -> None:
    assert find_alerts(store, SETTINGS, by="dyad") == []


def test_a_surge_after_a_quiet_baseline_is_an_alert(store: Store) -> None:
    quiet = [1, 0, 1, 1, 0, 1, 0, 1, 1, 0]  # ten weeks of the usual one rocket attack or none
    write(store, weekly_series(quiet + [6, 1]))
    write(store, [incident("talk", MONDAY + timedelta(weeks=10), event_type="CONSULT", quad_class=1,
                           goldstein=1.0)])  # not hostile: not counted
    alerts = [a for a in find_alerts(store, SETTINGS, by="dyad") if a["level"] == "country"]
    assert len(alerts) == 1
    alert = alerts[0]
    week = MONDAY + timedelta(weeks=10)
    assert (alert["series"], alert["week"], alert["count"]) == ("IRQ→USA", week.isoformat(), 6)
    baseline = quiet[2:10]
    lam = (sum(baseline) + 0.5) / 9
    assert alert["baseline"]["counts"] == baseline and alert["baseline_weeks"] == 8
    assert alert["baseline"]["start"] == (week - timedelta(weeks=8)).isoformat()
    assert alert["baseline"]["end"] == (week - timedelta(days=1)).isoformat()
    assert alert["baseline_mean"] == pytest.approx(lam, abs=1e-4)
    assert alert["method"] == "poisson" and alert["p_value"] == pytest.approx(poisson_sf(6, lam))
    assert alert["alert_id"] == stable_hash("alert", "dyad", "IRQ→USA", week.isoformat())
    assert sorted(i["incident_id"] for i in alert["incidents"]) == [f"r10-{n}" for n in range(6)]
    first = alert["incidents"][0]
    assert first["source"]["name"] == "Kata'ib Hezbollah" and first["location"]["name"] == "Erbil"
    assert find_alerts(store, SETTINGS, by="dyad") == find_alerts(store, SETTINGS, by="dyad")


def test_sponsor_region_and_all_series_see_the_same_surge(store: Store) -> None:
    write(store, weekly_series([0] * 9 + [4]))
    dyads = {a["series"] for a in find_alerts(store, SETTINGS, by="dyad")}
    assert dyads == {"IRQ→USA", "IRN→USA (sponsors)"}
    regions = {a["series"] for a in find_alerts(store, SETTINGS, by="region")}
    assert regions == {"IRQ", "IRQ/Erbil"}
    assert [a["series"] for a in find_alerts(store, SETTINGS, by="all")] == ["all"]


def test_without_a_full_baseline_nothing_is_tested(store: Store) -> None:
    write(store, weekly_series([1, 0, 12]))  # the record starts two weeks before the burst
    assert find_alerts(store, SETTINGS, by="all") == []
    short = AnalysisSettings(baseline_weeks=2)
    assert [a["count"] for a in find_alerts(store, short, by="all")] == [12]


def test_an_overdispersed_baseline_raises_no_alert_for_a_usual_burst(store: Store) -> None:
    write(store, weekly_series([0, 0, 6, 0, 0, 0, 5, 0, 6]))
    assert find_alerts(store, SETTINGS, by="all") == []
    write(store, weekly_series([0] * 8 + [30], prefix="big"))  # 36 that week: beyond even bursts
    alerts = find_alerts(store, SETTINGS, by="all")
    assert [(a["count"], a["method"]) for a in alerts] == [(36, "negative-binomial")]


def test_fewer_than_the_minimum_count_is_never_an_alert(store: Store) -> None:
    write(store, weekly_series([0] * 8 + [2]))
    assert surge_test(2, [0] * 8).p_value < SETTINGS.alert_alpha
    assert find_alerts(store, SETTINGS, by="all") == []
    assert len(find_alerts(store, AnalysisSettings(alert_min_count=2), by="all")) == 1


def test_since_and_until_choose_the_weeks_tested_not_the_baseline(store: Store) -> None:
    write(store, weekly_series([0] * 8 + [5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]))
    weeks = [a["week"] for a in find_alerts(store, SETTINGS, by="all")]
    first, second = (MONDAY + timedelta(weeks=w) for w in (8, 18))
    assert weeks == [second.isoformat(), first.isoformat()]  # newest first
    since = find_alerts(store, SETTINGS, by="all", since=second.isoformat())
    assert [a["week"] for a in since] == [second.isoformat()]
    assert since[0]["baseline"]["counts"] == [0] * 8  # read from before `since`
    until = find_alerts(store, SETTINGS, by="all", until=(second - timedelta(days=1)).isoformat())
    assert [a["week"] for a in until] == [first.isoformat()]


def test_coarse_dates_are_not_counted_in_any_week(store: Store) -> None:
    write(store, weekly_series([0] * 8 + [2]))
    month = incident("m", MONDAY)
    write(store, [Incident(**{**month.__dict__, "incident_id": f"m{n}", "date": "2024-02"})
                  for n in range(5)])
    assert find_alerts(store, SETTINGS, by="all") == []


def test_a_bad_by_is_a_config_error(store: Store) -> None:
    with pytest.raises(ConfigError):
        find_alerts(store, SETTINGS, by="actor")


def test_cli_alerts_json_is_the_function(store: Store, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from flashpoint.cli import app

    write(store, weekly_series([0] * 8 + [5]))
    db = str(tmp_path / "alerts.db")
    runner = CliRunner()
    as_json = runner.invoke(app, ["alerts", "--by", "all", "--db", db, "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == find_alerts(store, SETTINGS, by="all")
    table = runner.invoke(app, ["alerts", "--db", db])
    assert table.exit_code == 0 and "IRQ→USA" in table.stdout and "poisson" in table.stdout
