#!/usr/bin/env bash
# Trains the zoo's three Fashion-MNIST networks (none, input, manifold) round-robin, one epoch of
# each in turn, so that all three advance together and a stop at any moment loses at most the
# epoch in progress. Checkpoints go to zoo/training/fashion-mnist/<variant>/; running the script
# again resumes from them.
#
#   bash zoo/training/train-fashion-mnist.sh [EPOCHS]      (default 30)
#
# Needs Debian's dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist).
set -euo pipefail
epochs=${1:-30}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
mvn -B -q -pl zoo -am install -DskipTests
classpath_file=$(mktemp)
mvn -B -q -pl zoo dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" > /dev/null
classpath="zoo/target/classes:$(sed 's/\x1b\[[0-9;]*m//g' "$classpath_file")"
rm -f "$classpath_file"
for epoch in $(seq 1 "$epochs"); do
    for variant in none input manifold; do
        java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
            io.github.manifoldmixup.zoo.recipe.FashionMnistRecipe --variant "$variant" \
            --epochs "$epochs" --until-epoch "$epoch" \
            --dir "zoo/training/fashion-mnist/$variant" 2>&1 | grep -v -e '^Training:' -e '^Validating:' || true
    done
done
