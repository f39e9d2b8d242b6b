#!/usr/bin/env bash
# Installs what is missing (toolchain, Chromium, chromedriver), then runs every test:
# native tests of the core, CLI and app (with the seed evaluation), component tests in headless
# Chromium, the release build, and end-to-end tests of that build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests: core, CLI, app"
cargo test --workspace --exclude claimscope-e2e

step "evaluation on the seed gold"
cargo test -p claimscope-core --test eval -- --nocapture seed_gold

step "components in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p claimscope-web --test web

step "release build (trunk) and its size"
trunk build --release
scripts/size.sh --check

step "end to end: dist/ in headless Chromium"
# Two at a time: each test drives its own Chromium, and the machines have two cores.
cargo test -p claimscope-e2e -- --test-threads=2

step "all tests passed"
