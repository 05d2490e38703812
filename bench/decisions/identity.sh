# Byte-identity of a run's outputs over 0/1/2/3 workers and a 3-shard merge (example, 10,000 trials).
set -u
cd "$(dirname "$0")/../.."
O=${1:-.scratch/decisions-identity}
[ -e "$O" ] && { echo "$O exists: give a new folder" >&2; exit 2; }
mkdir -p $O
S="scenarios/example.yaml --trials 10000 --no-progress --quiet"
T="--target revenue=120M --target SMB:endingArr=30M --confidence 0.9"
for w in 0 1 2 3; do node dist/cli/main.js run $S $T --workers $w --outputs all --out $O/w$w 2>$O/w$w.err; echo "w$w rc=$?"; done
for k in 1 2 3; do node dist/cli/main.js run $S --shard $k/3 --out $O/parts/ 2>>$O/shard.err; echo "shard $k rc=$?"; done
node dist/cli/main.js merge $O/parts $T --outputs all --out $O/merged --quiet 2>$O/merge.err; echo "merge rc=$?"
for d in w1 w2 w3 merged; do for f in trials.csv summary.json percentiles.csv monthly.csv sipmath.json report.xlsx report.html scenario.json; do cmp -s $O/w0/$f $O/$d/$f && echo "$d $f same" || echo "$d $f DIFFERENT"; done; diff -rq $O/w0/charts $O/$d/charts && echo "$d charts same"; done
