#!/usr/bin/env bash
# The query-path benchmark in headless Chromium (wasm, built like the shipped app: the `web`
# profile). Prints setup time and the median and p95 of one interaction on 100,000 claims.
# The native twin: cargo bench -p claimscope-model --features synth --bench query
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --profile web --target wasm32-unknown-unknown -p claimscope-web --features bench --test query_bench \
  -- --include-ignored --nocapture 2>&1 | grep -E "query path|median|test result|error|panicked"
