#!/usr/bin/env bash
# Requests/s of Beth's HTTP client beside the JDK's java.net.http.HttpClient, both in one JVM,
# against the hand-written Netty hello server (GET /plaintext, keep-alive, 64 in flight).
#
#   benchmarks/run-client-benchmark.sh   # 64 in flight, 5 s warm-up, 10 s measured, 3 rounds
#   IN_FLIGHT=64 WARMUP=10 DURATION=15 ROUNDS=5 IO_THREADS=1 benchmarks/run-client-benchmark.sh
#
# The clients alternate over the rounds (each warmed up first) and the median is reported, so
# that other load on the machine affects both alike. The server runs in its own JVM.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IN_FLIGHT="${IN_FLIGHT:-64}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
IO_THREADS="${IO_THREADS:-1}"
SERVER_THREADS="${SERVER_THREADS:-1}"
PORT="${PORT:-18081}"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

java -Xms1g -Xmx1g -cp "$JAR" io.beth.benchmarks.http.NettyHelloServer "$PORT" "$SERVER_THREADS" 2>/dev/null &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  sleep 0.1
done

java -Xms1g -Xmx1g -cp "$JAR" io.beth.benchmarks.http.HttpClientBenchmark \
  "http://127.0.0.1:$PORT/plaintext" "$IN_FLIGHT" "$WARMUP" "$DURATION" "$ROUNDS" "$IO_THREADS"
