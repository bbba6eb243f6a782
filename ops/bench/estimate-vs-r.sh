#!/usr/bin/env bash
# Times `tagcf estimate`'s reading and methods and R (fread, glm + IPW, glm + two lm + AIPW,
# MatchIt) on the same generated CSV, in one run, and prints the ratios.
# Usage: ops/bench/estimate-vs-r.sh ROWS [COVARIATES]   (from the repo root)
# Environment: ESTIMAND (att, default, or ate), METHODS (default ipw,aipw,psm), NUISANCE (aipw's
# learners: glm, default, as R's side; boost or auto), OUT (default
# target/bench), TAGCF_JAVA_OPTS (default -Xmx1g: the reading target's heap), MATCHIT_MAX_ROWS
# (default 200000: MatchIt is quadratic and is skipped above it).
# Installs R, data.table and MatchIt with apt-get when they are missing (ops/bench/install-r.sh).
set -euo pipefail
ROWS=${1:-100000}
P=${2:-20}
ESTIMAND=${ESTIMAND:-att}
METHODS=${METHODS:-ipw,aipw,psm}
NUISANCE=${NUISANCE:-glm}
OUT=${OUT:-target/bench}
export TAGCF_JAVA_OPTS=${TAGCF_JAVA_OPTS:--Xmx1g}
cd "$(dirname "$0")/../.."
ops/bench/install-r.sh
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
TAG="$ROWS-$P-$ESTIMAND-$NUISANCE"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
# ./tagcf runs the benchmark build (bench/target/tagcf-bench.jar), building it on first use.
./tagcf bench estimate --rows "$ROWS" --covariates "$P" --estimand "$ESTIMAND" --methods "$METHODS" \
  --nuisance "$NUISANCE" --out "$OUT" \
  | tee "$OUT/java-$TAG.txt"
echo "load average after tagcf: $(cut -d' ' -f1-3 /proc/loadavg)"
Rscript ops/bench/r_ipw_matchit.R "$OUT/bench_n${ROWS}_p${P}.csv" "$ESTIMAND" | tee "$OUT/r-$TAG.txt"
echo "load average after R: $(cut -d' ' -f1-3 /proc/loadavg)"
java_line=$(grep '^BENCH' "$OUT/java-$TAG.txt")
r_line=$(grep '^RBENCH' "$OUT/r-$TAG.txt")
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 || true; }
awk -v jr="$(field "$java_line" read)" -v ji="$(field "$java_line" ipw)" -v ja="$(field "$java_line" aipw)" \
    -v jp="$(field "$java_line" psm)" -v heap="$(field "$java_line" heap_max_mib)" \
    -v live="$(field "$java_line" read_live_mib)" -v rss="$(field "$java_line" rss_mib)" \
    -v rr="$(field "$r_line" read)" -v ri="$(field "$r_line" glm_ipw)" -v ra="$(field "$r_line" aipw)" \
    -v rp="$(field "$r_line" matchit)" -v n="$ROWS" -v p="$P" -v est="$ESTIMAND" 'BEGIN {
  printf "RATIO n=%s p=%s estimand=%s read tagcf %.3fs (max heap %s MiB, data after reading %s MiB, peak RSS %s MiB) vs fread %.3fs = %.2f\n",
         n, p, est, jr, heap, live, rss, rr, jr / rr
  if (ji != "") printf "RATIO ipw end to end (read + ipw) tagcf %.3fs vs fread + glm + IPW %.3fs = %.2f | engine only %.3fs vs %.3fs = %.2f\n",
         jr + ji, rr + ri, (jr + ji) / (rr + ri), ji, ri, ji / ri
  if (ja != "") printf "RATIO aipw end to end (read + 5-fold aipw) tagcf %.3fs vs fread + glm + 2 lm + AIPW %.3fs = %.2f | engine only %.3fs vs %.3fs = %.2f\n",
         jr + ja, rr + ra, (jr + ja) / (rr + ra), ja, ra, ja / ra
  if (jp != "") {
    if (rp == "NA") printf "RATIO psm tagcf %.3fs vs MatchIt skipped (quadratic; MATCHIT_MAX_ROWS)\n", jp
    else printf "RATIO psm tagcf %.3fs vs MatchIt %.3fs = %.4f\n", jp, rp, jp / rp
  }
}'
