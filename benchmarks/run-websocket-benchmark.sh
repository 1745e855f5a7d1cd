#!/usr/bin/env bash
# WebSocket echo round trips per second over 64 sockets: Beth's echo, a hand-written Netty
# WebSocket echo and a Vert.x WebSocket echo, in one JVM with the same number of I/O threads,
# loaded in turn by the same Netty client; prints each round (throughput, server CPU time and
# bytes allocated per round trip) and the median ratios beth/netty, vertx/netty and beth/vertx.
#
#   benchmarks/run-websocket-benchmark.sh                  # 64 sockets, 5 rounds of 10 s: ~4 minutes
#   SOCKETS=64 ROUNDS=7 DURATION_S=15 WARMUP_S=5 SERVER_THREADS=1 CLIENT_THREADS=1 benchmarks/run-websocket-benchmark.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run-websocket-benchmark.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"
JAVA="${JAVA:-java}"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

"$JAVA" -Xmx1g -cp "$JAR" io.beth.benchmarks.websocket.WebSocketEchoBenchmark \
  "${SOCKETS:-64}" "${ROUNDS:-5}" "${DURATION_S:-10}" "${WARMUP_S:-5}" \
  "${SERVER_THREADS:-1}" "${CLIENT_THREADS:-1}"
