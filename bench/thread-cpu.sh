#!/usr/bin/env bash
# CPU time of each thread of a command's process (main thread, worker threads, V8's platform threads),
# polled from /proc every 20 ms while it runs; a thread's last reading is what it used (a thread that
# exits between two polls loses at most 20 ms). Linux only.
# Usage: bash bench/thread-cpu.sh node dist/cli/main.js run scenarios/example.yaml --trials 100000 --quiet --no-progress --out /tmp/t
# Prints one line per thread, busiest first: name, thread id, CPU seconds (user + system).
set -u
"$@" &
pid=$!
declare -A cpu name
tick=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
  for f in /proc/"$pid"/task/*/stat; do
    read -r line < "$f" 2>/dev/null || continue
    tid=${line%% *}
    n=${line#*(}; n=${n%%)*}
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    cpu[$tid]=$(( ${12} + ${13} ))
    name[$tid]=$n
  done
  sleep 0.02
done
wait "$pid"
status=$?
for t in "${!cpu[@]}"; do
  awk -v n="${name[$t]}" -v t="$t" -v c="${cpu[$t]}" -v k="$tick" 'BEGIN { printf "%s %s %.2f\n", n, t, c / k }'
done | sort -k3 -nr
exit $status
