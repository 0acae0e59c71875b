#!/usr/bin/env bash
# Echo servers on one loop: Nodus vs Node vs raw Netty (and a minimal C server as the ceiling
# that shows the load generator is not the bottleneck). Loopback only, bounded time (~5 min).
#
#   benchmarks/net/run.sh                 build, run everything, print figures and ratios
#   RUNS=3 RR_SECONDS=3 benchmarks/net/run.sh     quicker, noisier
#   SERVERS="nodus node" SKIP_BUILD=1 benchmarks/net/run.sh
#   NODUS_JFR=nodus.jfr benchmarks/net/run.sh   also record a JFR profile of the Nodus server
#   KINDS=bulk RUNS=2 benchmarks/net/run.sh      only the bulk rounds and the half-close check
#
# Every server runs pinned to core $SERVER_CPU, all started together; the generator (netload.c,
# one epoll thread) is pinned to core $CLIENT_CPU. The windows are interleaved: round 1 measures
# each server once, round 2 again, and so on, so that a slow phase of a shared machine hits every
# server alike, and each figure is the median of a server's rounds. The generator prints its own
# CPU use per window: well under 100% means it was waiting for the server, i.e. it was not the
# bottleneck. See benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
OUT=$ROOT/benchmarks/target/net
mkdir -p "$OUT"

HOST=127.0.0.1
PORT=${PORT:-19100}                 # each server gets PORT + its index
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
RUNS=${RUNS:-5}                     # rounds; each figure is the median of its server's rounds
WARMUP=${WARMUP:-3}                 # seconds of load before a server's first window (JIT)
RR_SECONDS=${RR_SECONDS:-5}
BULK_SECONDS=${BULK_SECONDS:-4}
CONNS=64                            # rr: connections, each with one 64-byte request in flight
SIZE=64
CHUNK=65536                         # bulk: the generator's write size
IDLE=${IDLE:-10000}                 # idle connections for the memory figure
CHURN=${CHURN:-0}                   # connections opened and closed before it (JIT warm-up; 0: none)
SETTLE=${SETTLE:-2}                 # seconds to wait after the churn
SERVERS=${SERVERS:-"nodus node netty c"}
KINDS=${KINDS:-"rr bulk"}           # which throughput rounds; the memory phase runs with rr
# TCP_NODELAY on every socket of the run, the servers' and the generator's, passed to each
# explicitly: 0 is Node's default (Nagle on), which Nodus follows; Netty's default is 1.
NODELAY=${NODELAY:-0}
HALFCLOSE=${HALFCLOSE:-16}          # half-close-with-echo-in-flight connections per server (0: none)
[[ $NODELAY == 0 || $NODELAY == 1 ]] || { echo "NODELAY must be 0 or 1" >&2; exit 2; }
export NETLOAD_NODELAY=$NODELAY

# The JVM servers (Nodus and the Netty reference get the same settings). A fixed, modest heap
# (Xms = Xmx, so a full GC never uncommits and RSS deltas stay comparable); SerialGC: pinned to
# one core the JVM picks it by itself, and ParallelGC and G1 measured within the noise of it.
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

# ---- servers ------------------------------------------------------------------------------------
declare -A PID PORTOF
IDLE_PID=
cleanup() {
  [[ -n $IDLE_PID ]] && kill "$IDLE_PID" 2>/dev/null || true
  for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done
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
      cmd+=(-cp "$CP" dev.nodus.bench.net.NodusEchoServer "$port" "$NODELAY") ;;
    netty) cmd=(java "${JVM_OPTS[@]}" -cp "$CP" dev.nodus.bench.net.NettyEchoServer "$port" "$NODELAY") ;;
    node) cmd=(node --expose-gc benchmarks/net/node-echo.js "$port" "$NODELAY") ;;
    c) cmd=("$OUT/cecho" "$HOST" "$port" "$NODELAY") ;;
    *) echo "unknown server $name" >&2; exit 2 ;;
  esac
  echo "  \$ taskset -c $SERVER_CPU ${cmd[*]//$CP/\$CP}" >"$OUT/$name.log"
  taskset -c "$SERVER_CPU" "${cmd[@]}" >>"$OUT/$name.log" 2>&1 &
  PID[$name]=$!
  PORTOF[$name]=$port
  for _ in $(seq 300); do
    grep -q '^listening' "$OUT/$name.log" && { sed 's/^/  /' "$OUT/$name.log"; return 0; }
    kill -0 "${PID[$name]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name server did not start:" >&2
  cat "$OUT/$name.log" >&2
  exit 1
}

