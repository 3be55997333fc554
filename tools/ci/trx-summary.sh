#!/usr/bin/env bash
# Sums the <Counters> of every TRX file under $1 and prints the closing line CI reads:
#   N passed, N failed, N skipped
set -euo pipefail
dir=${1:-TestResults}
passed=0 failed=0 total=0 executed=0
shopt -s nullglob globstar
files=("$dir"/**/*.trx)
for f in "${files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(get total)))
  executed=$((executed + $(get executed)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
# Tests that did not execute (skipped / not runnable) are counted as skipped.
skipped=$((total - executed))
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test results found in $dir" >&2
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
