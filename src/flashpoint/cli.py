"""The ``flashpoint`` command line: a thin typer layer over the pipeline and the query functions.

Every command builds one :class:`~flashpoint.settings.Settings` (defaults, ``FLASHPOINT_*``
environment, then options), calls library functions, and renders their results as rich tables
or, with ``--json``, as JSON for scripts. Library errors become a one-line message and exit
status 1; ``ingest`` exits 3 when it skipped bad input (the good input is stored).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flashpoint.errors import FlashpointError
from flashpoint.settings import AnalysisSettings, Settings

if TYPE_CHECKING:
    from flashpoint.store import Store

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news and policy articles into a database of political and military events.",
)

EXIT_ERROR = 1

DbOption = typer.Option(None, "--db", envvar="FLASHPOINT_DB", help="SQLite file or postgresql:// URL [default: flashpoint.db]")
JsonOption = typer.Option(False, "--json", help="Print JSON for scripts instead of tables.")
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bars or summaries.")
SinceOption = typer.Option(None, "--since", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UntilOption = typer.Option(None, "--until", help="Events on or before this date.")
TypeOption = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT.")
ActorOption = typer.Option(None, "--actor", help="Text in the source or target actor (case-insensitive).")
CountryOption = typer.Option(None, "--country", help="ISO 3166 alpha-3 code of the source or target.")
StatusOption = typer.Option(None, "--status", help="actual, claimed, threatened, hypothetical, negated, or asserted (actual+claimed); comma-separated.")
TimelineStatusOption = typer.Option("asserted", "--status", help="Statuses to show, comma-separated; 'all' for every status [default: asserted = actual,claimed].")
LimitOption = typer.Option(None, "--limit", help="At most this many rows.")


def _settings(db: Optional[str], **overrides: Any) -> Settings:
    return Settings.from_env(db=db, **overrides)


def _console(quiet: bool = False) -> Console:
    return Console(stderr=True, quiet=quiet)


@contextmanager
def _failing_cleanly() -> Iterator[None]:
    """Library errors inside become a one-line message and exit status 1 (typer's own exits
    pass through)."""
    try:
        yield
    except FlashpointError as exc:
        raise _fail(exc) from exc


@contextmanager
def _opened_store(db: Optional[str]) -> Iterator["Store"]:
    """The database of ``--db`` (or the environment), opened and migrated, closed after; library
    errors inside become a one-line message and exit status 1."""
    from flashpoint.store import Store

    with _failing_cleanly(), Store.open(_settings(db).db_url) as store:
        yield store


@contextmanager
def _opened_for_analysis(db: Optional[str]) -> Iterator[tuple["Store", AnalysisSettings]]:
    """:func:`_opened_store` with the analysis settings of the same ``--db`` and environment."""
    from flashpoint.store import Store

    with _failing_cleanly():
        settings = _settings(db)
        with Store.open(settings.db_url) as store:
            yield store, settings.analysis


def _fail(exc: FlashpointError) -> typer.Exit:
    _console().print(f"[bold red]error:[/] {exc}")
    return typer.Exit(EXIT_ERROR)


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def _event_filter(since: Optional[str], until: Optional[str], event_type: Optional[str],
                  actor: Optional[str], country: Optional[str], status: Optional[str],
                  limit: Optional[int], bbox: Optional[str] = None, near: Optional[str] = None,
                  q: Optional[str] = None) -> Any:
    from flashpoint.store.queries import EventFilter, parse_bbox, parse_near

    return EventFilter(
        since=since, until=until, event_type=event_type.upper() if event_type else None,
        actor=actor, country=country.upper() if country else None, status=status, limit=limit,
        bbox=parse_bbox(bbox) if bbox else None, near=parse_near(near) if near else None, q=q,
    )


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for standard input."),
    db: Optional[str] = DbOption,
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for documents whose metadata has none."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Reject items larger than this many bytes [default: 5000000]."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="spaCy batch size."),
    n_process: Optional[int] = typer.Option(None, "--n-process", help="spaCy worker processes (-1: all cores)."),
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """Read, clean, deduplicate, code and store documents. Exit 3 if any input was skipped."""
    from flashpoint.pipeline import run_ingest

    with _failing_cleanly():
        settings = _settings(db, published=published, max_input_bytes=max_bytes,
                             batch_size=batch_size, n_process=n_process, quiet=quiet)
        with _Progress(quiet or as_json) as progress:
            summary = run_ingest(paths, settings, stdin=sys.stdin.buffer, progress=progress.update)
    if as_json:
        _print_json(summary.to_dict())
    elif not quiet:
        _print_summary(summary)
    raise typer.Exit(summary.exit_code)


class _Progress:
    """A rich progress bar fed by the pipeline's ``(stage, done, total)`` hook."""

    def __init__(self, disabled: bool) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=_console(), disable=disabled, transient=True,
        )
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> "_Progress":
        self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)


