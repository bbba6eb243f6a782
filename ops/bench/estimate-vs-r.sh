#!/usr/bin/env bash
# Times `tagcf estimate`'s methods and R (glm + IPW, MatchIt) on the same generated CSV, in one run,
# and prints the ratios. Usage: ops/bench/estimate-vs-r.sh ROWS [COVARIATES]   (from the repo root)
# Needs Rscript with data.table and MatchIt (Debian: apt-get install r-base-core r-cran-matchit).
set -euo pipefail
ROWS=${1:-100000}
P=${2:-20}
OUT=${OUT:-target/bench}
cd "$(dirname "$0")/../.."
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# ./tagcf runs the benchmark build (bench/target/tagcf-bench.jar), building it on first use.
RUN=(./tagcf)
"${RUN[@]}" bench estimate --rows "$ROWS" --covariates "$P" --estimand att --out "$OUT" | tee "$OUT/java-$ROWS-$P.txt"
Rscript ops/bench/r_ipw_matchit.R "$OUT/bench_n${ROWS}_p${P}.csv" | tee "$OUT/r-$ROWS-$P.txt"
java_line=$(grep '^BENCH' "$OUT/java-$ROWS-$P.txt")
r_line=$(grep '^RBENCH' "$OUT/r-$ROWS-$P.txt")
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
awk -v jr="$(field "$java_line" read)" -v ji="$(field "$java_line" ipw)" -v jp="$(field "$java_line" psm)" \
    -v rr="$(field "$r_line" read)" -v ri="$(field "$r_line" glm_ipw)" -v rp="$(field "$r_line" matchit)" \
    -v n="$ROWS" -v p="$P" 'BEGIN {
  psm = (rp == "NA") ? sprintf("psm tagcf %.3fs vs MatchIt skipped (quadratic)", jp) \
                      : sprintf("psm tagcf %.3fs vs MatchIt %.3fs = %.4f", jp, rp, jp / rp)
  printf "RATIO n=%s p=%s read tagcf/R %.2f | ipw tagcf %.3fs vs glm+IPW %.3fs = %.2f | %s\n",
         n, p, jr / rr, ji, ri, ji / ri, psm }'
