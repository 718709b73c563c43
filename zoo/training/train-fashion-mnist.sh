#!/usr/bin/env bash
# Trains the zoo's Fashion-MNIST networks (none, input, manifold) round-robin, one epoch of each in
# turn, so that all three advance together and a stop at any moment loses at most the epoch in
# progress. Checkpoints go to zoo/training/fashion-mnist/<variant>/; running the script again
# resumes from them. Then publishes each finished run into the zoo's resources.
#
#   bash zoo/training/train-fashion-mnist.sh [EPOCHS] [VARIANT...]   (default: 30 none input manifold)
#
# manifold-then-plain shares its first 60% of epochs with manifold: the zoo's run of it continued
# a copy of manifold's epoch-18 checkpoint (state.json's variant renamed), which is the same run
# (its epochs 19-30 ran as "train --alpha 2 --include-input --mixing-off-epoch 18", the same
# settings). manifold-off-epoch-24 is the other candidate of the recipe search (see the README).
#
# Needs Debian's dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist).
set -euo pipefail
epochs=${1:-30}
shift || true
if [ $# -gt 0 ]; then variants=("$@"); else variants=(none input manifold); fi
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
mvn -B -q package -DskipTests    # zoo/cli/target/manifold-mixup.jar
cli() {
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar zoo/cli/target/manifold-mixup.jar "$@"
}
for epoch in $(seq 1 "$epochs"); do
    for variant in "${variants[@]}"; do
        cli train --variant "$variant" --epochs "$epochs" --until-epoch "$epoch" --resume \
            --dir "zoo/training/fashion-mnist/$variant" 2>&1 \
            | tr '\r' '\n' | grep -v -e 'Training:' -e 'Validating:' || true
    done
done
for variant in "${variants[@]}"; do
    cli publish --variant "$variant" --epochs "$epochs" --dir "zoo/training/fashion-mnist/$variant"
done