# A full collection before each memory reading, so that the figure counts live data rather than
# garbage (and, for the JVM, so that live objects leave the already-resident young generation).
full_gc() { # name
  case $1 in
    nodus|netty) jcmd "${PID[$1]}" GC.run >/dev/null ;;
    node) kill -USR2 "${PID[$1]}" ;;
  esac
  sleep 0.5
}

# Live heap after a full GC: the JVM's (jcmd), or V8's heapUsed (node-echo.js prints it when
# asked to collect). Not counted there: Netty's and libuv's native memory.
heap_kb() { # name
  case $1 in
    nodus|netty) jcmd "${PID[$1]}" GC.heap_info | awk '/total [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
        match($0, /used [0-9]+K/); s += substr($0, RSTART + 5, RLENGTH - 6) } END { print s + 0 }' ;;
    node) sleep 0.3; sed -n 's/^heap \([0-9]*\) kB$/\1/p' "$OUT/node.log" | tail -1 ;;  # printed at SIGUSR2
    *) echo "" ;;
  esac
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/${PID[$1]}/status"; }
fd_count() { ls "/proc/${PID[$1]}/fd" | wc -l; }

median() { tr ' ' '\n' | { grep -E '^[0-9.]+$' || true; } | sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

# ---- measurements -------------------------------------------------------------------------------
declare -A RR RRCPU BULK BULKCPU MEM HEAP BASE HC
RATE= PER=
LOSSES=0
mkdir -p "$OUT/failures"

# A data-loss or corruption failure (netload exits 4): keep the generator's output and the
# server's log, and go on, so that one run counts how often it happens.
lost() { # name kind file
  local keep=$OUT/failures/$1.$2.$(date -u +%H%M%S).$LOSSES
  LOSSES=$((LOSSES + 1))
  mkdir -p "$keep"
  cp "$3" "$keep/netload.out"; cp "$OUT/$1.log" "$keep/server.log"
  echo "  !! $1 $2: DATA LOST OR CORRUPTED; logs kept in $keep:" >&2
  tail -3 "$3" | sed 's/^/     /' >&2
}

window() { # kind name warmup: one window of rr or bulk against the named server; sets RATE, PER
  local kind=$1 name=$2 warm=$3 status=0 out=$OUT/$2.$1
  echo "-- $kind window, $(date -u +%T)" >>"$out"
  if [[ $kind == rr ]]; then
    NETLOAD_SERVER_PID=${PID[$name]} taskset -c "$CLIENT_CPU" "$NETLOAD" rr "$HOST" "${PORTOF[$name]}" \
      "$CONNS" "$SIZE" "$warm" "$RR_SECONDS" 1 >>"$out" || status=$?
  else
    NETLOAD_SERVER_PID=${PID[$name]} taskset -c "$CLIENT_CPU" "$NETLOAD" bulk "$HOST" "${PORTOF[$name]}" \
      "$CHUNK" "$warm" "$BULK_SECONDS" 1 >>"$out" 2>&1 || status=$?
  fi
  if (( status == 3 )); then
    RATE=stalled PER=stalled   # the server stopped echoing: reported, and the run goes on
  elif (( status == 4 )); then
    RATE=LOST PER=LOST
    lost "$name" "$kind" "$out"
  elif (( status != 0 )); then
    tail "$out" "$OUT/$name.log" >&2
    exit 1
  else
    read -r RATE PER < <(sed -n "s/^$kind median=\([0-9]*\) per_cpu_median=\([0-9]*\).*/\1 \2/p" "$out" | tail -1)
  fi
}

memory() { # name
  local name=$1 before fds0 after heap0 heap1 fdsc fifo=$OUT/idle.fifo port=${PORTOF[$1]}
  # RSS before and after $IDLE idle connections, once per server: the issue's method. With
  # CHURN=N, N connections are first opened and closed, so that the accept and set-up paths are
  # compiled before the first reading (else the JVM's JIT compiles them during the idle phase, and
  # its arenas, ~20 MB of malloc per NMT, count in the per-connection figure); but the churn also
  # leaves V8's heap grown, so that Node's later delta understates its cost (see README).
  if (( CHURN > 0 )); then
    fdsc=$(fd_count "$name")
    taskset -c "$CLIENT_CPU" "$NETLOAD" churn "$HOST" "$port" "$CHURN" >"$OUT/$name.churn" 2>&1 \
      || { cat "$OUT/$name.churn"; exit 1; }
    for _ in $(seq 100); do (( $(fd_count "$name") <= fdsc )) && break; sleep 0.1; done
    sleep "$SETTLE"
  fi
  full_gc "$name"
  before=$(rss_kb "$name")
  heap0=$(heap_kb "$name")
  fds0=$(fd_count "$name")
  rm -f "$fifo"; mkfifo "$fifo"
  taskset -c "$CLIENT_CPU" "$NETLOAD" idle "$HOST" "$port" "$IDLE" <"$fifo" >"$OUT/$name.idle" 2>&1 &
  IDLE_PID=$!
  exec 3>"$fifo"
  for _ in $(seq 600); do  # until the server holds every connection (accepted, not just queued)
    (( $(fd_count "$name") >= fds0 + IDLE )) && break
    kill -0 "$IDLE_PID" 2>/dev/null || { cat "$OUT/$name.idle"; exit 1; }
    sleep 0.1
  done
  sleep 1
  full_gc "$name"
  after=$(rss_kb "$name")
  heap1=$(heap_kb "$name")
  echo "  $name idle: VmRSS ${BASE_KB[$name]} kB at start; ${before} kB -> ${after} kB with $(( $(fd_count "$name") - fds0 )) more descriptors${heap0:+; live heap ${heap0} kB -> ${heap1} kB}"
  [[ -n $heap0 ]] && HEAP[$name]=$(awk -v a="$heap1" -v b="$heap0" -v n="$IDLE" 'BEGIN {printf "%.2f", (a - b) / n}')
  exec 3>&-   # the generator reads EOF and closes its connections
  wait "$IDLE_PID" || true
  IDLE_PID=
  MEM[$name]=$(awk -v a="$after" -v b="$before" -v n="$IDLE" 'BEGIN {printf "%.2f", (a - b) / n}')
}

echo "== starting: $SERVERS (TCP_NODELAY $NODELAY everywhere)"
i=0
for s in $SERVERS; do
  start_server "$s" $((PORT + i))
  : >"$OUT/$s.rr"; : >"$OUT/$s.bulk"; : >"$OUT/$s.halfclose"
  i=$((i + 1))
done
# The fixed cost: each server's RSS once it listens, before any connection (after a full GC).
declare -A BASE_KB
for s in $SERVERS; do
  full_gc "$s"
  BASE_KB[$s]=$(rss_kb "$s")
  BASE[$s]=$(awk -v k="${BASE_KB[$s]}" 'BEGIN {printf "%.1f", k / 1024}')
done
echo "  RSS before any connection (MiB):$(for s in $SERVERS; do printf ' %s %s' "$s" "${BASE[$s]}"; done)"

declare -A RRS RRCPUS BULKS BULKCPUS
for kind in $KINDS; do
  for r in $(seq "$RUNS"); do
    line="== $kind round $r:"
    for s in $SERVERS; do
      # The first window of each kind warms the server's JIT up; later ones only ramp up.
      window "$kind" "$s" "$( (( r == 1 )) && echo "$WARMUP" || echo 0.5)"
      if [[ $kind == rr ]]; then RRS[$s]+=" $RATE"; RRCPUS[$s]+=" $PER"; else BULKS[$s]+=" $RATE"; BULKCPUS[$s]+=" $PER"; fi
      line+=" $s $RATE ($PER/CPU-s)"
    done
    echo "$line"
  done
done
for s in $SERVERS; do
  RR[$s]=$(median <<<"${RRS[$s]:-}"); RRCPU[$s]=$(median <<<"${RRCPUS[$s]:-}")
  BULK[$s]=$(median <<<"${BULKS[$s]:-}"); BULKCPU[$s]=$(median <<<"${BULKCPUS[$s]:-}")
  if [[ -z ${BULK[$s]} && $KINDS == *bulk* ]]; then BULK[$s]=failed; fi
  if [[ -z ${RR[$s]} ]]; then RR[$s]=-; fi
  if [[ -z ${BULK[$s]} ]]; then BULK[$s]=-; fi
done

# The half-close check: connections that send their FIN while the server's echo waits for
# EPOLLOUT (netload.c, halfclose), each checked byte for byte.
if (( HALFCLOSE > 0 )) && [[ $KINDS == *bulk* ]]; then
  echo "== half-close with the echo in flight, $HALFCLOSE connections per server"
  for s in $SERVERS; do
    status=0
    taskset -c "$CLIENT_CPU" "$NETLOAD" halfclose "$HOST" "${PORTOF[$s]}" "$HALFCLOSE" "$RANDOM" \
      >>"$OUT/$s.halfclose" 2>&1 || status=$?
    HC[$s]=$(awk -F'[= ]' '/^halfclose ok=/ {r = $5 "/" $3 + $5} END {print r}' "$OUT/$s.halfclose")
    if (( status == 4 )); then lost "$s" halfclose "$OUT/$s.halfclose"; fi
    if (( status != 0 && status != 4 )); then tail "$OUT/$s.halfclose" "$OUT/$s.log" >&2; exit 1; fi
    echo "  $s: ${HC[$s]:-?} failed"
  done
fi

if [[ $KINDS == *rr* ]]; then
  echo "== memory"
  for s in $SERVERS; do
    memory "$s"
  done
fi

# ---- summary ------------------------------------------------------------------------------------
val() { local -n m=$1; echo "${m[$2]:--}"; }
ratio() { # map a b
  local -n m=$1
  [[ ${m[$2]:-} =~ ^[0-9.]+$ && ${m[$3]:-} =~ ^[0-9.]+$ ]] || { echo "-"; return; }
  awk -v a="${m[$2]}" -v b="${m[$3]}" 'BEGIN {printf "%.2f", a / b}'
}
echo
echo "Echo servers, one loop on core $SERVER_CPU, generator on core $CLIENT_CPU; median of $RUNS interleaved rounds"
row() { # label map
  printf '%-38s %9s %9s %9s %9s | %10s %11s\n' "$1" "$(val "$2" nodus)" "$(val "$2" node)" \
    "$(val "$2" netty)" "$(val "$2" c)" "$(ratio "$2" nodus node)" "$(ratio "$2" nodus netty)"
}
printf '%-38s %9s %9s %9s %9s | %10s %11s\n' "" Nodus Node Netty "C" Nodus/Node Nodus/Netty
row "64 B round trips/s, $CONNS conns" RR
row "  per server CPU-second" RRCPU
row "bulk MB/s, 1 conn" BULK
row "  per server CPU-second" BULKCPU
row "RSS MiB before any connection" BASE
row "RSS KiB per idle conn ($IDLE)" MEM
row "  live heap (Java; V8 for Node)" HEAP
row "half-close checks failed" HC
echo "(per server CPU-second: the work divided by the CPU time the server used, its efficiency;"
echo " it matches the first figure when the server had its core to itself, and is the one to"
echo " compare when other processes shared core $SERVER_CPU: uptime said '$(uptime | sed 's/.*load/load/')')"
echo "TCP_NODELAY $NODELAY on every socket (servers and generator); Netty $(tr ':' '\n' <"$ROOT/benchmarks/target/classpath.txt" | sed -n 's|.*/netty-transport-\([0-9][^/]*\)\.jar$|\1|p' | head -1)"
echo "targets (Nodus/Node): round trips >= 1.30, bulk >= 1.90, memory <= 0.60"
# Round by round (the servers of a round ran within seconds of each other): the lowest and the
# highest Nodus/X ratio, the figure that flatters Nodus least next to the one that flatters it most.
spread() { # list-a list-b
  paste <(tr ' ' '\n' <<<"$1" | grep . || true) <(tr ' ' '\n' <<<"$2" | grep . || true) | awk '
    $1 ~ /^[0-9.]+$/ && $2 ~ /^[0-9.]+$/ && $2 > 0 {r = $1 / $2; if (n == 0 || r < lo) lo = r; if (n == 0 || r > hi) hi = r; n++}
    END {if (n) printf "%.2f-%.2f", lo, hi; else printf "-"}'
}
for ref in node netty; do
  [[ " $SERVERS " == *" nodus "* && " $SERVERS " == *" $ref "* ]] || continue
  echo "Nodus/$ref per round, lowest-highest: round trips $(spread "${RRS[nodus]:-}" "${RRS[$ref]:-}")" \
    "(per CPU-s $(spread "${RRCPUS[nodus]:-}" "${RRCPUS[$ref]:-}")), bulk $(spread "${BULKS[nodus]:-}" "${BULKS[$ref]:-}")" \
    "(per CPU-s $(spread "${BULKCPUS[nodus]:-}" "${BULKCPUS[$ref]:-}"))"
done
if (( LOSSES > 0 )); then
  echo "!! $LOSSES DATA-LOSS OR CORRUPTION FAILURE(S): see $OUT/failures"
else
  echo "no data lost: every bulk and half-close echo was checked byte for byte"
fi
echo "logs: $OUT"
