#!/usr/bin/env bash
# Echo servers on one loop: Nodus vs Node vs raw Netty (and a minimal C server as the ceiling
# that shows the load generator is not the bottleneck). Loopback only, bounded time (~4 min).
#
#   benchmarks/net/run.sh                 build, run everything, print figures and ratios
#   RUNS=1 RR_SECONDS=5 benchmarks/net/run.sh     quicker, noisier
#   SERVERS="nodus node" SKIP_BUILD=1 benchmarks/net/run.sh
#   NODUS_JFR=nodus.jfr benchmarks/net/run.sh   also record a JFR profile of the Nodus server
#
# Each server runs alone, pinned to core $SERVER_CPU; the generator (netload.c, one epoll thread)
# is pinned to core $CLIENT_CPU and prints its own CPU use per window: well under 100% means it
# was waiting for the server, i.e. it was not the bottleneck. See benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=$ROOT/benchmarks/target/net
mkdir -p "$OUT"

HOST=127.0.0.1
PORT=${PORT:-19100}                 # each server gets PORT + its index
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
RUNS=${RUNS:-3}                     # windows per figure; the figure is their median
WARMUP=${WARMUP:-3}                 # seconds of load before the first rr window (JIT)
RR_SECONDS=${RR_SECONDS:-10}
BULK_WARMUP=${BULK_WARMUP:-2}
BULK_SECONDS=${BULK_SECONDS:-5}
CONNS=64                            # rr: connections, each with one 64-byte request in flight
SIZE=64
CHUNK=65536                         # bulk: the generator's write size
IDLE=${IDLE:-10000}                 # idle connections for the memory figure
SERVERS=${SERVERS:-"nodus node netty c"}
C_RUNS=${C_RUNS:-1}                 # the C ceiling is a check, one window is enough

# The JVM servers (Nodus and the Netty reference get the same settings). A fixed, modest heap
# (Xms = Xmx, so a full GC never uncommits and RSS deltas stay comparable); SerialGC: pinned to
# one core the JVM picks it by itself, and ParallelGC and G1 measured within the noise of it
# (bulk, where Nodus allocates its copies of the reads, ~20 young GCs/s of ~2 ms each).
JVM_OPTS=(-Xms256m -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData
  -Dio.netty.leakDetection.level=disabled -Dnodus.transport=epoll)
if [[ -n ${JAVA_OPTS:-} ]]; then read -r -a extra <<<"$JAVA_OPTS"; JVM_OPTS+=("${extra[@]}"); fi

# ---- build --------------------------------------------------------------------------------------
if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "building (maven, gcc)..."
  ./mvnw -q -B -pl benchmarks -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  gcc -O2 -Wall -o "$OUT/netload" benchmarks/net/netload.c
  gcc -O2 -Wall -o "$OUT/cecho" benchmarks/net/cecho.c
fi
CP=$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")
NETLOAD=$OUT/netload

# 10,000 idle connections need 10,000 descriptors in the server and as many in the generator.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < IDLE + 200 )); then
  echo "ulimit -n is $(ulimit -n): too low for $IDLE connections" >&2
  exit 1
fi

# ---- server lifecycle ---------------------------------------------------------------------------
SERVER_PID=
IDLE_PID=
cleanup() {
  [[ -n $IDLE_PID ]] && kill "$IDLE_PID" 2>/dev/null || true
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() { # name port
  local name=$1 port=$2 cmd
  case $name in
    nodus)
      cmd=(java "${JVM_OPTS[@]}")
      [[ -n ${NODUS_JFR:-} ]] && cmd+=("-XX:StartFlightRecording=filename=$NODUS_JFR,settings=profile")
      cmd+=(-cp "$CP" dev.nodus.bench.net.NodusEchoServer "$port") ;;
    netty) cmd=(java "${JVM_OPTS[@]}" -cp "$CP" dev.nodus.bench.net.NettyEchoServer "$port") ;;
    node) cmd=(node --expose-gc benchmarks/net/node-echo.js "$port") ;;
    c) cmd=("$OUT/cecho" "$HOST" "$port") ;;
  esac
  echo "  \$ taskset -c $SERVER_CPU ${cmd[*]//$CP/\$CP}" >"$OUT/$name.log"
  taskset -c "$SERVER_CPU" "${cmd[@]}" >>"$OUT/$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do
    grep -q '^listening' "$OUT/$name.log" && { sed 's/^/  /' "$OUT/$name.log"; return 0; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name server did not start:" >&2
  cat "$OUT/$name.log" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# A full collection before each memory reading, so that the figure counts live data rather than
# garbage (and, for the JVM, so that live objects leave the already-resident young generation).
full_gc() { # name
  case $1 in
    nodus|netty) jcmd "$SERVER_PID" GC.run >/dev/null ;;
    node) kill -USR2 "$SERVER_PID" ;;
  esac
  sleep 0.5
}

# Live Java heap after a full GC (JVM servers only): how much of the RSS delta is heap.
heap_kb() {
  case $1 in
    nodus|netty) jcmd "$SERVER_PID" GC.heap_info | awk '/total [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
        match($0, /used [0-9]+K/); s += substr($0, RSTART + 5, RLENGTH - 6) } END { print s + 0 }' ;;
    *) echo "" ;;
  esac
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
fd_count() { ls "/proc/$SERVER_PID/fd" | wc -l; }

# ---- measurements -------------------------------------------------------------------------------
declare -A RR RRCPU BULK BULKCPU MEM HEAP

