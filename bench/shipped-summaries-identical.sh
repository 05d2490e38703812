#!/bin/bash
# Whether a change leaves every shipped scenario's summary.json byte-identical: each of scenarios/*.yaml run
# at its own trial count (the file's `trials`) by an earlier build and by this one, compared with cmp.
# Usage: bench/shipped-summaries-identical.sh OLD_DIST [NEW_DIST]   (OLD_DIST: e.g. a `git archive` of the
# earlier commit, built, its dist/). Prints "<scenario> identical" or "<scenario> DIFFERS" for each.
set -e
old=${1:?usage: $0 OLD_DIST [NEW_DIST]}
new=${2:-dist}
tmp=$(mktemp -d /tmp/shipped-summaries-XXXXXX)
for s in scenarios/*.yaml; do
  n=$(basename "$s" .yaml)
  node "$old/cli/main.js" run "$s" --quiet --outputs summary --out "$tmp/old-$n" >/dev/null
  node "$new/cli/main.js" run "$s" --quiet --outputs summary --out "$tmp/new-$n" >/dev/null
  if cmp -s "$tmp/old-$n/summary.json" "$tmp/new-$n/summary.json"; then echo "$n identical"; else echo "$n DIFFERS"; fi
done
rm -rf "$tmp"
