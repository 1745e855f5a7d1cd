#!/usr/bin/env bash
# Loads a hand-written Netty baseline, Beth's HTTP server with a programmatic handler ("beth") and
# the same routes written with annotations ("declarative", generated router, started through
# Dagger) with wrk, one after the other, and prints requests/s, p99 latency, server CPU time per
# request and the ratios to the baseline and between the two Beth servers.
#
#   benchmarks/run-http-benchmark.sh   # 64 connections, 10 s warm-up, 15 s measured, 3 rounds
#   DURATION=30s WARMUP=15s ROUNDS=5 CONNECTIONS=64 IO_THREADS=1 WRK_THREADS=1 benchmarks/run-http-benchmark.sh
#   PIPELINE=16 benchmarks/run-http-benchmark.sh   # HTTP/1.1 pipelining, 16 requests deep
#
# The servers run in turn, in alternating rounds (each a fresh JVM, warmed up first), and the
# median of the rounds is reported, so that other load on the machine affects both alike.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-10s}"
DURATION="${DURATION:-15s}"
IO_THREADS="${IO_THREADS:-1}"
WRK_THREADS="${WRK_THREADS:-1}"
ROUNDS="${ROUNDS:-3}"
PIPELINE="${PIPELINE:-1}" # requests each connection sends before reading answers
PORT="${PORT:-18080}"
SERVERS="baseline beth declarative"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk from Debian's packages" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

WRK_SCRIPT=()
if [ "$PIPELINE" -gt 1 ]; then
  LUA="$(mktemp --suffix=.lua)"
  cat >"$LUA" <<LUA
init = function(args)
  local requests = {}
  for i = 1, $PIPELINE do requests[i] = wrk.format(nil) end
  pipelined = table.concat(requests)
end
request = function() return pipelined end
LUA
  WRK_SCRIPT=(-s "$LUA")
fi

SERVER_PID=""
cleanup() {
  [ -n "${LUA:-}" ] && rm -f "$LUA"
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  true
}
trap cleanup EXIT

wait_for_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not start on port $PORT" >&2
  return 1
}

# CPU time (user + system) the server process has used so far, in clock ticks.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"
}

# Prints "requests_per_second p99_ms server_cpu_us_per_request" for one wrk run. The CPU time the
# server spends per request hardly depends on other load on the machine, unlike requests/s.
measure() {
  local url="$1" duration="$2" out rps p99 requests before after
  before="$(cpu_ticks)"
  out="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency ${WRK_SCRIPT[@]+"${WRK_SCRIPT[@]}"} "$url")"
  after="$(cpu_ticks)"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$out" >&2
    echo "non-2xx answers from $url" >&2
    return 1
  fi
  rps="$(echo "$out" | awk '/^Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  requests="$(echo "$out" | awk '/requests in/ {print $1}')"
  echo "$rps $(to_ms "$p99") $(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" \
    -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')"
}

to_ms() {
  local v="$1"
  case "$v" in
    *us) awk -v x="${v%us}" 'BEGIN {printf "%.3f", x / 1000}' ;;
    *ms) awk -v x="${v%ms}" 'BEGIN {printf "%.3f", x}' ;;
    *s) awk -v x="${v%s}" 'BEGIN {printf "%.3f", x * 1000}' ;;
    *) echo "$v" ;;
  esac
}

declare -A RUNS
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    case "$server" in
      baseline) class=io.beth.benchmarks.http.NettyHelloServer ;;
      beth) class=io.beth.benchmarks.http.BethHelloServer ;;
      declarative) class=io.beth.benchmarks.http.BethDeclarativeHelloServer ;;
    esac
    # 1 GiB: at 512 MiB or less Netty's adaptive allocator runs in its low-memory mode
    java -Xms1g -Xmx1g -cp "$JAR" "$class" "$PORT" "$IO_THREADS" 2>/dev/null &
    SERVER_PID=$!
    wait_for_port
    for path in plaintext json; do # every path warms up before any is measured
      measure "http://127.0.0.1:$PORT/$path" "$WARMUP" >/dev/null
    done
    for path in plaintext json; do
      result="$(measure "http://127.0.0.1:$PORT/$path" "$DURATION")"
      echo "round $round $server /$path: $result" >&2
      RUNS["$server/$path"]+="$result"$'\n'
    done
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  done
done

# The median of the rounds of one column ($2: 1 throughput, 2 p99, 3 CPU per request).
median() {
  printf "%s" "${RUNS[$1]}" | awk -v c="$2" '{print $c}' | sort -g \
    | awk '{ r[NR] = $0 } END { print r[int((NR + 1) / 2)] }'
}

printf "\n%-12s %-10s %14s %10s %14s   (medians of %s rounds)\n" server path "requests/s" \
  "p99 ms" "cpu us/req" "$ROUNDS"
declare -A RESULT
for server in $SERVERS; do
  for path in plaintext json; do
    RESULT["$server/$path"]="$(median "$server/$path" 1) $(median "$server/$path" 2) $(median "$server/$path" 3)"
    read -r rps p99 cpu <<<"${RESULT[$server/$path]}"
    printf "%-12s %-10s %14s %10s %14s\n" "$server" "$path" "$rps" "$p99" "$cpu"
  done
done
echo
# Efficiency: the reference's CPU per request / the server's (1.0 = as cheap as the reference).
ratio() {
  local server="$1" reference="$2" path="$3"
  read -r rps p99 cpu <<<"${RESULT[$server/$path]}"
  read -r brps bp99 bcpu <<<"${RESULT[$reference/$path]}"
  awk -v l="$server/$reference" -v p="$path" -v a="$rps" -v b="$brps" -v x="$p99" -v y="$bp99" \
    -v c="$cpu" -v d="$bcpu" \
    'BEGIN {printf "%-22s %-10s throughput %.3f   p99 %.3f   cpu efficiency %.3f\n", l, p, a / b, x / y, d / c}'
}
for path in plaintext json; do
  ratio beth baseline "$path"
  ratio declarative baseline "$path"
  ratio declarative beth "$path"
done
