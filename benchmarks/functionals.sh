#!/usr/bin/env bash
# Functional-evaluation benchmark: the cost of one energy+potential evaluation of TF, vW, the Wang-Teter
# nonlocal term, TF+vW+WT and PBE exchange-correlation, in units of one forward+inverse FFT pair measured
# in the same JMH run (JMH with the GC profiler for bytes allocated per evaluation), plus a short JFR
# profile of where the time goes; written up in benchmarks/results/functionals.md (raw data stay in
# benchmarks/target/functionals-run/). Run from anywhere:
#   bash benchmarks/functionals.sh
# Takes about 7 minutes on 2 cores (about 4 with FUNCTIONAL_BACKENDS=java). Numbers are only as quiet as
# the machine: the report records the load average before and after each phase.
#
# Environment knobs (all optional):
#   FUNCTIONAL_SIZES="64,96"  FUNCTIONAL_THREADS="1,2"   sizes n (n³ grids, multiples of 32), FFT threads
#   FUNCTIONAL_BACKENDS="java,fftw"  FFT backends for JMH (fftw is dropped with NOFFTW=1)
#   FUNCTIONAL_TERMS="fft_pair,thomas_fermi,von_weizsacker,wang_teter,tf_vw_wt,pbe"
#   JMH_ARGS="..."        extra JMH options, e.g. "-wi 3 -i 6"
#   PROFILE_SECONDS=3     seconds of JFR sampling per term (on the first size, 1 thread, java); 0 skips it
#   NOFFTW=1              build with -Dnofftw and benchmark only the java backend
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=${FUNCTIONAL_SIZES:-64,96}
THREADS=${FUNCTIONAL_THREADS:-1,2}
BACKENDS=${FUNCTIONAL_BACKENDS:-java,fftw}
TERMS=${FUNCTIONAL_TERMS:-fft_pair,thomas_fermi,von_weizsacker,wang_teter,tf_vw_wt,pbe}
PROFILE_SECONDS=${PROFILE_SECONDS:-3}
WORK=benchmarks/target/functionals-run
RESULTS=benchmarks/results
mkdir -p "$WORK" "$RESULTS"

log() { printf '[functionals.sh] %s\n' "$*" >&2; }
load() { printf '%s: %s\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$WORK/load.txt"; }

command -v mvn >/dev/null 2>&1 || { log "mvn not found"; exit 1; }
command -v java >/dev/null 2>&1 || { log "java not found"; exit 1; }
case ",$TERMS," in
    *,fft_pair,*) ;;
    *) log "FUNCTIONAL_TERMS must include fft_pair (the unit of cost)"; exit 1 ;;
esac

# --- Java build ------------------------------------------------------------------------------
MVN_FLAGS=(-B -q -DskipTests)
if [ "${NOFFTW:-}" = "1" ]; then
    MVN_FLAGS+=(-Dnofftw)
    BACKENDS=$(printf '%s' "$BACKENDS" | tr ',' '\n' | grep -vx fftw | paste -sd, -)
fi
[ -n "$BACKENDS" ] || { log "no backend left to benchmark"; exit 1; }
log "building benchmarks jar: mvn ${MVN_FLAGS[*]} package -pl benchmarks -am"
mvn "${MVN_FLAGS[@]}" package -pl benchmarks -am
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { log "missing $JAR"; exit 1; }

# --- JMH -------------------------------------------------------------------------------------
rm -f "$WORK/load.txt" "$WORK/profile.json"
load "before JMH"
log "running JMH FunctionalBenchmark (backends $BACKENDS, sizes $SIZES, threads $THREADS) with -prof gc"
rm -f "$WORK/jmh.json.tmp"
# shellcheck disable=SC2086
java -jar "$JAR" FunctionalBenchmark -p backend="$BACKENDS" -p n="$SIZES" -p threads="$THREADS" \
    -p term="$TERMS" -prof gc ${JMH_ARGS:-} -rf json -rff "$WORK/jmh.json.tmp"
mv "$WORK/jmh.json.tmp" "$WORK/jmh.json"
load "after JMH"

# --- JFR profile -----------------------------------------------------------------------------
PROFILE_ARGS=()
if [ "$PROFILE_SECONDS" != "0" ]; then
    PROFILE_N=${SIZES%%,*}
    log "JFR profile of $TERMS on ${PROFILE_N}³, 1 thread, java backend, ${PROFILE_SECONDS} s each"
    java --add-modules jdk.incubator.vector -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,org.ofdft.functionals.xc.VectorXcKernels::*' -Xms1g -Xmx1g -cp "$JAR" org.ofdft.benchmarks.FunctionalProfile \
        --out "$WORK/profile.json" --n "$PROFILE_N" --threads 1 --backend java \
        --seconds "$PROFILE_SECONDS" --terms "$TERMS"
    load "after JFR profile"
    PROFILE_ARGS=(--profile "$WORK/profile.json")
fi

# --- report ----------------------------------------------------------------------------------
COMMAND="bash benchmarks/functionals.sh"
[ "$SIZES" != "64,96" ] && COMMAND="FUNCTIONAL_SIZES=$SIZES $COMMAND"
[ "$THREADS" != "1,2" ] && COMMAND="FUNCTIONAL_THREADS=$THREADS $COMMAND"
[ "$TERMS" != "fft_pair,thomas_fermi,von_weizsacker,wang_teter,tf_vw_wt,pbe" ] && COMMAND="FUNCTIONAL_TERMS=$TERMS $COMMAND"
[ "$PROFILE_SECONDS" != "3" ] && COMMAND="PROFILE_SECONDS=$PROFILE_SECONDS $COMMAND"
[ -n "${JMH_ARGS:-}" ] && COMMAND="JMH_ARGS=\"$JMH_ARGS\" $COMMAND"
[ "${NOFFTW:-}" = "1" ] && COMMAND="NOFFTW=1 $COMMAND"
[ "$BACKENDS" != "java,fftw" ] && [ "${NOFFTW:-}" != "1" ] && COMMAND="FUNCTIONAL_BACKENDS=$BACKENDS $COMMAND"
java --add-modules jdk.incubator.vector -cp "$JAR" org.ofdft.benchmarks.FunctionalReport \
    --jmh "$WORK/jmh.json" --load "$WORK/load.txt" "${PROFILE_ARGS[@]}" \
    --out "$RESULTS/functionals.md" --command "$COMMAND"
log "done: $RESULTS/functionals.md (raw data: $WORK/jmh.json${PROFILE_ARGS:+, $WORK/profile.json})"
