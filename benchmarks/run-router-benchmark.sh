#!/usr/bin/env bash
# Runs RouterBenchmark: Beth's generated router beside a map-of-regexes router for 10, 100 and
# 1,000 routes (the route classes are compiled with Beth's processor when each trial sets up,
# so a JDK is needed), with modest settings for a 2-core machine.
#
#   benchmarks/run-router-benchmark.sh                  # -f 1 -wi 3 -i 5, 1 s each
#   JMH_ARGS="-f 2 -wi 5 -i 5" benchmarks/run-router-benchmark.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/beth-benchmarks.jar"
JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"

if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
  echo "building the benchmarks jar" >&2
  (cd "$ROOT" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

# shellcheck disable=SC2086
java -jar "$JAR" 'io\.beth\.benchmarks\.router\..*' $JMH_ARGS -rf text -rff "$ROOT/benchmarks/target/router-benchmark.txt"
