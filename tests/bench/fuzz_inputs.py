"""Fuzz the layer importers, the article reader and the project loader with generated hostile files.

    python tests/bench/fuzz_inputs.py            # >= 10,000 cases (about a minute or two)
    python tests/bench/fuzz_inputs.py --cases 500

Prints the cases run per target, the outcomes (read / refused), failures (must be 0) and the time. A failure
is any exception other than the reader's own error, a message that does not name the file, a changed
input file or extracted files left behind. Exit 1 if any case failed.
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

from fuzzing import TARGETS, check_file, check_geojson_data, feature_collections, private_tmp
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as seed_


def run_target(name: str, strategy, kind: str | None, cases: int, seed: int, failures: list[str]) -> Counter:
    counts: Counter = Counter()

    @seed_(seed)
    @settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(case) -> None:
        try:
            counts[check_geojson_data(case) if kind is None else check_file(kind, *case)] += 1
        except Exception as exc:  # every failure is recorded; the run goes on
            counts["FAILED"] += 1
            failures.append(f"{name}: {type(exc).__name__}: {exc}\n    case: {case!r:.300}\n"
                            + "".join(traceback.format_exception(exc)[-3:]))

    run()
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_500, help="total generated cases (default 10,500)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a new one each run)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # GDAL's RuntimeWarnings on junk files are expected noise here
    targets = {**{k: v for k, v in TARGETS.items()}, "pipeline": (feature_collections, None)}
    per_target = max(1, args.cases // len(targets))
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "little")
    outcomes: dict[str, Counter] = {}
    failures: list[str] = []
    t0 = time.perf_counter()
    with private_tmp():
        for name, (strategy, kind) in targets.items():
            counts = outcomes[name] = run_target(name, strategy, kind, per_target, seed, failures)
            print(f"{name:9s} {sum(counts.values()):6d} cases  {dict(counts)}", flush=True)
    elapsed = time.perf_counter() - t0
    total = sum(sum(c.values()) for c in outcomes.values())
    print(f"TOTAL {total} cases, {len(failures)} failures, {elapsed:.1f} s (seed {seed})")
    for f in failures[:10]:
        print("\n" + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