def _print_summary(summary: Any) -> None:
    console = _console()
    for rejection in summary.rejections:
        console.print(f"[yellow]skipped[/] {rejection.where}: {rejection.reason} [dim]({rejection.kind})[/]")
    console.print(
        f"[bold]{summary.items}[/] items: [green]{summary.new_documents} new documents[/] "
        f"({summary.new_duplicates} further reports of an article already held), "
        f"{summary.already_present} already stored, [yellow]{summary.rejected} skipped[/]; "
        f"{summary.events} events, {summary.tokens} tokens in {summary.seconds:.1f}s"
    )
    if summary.analysis:
        console.print(f"analysis: {_analysis_line(summary.analysis)}", highlight=False)


@app.command()
def docs(db: Optional[str] = DbOption, limit: Optional[int] = LimitOption, as_json: bool = JsonOption) -> None:
    """List stored documents with their near-duplicate group and event counts."""
    from flashpoint.store.queries import list_documents

    with _opened_store(db) as store:
        rows = list_documents(store, limit=limit)
    if as_json:
        return _print_json(rows)
    columns = ("doc_id", "published", "title", "origin", "group_id", "is_canonical", "n_reports", "n_events")
    _print_table("Documents", rows, columns)


@app.command()
def events(
    db: Optional[str] = DbOption, since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    event_type: Optional[str] = TypeOption, actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption, status: Optional[str] = StatusOption,
    bbox: Optional[str] = typer.Option(None, "--bbox", help="MINLON,MINLAT,MAXLON,MAXLAT: events placed in this box."),
    near: Optional[str] = typer.Option(None, "--near", help="LAT,LON,KM: events placed within KM of the point."),
    q: Optional[str] = typer.Option(None, "--q", help="Words that must all occur in the sentence (full-text search)."),
    limit: Optional[int] = LimitOption, as_json: bool = JsonOption,
) -> None:
    """List coded events, filtered by date, type, actor, country, status, place and words."""
    from flashpoint.store import Store
    from flashpoint.store.queries import list_events

    with _failing_cleanly():
        flt = _event_filter(since, until, event_type, actor, country, status, limit, bbox, near, q)
        with Store.open(_settings(db).db_url) as store:
            rows = list_events(store, flt)
    if as_json:
        return _print_json(rows)
    _print_table("Events", [_event_row(r) for r in rows],
                 ("date", "event_type", "mode", "source", "target", "status", "sentence"))


@app.command()
def timeline(
    db: Optional[str] = DbOption, since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    event_type: Optional[str] = TypeOption, actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption, status: str = TimelineStatusOption,
    limit: Optional[int] = LimitOption, as_json: bool = JsonOption,
) -> None:
    """Asserted events in date order (undated last): who did what to whom, when."""
    from flashpoint.store import Store
    from flashpoint.store.queries import timeline as timeline_query

    with _failing_cleanly():
        flt = _event_filter(since, until, event_type, actor, country, None if status == "all" else status, limit)
        with Store.open(_settings(db).db_url) as store:
            rows = timeline_query(store, flt)
    if as_json:
        return _print_json(rows)
    console = Console()
    for row in rows:
        console.print(_timeline_line(row), highlight=False)
    if not rows:
        console.print("no events match")


