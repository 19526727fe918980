#!/usr/bin/env bash
# Neural-network XC functionals (issue 8): trains energy- and potential-based networks on exact two-electron
# references and on the DMRG H2 data, runs self-consistent Kohn-Sham with them against exact results and the
# 1D LDA, and writes benchmarks/results/nn-xc.md, nn-xc-h2.png, nn-xc-h2-errors.png and the model files in
# benchmarks/results/nn-xc-models/. Run from anywhere:
#   bash benchmarks/nn-xc.sh
# Knobs: NNXC_TRAIN (40), NNXC_VALIDATION (15), NNXC_TEST (25) two-electron potentials; NNXC_STEPS (800), NNXC_H2_STEPS (1500) L-BFGS
# steps; NNXC_WINDOW (8) window half-width; NNXC_HIDDEN (32,32); NNXC_PARTS (wells,h2,gga3d);
# NNXC_H2 (../shared/datasets/dft1d/molecules/h2 relative to the repository root).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=benchmarks/target/nn-xc-run
mkdir -p "$WORK"
mvn -B -q -Dnofftw -pl benchmarks -am compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/$WORK/classpath.txt" >&2
# ND4J's OpenMP threads spin while waiting; one thread is fastest for these small networks on a shared machine
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
java --add-modules jdk.incubator.vector -cp "benchmarks/target/classes:$(cat "$WORK/classpath.txt")" \
    org.ofdft.benchmarks.nnxc.NnXcBenchmark --results benchmarks/results \
    --h2 "${NNXC_H2:-$ROOT/../shared/datasets/dft1d/molecules/h2}" \
    --train "${NNXC_TRAIN:-40}" --validation "${NNXC_VALIDATION:-15}" --test "${NNXC_TEST:-25}" \
    --steps "${NNXC_STEPS:-800}" --h2-steps "${NNXC_H2_STEPS:-1500}" --window "${NNXC_WINDOW:-8}" --hidden "${NNXC_HIDDEN:-32,32}" \
    --parts "${NNXC_PARTS:-wells,h2,gga3d}" \
    2> >(grep -v "^WARNING: Using incubator\|^Added differentiated op\|^SLF4J" >&2) \
    | { grep -v "^Added differentiated op" || true; }  # grep exits 1 when it filters every line
