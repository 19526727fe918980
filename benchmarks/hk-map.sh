#!/usr/bin/env bash
# Learned Hohenberg-Kohn map (Brockherde et al., Nat. Commun. 8, 872 (2017)). 1D on the Snyder box:
# N = 1..4, M = 20, 50, 100, 200, sine-basis and grid densities, next to the direct ML kinetic functional.
# 3D: rattled 32-atom Al with orbital-free references (M = 25..200) and rattled 4-atom Al with Kohn-Sham
# references (M = 25..100). Written to benchmarks/results/hk-map.md with PNGs; about 8 min on 2 cores.
# Run from anywhere:
#   bash benchmarks/hk-map.sh
# Knobs: HK_TEST_COUNT (default 1000 test potentials per N), HK_SC_COUNT (default 200 self-consistent).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=benchmarks/target/hk-map-run
mkdir -p "$WORK"
# compile in the reactor and take the module classpath from it (sibling modules as target/classes)
mvn -B -q -Dnofftw -pl benchmarks -am compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/$WORK/classpath.txt" >&2
java --add-modules jdk.incubator.vector -cp "benchmarks/target/classes:$(cat "$WORK/classpath.txt")" \
    org.ofdft.benchmarks.snyder.HkMapBenchmark --results benchmarks/results \
    --test-count "${HK_TEST_COUNT:-1000}" --sc-count "${HK_SC_COUNT:-200}" 2> >(grep --line-buffered -v "^WARNING: Using incubator" >&2)
