#!/usr/bin/env bash
# Installs what is missing (toolchain, Chromium, chromedriver), then runs every test: formatting
# and clippy (native and wasm), the model crate's invariant, native tests of the model, the
# extractor, the CLI and the app (with the evaluation), component tests in headless Chromium, the
# release build and its size, and end-to-end tests of that build in headless Chromium. Prints
# each step's time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

timings=()
step_name=""
step_start=0
finish_step() {
  [ -n "$step_name" ] && timings+=("$(printf '%6ds  %s' $(($(date +%s) - step_start)) "$step_name")")
  return 0
}
step() {
  finish_step
  step_name="$*"
  step_start=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$*"
}
report() {
  finish_step
  step_name=""
  printf '\n\033[1m== step times\033[0m\n'
  printf '%s\n' "${timings[@]}"
}
trap report EXIT

step "formatting"
cargo fmt --all -- --check

step "the model crate depends on serde, serde_json and a hasher only"
# The browser runs claimscope-model: no regex, toml or chrono may reach it (ARCHITECTURE.md).
model_deps=$(cargo tree -p claimscope-model -e normal --prefix none --offline | awk '{print $1}' | sort -u)
for banned in regex regex-syntax regex-automata toml chrono claimscope-extract; do
  if grep -qx "$banned" <<<"$model_deps"; then
    echo "claimscope-model depends on $banned: it must not (ARCHITECTURE.md, Invariants)" >&2
    exit 1
  fi
done

step "clippy, native"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "clippy, wasm (the app, the model crate and the importer worker as the browser builds them)"
cargo clippy --target wasm32-unknown-unknown -p claimscope-web -p claimscope-model -p claimscope-worker --all-targets --all-features -- -D warnings

step "native tests: model, extractor, CLI, app"
cargo test --workspace --exclude claimscope-e2e

step "evaluation on the seed gold and the test articles"
cargo test --workspace --exclude claimscope-e2e --test eval -- --nocapture

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
