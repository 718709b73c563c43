#!/usr/bin/env bash
# Sweeps ConvGradientNaNProbe over a grid of small conv-net shapes, once with oneDNN's default
# instruction set and once with ONEDNN_MAX_CPU_ISA=AVX2 (oneDNN reads the variable when the
# process starts, hence one JVM per setting), at 1 and at 2 OpenMP threads; niced.
#
#   bash integration-tests/bench/onednn-nan-sweep.sh [STEPS] [RUNS]     (default 8 and 3)
set -euo pipefail
steps=${1:-8}
runs=${2:-3}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
nice -n 19 mvn -B -q -pl integration-tests -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt > /dev/null
classpath="integration-tests/target/classes:$(sed 's/\x1b\[[0-9;]*m//g' integration-tests/target/classpath.txt)"
for threads in 1 2; do
    for isa in default AVX2; do
        echo "# OMP_NUM_THREADS=$threads ONEDNN_MAX_CPU_ISA=$isa"
        env_isa=()
        if [ "$isa" != default ]; then env_isa=(ONEDNN_MAX_CPU_ISA="$isa"); fi
        nice -n 19 env OMP_NUM_THREADS="$threads" "${env_isa[@]}" java -Dai.djl.offline=true \
            -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$classpath" \
            io.github.manifoldmixup.benchmark.ConvGradientNaNProbe --steps "$steps" --runs "$runs"
    done
done
