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
# JUnit results (the web client's Vitest run): the <testsuites> element carries the totals.
junit=("$dir"/**/*.junit.xml)
for f in "${junit[@]}"; do
  suites=$(grep -o '<testsuites [^>]*>' "$f" | head -n 1)
  jget() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suites"; }
  jt=$(jget tests); jf=$(jget failures); je=$(jget errors)
  # Vitest marks skipped cases with a <skipped/> child instead of a total.
  js=$(grep -o '<skipped' "$f" | wc -l)
  passed=$((passed + ${jt:-0} - ${jf:-0} - ${je:-0} - ${js:-0}))
  failed=$((failed + ${jf:-0} + ${je:-0}))
  skipped=$((skipped + ${js:-0}))
done
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test results found in $dir" >&2
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
