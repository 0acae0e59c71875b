#!/usr/bin/env bash
# dgram benchmark: Nodus vs Node's dgram (and raw Netty for reference), 64-byte datagrams on
# 127.0.0.1. The echo servers run pinned to core 0, all started together; the load generator
# (loadgen.c: recvmmsg, UDP GSO sends, busy polling) runs pinned to core 1 and loads one server
# at a time. Servers:
#   nodus       NodusEchoServer: a 'message' listener, as a Node user writes it
#   node        node-echo.js: the same program in Node
#   netty       NettyEchoServer defaults: raw Netty with its datagram defaults (recvmsg, 2 KiB)
#   netty-mmsg  NettyEchoServer mmsg: raw Netty with the batching Nodus does (recvmmsg into
#               16 x 64 KiB, UDP GSO replies per address), without Nodus's copies and events
# Three figures per server:
#   ping-pong, 1 peer:  echoes per second with INFLIGHT (64) datagrams in flight from one socket,
#                       and how many were lost or came back altered; the server's replies all
#                       go to one address, so its GSO batches are as large as they get;
#   ping-pong, PEERS:   the same INFLIGHT spread over PEERS sockets (default 64: one each), so
#                       the replies go to many addresses and GSO batches shrink (to nothing
#                       with one datagram per peer): a server with many clients;
#   one-way:            datagrams per second the server received (and counted) while blasted.
# Each also per server CPU-second (the server's CPU time from /proc/PID/stat): on a machine
# shared with other work the raw rates swing, and that figure is the one to compare.
# Each figure is measured ROUNDS times, the servers taking turns, and the median is reported
# (the best round in brackets).
# Usage: benchmarks/dgram/run.sh   (env: WARM=2 SECS=6 INFLIGHT=64 PEERS=64 ROUNDS=3
#                                   SERVERS="nodus node netty netty-mmsg" SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
WARM=${WARM:-2}
SECS=${SECS:-6}
INFLIGHT=${INFLIGHT:-64}
PEERS=${PEERS:-64}
ROUNDS=${ROUNDS:-3}
OUT=benchmarks/target/dgram
read -r -a SERVERS <<<"${SERVERS:-nodus node netty netty-mmsg}"
mkdir -p "$OUT"

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building..." >&2
  ./mvnw -q -B -pl benchmarks -am package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" -DskipTests >&2
  gcc -O2 -Wall -o "$OUT/loadgen" benchmarks/dgram/loadgen.c
fi
CP="benchmarks/target/classes:$(cat "$OUT/cp.txt")"
# The same JVM settings as benchmarks/net/run.sh, for both Java servers.
JAVA=(java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData
  -Dio.netty.leakDetection.level=disabled -Dnodus.transport=epoll -cp "$CP")

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
  : >"$OUT/$name.log"   # here, not in the child: else a previous run's port could be read
  taskset -c 0 "$@" >>"$OUT/$name.log" 2>&1 &
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
for s in "${SERVERS[@]}"; do
  case $s in
    nodus) start nodus "${JAVA[@]}" dev.nodus.bench.dgram.NodusEchoServer 0 ;;
    node) start node node benchmarks/dgram/node-echo.js 0 ;;
    netty) start netty "${JAVA[@]}" dev.nodus.bench.dgram.NettyEchoServer 0 defaults ;;
    netty-mmsg) start netty-mmsg "${JAVA[@]}" dev.nodus.bench.dgram.NettyEchoServer 0 mmsg ;;
    *) echo "unknown server $s" >&2; exit 2 ;;
  esac
done

