#!/usr/bin/env bash
# Orbital-free end-to-end benchmark against DFTpy: the 256- and 864-atom fcc Al WT/LDA/BLPS cases of
# ../shared/validation/dftpy (r21_cubic4_WT_ec22, r20_cubic4_WT_ec40, r22_cubic6_WT_ec22), run with
# `ofdft scf --threads 1` and `--threads 2`, with the default pure-Java FFT backend and with the optional
# FFTW one, written up in benchmarks/results/ofdft.md (raw outputs in benchmarks/target/ofdft-run/).
# Run from anywhere:
#   bash benchmarks/ofdft.sh
# Takes about 4 minutes on 2 cores.
#
# Environment knobs (all optional):
#   OFDFT_CASES="r21_cubic4_WT_ec22 r20_cubic4_WT_ec40 r22_cubic6_WT_ec22"   cases to run
#   OFDFT_THREADS="1 2"          thread counts
#   OFDFT_BACKENDS="java fftw"   FFT backends (`--fft`); fftw is dropped when the build has no FFTW backend
#   SKIP_2T_LARGEST=1            no 2-thread run of r22_cubic6_WT_ec22 (to save time)
#   NO_JFR=1                     skip the JFR profile of the largest case
#   NO_ABLATION=1                skip the runs of the largest case without the preconditioner
#   DFTPY_DIR=../shared/validation/dftpy (default, beside the repository)   where the DFTpy scripts and logs are
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The report generator is a Python 3 script (standard library only).
if ! command -v python3 >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends python3
fi
cd "$ROOT"
WORK=benchmarks/target/ofdft-run
RESULTS=benchmarks/results
DFTPY_DIR=${DFTPY_DIR:-$ROOT/../shared/validation/dftpy}
CASES=${OFDFT_CASES:-"r21_cubic4_WT_ec22 r20_cubic4_WT_ec40 r22_cubic6_WT_ec22"}
THREADS=${OFDFT_THREADS:-"1 2"}
BACKENDS=${OFDFT_BACKENDS:-"java fftw"}
mkdir -p "$WORK" "$RESULTS"
: > "$WORK/load.txt"

