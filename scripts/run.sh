#!/usr/bin/env bash
# Installs whatever is missing, builds Persona Studio and opens it. A library that is
# still empty gets the example library first. Arguments go to the app (e.g. --data-dir).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/persona-studio/target}"
(cd ui && npm run --silent build)
cargo build --release -p persona-studio --quiet
app="$CARGO_TARGET_DIR/release/persona-studio"
"$app" "$@" example install --if-empty
exec "$app" "$@"
