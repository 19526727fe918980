#!/usr/bin/env bash
# FFT benchmark: native FFTW baseline vs the fftw, java and jtransforms backends (JMH), written up
# in benchmarks/results/fft.md (raw data stay in benchmarks/target/fft-run/). Run from anywhere:
#   bash benchmarks/fft.sh
# Takes about 10 minutes on 2 cores. Numbers are only as quiet as the machine: the report records
# the load average before and after each phase.
#
# Environment knobs (all optional):
#   FFT_SIZES="48,64,96,100,128"  FFT_THREADS="1,2"   sizes n (n³ grids) and thread counts
#   NATIVE_SECONDS=1.5 NATIVE_ROUNDS=2   timed seconds per native round (after 0.5 s warm-up),
#                                 rounds per case (each re-plans with FFTW_MEASURE)
#   FFT_BACKENDS="java,jtransforms,fftw"  backends for JMH
#   JMH_ARGS="..."                extra JMH options, e.g. "-wi 2 -i 3 -r 1"
#   NOFFTW=1                      build with -Dnofftw and benchmark only the pure-Java backends
# Needs root (or sudo) only if gcc or libfftw3-dev must be installed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=${FFT_SIZES:-48,64,96,100,128}
THREADS=${FFT_THREADS:-1,2}
NATIVE_SECONDS=${NATIVE_SECONDS:-1.5}
NATIVE_ROUNDS=${NATIVE_ROUNDS:-2}
BACKENDS=${FFT_BACKENDS:-java,jtransforms,fftw}
WORK=benchmarks/target/fft-run
RESULTS=benchmarks/results
mkdir -p "$WORK" "$RESULTS"

log() { printf '[fft.sh] %s\n' "$*" >&2; }
load() { printf '%s: %s\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$WORK/load.txt"; }

# --- tools -----------------------------------------------------------------------------------
missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
if ! { [ -f /usr/include/fftw3.h ] && ls /usr/lib/*/libfftw3_threads.so >/dev/null 2>&1; }; then
    missing+=(libfftw3-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
        SUDO="sudo"
    fi
    log "installing ${missing[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
command -v mvn >/dev/null 2>&1 || { log "mvn not found"; exit 1; }
command -v java >/dev/null 2>&1 || { log "java not found"; exit 1; }

# --- Java build ------------------------------------------------------------------------------
MVN_FLAGS=(-B -q -DskipTests)
if [ "${NOFFTW:-}" = "1" ]; then
    MVN_FLAGS+=(-Dnofftw)
    BACKENDS=$(printf '%s' "$BACKENDS" | tr ',' '\n' | grep -vx fftw | paste -sd, -)
fi
log "building benchmarks jar: mvn ${MVN_FLAGS[*]} package -pl benchmarks -am"
mvn "${MVN_FLAGS[@]}" package -pl benchmarks -am
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { log "missing $JAR"; exit 1; }

# --- native baseline -------------------------------------------------------------------------
NATIVE_BUILD="gcc -O3 -march=native fft_native.c -lfftw3_threads -lfftw3 -lm -lpthread"
log "building native baseline: $NATIVE_BUILD"
gcc -O3 -march=native -o "$WORK/fft_native" benchmarks/native/fft_native.c \
    -lfftw3_threads -lfftw3 -lm -lpthread
rm -f "$WORK/load.txt"
log "running native baseline (sizes $SIZES, threads $THREADS, $NATIVE_ROUNDS rounds)"
load "before native"
"$WORK/fft_native" -s "$SIZES" -t "$THREADS" -m "$NATIVE_SECONDS" -w 0.5 -r "$NATIVE_ROUNDS" \
    > "$WORK/native.txt.tmp"
mv "$WORK/native.txt.tmp" "$WORK/native.txt"
cat "$WORK/native.txt" >&2

# --- JMH -------------------------------------------------------------------------------------
load "after native, before JMH"
log "running JMH FftBenchmark (backends $BACKENDS)"
rm -f "$WORK/jmh.json.tmp"
# shellcheck disable=SC2086
java -jar "$JAR" FftBenchmark -p backend="$BACKENDS" -p n="$SIZES" -p threads="$THREADS" \
    ${JMH_ARGS:-} -rf json -rff "$WORK/jmh.json.tmp"
mv "$WORK/jmh.json.tmp" "$WORK/jmh.json"
load "after JMH"

# --- report ----------------------------------------------------------------------------------
COMMAND="bash benchmarks/fft.sh"
[ "$SIZES" != "48,64,96,100,128" ] && COMMAND="FFT_SIZES=$SIZES $COMMAND"
[ "$THREADS" != "1,2" ] && COMMAND="FFT_THREADS=$THREADS $COMMAND"
[ "$NATIVE_SECONDS" != "1.5" ] && COMMAND="NATIVE_SECONDS=$NATIVE_SECONDS $COMMAND"
[ "$NATIVE_ROUNDS" != "2" ] && COMMAND="NATIVE_ROUNDS=$NATIVE_ROUNDS $COMMAND"
[ -n "${JMH_ARGS:-}" ] && COMMAND="JMH_ARGS=\"$JMH_ARGS\" $COMMAND"
[ "${NOFFTW:-}" = "1" ] && COMMAND="NOFFTW=1 $COMMAND"
[ "$BACKENDS" != "java,jtransforms,fftw" ] && [ "${NOFFTW:-}" != "1" ] && COMMAND="FFT_BACKENDS=$BACKENDS $COMMAND"
java --add-modules jdk.incubator.vector -cp "$JAR" org.ofdft.benchmarks.FftReport \
    --jmh "$WORK/jmh.json" --native "$WORK/native.txt" --load "$WORK/load.txt" \
    --out "$RESULTS/fft.md" --command "$COMMAND" --native-build "$NATIVE_BUILD"
log "done: $RESULTS/fft.md (raw data: $WORK/jmh.json, $WORK/native.txt)"
