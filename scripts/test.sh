#!/usr/bin/env bash
# Runs every test of Persona Studio after installing whatever is missing:
# formatting and lints, the core crates and the CLI against real libraries on disk,
# the UI's type check and unit tests, the UI in headless Chromium (Playwright), and the
# real app in a real window under Xvfb, driven through tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
# A cargo target shared between runs on one machine makes repeated runs fast; a fresh
# machine simply builds it from nothing.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/persona-studio/target}"

step() { printf '\n\033[1;34m==== %s\033[0m\n' "$*"; }

step "UI build (the app embeds ui/dist)"
(cd ui && npm run --silent build)

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "Rust tests: core crates, CLI"
cargo test --workspace --quiet

step "TypeScript bindings are up to date with the Rust model"
if git rev-parse --git-dir >/dev/null 2>&1; then
  if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
    git status --short -- ui/src/lib/bindings
    echo "ui/src/lib/bindings differs from what the Rust model generates: commit the regenerated files" >&2
    exit 1
  fi
fi

step "UI type check (svelte-check)"
(cd ui && npm run --silent check)

step "UI unit tests (Vitest)"
(cd ui && npm run --silent test)

step "UI tests in headless Chromium (Playwright, mocked backend)"
(cd ui && npm run --silent test:ui)

step "End to end: the real app under Xvfb via tauri-driver"
export PATH="$HOME/.cargo/bin:$PATH"
xvfb-run -a -s "-screen 0 1600x1000x24" node --test --test-concurrency=1 tests/e2e/
