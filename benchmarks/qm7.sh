#!/usr/bin/env bash
# QM7 structure-property benchmark (issue 9): learning curves of `ofdft learn` for the sorted Coulomb
# matrix, its eigenvalues, bag of bonds and summed SOAP (N = 1000, 2000, 4000, 6000; 1000 random test
# molecules; sigma and lambda by 5-fold CV on each training set), and the KRR grid-search speed against
# scikit-learn at N = 5000 in the same run. Writes benchmarks/results/qm7.md (+ qm7-*.png) and
# benchmarks/results/regression-speed.md. Run from anywhere (about 30 min on 2 cores):
#   bash benchmarks/qm7.sh
# Knobs: QM7_DATA (default ../shared/datasets/qm7/qm7.xyz next to the repository), QM7_SIZES (default
# 1000,2000,4000,6000), QM7_DESCRIPTORS (default "cm-sorted cm-eigen bob soap"), QM7_SPEED_N (5000),
# QM7_SKIP_SPEED=1, QM7_SEED (1).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${QM7_DATA:-$ROOT/../shared/datasets/qm7/qm7.xyz}
SIZES=${QM7_SIZES:-1000,2000,4000,6000}
SEED=${QM7_SEED:-1}
WORK=benchmarks/target/qm7-run
mkdir -p "$WORK/speed"
[[ -f "$DATA" ]] || { echo "qm7.sh: $DATA not found (set QM7_DATA)" >&2; exit 1; }

# scikit-learn from Debian for the speed comparison (skipped when it is already importable)
if [[ -z "${QM7_SKIP_SPEED:-}" ]] && ! /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-sklearn >&2
fi

# compile in the reactor; class paths of the cli and benchmarks modules (sibling modules as target/classes)
mvn -B -q -Dnofftw -pl cli,benchmarks -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >&2
CLI_CP="cli/target/classes:$(cat cli/target/classpath.txt)"
BENCH_CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
JAVA=(java --add-modules jdk.incubator.vector -Xmx8g)

kernel_of() { case "$1" in cm-eigen|soap) echo gaussian ;; *) echo laplacian ;; esac; }
# Rupp et al. 2012 built the Coulomb matrix in atomic units; the eigenvalue spectrum is unit-sensitive
unit_of() { case "$1" in cm-eigen) echo bohr ;; *) echo angstrom ;; esac; }
for descriptor in ${QM7_DESCRIPTORS:-cm-sorted cm-eigen bob soap}; do
    echo "qm7.sh: learning curve $descriptor" >&2
    "${JAVA[@]}" -cp "$CLI_CP" org.ofdft.cli.Main learn --data "$DATA" \
        --property atomization_energy_pbe0_kcal_mol --descriptor "$descriptor" --kernel "$(kernel_of "$descriptor")" \
        --distance-unit "$(unit_of "$descriptor")" \
        --train-sizes "$SIZES" --test 1000 --seed "$SEED" --out "$WORK/$descriptor" \
        2> >(grep -v "^WARNING: Using incubator" >&2)
done

if [[ -z "${QM7_SKIP_SPEED:-}" ]]; then
    echo "qm7.sh: KRR grid-search speed, ours" >&2
    "${JAVA[@]}" -cp "$BENCH_CP" org.ofdft.benchmarks.qm7.KrrGridSpeed "$DATA" "${QM7_SPEED_N:-5000}" 5 "$SEED" \
        "$WORK/speed" 2> >(grep -v "^WARNING: Using incubator" >&2)
    echo "qm7.sh: KRR grid-search speed, scikit-learn" >&2
    /usr/bin/python3 benchmarks/qm7_sklearn.py "$WORK/speed"
fi

/usr/bin/python3 benchmarks/qm7_report.py "$WORK" benchmarks/results "bash benchmarks/qm7.sh"
echo "qm7.sh: wrote benchmarks/results/qm7.md and benchmarks/results/regression-speed.md" >&2
