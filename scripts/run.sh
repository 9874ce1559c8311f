#!/usr/bin/env bash
# Installs whatever is missing, builds Persona Studio and opens it. A library that is
# still empty gets the example library first. Arguments go to the app (e.g. --data-dir).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
(cd ui && npm run --silent build)
cargo build --release -p persona-studio --quiet
target_dir="${CARGO_TARGET_DIR:-target}"
app="$target_dir/release/persona-studio"
"$app" "$@" example install --if-empty
exec "$app" "$@"
