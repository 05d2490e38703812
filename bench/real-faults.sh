#!/usr/bin/env bash
# Real faults, not injected ones (issues 6 and 10): a full tmpfs at many sizes, read-only mounts, an
# unwritable parent, an unreadable data file, ulimit -f (SIGXFSZ), ulimit -n (EMFILE), SIGKILL mid-write.
# Needs root (mount). Usage: bench/real-faults.sh [section...]   Prints one line per case:
#   CASE rc=N lines=N leftovers=... out=... msg=first line of stderr
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
A="node $ROOT/dist/cli/main.js"
S=$ROOT/scenarios/example.yaml
M=/tmp/fault17-m
W=${W:-/tmp/fault17-w}
mkdir -p "$M" "$W"
report() { # case rc stderr-file dir-to-scan out
  local leftovers; leftovers=$(find "$4" -name '.arrcast-tmp-*' -o -name '*.tmp*' 2>/dev/null | sed "s|$4/||" | tr '\n' ' ')
  local outstate=absent; [ -e "$5" ] && outstate="present($(ls -A "$5" 2>/dev/null | tr '\n' ' '))"
  local st=""; grep -q '    at ' "$3" && st=" STACK"
  echo "$1 rc=$2 lines=$(grep -c . "$3")$st leftovers=[${leftovers}] out=${outstate} msg=$(grep -v '^$' "$3" | grep -v '^warning' | head -1)"
}
mnt() { umount "$M" 2>/dev/null; mount -t tmpfs -o size="$1" tmpfs "$M"; }
sect_full() {
  for size in 8k 40k 120k 240k 400k 600k 1000k 1600k 2200k; do
    mnt $size
    $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --outputs all --out $M/r >/dev/null 2>$W/err; report "full-run-$size" $? $W/err $M $M/r
  done
  # an old report there, then a new one that does not fit
  mnt 3000k
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $M/r >/dev/null 2>&1
  sum=$(cd $M/r && find . -type f | sort | xargs md5sum | md5sum)
  $A run "$S" --trials 3000 --seed 2 --workers 1 --quiet --no-progress --outputs all --out $M/r >/dev/null 2>$W/err; rc=$?
  sum2=$(cd $M/r && find . -type f | sort | xargs md5sum | md5sum)
  report "full-replace old-intact=$([ "$sum" = "$sum2" ] && echo yes || echo NO)" $rc $W/err $M $M/r
  for size in 8k 40k 200k; do
    mnt $size
    $A run "$S" --trials 20000 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $M/parts/ >/dev/null 2>$W/err; report "full-shard-$size" $? $W/err $M $M/parts
  done
  # merge / compare / score / fit / init into a full disk
  rm -rf $W/parts; $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $W/parts/ >/dev/null 2>&1
  $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --shard 2/2 --out $W/parts/ >/dev/null 2>&1
  for size in 8k 100k 400k; do
    mnt $size
    $A merge $W/parts --outputs all --quiet --out $M/m >/dev/null 2>$W/err; report "full-merge-$size" $? $W/err $M $M/m
    $A compare "$S" $ROOT/scenarios/downside.yaml --trials 500 --workers 1 --no-progress --out $M/c >/dev/null 2>$W/err; report "full-compare-$size" $? $W/err $M $M/c
    $A fit $ROOT/scenarios/example-history.csv --out $M/fit.yaml >/dev/null 2>$W/err; report "full-fit-$size" $? $W/err $M $M/fit.yaml
    $A init $M/init.yaml --template example >/dev/null 2>$W/err; report "full-init-$size" $? $W/err $M $M/init.yaml
  done
  [ -d $W/score-r ] || $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --outputs default,trials --out $W/score-r >/dev/null 2>&1
  for size in 8k 40k; do
    mnt $size
    $A score $W/score-r --actuals $ROOT/scenarios/example-outcomes.csv --out $M/s >/dev/null 2>$W/err; report "full-score-$size" $? $W/err $M $M/s
  done
  umount $M
}
sect_ro() {
  mnt 4m; mkdir -p $M/sub
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $M/old >/dev/null 2>&1
  mount -o remount,ro $M
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $M/r >/dev/null 2>$W/err; report "ro-new" $? $W/err $M $M/r
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $M/old >/dev/null 2>$W/err; report "ro-replace" $? $W/err $M $M/old
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $M/sub/a/b >/dev/null 2>$W/err; report "ro-deep" $? $W/err $M $M/sub/a
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $M/parts/ >/dev/null 2>$W/err; report "ro-shard" $? $W/err $M $M/parts
  $A compare "$S" $ROOT/scenarios/downside.yaml --trials 300 --workers 1 --no-progress --out $M/c >/dev/null 2>$W/err; report "ro-compare" $? $W/err $M $M/c
  $A fit $ROOT/scenarios/example-history.csv --out $M/fit.yaml >/dev/null 2>$W/err; report "ro-fit" $? $W/err $M $M/fit.yaml
  $A init $M/init.yaml >/dev/null 2>$W/err; report "ro-init" $? $W/err $M $M/init.yaml
  umount $M
  # unprivileged user: parent not writable, data file unreadable
  local U="setpriv --reuid=65534 --regid=65534 --clear-groups"
  local P=/tmp/fault17-perm; rm -rf $P; mkdir -p $P/locked $P/scen; cp -r $ROOT/scenarios/. $P/scen/; chmod -R a+rX $P; chmod 0555 $P/locked
  chmod 0777 $P
  $U $A run $P/scen/example.yaml --trials 500 --workers 1 --quiet --no-progress --out $P/locked/r >/dev/null 2>$W/err; report "perm-parent" $? $W/err $P $P/locked/r
  local data=enterprise-customers.csv; chmod 000 $P/scen/data/$data
  $U $A run $P/scen/enterprise-rep-driven.yaml --trials 500 --workers 1 --quiet --no-progress --out $P/r2 >/dev/null 2>$W/err; report "perm-data($data)" $? $W/err $P $P/r2
  $U $A validate $P/scen/enterprise-rep-driven.yaml >/dev/null 2>$W/err; report "perm-data-validate" $? $W/err $P $P/r2
  chmod 644 $P/scen/data/$data; chmod 000 $P/scen/example-history.csv
  $U $A fit $P/scen/example-history.csv --out $P/fit.yaml >/dev/null 2>$W/err; report "perm-history" $? $W/err $P $P/fit.yaml
  chmod 000 $P/scen/example-actuals.csv
  $U $A run $P/scen/example.yaml --actuals $P/scen/example-actuals.csv --trials 500 --workers 1 --quiet --no-progress --out $P/r3 >/dev/null 2>$W/err; report "perm-actuals" $? $W/err $P $P/r3
}
sect_limits() {
  local D=/tmp/fault17-lim; rm -rf $D; mkdir -p $D
  for f in 100 800 1500; do
    (ulimit -f $f; exec $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --outputs all --out $D/r) >/dev/null 2>$W/err; report "ulimit-f-${f}k" $? $W/err $D $D/r
  done
  (ulimit -f 50; exec $A run "$S" --trials 20000 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $D/parts/) >/dev/null 2>$W/err; report "ulimit-f-shard" $? $W/err $D $D/parts
  for n in 20 30 40 60; do
    (ulimit -n $n; exec $A run "$S" --trials 2000 --seed 1 --workers 2 --quiet --no-progress --outputs all --out $D/n) >/dev/null 2>$W/err; report "ulimit-n-$n" $? $W/err $D $D/n
  done
  # A worker thread out of memory: arrcast sets no old-generation limit on its workers, so a copy of
  # dist/ gets one (4 MB: the threads die loading; 6 MB: in chunk 0). The pool's options are in the
  # command line's bundle, dist/cli/main.bundle.cjs (dist/cli/main.js only loads it); its code cache is
  # removed from the copy (the checksum would reject it for the patched bundle anyway). The edit must
  # be found, or this section would test nothing: it stops the script otherwise.
  # (its node_modules beside it, in $W, not in /tmp itself)
  local C=$W/dist; rm -rf $C; cp -r $ROOT/dist $C; ln -sfn $ROOT/node_modules $W/node_modules
  local B=$C/cli/main.bundle.cjs; rm -f $B.cache; cp $B $B.orig
  grep -q 'resourceLimits: { maxYoungGenerationSizeMb: 3 }' $B.orig || { echo "real-faults: the worker pool's resourceLimits not found in $B" >&2; exit 1; }
  for v in 4 6; do
    sed -E "s/resourceLimits: \{ maxYoungGenerationSizeMb: 3 \}/resourceLimits: { maxYoungGenerationSizeMb: 3, maxOldGenerationSizeMb: $v }/" $B.orig > $B
    grep -q "maxOldGenerationSizeMb: $v }" $B || { echo "real-faults: the old-generation limit was not set in $B" >&2; exit 1; }
    node $C/cli/main.js run $ROOT/scenarios/enterprise-rep-driven.yaml --trials 100000 --seed 1 --workers 2 --quiet --no-progress --out $D/woom >/dev/null 2>$W/err; report "worker-oom-${v}mb" $? $W/err $D $D/woom
  done
  rm -rf $C $W/node_modules
  NODE_OPTIONS=--max-old-space-size=40 $A run "$S" --trials 200000 --seed 1 --workers 2 --quiet --no-progress --out $D/oom >/dev/null 2>$W/err; report "oom-node-options-40mb" $? $W/err $D $D/oom
  NODE_OPTIONS=--max-old-space-size=16 $A run "$S" --trials 100000 --seed 1 --workers 2 --quiet --no-progress --out $D/oom16 >/dev/null 2>$W/err; report "oom-node-options-16mb(main-thread-fatal)" $? $W/err $D $D/oom16
}
sect_kill() {
  local D=/tmp/fault17-kill; rm -rf $D; mkdir -p $D
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $D/r >/dev/null 2>&1
  echo mine > $D/.arrcast-tmp-not-ours; mkdir $D/.arrcast-tmp-r-new-h00000000-1-deadbeef; echo user > $D/.arrcast-tmp-r-new-h00000000-1-deadbeef/f
  for delay in 1 2 3 4 5 6 8; do
    $A run "$S" --trials 20000 --seed 1 --workers 1 --quiet --no-progress --outputs all --out $D/r >/dev/null 2>&1 & pid=$!
    sleep $delay; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
    after=$(ls -A $D | tr '\n' ' ')
    $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $D/r >/dev/null 2>$W/err; rc=$?
    echo "kill-after-${delay}s left=[$after] next-run rc=$rc now=[$(ls -A $D | tr '\n' ' ')] report=$(ls $D/r | wc -l)files"
  done
}
sect_killstep() { # SIGKILL at a known step of the write (the pause hook waits there; the kill is real)
  local D=/tmp/fault17-kill2; rm -rf $D; mkdir -p $D
  $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $D/r >/dev/null 2>&1
  local before; before=$(cd $D/r && find . -type f | sort | xargs md5sum | md5sum)
  for step in summary.json report.html trials.csv renaming written; do
    ARRCAST_PAUSE_AT=$step $A run "$S" --trials 2000 --seed 3 --workers 1 --quiet --no-progress --outputs all --out $D/r >/dev/null 2>$W/err & pid=$!
    for i in $(seq 200); do grep -q 'paused at' $W/err && break; sleep 0.1; done
    kill -9 $pid; wait $pid 2>/dev/null
    after=$(ls -A $D | tr '\n' ' '); now=$(cd $D/r 2>/dev/null && find . -type f | sort | xargs md5sum | md5sum)
    $A run "$S" --trials 500 --seed 1 --workers 1 --quiet --no-progress --out $D/r >/dev/null 2>$W/err2; rc=$?
    echo "killstep-$step left=[$after] old-report-intact=$([ "$now" = "$before" ] && echo yes || echo no-new-one-in-place) next-run rc=$rc now=[$(ls -A $D | tr '\n' ' ')]"
  done
  ARRCAST_PAUSE_AT=part $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $D/parts/ >/dev/null 2>$W/err & pid=$!
  for i in $(seq 200); do grep -q 'paused at' $W/err && break; sleep 0.1; done
  kill -9 $pid; wait $pid 2>/dev/null; after=$(ls -A $D/parts | tr '\n' ' ')
  $A run "$S" --trials 2000 --seed 1 --workers 1 --quiet --no-progress --shard 1/2 --out $D/parts/ >/dev/null 2>&1; rc=$?
  echo "killstep-part left=[$after] next-run rc=$rc now=[$(ls -A $D/parts | tr '\n' ' ')]"
}
sect_studio() { # the studio's save into a folder whose disk is full, then made read-only
  mnt 1m; cp $ROOT/scenarios/example.yaml $M/; mkdir -p $M/data
  $A studio $M/example.yaml --trials 500 --workers 1 >$W/studio.out 2>$W/studio.err & pid=$!
  for i in $(seq 100); do grep -q 'token=' $W/studio.out && break; sleep 0.2; done
  local url; url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' $W/studio.out | head -1)
  local base=${url%%/?token=*} tok=${url##*token=}
  dd if=/dev/zero of=$M/fill bs=4k 2>/dev/null
  save() { curl -s -X POST -H "x-arrcast-token: $tok" -H 'content-type: application/json' -d "{\"state\":{\"drivers\":{\"0/conversion\":{\"central\":0.03}},\"market\":null,\"confidence\":0.8},\"name\":\"$1\"}" -w ' http=%{http_code}' $base/api/save; }
  echo "studio-save-full: $(save full) files=[$(ls -A $M | tr '\n' ' ')]"
  rm $M/fill; mount -o remount,ro $M
  echo "studio-save-ro: $(save ro) files=[$(ls -A $M | tr '\n' ' ')]"
  mount -o remount,rw $M
  echo "studio-save-ok: $(save ok) files=[$(ls -A $M | tr '\n' ' ')]"
  kill $pid; wait $pid 2>/dev/null; echo "studio stderr: $(tr '\n' '|' < $W/studio.err)"
  umount $M
}
for s in "${@:-full ro limits kill killstep studio}"; do for t in $s; do sect_$t; done; done
