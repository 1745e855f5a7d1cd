#!/usr/bin/env bash
# Runs the stream JMH benchmarks (BufferedStream put/take and connect, each beside
# ArrayBlockingQueue and SubmissionPublisher) with modest settings for a 2-core machine.
#
#   benchmarks/run-stream-benchmarks.sh                 # -f 1 -wi 2 -i 3, 2 s each
#   JMH_ARGS="-f 2 -wi 5 -i 5" benchmarks/run-stream-benchmarks.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 2 -w 2s -i 3 -r 2s}"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

# shellcheck disable=SC2086
java -jar "$JAR" 'io\.beth\.benchmarks\.stream\..*' $JMH_ARGS -rf text -rff "$ROOT/benchmarks/target/stream-benchmarks.txt"