log() { printf '[ofdft.sh] %s\n' "$*" >&2; }
load() { printf '%s: %s\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$WORK/load.txt"; }

# case -> "REP NGRID"  (grids are DFTpy's ecut2nr choices, read off the DFTpy logs)
declare -A REP=( [r21_cubic4_WT_ec22]=4 [r20_cubic4_WT_ec40]=4 [r22_cubic6_WT_ec22]=6 )
declare -A NG=(  [r21_cubic4_WT_ec22]=64 [r20_cubic4_WT_ec40]=88 [r22_cubic6_WT_ec22]=98 )

# --- build (the launcher builds cli/target/ofdft.jar when missing or stale) -------------------------
load "start"
log "building (if needed)"
./ofdft --version >/dev/null
CP="cli/target/ofdft.jar:cli/target/lib/*"

# --- FFT forward+inverse pair at each grid, same backend (java) and thread counts ------------------
if [[ " $BACKENDS " == *" fftw "* ]] && ! ./ofdft info 2>/dev/null | grep -q '^  fftw .*available'; then
    log "the build has no FFTW backend (built with -Dnofftw?): benchmarking java only"
    BACKENDS=$(printf '%s\n' $BACKENDS | grep -vx fftw | tr '\n' ' ')
fi
GRIDS=$(for c in $CASES; do echo "${NG[$c]}"; done | sort -un | tr '\n' ' ')
: > "$WORK/fft_pair.txt"
for b in $BACKENDS; do
    for t in $THREADS; do
        log "FFT pair timing, backend=$b threads=$t, grids: $GRIDS"
        java --add-modules jdk.incubator.vector -cp "$CP" benchmarks/ofdft/FftPair.java "$b" "$t" $GRIDS \
            2>/dev/null | sed "s/^/$b /" >> "$WORK/fft_pair.txt"
    done
done
load "after FFT pairs"

# --- inputs and runs --------------------------------------------------------------------------------
: > "$WORK/runs.txt"
for c in $CASES; do
    rep=${REP[$c]}; ng=${NG[$c]}
    atoms=$((4 * rep * rep * rep))
    etol=$(python3 -c "print(repr(1e-9 * $atoms))")
    cat > "$WORK/$c.toml" <<TOML
# $c: DFTpy's inputs ($DFTPY_DIR/$c.py): fcc Al, conventional 4-atom cell a = 4.05 A repeated
# ${rep}x${rep}x${rep} ($atoms atoms), WT kinetic (TF + vW + WT), LDA (PZ81), BLPS al.lda.recpot, ${ng}^3 grid,
# truncated-Newton optimizer. DFTpy econv = 1e-9 Ha x atoms on the energy change; the residual
# tolerance is deliberately loose (1.0) so that the energy criterion alone decides.
[calculation]
title = "$c"
dimension = 3
method = "orbital_free"

[structure]
poscar = "$ROOT/examples/data/al_fcc_conventional.vasp"
pseudopotentials = { Al = "$ROOT/examples/data/al.lda.recpot" }
supercell = [$rep, $rep, $rep]

[grid]
shape = [$ng, $ng, $ng]

[functionals]
kinetic = "wt"
xc = "lda"

[solver]
optimizer = "tn"
energy_tolerance = $etol
residual_tolerance = 1.0
TOML
    for b in $BACKENDS; do
    for t in $THREADS; do
        if [[ "$t" != 1 && "$c" == r22_cubic6_WT_ec22 && -n "${SKIP_2T_LARGEST:-}" ]]; then
            log "skipping $c threads=$t (SKIP_2T_LARGEST)"; continue
        fi
        run="$c.$b.t$t"
        out="$WORK/$run.out"
        rm -rf "$out"
        load "before $run"
        log "running $c backend=$b threads=$t"
        start=$(date +%s.%N)
        rc=0
        ./ofdft scf "$WORK/$c.toml" --out "$out" --threads "$t" --fft "$b" --no-plots \
            > "$WORK/$run.stdout" 2> "$WORK/$run.stderr" || rc=$?
        end=$(date +%s.%N)
        echo "$c $b $t $rc $(python3 -c "print(f'{$end - $start:.3f}')")" >> "$WORK/runs.txt"
        [[ $rc -eq 0 ]] || log "$run exited with $rc (see $WORK/$run.stderr)"
    done
    done
done
load "after runs"

# --- the largest case without the preconditioner (DFTpy's TN has none), 1 thread per backend ---------
LARGEST=$(for c in $CASES; do echo "$c"; done | tail -1)
: > "$WORK/noprec.txt"
if [[ -z "${NO_ABLATION:-}" ]]; then
    sed 's/^residual_tolerance = 1.0$/residual_tolerance = 1.0\npreconditioner = "none"/' "$WORK/$LARGEST.toml" \
        > "$WORK/$LARGEST.noprec.toml"
    for b in $BACKENDS; do
        run="$LARGEST.$b.t1.noprec"
        rm -rf "$WORK/$run.out"
        log "running $LARGEST backend=$b threads=1 without the preconditioner"
        start=$(date +%s.%N)
        rc=0
        ./ofdft scf "$WORK/$LARGEST.noprec.toml" --out "$WORK/$run.out" --threads 1 --fft "$b" --no-plots \
            > "$WORK/$run.stdout" 2> "$WORK/$run.stderr" || rc=$?
        end=$(date +%s.%N)
        echo "$LARGEST $b 1 $rc $(python3 -c "print(f'{$end - $start:.3f}')")" >> "$WORK/noprec.txt"
    done
fi

# --- JFR profile of the largest case, 1 thread --------------------------------------------------------
if [[ -z "${NO_JFR:-}" ]]; then
    log "JFR profile of $LARGEST (threads=1)"
    rm -rf "$WORK/$LARGEST.jfr.out" "$WORK/$LARGEST.jfr"
    OFDFT_JAVA_OPTS="-XX:StartFlightRecording=filename=$ROOT/$WORK/$LARGEST.jfr,settings=profile" \
        ./ofdft scf "$WORK/$LARGEST.toml" --out "$WORK/$LARGEST.jfr.out" --threads 1 --no-plots \
        > /dev/null 2> "$WORK/$LARGEST.jfr.stderr" || true
    jfr print --events jdk.ExecutionSample "$WORK/$LARGEST.jfr" > "$WORK/$LARGEST.samples.txt" || true
fi
load "end"

# --- report -------------------------------------------------------------------------------------------
python3 benchmarks/ofdft/report.py "$ROOT" "$WORK" "$DFTPY_DIR" "$LARGEST" "$CASES" "$THREADS" "$BACKENDS" \
    > "$RESULTS/ofdft.md.tmp"
mv "$RESULTS/ofdft.md.tmp" "$RESULTS/ofdft.md"
log "wrote $RESULTS/ofdft.md"