def _actor_label(actor: Optional[dict[str, Any]]) -> str:
    if not actor:
        return "—"
    label = actor.get("name") or actor.get("text") or "?"
    country = actor.get("country")
    return f"{label} ({country})" if country and country not in label else label


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "source": _actor_label(row.get("source")), "target": _actor_label(row.get("target"))}


def _timeline_line(row: dict[str, Any]) -> str:
    """One event as a line of console markup; text from documents is escaped, never markup."""
    status = "" if row.get("status") == "actual" else f" ({row.get('status')})"
    mode = f"/{row['mode']}" if row.get("mode") else ""
    who = f"{_actor_label(row.get('source'))} → {_actor_label(row.get('target'))}"
    return (
        f"[bold]{row.get('date') or 'undated':<10}[/] {escape(row['event_type'] + mode + status)}: "
        f"{escape(who)}  [dim]{escape(_shorten(row.get('sentence', ''), 110))}[/]"
    )


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(title: str, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    table = Table(title=f"{title} ({len(rows)})")
    for column in columns:
        table.add_column(column, overflow="fold", max_width=60 if column in ("sentence", "title") else None)
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    Console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return escape(_shorten(value, 200))
    return escape(str(value))


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (the event-record spec), csv or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file [default: standard output]."),
    db: Optional[str] = DbOption, since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    event_type: Optional[str] = TypeOption, actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption, status: Optional[str] = StatusOption,
    quiet: bool = QuietOption,
) -> None:
    """Export events as JSON Lines (per shared/spec/event-record.md), CSV or Parquet."""
    from flashpoint.store import Store
    from flashpoint.store.export import write_export
    from flashpoint.store.queries import iter_export_records

    with _failing_cleanly():
        flt = _event_filter(since, until, event_type, actor, country, status, None)
        with Store.open(_settings(db).db_url) as store:
            count = write_export(iter_export_records(store, flt), fmt, output, sys.stdout)
    if output is not None:
        _console(quiet).print(f"wrote {count} events to {output}")


@app.command()
def stats(db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Counts: documents, near-duplicate groups, events by type and status, rejections by kind."""
    from flashpoint.store.queries import stats as stats_query

    with _opened_store(db) as store:
        result = stats_query(store)
    if as_json:
        return _print_json(result)
    console = Console()
    for key, value in result.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
            console.print(f"[bold]{key}[/]: {inner}", highlight=False)
        else:
            console.print(f"[bold]{key}[/]: {value}", highlight=False)


@app.command()
def rejections(db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Input items that were skipped, with the reason recorded for each."""
    from flashpoint.store.queries import list_rejections

    with _opened_store(db) as store:
        rows = list_rejections(store)
    if as_json:
        return _print_json(rows)
    _print_table("Rejections", rows, ("kind", "origin", "locator", "reason"))


@app.command("eval")
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold event files, JSON Lines per shared/spec/event-record.md."),
    docs_dir: Path = typer.Option(..., "--docs", help="Folder holding the documents the gold refers to."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for documents with none."),
    show: int = typer.Option(20, "--show", help="How many misses and false alarms to list."),
    as_json: bool = JsonOption,
) -> None:
    """Code the documents and score them against gold: detection, typed and full P/R/F1, dates, places."""
    from flashpoint.events.scoring import load_gold, score_events
    from flashpoint.pipeline import code_paths

    with _failing_cleanly():
        gold_events = [event for path in gold for event in load_gold(path)]
        batch = code_paths([str(docs_dir)], _settings(None, published=published))
    report = score_events((e.to_record() for e in batch.events), gold_events)
    if as_json:
        return _print_json({"documents": len(batch.documents), "events": len(batch.events), **report.to_dict()})
    _print_eval(report, len(batch.documents), show)


def _print_eval(report: Any, n_docs: int, show: int) -> None:
    console = Console()
    table = Table(title=f"Scores over {n_docs} documents")
    for column in ("", "precision", "recall", "F1", "tp", "predicted", "gold"):
        table.add_column(column)
    for name in ("detection", "typed", "full"):
        score = getattr(report, name)
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.tp), str(score.predicted), str(score.gold))
    console.print(table)
    console.print(f"date accuracy: {_fmt(report.date_accuracy)} over {report.date_scored} matched events")
    console.print(f"location accuracy: {_fmt(report.location_accuracy)} over {report.location_scored}")
    console.print(f"negatives violated: {len(report.negatives_violated)} of {report.negatives}")
    for title, rows in (("negatives violated", report.negatives_violated), ("misses", report.misses),
                        ("false alarms", report.false_alarms), ("wrong dates", report.wrong_dates)):
        if rows:
            console.print(f"[bold]{title}[/] ({len(rows)}, first {min(show, len(rows))}):")
            for row in rows[:show]:
                console.print("  " + json.dumps(row, ensure_ascii=False), highlight=False, soft_wrap=True)


