#!/usr/bin/env bash
# Everything CI checks: formatting, lints, then every test. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked
