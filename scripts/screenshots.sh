#!/usr/bin/env bash
# Renders the README's screenshots of each level of the bundled Daytona map into docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

cargo build --locked --quiet
mkdir -p docs
for level in 1 2 3 4; do
    "$CARGO_TARGET_DIR/debug/legend" snapshot --level "$level" --size 1600x900 --out "docs/level-$level.png"
done
"$CARGO_TARGET_DIR/debug/legend" snapshot --zoom 2.5 --focus d-api-server --size 1600x900 --out docs/morph-l2-l3.png
