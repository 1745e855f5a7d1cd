#!/usr/bin/env bash
# WebSocket echo round trips per second over 64 sockets: Beth's echo against a hand-written Netty
# WebSocket echo, in one JVM, loaded in alternating rounds by the same Netty client; prints each
# round and the median Beth/baseline ratio.
#
#   benchmarks/run-websocket-benchmark.sh                  # 64 sockets, 5 rounds of 10 s
#   SOCKETS=64 ROUNDS=7 DURATION_S=15 WARMUP_S=5 SERVER_THREADS=1 CLIENT_THREADS=1 benchmarks/run-websocket-benchmark.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

java -Xmx1g -cp "$JAR" io.beth.benchmarks.websocket.WebSocketEchoBenchmark \
  "${SOCKETS:-64}" "${ROUNDS:-5}" "${DURATION_S:-10}" "${WARMUP_S:-5}" \
  "${SERVER_THREADS:-1}" "${CLIENT_THREADS:-1}"
