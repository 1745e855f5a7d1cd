#!/usr/bin/env bash
# TCP echo throughput (MB/s over 64 connections) and UDP echo packets/s: Beth's TCP server (byte[]
# and raw ByteBuf modes) and UDP socket against hand-written Netty echoes (and the byte[] mode also
# against a Netty echo that copies to byte[] and back), and for TCP a Vert.x echo beside them, in
# one JVM, loaded in alternating order by the same Netty load drivers; prints each round, the
# servers' CPU time per MB and per packet, and the median ratios beth/netty, beth/vertx and
# vertx/netty.
#
#   benchmarks/run-echo-benchmark.sh                        # 64 connections, 3 rounds of 10 s: ~5 minutes
#   ROUNDS=5 DURATION=15 WARMUP=3 CONNECTIONS=64 CLIENT_THREADS=2 benchmarks/run-echo-benchmark.sh
#   UDP_SOCKETS=4 UDP_WINDOW=64 UDP_SIZE=64 benchmarks/run-echo-benchmark.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run-echo-benchmark.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"
JAVA="${JAVA:-java}"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

# 1 GiB of heap: at 512 MiB or less Netty's adaptive allocator runs in its low-memory mode, which
# pools no buffer over 64 KiB and no thread-local magazines, unlike a server of ordinary size.
"$JAVA" -Xmx1g -cp "$JAR" io.beth.benchmarks.echo.EchoBenchmark \
  "${CONNECTIONS:-64}" "${ROUNDS:-3}" "${DURATION:-10}" "${WARMUP:-3}" "${CLIENT_THREADS:-2}" \
  "${UDP_SOCKETS:-4}" "${UDP_WINDOW:-64}" "${UDP_SIZE:-64}"
