#!/usr/bin/env bash
# Loads Beth's HTTP server and a hand-written Netty baseline with wrk, one after the other, and
# prints requests/s, p99 latency and the Beth/baseline ratios.
#
#   benchmarks/run-http-benchmark.sh   # 64 connections, 10 s warm-up, 15 s measured, 3 rounds
#   DURATION=30s WARMUP=15s ROUNDS=5 CONNECTIONS=64 IO_THREADS=1 WRK_THREADS=1 benchmarks/run-http-benchmark.sh
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
PORT="${PORT:-18080}"
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

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

wait_for_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not start on port $PORT" >&2
  return 1
}

# Prints "requests_per_second p99_ms" for one wrk run.
measure() {
  local url="$1" duration="$2" out rps p99
  out="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$url")"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$out" >&2
    echo "non-2xx answers from $url" >&2
    return 1
  fi
  rps="$(echo "$out" | awk '/^Requests\/sec/ {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  echo "$rps $(to_ms "$p99")"
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
  for server in baseline beth; do
    case "$server" in
      baseline) class=io.beth.benchmarks.http.NettyHelloServer ;;
      beth) class=io.beth.benchmarks.http.BethHelloServer ;;
    esac
    java -Xms512m -Xmx512m -cp "$JAR" "$class" "$PORT" "$IO_THREADS" 2>/dev/null &
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

# The median of the rounds, by throughput; prints "requests_per_second p99_ms".
median() {
  printf "%s" "${RUNS[$1]}" | sort -g -k1,1 | awk '{ r[NR] = $0 } END { print r[int((NR + 1) / 2)] }'
}

printf "\n%-10s %-10s %14s %10s   (median of %s rounds)\n" server path "requests/s" "p99 ms" "$ROUNDS"
declare -A RESULT
for server in baseline beth; do
  for path in plaintext json; do
    RESULT["$server/$path"]="$(median "$server/$path")"
    read -r rps p99 <<<"${RESULT[$server/$path]}"
    printf "%-10s %-10s %14s %10s\n" "$server" "$path" "$rps" "$p99"
  done
done
echo
for path in plaintext json; do
  read -r brps bp99 <<<"${RESULT[baseline/$path]}"
  read -r rps p99 <<<"${RESULT[beth/$path]}"
  awk -v p="$path" -v a="$rps" -v b="$brps" -v x="$p99" -v y="$bp99" \
    'BEGIN {printf "beth/baseline %-10s throughput %.3f   p99 %.3f\n", p, a / b, x / y}'
done