measure() { # name port
  local name=$1 port=$2 runs=$RUNS line
  [[ $name == c ]] && runs=$C_RUNS
  echo "== $name"
  start_server "$name" "$port"

  NETLOAD_SERVER_PID=$SERVER_PID taskset -c "$CLIENT_CPU" "$NETLOAD" rr "$HOST" "$port" "$CONNS" "$SIZE" "$WARMUP" "$RR_SECONDS" "$runs" \
    >"$OUT/$name.rr" || { cat "$OUT/$name.rr"; tail "$OUT/$name.log"; exit 1; }
  sed 's/^/  /' "$OUT/$name.rr"
  RR[$name]=$(sed -n 's/^rr median=\([0-9]*\).*/\1/p' "$OUT/$name.rr")
  RRCPU[$name]=$(sed -n 's/^rr .*per_cpu_median=//p' "$OUT/$name.rr")

  local status=0
  NETLOAD_SERVER_PID=$SERVER_PID taskset -c "$CLIENT_CPU" "$NETLOAD" bulk "$HOST" "$port" "$CHUNK" "$BULK_WARMUP" "$BULK_SECONDS" "$runs" \
    >"$OUT/$name.bulk" || status=$?
  sed 's/^/  /' "$OUT/$name.bulk"
  if (( status == 3 )); then
    BULK[$name]=stalled   # the server stopped echoing: reported, and the run goes on
  elif (( status != 0 )); then
    tail "$OUT/$name.log"; exit 1
  else
    BULK[$name]=$(sed -n 's/^bulk median=\([0-9]*\).*/\1/p' "$OUT/$name.bulk")
    BULKCPU[$name]=$(sed -n 's/^bulk .*per_cpu_median=//p' "$OUT/$name.bulk")
  fi

  # Memory: RSS before and after $IDLE idle connections, once per server (a second round in the
  # same process would mostly reuse the memory the first one freed).
  full_gc "$name"
  local before fds0 after heap0 heap1 fifo=$OUT/idle.fifo
  before=$(rss_kb)
  heap0=$(heap_kb "$name")
  fds0=$(fd_count)
  rm -f "$fifo"; mkfifo "$fifo"
  taskset -c "$CLIENT_CPU" "$NETLOAD" idle "$HOST" "$port" "$IDLE" <"$fifo" >"$OUT/$name.idle" 2>&1 &
  IDLE_PID=$!
  exec 3>"$fifo"
  for _ in $(seq 600); do  # until the server holds every connection (accepted, not just queued)
    (( $(fd_count) >= fds0 + IDLE )) && break
    kill -0 "$IDLE_PID" 2>/dev/null || { cat "$OUT/$name.idle"; exit 1; }
    sleep 0.1
  done
  sleep 1
  full_gc "$name"
  after=$(rss_kb)
  heap1=$(heap_kb "$name")
  echo "  idle: VmRSS ${before} kB -> ${after} kB with $(( $(fd_count) - fds0 )) more descriptors${heap0:+; live heap ${heap0} kB -> ${heap1} kB}"
  [[ -n $heap0 ]] && HEAP[$name]=$(awk -v a="$heap1" -v b="$heap0" -v n="$IDLE" 'BEGIN {printf "%.2f", (a - b) / n}')
  exec 3>&-   # the generator reads EOF and closes its connections
  wait "$IDLE_PID" || true
  IDLE_PID=
  MEM[$name]=$(awk -v a="$after" -v b="$before" -v n="$IDLE" 'BEGIN {printf "%.2f", (a - b) / n}')
  stop_server
}

i=0
for s in $SERVERS; do
  measure "$s" $((PORT + i))
  i=$((i + 1))
done

# ---- summary ------------------------------------------------------------------------------------
val() { local -n m=$1; echo "${m[$2]:--}"; }
ratio() { # map a b
  local -n m=$1
  [[ ${m[$2]:-} =~ ^[0-9.]+$ && ${m[$3]:-} =~ ^[0-9.]+$ ]] || { echo "-"; return; }
  awk -v a="${m[$2]}" -v b="${m[$3]}" 'BEGIN {printf "%.2f", a / b}'
}
echo
echo "Echo servers, one loop on core $SERVER_CPU, generator on core $CLIENT_CPU; median of $RUNS windows"
row() { # label map
  printf '%-38s %9s %9s %9s %9s | %10s %11s\n' "$1" "$(val "$2" nodus)" "$(val "$2" node)" \
    "$(val "$2" netty)" "$(val "$2" c)" "$(ratio "$2" nodus node)" "$(ratio "$2" nodus netty)"
}
printf '%-38s %9s %9s %9s %9s | %10s %11s\n' "" Nodus Node Netty "C" Nodus/Node Nodus/Netty
row "64 B round trips/s, $CONNS conns" RR
row "  per server CPU-second" RRCPU
row "bulk MB/s, 1 conn" BULK
row "  per server CPU-second" BULKCPU
row "RSS KiB per idle conn ($IDLE)" MEM
row "  of which live Java heap" HEAP
echo "(per server CPU-second: the work divided by the CPU time the server used, its efficiency;"
echo " it matches the first figure when the server had its core to itself, and is the one to"
echo " compare when other processes shared core $SERVER_CPU: uptime said '$(uptime | sed 's/.*load/load/')')"
echo "targets (Nodus/Node): round trips >= 1.30, bulk >= 1.90, memory <= 0.60"
echo "logs: $OUT"
