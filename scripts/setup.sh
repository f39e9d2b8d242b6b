#!/usr/bin/env bash
# Installs whatever claimscope's build and tests need and is missing. Idempotent: each tool is
# installed only when absent or at the wrong version. Offline-friendly: only crates.io, npm and
# Debian packages are used (see ARCHITECTURE.md, "Toolchain").
#
#   scripts/setup.sh          # wasm target, Trunk, wasm-bindgen CLI, wasm-opt
#   scripts/setup.sh --test   # the same, plus Chromium and chromedriver (Debian packages, as root)
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen version in Cargo.lock
BINARYEN_VERSION=132.0.0
AXE_VERSION=4.10.3 # axe-core, injected by the end-to-end accessibility test

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"
export PATH="$tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # --locked fails here: the registry lacks a pinned transitive dependency.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/"
  npm install --silent --no-audit --no-fund --prefix "$tools" "binaryen@$BINARYEN_VERSION" >&2
fi

if [ "${1:-}" = "--test" ]; then
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$tools/node_modules/axe-core/package.json"; then
    say "installing axe-core $AXE_VERSION from npm into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$tools" "axe-core@$AXE_VERSION" >&2
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing chromium and chromium-driver from Debian"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
    else
      say "chromium and chromedriver are missing; install the Debian packages chromium and chromium-driver (needs root)"
      exit 1
    fi
  fi
fi

say "fetching crates"
(cd "$root" && cargo fetch --quiet)
say "tools ready"
