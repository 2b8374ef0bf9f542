# Sourced by the scripts: one build folder outside the clone, kept between runs, so
# the tests, the app and CI all reuse one build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/legend-present/target}"
if [ "${CI:-}" = "true" ]; then
    export CARGO_INCREMENTAL=0
fi
