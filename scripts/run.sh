#!/usr/bin/env bash
# Runs `legend` on the bundled Daytona deck (or with the arguments given), installing
# and building what it needs first. With no arguments: `legend check`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

if (($#)); then
    exec cargo run --locked --quiet -- "$@"
fi
exec cargo run --locked --quiet -- check
