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
  js=$( (grep -o '<skipped' "$f" || true) | wc -l)
  passed=$((passed + ${jt:-0} - ${jf:-0} - ${je:-0} - ${js:-0}))
  failed=$((failed + ${jf:-0} + ${je:-0}))
  skipped=$((skipped + ${js:-0}))
done
# Name every failed test with the first line of its message, just above the closing line, so the tail of a CI log
# is enough to see what broke.
# awk reads each file once, line by line (TRX and JUnit put each result and its message on their own lines).
for f in "${files[@]}" "${junit[@]}"; do
  awk '
    function attr(line, key) { if (match(line, " " key "=\"[^\"]*\"")) return substr(line, RSTART + length(key) + 3, RLENGTH - length(key) - 4); return "" }
    /<UnitTestResult / && /outcome="Failed"/ { name = attr($0, "testName"); if (/\/>/) { print "FAILED " name; name = "" } next }
    /<testcase / { name = attr($0, "name") }
    /<failure/ && name != "" { print "FAILED " name ": " substr(attr($0, "message"), 1, 300); name = ""; next }
    /<Message>/ && name != "" { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "FAILED " name ": " substr($0, 1, 300); name = "" }
    /<\/UnitTestResult>/ && name != "" { print "FAILED " name; name = "" }
  ' "$f"
done
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test results found in $dir" >&2
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
