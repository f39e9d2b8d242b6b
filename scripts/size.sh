#!/usr/bin/env bash
# Prints the size of the built app: each file raw and gzip -9, and two totals gzipped: the
# initial page (everything but the importer's worker) and the worker (claimscope-worker*, fetched
# only when the user adds articles).
#   scripts/size.sh [--check]          dist/ as built (run `trunk build --release` first); with
#                                      --check, fails when the page or the worker grows past what
#                                      it weighs now (PAGE_LIMIT, WORKER_LIMIT: regression guards;
#                                      the targets, 250 KB and 400 KB, are not reached yet)
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
worker=0
printf '%-50s %10s %10s\n' file bytes gzip-9
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    claimscope-worker*) worker=$((worker + gz)) ;;
    *) total=$((total + gz)) ;;
  esac
  printf '%-50s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
# Just over what they weigh now (December 2026): 284.7 KB and 966.2 KB (the worker grew
# with the table of every country, 7 KB gzipped on its own, and with the rules since: 6 KB
# in the sixth session of 2026-12-07, with photo captions, labelled lists and speech tags,
# 5 KB in the seventh, with its rules and lexicon words, 10 KB in the eighth, with its rules,
# lexicon words and the token form borrowed from the text).
PAGE_LIMIT=290
WORKER_LIMIT=970
kb() { echo "$1/1024" | bc -l; }
printf 'initial page, gzipped: %d bytes (%.1f KB; target 250 KB, limit %d KB)\n' "$total" "$(kb "$total")" "$PAGE_LIMIT"
printf 'importer worker, gzipped: %d bytes (%.1f KB; target 400 KB, limit %d KB)\n' "$worker" "$(kb "$worker")" "$WORKER_LIMIT"
if [ "${1:-}" = "--check" ]; then
  [ "$total" -le $((PAGE_LIMIT * 1024)) ] || { echo "the initial page is over its $PAGE_LIMIT KB limit" >&2; exit 1; }
  [ "$worker" -gt 0 ] || { echo "no importer worker in $dist/" >&2; exit 1; }
  [ "$worker" -le $((WORKER_LIMIT * 1024)) ] || { echo "the importer worker is over its $WORKER_LIMIT KB limit" >&2; exit 1; }
fi
