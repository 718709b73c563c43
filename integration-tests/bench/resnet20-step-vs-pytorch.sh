#!/usr/bin/env bash
# Runs the DJL training-step benchmark and the PyTorch eager peer alternately, ROUNDS times each,
# on this machine, and prints one result line per run. Quote the medians over the rounds.
#
#   bash integration-tests/bench/resnet20-step-vs-pytorch.sh [ROUNDS] [STEPS]
#
# Needs Debian's PyTorch for the peer (apt-get install -y python3-torch) and ../shared/ beside
# the repository (shared/bench/torch_resnet20_step.py).
set -euo pipefail
rounds=${1:-5}
steps=${2:-40}
top=$(cd "$(dirname "$0")/../.." && pwd)
peer="$top/../shared/bench/torch_resnet20_step.py"
cd "$top"
mvn -B -q -pl integration-tests -am install -DskipTests
for round in $(seq "$rounds"); do
    echo "round $round: pytorch $(/usr/bin/python3 "$peer" --steps "$steps" | tail -n 1)"
    echo "round $round: djl     $(mvn -B -q -pl integration-tests exec:exec@bench \
        -Dbench.args="--steps $steps" | grep ratio=)"
done
