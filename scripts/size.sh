#!/usr/bin/env bash
# Prints the size of the built app (dist/): each file raw and gzip -9, and the total gzipped.
# Run after `trunk build --release`; with --check, fails when over the 250 KB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "dist/ is missing: run trunk build --release first" >&2; exit 1; }
total=0
printf '%-50s %10s %10s\n' file bytes gzip-9
for f in dist/*; do
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