# One loadgen run into $OUT/res.txt; a failed one is reported and counts as rate 0.
FAILED=0
loadgen() { # server args...
  local s=$1
  shift
  if ! LOADGEN_SERVER_PID=${PID[$s]} taskset -c 1 "$OUT/loadgen" "$@" >"$OUT/res.txt" 2>&1; then
    echo "  loadgen $* failed: $(tr '\n' ' ' <"$OUT/res.txt")" >&2
    FAILED=$((FAILED + 1))
  fi
  { echo "-- $s: loadgen $*"; cat "$OUT/res.txt"; } >>"$OUT/rounds.txt"
}
field() { awk -v k="$1" '$1 == k {print $2}' "$OUT/res.txt" | grep . || echo 0; }
: >"$OUT/rounds.txt"
declare -A PP PPC PPS PN PNC PNS LOST OW OWC OWS
for r in $(seq 1 "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    echo "round $r: $s (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
    loadgen "$s" pingpong "${PORT[$s]}" "$WARM" "$SECS" "$INFLIGHT" 1
    PP[$s]+="$(field pingpong_rate) "; PPC[$s]+="$(field pingpong_per_cpu) "; PPS[$s]+="$(field pingpong_server_cpu) "
    LOST[$s]=$(( ${LOST[$s]:-0} + $(field lost) + $(field bad) ))
    loadgen "$s" pingpong "${PORT[$s]}" "$WARM" "$SECS" "$INFLIGHT" "$PEERS"
    PN[$s]+="$(field pingpong_rate) "; PNC[$s]+="$(field pingpong_per_cpu) "; PNS[$s]+="$(field pingpong_server_cpu) "
    LOST[$s]=$(( ${LOST[$s]:-0} + $(field lost) + $(field bad) ))
    loadgen "$s" oneway "${PORT[$s]}" "$WARM" "$SECS"
    OW[$s]+="$(field oneway_rate) "; OWC[$s]+="$(field oneway_per_cpu) "; OWS[$s]+="$(field oneway_server_cpu) "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
best() { tr ' ' '\n' <<<"$1" | grep . | sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo
echo "dgram, 64-byte datagrams on 127.0.0.1; servers on core 0, load generator on core 1"
echo "(${ROUNDS} rounds of ${WARM} s warm-up + ${SECS} s per figure; ping-pong with ${INFLIGHT} in flight"
echo " from 1 peer, then spread over ${PEERS} peers; median of the rounds, best round in brackets;"
echo " 'per CPU-s': per server CPU-second, and 'cpu': the server's share of its core, medians of"
echo " the rounds; a share well under 1 on a quiet machine means the generator was the limit)"
printf '%-11s %21s %9s %4s %21s %9s %4s %4s %21s %9s %4s\n' server "ping-pong/s, 1 peer" "per CPU-s" \
  cpu "ping-pong/s, $PEERS peers" "per CPU-s" cpu lost "one-way received/s" "per CPU-s" cpu
declare -A M
for s in "${SERVERS[@]}"; do
  for f in PP PPC PPS PN PNC PNS OW OWC OWS; do
    local_ref="$f[$s]"
    M[$f.$s]=$(median "${!local_ref}")
  done
  printf '%-11s %21s %9s %4s %21s %9s %4s %4s %21s %9s %4s\n' "$s" \
    "${M[PP.$s]} [$(best "${PP[$s]}")]" "${M[PPC.$s]}" "${M[PPS.$s]}" \
    "${M[PN.$s]} [$(best "${PN[$s]}")]" "${M[PNC.$s]}" "${M[PNS.$s]}" "${LOST[$s]}" \
    "${M[OW.$s]} [$(best "${OW[$s]}")]" "${M[OWC.$s]}" "${M[OWS.$s]}"
done
for ref in node netty netty-mmsg; do
  [[ -n ${PID[$ref]:-} && -n ${PID[nodus]:-} ]] || continue
  printf 'Nodus/%-10s ping-pong 1 peer %5s (per CPU-s %5s)   %s peers %5s (%5s)   one-way %5s (%5s)\n' \
    "$ref" "$(ratio "${M[PP.nodus]}" "${M[PP.$ref]}")" "$(ratio "${M[PPC.nodus]}" "${M[PPC.$ref]}")" \
    "$PEERS" "$(ratio "${M[PN.nodus]}" "${M[PN.$ref]}")" "$(ratio "${M[PNC.nodus]}" "${M[PNC.$ref]}")" \
    "$(ratio "${M[OW.nodus]}" "${M[OW.$ref]}")" "$(ratio "${M[OWC.nodus]}" "${M[OWC.$ref]}")"
done
# Round by round (the servers of a round ran within a minute of each other): the lowest and the
# highest Nodus/X ratio, the figure that flatters Nodus least next to the one that flatters it most.
spread() { # list-a list-b
  paste <(tr ' ' '\n' <<<"$1" | grep . || true) <(tr ' ' '\n' <<<"$2" | grep . || true) | awk '
    $1 ~ /^[0-9.]+$/ && $2 ~ /^[0-9.]+$/ && $2 > 0 {r = $1 / $2; if (n == 0 || r < lo) lo = r; if (n == 0 || r > hi) hi = r; n++}
    END {if (n) printf "%.2f-%.2f", lo, hi; else printf "-"}'
}
for ref in node netty netty-mmsg; do
  [[ -n ${PID[$ref]:-} && -n ${PID[nodus]:-} ]] || continue
  printf 'Nodus/%-10s per round, lowest-highest: 1 peer %s (per CPU-s %s)  %s peers %s (%s)  one-way %s (%s)\n' "$ref" \
    "$(spread "${PP[nodus]}" "${PP[$ref]}")" "$(spread "${PPC[nodus]}" "${PPC[$ref]}")" "$PEERS" \
    "$(spread "${PN[nodus]}" "${PN[$ref]}")" "$(spread "${PNC[nodus]}" "${PNC[$ref]}")" \
    "$(spread "${OW[nodus]}" "${OW[$ref]}")" "$(spread "${OWC[nodus]}" "${OWC[$ref]}")"
done
echo "Netty $(tr ':' '\n' <"$OUT/cp.txt" | sed -n 's|.*/netty-transport-\([0-9][^/]*\)\.jar$|\1|p' | head -1);" \
  "target (Nodus/Node): one-way >= 1.8; uptime said '$(uptime | sed 's/.*load/load/')'"
[ "$FAILED" -eq 0 ] || echo "($FAILED load generator run(s) failed; see above)"
echo "per-round output: $OUT/rounds.txt"
