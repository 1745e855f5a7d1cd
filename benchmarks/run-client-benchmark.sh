#!/usr/bin/env bash
# Requests/s of Beth's HTTP client beside the JDK's java.net.http.HttpClient and Vert.x's HTTP
# client, all three in one JVM, against the hand-written Netty hello server (GET /plaintext,
# keep-alive, the same number in flight for each), and the ratios beth/jdk, beth/vertx and
# vertx/jdk.
#
#   benchmarks/run-client-benchmark.sh   # 64 in flight, 5 s warm-up, 10 s measured, 3 rounds: ~2.5 minutes
#   IN_FLIGHT=64 WARMUP=10 DURATION=15 ROUNDS=5 IO_THREADS=1 benchmarks/run-client-benchmark.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run-client-benchmark.sh
#
# Each round starts with the next client (each warmed up first) and the median is reported, so
# that other load on the machine affects all alike. The server runs in its own JVM. Beth's client
# and Vert.x's have IO_THREADS event loops each, Vert.x on Netty's epoll (NIO where there is none).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
IN_FLIGHT="${IN_FLIGHT:-64}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
IO_THREADS="${IO_THREADS:-1}"
SERVER_THREADS="${SERVER_THREADS:-1}"
PORT="${PORT:-18081}"
JAVA="${JAVA:-java}"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

SERVER_PID=""
# The server dies of the TERM signal: its status (143) is not the script's.
cleanup() {
  if [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

"$JAVA" -Xms1g -Xmx1g -cp "$JAR" io.beth.benchmarks.http.NettyHelloServer "$PORT" "$SERVER_THREADS" 2>/dev/null &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  sleep 0.1
done

"$JAVA" -Xms1g -Xmx1g -cp "$JAR" io.beth.benchmarks.http.HttpClientBenchmark \
  "http://127.0.0.1:$PORT/plaintext" "$IN_FLIGHT" "$WARMUP" "$DURATION" "$ROUNDS" "$IO_THREADS"
