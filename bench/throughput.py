#!/usr/bin/env python3
"""End-to-end ingest throughput against bare spaCy ``nlp.pipe`` on the same texts, same run.

Each measurement runs in its own subprocess, so peak resident memory (``ru_maxrss``) belongs to
that measurement alone and the model load is timed apart from the work:

- ``e2e``: ``run_ingest`` of the corpus into a fresh SQLite file (read, clean, dedup, parse,
  code, store), model already loaded (the job loads it once; load time is reported separately);
- ``bare``: ``nlp.pipe`` over exactly the texts the pipeline parsed (the canonical cleaned
  texts), same batch size and processes, nothing else.

The ratio ``e2e / bare`` is what matters: the machines are noisy and absolute times vary from
run to run, so both are measured alternately, ``--repeat`` times, and medians are compared.

    .venv/bin/python bench/throughput.py [--corpus DIR ...] [--repeat 3] [--copies 4] [--json]

``--copies N`` multiplies the corpus into N variants that differ in every sentence's numbers and
names (so deduplication does not collapse them) to give the timer more work.
"""

from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--mode", choices=("e2e", "bare"), help=argparse.SUPPRESS)
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
    runs: dict[str, list[dict]] = {"e2e": [], "bare": []}
    for i in range(args.repeat):
        work = tmp / f"run{i}"
        work.mkdir()
        for mode in ("e2e", "bare"):
            runs[mode].append(_run_child(mode, corpus, work, args))
    return runs


def _run_child(mode: str, corpus: Path, work: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--mode", mode, "--work", str(work), "--corpus", str(corpus),
           "--batch-size", str(args.batch_size), "--n-process", str(args.n_process)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(REPO / "src"))
    from flashpoint.nlp import load_nlp
    from flashpoint.settings import Settings

    settings = Settings(db=str(args.work / "bench.db"), batch_size=args.batch_size, n_process=args.n_process)
    t0 = time.perf_counter()
    nlp = load_nlp(settings)
    load_s = time.perf_counter() - t0
    result = _e2e(args, settings) if args.mode == "e2e" else _bare(args, settings, nlp)
    result["model_load_s"] = load_s
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _e2e(args: argparse.Namespace, settings: "object") -> dict:
    from flashpoint.pipeline import run_ingest
    from flashpoint.events import load_coder

    load_coder(settings)  # data files loaded before the clock starts, like the model
    t0 = time.perf_counter()
    summary = run_ingest([str(args.corpus[0])], settings)
    seconds = time.perf_counter() - t0
    texts = _canonical_texts(settings)
    (args.work / "texts.json").write_text(json.dumps(texts))
    return {"seconds": seconds, "documents": summary.new_documents, "parsed_documents": len(texts),
            "tokens": summary.tokens, "events": summary.events, "rejected": summary.rejected}


def _canonical_texts(settings: "object") -> list[str]:
    from flashpoint.store import Store
    from flashpoint.store.queries import get_document, list_documents

    with Store.open(settings.db_url) as store:  # type: ignore[attr-defined]
        return [get_document(store, d["doc_id"])["text"] for d in list_documents(store) if d["is_canonical"]]


def _bare(args: argparse.Namespace, settings: "object", nlp: "object") -> dict:
    texts = json.loads((args.work / "texts.json").read_text())
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))  # type: ignore[attr-defined]
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "documents": len(texts), "parsed_documents": len(texts), "tokens": tokens}


def _report(runs: dict, as_json: bool) -> None:
    e2e_s = statistics.median(r["seconds"] for r in runs["e2e"])
    bare_s = statistics.median(r["seconds"] for r in runs["bare"])
    first = runs["e2e"][0]
    summary = {
        "documents_stored": first["documents"],
        "documents_parsed": first["parsed_documents"],
        "tokens": first["tokens"],
        "events": first["events"],
        "e2e_seconds_median": round(e2e_s, 3),
        "bare_spacy_seconds_median": round(bare_s, 3),
        "e2e_docs_per_s": round(first["documents"] / e2e_s, 2),
        "e2e_tokens_per_s": round(first["tokens"] / e2e_s, 1),
        "bare_tokens_per_s": round(runs["bare"][0]["tokens"] / bare_s, 1),
        "ratio_e2e_over_bare": round(e2e_s / bare_s, 3),
        "model_load_s_median": round(statistics.median(r["model_load_s"] for r in runs["e2e"]), 3),
        "peak_rss_mb_e2e": round(max(r["peak_rss_mb"] for r in runs["e2e"]), 1),
        "peak_rss_mb_bare": round(max(r["peak_rss_mb"] for r in runs["bare"]), 1),
        "repeats": len(runs["e2e"]),
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
