"""Fuzz the layer importers, the article reader and the project loader with generated hostile files.

    python tests/bench/fuzz_inputs.py            # >= 13,000 cases (two or three minutes)
    python tests/bench/fuzz_inputs.py --cases 500

Prints the cases run per target, the outcomes (read / refused), failures (must be 0) and the time. A failure
is any exception other than the reader's own error, a message that does not name the file, a changed
input file, extracted files left behind, or a read of more than 10 s. The hostile targets (issue 17) must
refuse every case: "disguised" (VRT/GML/entity XML under a layer's extension, alone or zipped), "special"
(FIFOs, links to /dev/zero or /dev/null, folders, dangling links for every reader) and "bomb" (unclosed HTML
tags, sniffer-stalling CSV, self-crossing polygons, zips listing 10^4+ entries, 4,300+ digit integers,
malformed scenes versions). Exit 1 if any case failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ (fuzzing.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository

from fuzzing import HOSTILE, TARGETS, check_file, check_geojson_data, feature_collections, private_tmp
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as seed_


def run_target(name: str, strategy, kind, cases: int, seed: int, failures: list[str]) -> Counter:
    """``kind``: a reader kind for check_file, None for the pipeline, or a check function (hostile targets)."""
    counts: Counter = Counter()
    slowest = [0.0]

    @seed_(seed)
    @settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(case) -> None:
        t0 = time.perf_counter()
        try:
            if callable(kind):
                outcome = kind(case)
            else:
                outcome = check_geojson_data(case) if kind is None else check_file(kind, *case)
            counts[outcome] += 1
        except Exception as exc:  # every failure is recorded; the run goes on
            counts["FAILED"] += 1
            failures.append(f"{name}: {type(exc).__name__}: {exc}\n    case: {case!r:.300}\n"
                            + "".join(traceback.format_exception(exc)[-3:]))
        slowest[0] = max(slowest[0], time.perf_counter() - t0)

    run()
    counts["slowest case (s)"] = round(slowest[0], 2)  # type: ignore[assignment]
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=15_000, help="total generated cases (default 15,000)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a new one each run)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # GDAL's RuntimeWarnings on junk files are expected noise here
    targets = {**TARGETS, "pipeline": (feature_collections, None), **HOSTILE}
    per_target = max(1, args.cases // len(targets))
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "little")
    outcomes: dict[str, Counter] = {}
    failures: list[str] = []
    t0 = time.perf_counter()
    with private_tmp():
        for name, (strategy, kind) in targets.items():
            counts = outcomes[name] = run_target(name, strategy, kind, per_target, seed, failures)
            n = sum(v for k, v in counts.items() if k != "slowest case (s)")
            print(f"{name:9s} {n:6d} cases  {dict(counts)}", flush=True)
    elapsed = time.perf_counter() - t0
    total = sum(sum(v for k, v in c.items() if k != "slowest case (s)") for c in outcomes.values())
    print(f"TOTAL {total} cases, {len(failures)} failures, {elapsed:.1f} s (seed {seed})")
    for f in failures[:10]:
        print("\n" + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
