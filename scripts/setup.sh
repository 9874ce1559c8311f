#!/usr/bin/env bash
# Installs whatever this checkout needs and is missing, on Debian 12: system packages,
# the UI's npm packages (from the committed lock file) and tauri-driver. Safe to run
# again: everything already present is skipped. Works as root or through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "setup: need root or sudo to install system packages: $*" >&2; exit 1
  fi
}

# --- Debian packages -------------------------------------------------------------
# Build: WebKitGTK 4.1 and friends for Tauri. Run and test: Xvfb, WebKitWebDriver,
# Chromium (Playwright), poppler and qpdf (PDF checks), Noto fonts (every script).
packages=(
  build-essential pkg-config curl wget file libssl-dev libxdo-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver chromium
  poppler-utils qpdf imagemagick
  fonts-noto-core fonts-noto-cjk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Rust --------------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust (rustup) first" >&2; exit 1
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

# --- Node packages -----------------------------------------------------------------
if ! command -v npm >/dev/null; then
  echo "setup: Node.js 20+ and npm are missing" >&2; exit 1
fi
# npm ci only when the lock file changed since the last install.
stamp=ui/node_modules/.persona-studio-lock
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  say "Installing the UI's npm packages (npm ci)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi

# --- tauri-driver --------------------------------------------------------------------
if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --version 2.1.0 --quiet
fi
