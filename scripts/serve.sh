#!/usr/bin/env bash
# Installs what is missing, then serves the app with live rebuilds on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "claimscope: serving ${CLAIMSCOPE_CORPUS:-seeds} on http://127.0.0.1:8080/ (Ctrl-C to stop)"
exec trunk serve "$@"
