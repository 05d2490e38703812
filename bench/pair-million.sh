#!/bin/bash
# Usage: bash bench/pair-million.sh A_DIST B_DIST TAG [node flags]: the 1,000,000-trial runs of two builds
# started together (the same load for both), into ${TMPDIR:-/tmp}/pair-million/TAG-a and -b; prints each one's stderr and
# /usr/bin/time line, and whether the two report directories are identical.
A=$1; B=$2; T=$3; shift 3
cd "$(dirname "$0")/.."
OUT="${TMPDIR:-/tmp}/pair-million"; mkdir -p "$OUT"
rm -rf $OUT/$T-a $OUT/$T-b
/usr/bin/time -f 'A %e s %U u %S s %M KB' node "$@" $A/cli/main.js run scenarios/example.yaml --trials 1000000 --out $OUT/$T-a --quiet --no-progress > $OUT/$T-a.log 2>&1 &
/usr/bin/time -f 'B %e s %U u %S s %M KB' node "$@" $B/cli/main.js run scenarios/example.yaml --trials 1000000 --out $OUT/$T-b --quiet --no-progress > $OUT/$T-b.log 2>&1 &
wait
cat $OUT/$T-a.log $OUT/$T-b.log | grep -v '^wrote'
diff -r $OUT/$T-a $OUT/$T-b > /dev/null && echo "reports identical" || echo "REPORTS DIFFER"
