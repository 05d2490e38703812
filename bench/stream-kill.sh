#!/bin/bash
# Signals at random moments (0 to 4 s) to runs writing trials.csv as they simulate, into an earlier
# report: SIGHUP, SIGTERM, SIGINT twice, or SIGTERM then SIGINT; --workers 0, 1, 2 or 16; --outputs
# trials, trials,summary or all; a third with --actuals. After each: the earlier report must be as it
# was (or replaced whole by a run that finished) and nothing left beside it. Prints one line a run.
# Run from the repository, after npm run build. Usage: bash bench/stream-kill.sh RUNS
b=$(mktemp -d "${TMPDIR:-/tmp}/arrcast-stream-kill-XXXXXX")
node dist/cli/main.js run scenarios/example.yaml --trials 1000 --workers 0 --outputs trials,summary --quiet --no-progress --out "$b/r" 2>/dev/null
digest() { (cd "$b/r" && find . -type f | sort | xargs sha1sum | sha1sum); }
before=$(digest)
for i in $(seq 1 "$1"); do
  mode=$((RANDOM % 4)); delay=$(awk -v r=$RANDOM 'BEGIN{printf "%.2f", r/32768*4}')
  outs=(trials trials,summary all); o=${outs[$((RANDOM % 3))]}
  ws=(0 1 2 16); w=${ws[$((RANDOM % 4))]}
  extra=(); [ $((RANDOM % 3)) = 0 ] && extra=(--actuals scenarios/example-actuals.csv)
  node dist/cli/main.js run scenarios/example.yaml --trials 20000 --workers $w --outputs $o "${extra[@]}" --quiet --no-progress --out "$b/r" 2>"$b.err" & pid=$!
  sleep "$delay"
  case $mode in
    0) kill -HUP $pid ;; 1) kill -TERM $pid ;; 2) kill -INT $pid; sleep 0.0$((RANDOM % 10)); kill -INT $pid ;; 3) kill -TERM $pid; kill -INT $pid ;;
  esac 2>/dev/null
  wait $pid; rc=$?
  left=$(ls -A "$b" | grep -vx r); now=$(digest); status=ok
  [ -n "$left" ] && status="LEFT: $left"
  if [ "$now" != "$before" ]; then if [ $rc = 0 ]; then before=$now; else status="$status CHANGED"; fi; fi
  echo "$i signal-mode=$mode delay=$delay workers=$w outputs=$o ${extra[*]} exit=$rc $status"
done
rm -r "$b" "$b.err"
