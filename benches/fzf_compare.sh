#!/usr/bin/env bash
# fengong filter vs fzf --filter on the same 1 000 000 lines of task titles
# and unit names: wall time (best of RUNS) and peak memory (max RSS).
#
#   cargo build --release && benches/fzf_compare.sh [N_LINES] [RUNS]
#
# Needs fzf (Debian package `fzf`) and GNU time (/usr/bin/time).
# Inputs are made with the synthetic generator:
#   lines.txt       task titles and unit names (Chinese)
#   lines-latin.txt the same lines romanised (fa zhan he gai ge ju), so fzf's
#                   Latin matching does real work on the same material
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-3}
BIN=target/release/fengong
DIR=${TMPDIR:-/tmp}/fengong-fzf-compare
mkdir -p "$DIR"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v fzf >/dev/null || { echo "fzf not found (apt-get install fzf)" >&2; exit 1; }
if [ ! -s "$DIR/lines-$N.txt" ]; then
  cargo run -q --release --example synth -- "$N" "$DIR/lines-$N.txt" --lines
  cargo run -q --release --example synth -- "$N" "$DIR/lines-latin-$N.txt" --lines --romanised
fi

# best wall seconds and max RSS (KB) over RUNS runs; prints "secs kb matches"
measure() {
  local input=$1; shift
  local best="" rss=0 out
  for _ in $(seq "$RUNS"); do
    out=$( { /usr/bin/time -f "%e %M" "$@" < "$input" > "$DIR/out.txt"; } 2>&1 | tail -1 ) || true
    local t=${out% *} m=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss $(wc -l < "$DIR/out.txt")"
}

printf '%-34s %-16s %8s %10s %9s\n' "input / query" "tool" "best s" "peak MB" "matches"
row() {
  local label=$1 tool=$2; shift 2
  read -r s kb n < <(measure "$@")
  printf '%-34s %-16s %8s %10.1f %9s\n' "$label" "$tool" "$s" "$(echo "$kb/1024" | bc -l)" "$n"
}
L="$DIR/lines-$N.txt"
LL="$DIR/lines-latin-$N.txt"
for q in 发改 智慧城市; do
  row "Chinese lines / $q" "fengong filter" "$L" "$BIN" filter "$q"
  row "Chinese lines / $q" "fzf --filter" "$L" fzf --filter "$q"
done
for q in fgj taicheng; do
  row "Chinese lines / $q (pinyin)" "fengong filter" "$L" "$BIN" filter "$q"
  row "Chinese lines / $q" "fzf --filter" "$L" fzf --filter "$q"
  row "romanised lines / $q" "fengong filter" "$LL" "$BIN" filter "$q"
  row "romanised lines / $q" "fzf --filter" "$LL" fzf --filter "$q"
done
echo "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