def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# -- watched sites -----------------------------------------------------------------------------

sites_app = typer.Typer(
    no_args_is_help=True,
    help=(
        "Watched sites: points with a radius in km and the nations present there. The packaged "
        "facilities file (sites.yaml) seeds the table the first time any `sites` command finds it "
        "empty; `sites seed` seeds it again. Seeding never undoes your edits or removals."
    ),
)

NationOption = typer.Option(None, "--nation", help="Nation present, ISO3[:FROM[:TO]], e.g. USA or USA:2014-11; repeat for several.")


@sites_app.command("add")
def sites_add(
    name: str = typer.Argument(..., help="Site name; its id is made from it (Camp X -> camp-x)."),
    lat: float = typer.Option(..., "--lat", help="Latitude, decimal degrees (-90 to 90)."),
    lon: float = typer.Option(..., "--lon", help="Longitude, decimal degrees (-180 to 180)."),
    radius_km: float = typer.Option(..., "--radius-km", help="Radius watched around the point, km (above 0, at most 1000)."),
    nation: Optional[list[str]] = NationOption,
    kind: Optional[str] = typer.Option(None, "--kind", help="airbase, base, embassy, port, ... (free slug)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 code of the country the site is in."),
    replace: bool = typer.Option(False, "--replace", help="Change the existing site of this name (options not given are kept)."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Add a watched site (or change one with --replace)."""
    from flashpoint.store.sites import add_site, ensure_seeded

    with _opened_store(db) as store:
        ensure_seeded(store)
        site = add_site(store, name, lat, lon, radius_km, nations=nation or None, kind=kind,
                        country=country, replace=replace)
    if as_json:
        return _print_json(site)
    Console().print(f"{'saved' if replace else 'added'} [bold]{escape(site['name'])}[/] "
                    f"(id {site['site_id']}, {site['radius_km']:g} km around {site['lat']:g}, {site['lon']:g})",
                    highlight=False)


@sites_app.command("list")
def sites_list(
    country: Optional[str] = typer.Option(None, "--country", help="Only sites in this country (ISO3)."),
    nation: Optional[str] = typer.Option(None, "--nation", help="Only sites where this nation (ISO3) is present now."),
    near: Optional[str] = typer.Option(None, "--near", help="LAT,LON: sort by distance from this point and show it."),
    within_km: Optional[float] = typer.Option(None, "--within-km", help="With --near: only sites this close."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """List watched sites (seeding them from the facilities file the first time)."""
    from flashpoint.store import Store
    from flashpoint.store.sites import ensure_seeded, list_sites, parse_point

    with _failing_cleanly():
        point = parse_point(near) if near is not None else None
        with Store.open(_settings(db).db_url) as store:
            ensure_seeded(store)
            rows = list_sites(store, country=country, nation=nation, near=point, within_km=within_km)
    if as_json:
        return _print_json(rows)
    columns = ("site_id", "name", "kind", "country", "lat", "lon", "radius_km", "nations", "source")
    if point is not None:
        columns = ("distance_km", *columns)
    _print_table("Watched sites", [_site_row(r) for r in rows], columns)


def _site_row(site: dict[str, Any]) -> dict[str, Any]:
    def span(p: dict[str, Any]) -> str:
        return "" if p["from"] is None and p["to"] is None else f" {p['from'] or '?'}–{p['to'] or ''}"

    nations = ", ".join(p["nation"] + span(p) for p in site["nations"]) or None
    source = site["source"] + (" (edited)" if site.get("edited_at") else "")
    return {**site, "radius_km": f"{site['radius_km']:g}", "nations": nations, "source": source}


@sites_app.command("remove")
def sites_remove(
    key: str = typer.Argument(..., metavar="NAME_OR_ID", help="Site id or name (case-insensitive)."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Remove a watched site. A curated one stays removed when the table is seeded again."""
    from flashpoint.store.sites import ensure_seeded, remove_site

    with _opened_store(db) as store:
        ensure_seeded(store)
        site = remove_site(store, key)
    if as_json:
        return _print_json(site)
    Console().print(f"removed [bold]{escape(site['name'])}[/] (id {site['site_id']})", highlight=False)


@sites_app.command("seed")
def sites_seed(
    file: Optional[Path] = typer.Option(None, "--file", help="Facilities file in the sites.yaml format [default: the packaged sites.yaml]."),
    restore: bool = typer.Option(False, "--restore", help="Also put back curated sites you edited or removed."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Add the facilities file's sites that are missing and refresh unedited curated ones."""
    from flashpoint.store.sites import seed_sites_from_file

    with _opened_store(db) as store:
        result = seed_sites_from_file(store, file, restore=restore)
    if as_json:
        return _print_json(result.to_dict())
    console = Console()
    console.print(f"{len(result.added)} added, {len(result.updated)} updated, {len(result.restored)} restored, "
                  f"{result.unchanged} unchanged, {len(result.kept)} kept as you left them", highlight=False)
    if result.conflicts:
        console.print(f"[yellow]skipped[/] (name taken by another site): {', '.join(result.conflicts)}")


app.add_typer(sites_app, name="sites")


# -- escalation: weekly indices, surge alerts, threat at watched sites ---------------------------

ByOption = typer.Option("dyad", "--by", help="dyad (source→target countries, plus sponsor-aware dyads), region (place country and first-level region) or all (one series).")


@app.command()
def indices(
    by: str = ByOption, since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    all_weeks: bool = typer.Option(False, "--all-weeks", help="Also list the weeks without incidents, as zeros."),
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Weekly index per series: incidents, hostile ones, sum and mean of Goldstein weights."""
    from flashpoint.analysis.indices import coarse_dated_counts, weekly_index

    with _opened_for_analysis(db) as (store, analysis):
        rows = weekly_index(store, analysis, by=by, since=since, until=until, dense=all_weeks)
        left_out = [] if as_json else coarse_dated_counts(store, analysis, by=by, since=since, until=until)
    if as_json:
        return _print_json(rows)
    _print_table(f"Weekly index by {by}", rows, ("series", "week", "count", "hostile", "score", "mean_weight"))
    if left_out:
        periods = ", ".join(f"{r['series']} {r['period'] or 'undated'}: {r['count']}" for r in left_out)
        Console().print(f"[dim]not in any week (dated only to a month or year, or undated): {escape(periods)}[/]")


@app.command()
def alerts(
    by: str = typer.Option("dyad", "--by", help="dyad, region, or all (one series of every hostile incident)."),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Weeks whose hostile incidents surge above the series' baseline (Poisson or negative binomial)."""
    from flashpoint.analysis.alerts import find_alerts

    with _opened_for_analysis(db) as (store, analysis):
        rows = find_alerts(store, analysis, by=by, since=since, until=until)
    if as_json:
        return _print_json(rows)
    _print_table(f"Surge alerts by {by}", [_alert_row(r) for r in rows],
                 ("week", "series", "count", "baseline", "method", "p_value", "incidents"))


def _alert_row(alert: dict[str, Any]) -> dict[str, Any]:
    incidents = "; ".join(
        f"{i['date']} {i['event_type']} {_actor_label(i['source'])} → {_actor_label(i['target'])}"
        + (f" at {i['location']['name']}" if i.get("location") and i["location"].get("name") else "")
        for i in alert["incidents"]
    )
    baseline = f"λ={alert['baseline_mean']:.2f} over {alert['baseline']['start']}…{alert['baseline']['end']}"
    return {**alert, "baseline": baseline, "p_value": f"{alert['p_value']:.2e}", "incidents": incidents}


@sites_app.command("threat")
def sites_threat(
    key: Optional[str] = typer.Argument(None, metavar="[NAME]", help="Site id or name (default: every site)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Day the window ends (YYYY-MM-DD; a month or year means its last day; default: the day of the latest incident)."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
) -> None:
    """Threat at watched sites: nearby hostile incidents weighted by severity and recency."""
    from flashpoint.analysis.threat import site_threats
    from flashpoint.store.sites import ensure_seeded

    with _opened_for_analysis(db) as (store, analysis):
        ensure_seeded(store)
        rows = site_threats(store, analysis, site=key, as_of=as_of)
    if as_json:
        return _print_json(rows)
    _print_threats(rows, detail=key is not None)


def _print_threats(rows: list[dict[str, Any]], *, detail: bool) -> None:
    if rows:
        first = rows[0]
        Console().print(f"as of {first['as_of']} ({first['as_of_source']}), {first['window_days']}-day window; "
                        f"hostile incidents not counted (no point, only a region or country, no day): {first['skipped']}",
                        highlight=False)
    table_rows = [{
        "site": t["site"]["name"], "level": t["level"], "score": t["score"], "trend": t["trend"],
        "incidents": f"{t['counts']['current']['incidents']} (before: {t['counts']['previous']['incidents']})",
        "nearest": f"{t['incidents'][0]['distance_km']:g} km" if t["incidents"] else None,
        "exposed": ", ".join(p["nation"] for p in t["exposed_nations"]) or None,
    } for t in rows]
    _print_table("Threat at watched sites", table_rows, ("site", "level", "score", "trend", "incidents", "nearest", "exposed"))
    if detail and rows:
        _print_table(f"Incidents near {rows[0]['site']['name']}", [
            {**i, "actors": f"{_actor_label(i['source'])} → {_actor_label(i['target'])}"} for i in rows[0]["incidents"]
        ], ("date", "event_type", "actors", "distance_km", "age_days", "weight"))


# -- briefings ---------------------------------------------------------------------------------


@app.command()
def brief(
    since: str = typer.Option(..., "--since", help="First day of the period (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until: str = typer.Option(..., "--until", help="Last day of the period (YYYY, YYYY-MM or YYYY-MM-DD)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write. Markdown also writes STEM_map.png and STEM_timeline.png beside it."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="html, md or pdf (default: from the file's suffix, else html)."),
    site: Optional[str] = typer.Option(None, "--site", help="Watched site (id or name): only incidents within its radius, its threat card first."),
    db: Optional[str] = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Write a briefing: the period's incidents with their sources, chains, alerts, site threats, a map and a timeline."""
    from flashpoint.brief.gather import gather
    from flashpoint.brief.write import format_for, write_briefing
    from flashpoint.store import Store
    from flashpoint.store.sites import ensure_seeded

    with _failing_cleanly():
        settings = _settings(db)
        chosen = format_for(output, fmt)
        with Store.open(settings.db_url) as store:
            ensure_seeded(store)
            briefing = gather(store, settings.analysis, since, until, site=site)
        written = write_briefing(briefing, output, chosen)
    _console(quiet).print(f"wrote a {chosen} briefing of {len(briefing.key_points)} incident(s): "
                          + ", ".join(str(path) for path in written), highlight=False, soft_wrap=True)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    db: Optional[str] = DbOption,
    token: Optional[str] = typer.Option(None, "--token", envvar="FLASHPOINT_API_TOKEN", help="Bearer token that allows writes (ingest, sites); without one the API is read-only."),
) -> None:
    """Serve the REST API (docs/API.md) and the dashboard over the database."""
    import uvicorn

    from flashpoint.serve import create_app

    with _failing_cleanly():
        web_app = create_app(_settings(db, api_token=token))
    uvicorn.run(web_app, host=host, port=port)


# -- incidents, merge decisions and action-reaction chains ----------------------------------------


@app.command()
def analyse(db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Rebuild incidents (repeat reports merged) and action-reaction chains from the events."""
    from flashpoint.analysis.refresh import refresh

    with _opened_for_analysis(db) as (store, analysis):
        summary = refresh(store, analysis).to_dict()
    if as_json:
        return _print_json(summary)
    Console().print(_analysis_line(summary), highlight=False)


def _analysis_line(summary: dict[str, Any]) -> str:
    return (f"{summary['events']} asserted events -> {summary['incidents']} incidents "
            f"({summary['merged']} reports merged into {summary['multi_report_incidents']} incidents); "
            f"{summary['links']} links ({summary['text_links']} from the text, "
            f"{summary['structure_links']} by structure) in {summary['chains']} chains; "
            f"{summary['decisions']} merge decisions applied; {summary['seconds']:.2f}s")


@app.command()
def incidents(
    incident_id: Optional[str] = typer.Argument(None, help="Show this incident: its reports, why each was merged, its links."),
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    event_type: Optional[str] = TypeOption, actor: Optional[str] = ActorOption,
    country: Optional[str] = CountryOption, limit: Optional[int] = LimitOption,
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Incidents: the reports of one real-world event merged into one, by date."""
    from flashpoint.analysis.incidents import get_incident, list_incidents
    from flashpoint.store import Store

    with _failing_cleanly():
        settings = _settings(db)
        flt = _event_filter(since, until, event_type, actor, country, None, limit)
        with Store.open(settings.db_url) as store:
            found: Any = get_incident(store, incident_id) if incident_id else list_incidents(store, flt)
    if incident_id and found is None:
        from flashpoint.errors import NotFoundError

        raise _fail(NotFoundError(f"no incident {incident_id!r}"))
    if as_json:
        return _print_json(found)
    if incident_id:
        return _print_incident(found)
    _print_table("Incidents", [_incident_row(i) for i in found],
                 ("incident_id", "date", "event_type", "actors", "place", "n_events", "n_docs", "disagree"))


def _incident_row(incident: dict[str, Any]) -> dict[str, Any]:
    place = incident.get("location") or {}
    return {**incident, "actors": f"{_actor_label(incident['source'])} → {_actor_label(incident['target'])}",
            "place": place.get("name"), "disagree": ", ".join(incident["disagreements"]) or None}


def _print_incident(detail: dict[str, Any]) -> None:
    _print_table(f"Incident {detail['incident_id']}", [_incident_row(detail)],
                 ("date", "event_type", "actors", "place", "n_events", "n_docs", "disagree"))
    reports = [{**r, "why": _reason_text(r.get("reason")),
                "actors": f"{_actor_label(r['source'])} → {_actor_label(r['target'])}"} for r in detail["reports"]]
    _print_table("Reports", reports, ("event_id", "date", "trigger", "actors", "why", "sentence"))
    for link in detail["links"]:
        Console().print(f"[bold]{link['kind']}[/] link ({link['score']:.2f}): {escape(link['explanation'])}", highlight=False)


def _reason_text(reason: Optional[dict[str, Any]]) -> str:
    if not reason:
        return "representative"
    tests = "; ".join(f"{k}: {v}" for k, v in (reason.get("tests") or {}).items())
    return f"{reason.get('case')}, {reason.get('score', '')}/{reason.get('threshold', '')}: {tests}"


merges_app = typer.Typer(
    no_args_is_help=True,
    help="Merge decisions: take a report out of its incident (split), put two together (join), undo one. Every rebuild keeps them.",
)


@merges_app.command("list")
def merges_list(db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Merge decisions in force, oldest first."""
    from flashpoint.analysis.decisions import list_decisions

    with _opened_store(db) as store:
        rows = list_decisions(store)
    if as_json:
        return _print_json(rows)
    _print_table("Merge decisions", rows, ("decision_id", "action", "event_a", "event_b", "note", "created_at"))


@merges_app.command("split")
def merges_split(
    event_id: str = typer.Argument(..., help="The report (event id) to take out of its incident."),
    apart_from: Optional[str] = typer.Option(None, "--from", help="Only keep it apart from this report (event id)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why, for the record."),
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Take a report out of its incident (or keep two reports apart), then rebuild."""
    from flashpoint.analysis.decisions import split_event

    _run_decision(lambda store, settings: split_event(store, settings, event_id, note, apart_from=apart_from),
                  db, as_json)


@merges_app.command("join")
def merges_join(
    event_a: str = typer.Argument(..., help="A report (event id)."),
    event_b: str = typer.Argument(..., help="Another report of the same real-world event."),
    note: Optional[str] = typer.Option(None, "--note", help="Why, for the record."),
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Put two reports (and what is merged with them) in one incident, then rebuild."""
    from flashpoint.analysis.decisions import join_events

    _run_decision(lambda store, settings: join_events(store, settings, event_a, event_b, note), db, as_json)


@merges_app.command("undo")
def merges_undo(
    decision_id: str = typer.Argument(..., help="The decision to undo (see `merges list`)."),
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Undo a merge decision, then rebuild as if it had never been taken."""
    from flashpoint.analysis.decisions import undo_decision

    _run_decision(lambda store, settings: undo_decision(store, settings, decision_id), db, as_json)


def _run_decision(action: Any, db: Optional[str], as_json: bool) -> None:
    with _opened_for_analysis(db) as (store, analysis):
        result = action(store, analysis)
    if as_json:
        return _print_json(result)
    decision = result["decision"]
    where = f"; event {decision['event_a']} is now in incident {result['incident_id']}" if result.get("incident_id") else ""
    Console().print(f"{decision['action']} {decision['decision_id']}{where}", highlight=False)
    Console().print(_analysis_line(result["refresh"]), highlight=False)


app.add_typer(merges_app, name="merges")


@app.command()
def chains(
    since: Optional[str] = SinceOption, until: Optional[str] = UntilOption,
    country: Optional[str] = typer.Option(None, "--country", help="Only chains with an incident by or against this country (ISO3), or its proxies."),
    db: Optional[str] = DbOption, as_json: bool = JsonOption,
) -> None:
    """Action-reaction chains: incidents linked to the earlier ones they answer, in date order."""
    from flashpoint.analysis.chains import list_chains

    with _opened_store(db) as store:
        found = list_chains(store, since=since, until=until, country=country)
    if as_json:
        return _print_json(found)
    console = Console()
    for chain in found:
        console.print(f"[bold]chain {chain['chain_id']}[/]: {chain['start']} … {chain['end']}, "
                      f"{len(chain['incidents'])} incidents", highlight=False)
        for incident in chain["incidents"]:
            row = _incident_row(incident)
            console.print(f"  {incident['date'] or 'undated'}  {incident['event_type']}  {escape(row['actors'])}"
                          + (f" at {escape(row['place'])}" if row["place"] else "")
                          + f"  [dim]{incident['incident_id']}[/]", highlight=False)
        for link in chain["links"]:
            gap = "?" if link["gap_days"] is None else link["gap_days"]
            cue = f" “{link['cue']}”" if link["cue"] else ""
            console.print(f"    [cyan]{link['kind']}{escape(cue)}[/], {gap} days, score {link['score']:.2f}: "
                          f"{escape(link['explanation'])}", highlight=False)
    console.print(f"{len(found)} chains", highlight=False)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover - ``python -m flashpoint.cli``
    main()
