#!/usr/bin/env python3
"""End-to-end ingest throughput against bare spaCy ``nlp.pipe`` on the same texts, same run.

Each measurement runs in its own subprocess, so peak resident memory (``ru_maxrss``) belongs to
that measurement alone and the model load is timed apart from the work:

- ``e2e``: ``run_ingest`` of the corpus into a fresh SQLite file (read, clean, dedup, parse,
  code, store, and the analysis refresh that follows a run that stored documents), with the
  default settings (``Settings.selective_parse`` as shipped). What the job loads once per
  process is loaded before the clock starts and reported apart (``load_s``): the model, the
  coder's and the gazetteer's data files (the gazetteer from its cache file when there is one),
  trafilatura's stop-word lists, and whatever the stages load on first use, by ingesting one
  short made-up article (text and HTML) into a throwaway database. The refresh's own time is
  reported too (``analysis_s``), and the ratio without it;
- ``e2e_full``: the same with ``selective_parse=False`` (every sentence parsed), so what
  selective parsing gains or costs is measured in the same run;
- ``bare``: ``nlp.pipe`` of the model as ``spacy.load`` gives it (every enabled component, none
  of flashpoint's additions) over exactly the texts the pipeline parsed (the canonical cleaned
  texts, written by the first e2e run), same batch size and processes, model loaded before the
  clock starts, nothing else.

Peak memory is the larger of the measuring process's and its children's (``n_process > 1``).
CPU seconds (user + system, the process and its children) are reported beside wall-clock
seconds: on a shared, loaded machine they are the steadier measure of the work done.

The ratio ``e2e / bare`` is what matters: the machines are noisy and absolute times vary from
run to run, so the modes are measured alternately, ``--repeat`` times, and medians are compared.

    .venv/bin/python bench/throughput.py [--corpus DIR ...] [--repeat 3] [--copies 4] [--json]

``--copies N`` multiplies the corpus into N variants that differ in every sentence's numbers and
names (so deduplication does not collapse them) to give the timer more work.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODES = ("e2e", "e2e_full", "bare")
DEFAULT_CORPORA = [REPO / "examples" / "corpus", REPO.parent / "shared" / "seeds"]


def main() -> None:
    args = _parse_args()
    if args.mode:
        _child(args)
        return
    with tempfile.TemporaryDirectory(prefix="fp-bench-") as tmp:
        corpus = _build_corpus(Path(tmp) / "corpus", args.corpus, args.copies)
        results = _measure(corpus, Path(tmp), args)
    _report(results, args.json)


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def _build_corpus(root: Path, sources: list[Path], copies: int) -> Path:
    """Copies of the corpora; copy k > 0 has its digits and capitalised words perturbed."""
    for k in range(copies):
        for source in sources:
            if not source.is_dir():
                continue
            target = root / f"copy{k}" / source.name
            shutil.copytree(source, target)
            if k:
                for path in target.rglob("*"):
                    if path.is_file():
                        path.write_text(_perturb(path.read_text(encoding="utf-8"), k), encoding="utf-8")
    return root


def _perturb(text: str, k: int) -> str:
    """A different but equally long text, so near-duplicate detection keeps it."""
    words = re.split(r"(\W+)", text)
    return "".join(w[::-1] if i % (k + 2) == 0 and w.isalpha() and len(w) > 3 else w for i, w in enumerate(words))


def _measure(corpus: Path, tmp: Path, args: argparse.Namespace) -> dict:
    runs: dict[str, list[dict]] = {mode: [] for mode in MODES}
    for i in range(args.repeat):
        work = tmp / f"run{i}"
        work.mkdir()
        for mode in MODES:
            runs[mode].append(_run_child(mode, corpus, work, args))
    return runs


def _run_child(mode: str, corpus: Path, work: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--mode", mode, "--work", str(work), "--corpus", str(corpus),
           "--batch-size", str(args.batch_size), "--n-process", str(args.n_process)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(REPO / "src"))
    import spacy

    from flashpoint.nlp import load_nlp
    from flashpoint.settings import Settings

    db = args.work / f"{args.mode}.db"
    settings = Settings(db=str(db), batch_size=args.batch_size, n_process=args.n_process)
    if args.mode == "e2e_full":
        settings = settings.with_(selective_parse=False)
    t0 = time.perf_counter()
    nlp = spacy.load(settings.spacy_model) if args.mode == "bare" else load_nlp(settings)
    load_s = time.perf_counter() - t0
    if args.mode != "bare":
        load_s += _warm_up(settings, args.work)
    result = _bare(args, settings, nlp) if args.mode == "bare" else _e2e(args, settings, nlp)
    result["load_s"] = load_s
    result["load_average"] = os.getloadavg()[0]  # how busy the machine was (other jobs)
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    result["peak_rss_mb"] = peak / 1024
    print(json.dumps(result))


def _default_selective() -> bool:
    sys.path.insert(0, str(REPO / "src"))
    from flashpoint.settings import Settings

    return Settings().selective_parse


def _cpu_seconds() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


#: The made-up article of the warm-up ingest (not in any corpus).
WARM_UP_TEXT = (
    "Officials said on Monday that rebels attacked an army post near the town of Kessab, "
    "killing three soldiers.\n\nThe government condemned the attack and vowed to respond."
)


def _warm_up(settings: "object", work: Path) -> float:
    """Seconds to load what an ingest loads once per process, besides the model: data files,
    modules, compiled patterns; the last by ingesting one short made-up article."""
    import importlib

    from flashpoint.clean.html import preload
    from flashpoint.events import load_coder
    from flashpoint.geo import load_gazetteer
    from flashpoint.pipeline import run_ingest

    t0 = time.perf_counter()
    for module in ("datasketch", "flashpoint.store", "flashpoint.ingest", "flashpoint.clean.dedup",
                   "flashpoint.analysis.refresh"):
        importlib.import_module(module)
    load_coder(settings)  # type: ignore[arg-type]
    load_gazetteer(settings)  # type: ignore[arg-type]
    preload()
    sample = work / f"warm-up-{os.getpid()}"
    sample.mkdir()
    (sample / "a.txt").write_text(WARM_UP_TEXT, encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in WARM_UP_TEXT.split("\n\n"))
    (sample / "b.html").write_text(f"<html><body><article>{paragraphs}</article></body></html>",
                                   encoding="utf-8")
    run_ingest([str(sample)], settings.with_(db=str(sample / "warm-up.db")))  # type: ignore[attr-defined]
    shutil.rmtree(sample)
    return time.perf_counter() - t0


def _e2e(args: argparse.Namespace, settings: "object", nlp: "object") -> dict:
    from flashpoint.nlp.pipeline import selective_pipeline
    from flashpoint.pipeline import run_ingest

    if settings.selective_parse:  # type: ignore[attr-defined]
        selective_pipeline(nlp, None)  # type: ignore[arg-type]
    c0, t0 = _cpu_seconds(), time.perf_counter()
    summary = run_ingest([str(args.corpus[0])], settings)  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    texts = args.work / "texts.json"
    if not texts.exists():
        texts.write_text(json.dumps(_canonical_texts(settings)))
    return {"seconds": seconds, "cpu_seconds": cpu, "documents": summary.new_documents,
            "parsed_documents": summary.new_documents - summary.new_duplicates,
            "tokens": summary.tokens, "events": summary.events, "rejected": summary.rejected,
            "analysis_s": (summary.analysis or {}).get("seconds", 0.0)}


def _canonical_texts(settings: "object") -> list[str]:
    from flashpoint.store import Store
    from flashpoint.store.queries import get_document, list_documents

    with Store.open(settings.db_url) as store:  # type: ignore[attr-defined]
        return [get_document(store, d["doc_id"])["text"] for d in list_documents(store) if d["is_canonical"]]


def _bare(args: argparse.Namespace, settings: "object", nlp: "object") -> dict:
    texts = json.loads((args.work / "texts.json").read_text())
    c0, t0 = _cpu_seconds(), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))  # type: ignore[attr-defined]
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    return {"seconds": seconds, "cpu_seconds": cpu, "documents": len(texts), "parsed_documents": len(texts), "tokens": tokens}


def _report(runs: dict, as_json: bool) -> None:
    median = {mode: statistics.median(r["seconds"] for r in runs[mode]) for mode in MODES}
    cpu = {mode: statistics.median(r["cpu_seconds"] for r in runs[mode]) for mode in MODES}
    analysis = statistics.median(r["analysis_s"] for r in runs["e2e"])
    first = runs["e2e"][0]
    bare_tokens = runs["bare"][0]["tokens"]
    summary = {
        "documents_stored": first["documents"],
        "documents_parsed": first["parsed_documents"],
        "tokens": first["tokens"],
        "events": first["events"],
        "events_full_parse": runs["e2e_full"][0]["events"],
        "selective_parse_default": _default_selective(),
        "e2e_seconds_median": round(median["e2e"], 3),
        "e2e_full_seconds_median": round(median["e2e_full"], 3),
        "bare_spacy_seconds_median": round(median["bare"], 3),
        "e2e_docs_per_s": round(first["documents"] / median["e2e"], 2),
        "e2e_tokens_per_s": round(first["tokens"] / median["e2e"], 1),
        "e2e_full_tokens_per_s": round(first["tokens"] / median["e2e_full"], 1),
        "bare_docs_per_s": round(runs["bare"][0]["documents"] / median["bare"], 2),
        "bare_tokens_per_s": round(bare_tokens / median["bare"], 1),
        "ratio_e2e_over_bare": round(median["e2e"] / median["bare"], 3),
        "ratio_e2e_full_over_bare": round(median["e2e_full"] / median["bare"], 3),
        "cpu_ratio_e2e_over_bare": round(cpu["e2e"] / cpu["bare"], 3),
        "cpu_ratio_e2e_full_over_bare": round(cpu["e2e_full"] / cpu["bare"], 3),
        "e2e_analysis_s_median": round(analysis, 3),
        "ratio_e2e_without_analysis_over_bare": round((median["e2e"] - analysis) / median["bare"], 3),
        "load_s_median_e2e": round(statistics.median(r["load_s"] for r in runs["e2e"]), 3),
        "load_s_median_bare": round(statistics.median(r["load_s"] for r in runs["bare"]), 3),
        "peak_rss_mb_e2e": round(max(r["peak_rss_mb"] for r in runs["e2e"]), 1),
        "peak_rss_mb_e2e_full": round(max(r["peak_rss_mb"] for r in runs["e2e_full"]), 1),
        "peak_rss_mb_bare": round(max(r["peak_rss_mb"] for r in runs["bare"]), 1),
        "repeats": len(runs["e2e"]),
        "load_average_1min": [round(r["load_average"], 2) for mode in MODES for r in runs[mode]],
        "runs": runs,
    }
    if as_json:
        print(json.dumps(summary, indent=2))
        return
    for key, value in summary.items():
        if key != "runs":
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
