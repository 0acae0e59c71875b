#!/usr/bin/env bash
# dgram benchmark: Nodus vs Node's dgram (and raw Netty for reference), 64-byte datagrams on
# 127.0.0.1. The three echo servers (NodusEchoServer, node-echo.js, NettyEchoServer) run pinned
# to core 0; the load generator (loadgen.c: recvmmsg, UDP GSO sends) runs pinned to core 1 and
# loads one server at a time. Two figures per server:
#   ping-pong: echoes per second with INFLIGHT (64) datagrams in flight, and how many were lost
#              or came back altered;
#   one-way:   datagrams per second the server received (and counted) while being blasted.
# Each figure is measured ROUNDS times, the servers taking turns, and the median is reported
# (the best round in brackets): the machine is shared, and a round that other work disturbed
# should not decide the result.
# Usage: benchmarks/dgram/run.sh        (env: WARM=2 SECS=6 INFLIGHT=64 ROUNDS=3)
set -euo pipefail
cd "$(dirname "$0")/../.."
WARM=${WARM:-2}
SECS=${SECS:-6}
INFLIGHT=${INFLIGHT:-64}
ROUNDS=${ROUNDS:-3}
OUT=benchmarks/target/dgram
SERVERS=(nodus node netty)
mkdir -p "$OUT"

echo "building..." >&2
./mvnw -q -B -pl benchmarks -am package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/cp.txt" -DskipTests >&2
gcc -O2 -Wall -o "$OUT/loadgen" benchmarks/dgram/loadgen.c
CP="benchmarks/target/classes:$(cat "$OUT/cp.txt")"
JAVA=(java -Xms256m -Xmx256m -Dio.netty.leakDetection.level=disabled -cp "$CP")

declare -A PID PORT
cleanup() {
  for s in "${SERVERS[@]}"; do
    if [ -n "${PID[$s]:-}" ]; then kill "${PID[$s]}" 2>/dev/null || true; fi
  done
}
trap cleanup EXIT

start() {
  local name=$1
  shift
  taskset -c 0 "$@" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
  for _ in $(seq 1 200); do
    PORT[$name]=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$OUT/$name.log" | head -1)
    [ -n "${PORT[$name]}" ] && return 0
    sleep 0.05
  done
  echo "$name did not start:" >&2
  cat "$OUT/$name.log" >&2
  exit 1
}
start nodus "${JAVA[@]}" dev.nodus.bench.dgram.NodusEchoServer 0
start node node benchmarks/dgram/node-echo.js 0
start netty "${JAVA[@]}" dev.nodus.bench.dgram.NettyEchoServer 0

# One loadgen run into $OUT/res.txt; a failed one is reported and counts as rate 0.
FAILED=0
loadgen() {
  if ! taskset -c 1 "$OUT/loadgen" "$@" >"$OUT/res.txt" 2>&1; then
    echo "  loadgen $* failed: $(tr '\n' ' ' <"$OUT/res.txt")" >&2
    FAILED=$((FAILED + 1))
  fi
}
field() { awk -v k="$1" '$1 == k {print $2}' "$OUT/res.txt" | grep . || echo 0; }
declare -A PP LOST OW
for r in $(seq 1 "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    echo "round $r: $s (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
    loadgen pingpong "${PORT[$s]}" "$WARM" "$SECS" "$INFLIGHT"
    PP[$s]+="$(field pingpong_rate) "
    LOST[$s]=$(( ${LOST[$s]:-0} + $(field lost) + $(field bad) ))
    loadgen oneway "${PORT[$s]}" "$WARM" "$SECS"
    OW[$s]+="$(field oneway_rate) "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { tr ' ' '\n' <<<"$1" | grep . | sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "dgram, 64-byte datagrams on 127.0.0.1; servers on core 0, load generator on core 1"
echo "(${ROUNDS} rounds of ${WARM} s warm-up + ${SECS} s per figure; ping-pong with ${INFLIGHT} in flight;"
echo " median of the rounds, best round in brackets)"
printf '%-7s %24s %6s %24s\n' server "ping-pong/s" "lost" "one-way received/s"
declare -A MPP MOW
for s in "${SERVERS[@]}"; do
  MPP[$s]=$(median "${PP[$s]}")
  MOW[$s]=$(median "${OW[$s]}")
  printf '%-7s %24s %6s %24s\n' "$s" "${MPP[$s]} [$(best "${PP[$s]}")]" "${LOST[$s]}" \
    "${MOW[$s]} [$(best "${OW[$s]}")]"
done
echo "Nodus/Node   ping-pong $(ratio "${MPP[nodus]}" "${MPP[node]}")x   one-way $(ratio "${MOW[nodus]}" "${MOW[node]}")x"
echo "Nodus/Netty  ping-pong $(ratio "${MPP[nodus]}" "${MPP[netty]}")x   one-way $(ratio "${MOW[nodus]}" "${MOW[netty]}")x"
[ "$FAILED" -eq 0 ] || echo "($FAILED load generator run(s) failed; see above)"
