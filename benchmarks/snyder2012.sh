#!/usr/bin/env bash
# ML kinetic-energy functional of Snyder et al. (PRL 108, 253002 (2012)): the paper's model, learning
# curves for N = 1..4 (paper representation and von Weizsaecker baseline), self-consistent errors at
# M = 100 and the hyperparameter-search cost, written to benchmarks/results/snyder2012.md with
# benchmarks/results/snyder2012-learning-curves.png. Run from anywhere:
#   bash benchmarks/snyder2012.sh
# Knobs: SNYDER_TEST_COUNT (default 1000 test potentials per N), SNYDER_SC_COUNT (default 1000),
# SNYDER_ACTIVE_N (electron numbers of the active-learning section, default 1,4).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=benchmarks/target/snyder2012-run
mkdir -p "$WORK"
# compile in the reactor and take the module classpath from it (sibling modules as target/classes)
mvn -B -q -Dnofftw -pl benchmarks -am compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/$WORK/classpath.txt" >&2
java --add-modules jdk.incubator.vector -cp "benchmarks/target/classes:$(cat "$WORK/classpath.txt")" \
    org.ofdft.benchmarks.snyder.Snyder2012Benchmark --results benchmarks/results \
    --paper validation-data/snyder2012/paper_potentials.txt \
    --test-count "${SNYDER_TEST_COUNT:-1000}" --sc-count "${SNYDER_SC_COUNT:-1000}" --active-n "${SNYDER_ACTIVE_N:-1,4}" 2> >(grep --line-buffered -v "^WARNING: Using incubator" >&2)
