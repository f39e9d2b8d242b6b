#!/usr/bin/env bash
# Prints the size of the built app: each file raw and gzip -9, and the total gzipped.
#   scripts/size.sh [--check]          dist/ as built (run `trunk build --release` first); with
#                                      --check, fails when over the 250 KB budget
#   scripts/size.sh --corpus FOLDER    builds the site for another corpus folder (as
#                                      CLAIMSCOPE_CORPUS=FOLDER would) into target/size-dist/
#                                      and prints its sizes: what a real corpus weighs
set -euo pipefail
cd "$(dirname "$0")/.."
dist=dist
if [ "${1:-}" = "--corpus" ]; then
  [ -n "${2:-}" ] || { echo "usage: scripts/size.sh --corpus FOLDER" >&2; exit 2; }
  folder=$(realpath "$2")
  export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  dist=target/size-dist
  echo "building the site for $folder into $dist/ ..."
  CLAIMSCOPE_CORPUS="$folder" trunk build --release --dist "$dist" >/dev/null 2>target/size-build.log ||
    { cat target/size-build.log >&2; exit 1; }
fi
[ -f "$dist/index.html" ] || { echo "$dist/ is missing: run trunk build --release first" >&2; exit 1; }
total=0
printf '%-50s %10s %10s\n' file bytes gzip-9
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf '%-50s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'total gzipped: %d bytes (%.1f KB; budget 250 KB)\n' "$total" "$(echo "$total/1024" | bc -l)"
if [ "${1:-}" = "--check" ] && [ "$total" -gt $((250 * 1024)) ]; then
  echo "over the 250 KB budget" >&2
  exit 1
fi
