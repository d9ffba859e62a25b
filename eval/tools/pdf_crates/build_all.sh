#!/bin/bash
cd "${SCRATCH:-/work/scratch/crates}"
for c in lo extract oxide; do
  ( cd $c && cargo fetch -q 2>/dev/null; s=$(date +%s.%N); cargo build --release -j2 > build.log 2>&1; e=$(date +%s.%N); echo "$c $(echo "$e - $s" | bc) s rc=$?" >> ../times.txt; grep -c Compiling build.log >> ../times.txt )
done
