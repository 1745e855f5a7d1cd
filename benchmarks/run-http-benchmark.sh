#!/usr/bin/env bash
# Loads, with wrk, one after the other (each a fresh JVM, warmed up first):
#   baseline              a hand-written Netty server
#   beth                  Beth's server, a programmatic handler marked .nonBlocking() (inline on the loop)
#   beth-blocking         the same handler without .nonBlocking(): the default, run on the executor
#   declarative           the same routes written with annotations, @NonBlocking (generated router,
#                         started through Dagger)
#   declarative-blocking  the same annotated routes without @NonBlocking (under /blocking)
#   vertx                 Vert.x's HTTP server, an independent peer (not in the default SERVERS)
# and prints requests/s, p99 latency and server CPU time per request (from /proc/<pid>/stat: wrk
# on two cores is often client-bound, so throughput alone hides cost), then the ratios measured in
# the same run: each server to the baseline, declarative to beth, blocking to non-blocking (the
# cost of the blocking-safe default), vertx to the baseline, and every configuration (JDK and
# transport) to the first one.
#
#   benchmarks/run-http-benchmark.sh   # 64 connections, JDK 17, default transport: ~5 minutes
#   DURATION=15s WARMUP=10s ROUNDS=5 CONNECTIONS=64 IO_THREADS=1 WRK_THREADS=1 benchmarks/run-http-benchmark.sh
#   PIPELINE=16 benchmarks/run-http-benchmark.sh   # HTTP/1.1 pipelining, 16 requests deep
#   TRANSPORTS="io_uring epoll nio" benchmarks/run-http-benchmark.sh   # each server on each transport
#   JDKS="17 25" benchmarks/run-http-benchmark.sh  # the servers on JDK 17 and on JDK 25 (virtual
#                                                  # threads run the blocking handlers there)
#   SERVERS="baseline beth vertx" benchmarks/run-http-benchmark.sh
#
# TRANSPORTS: each server JVM gets -Dbeth.transport=<t> (and -Dbeth.transport.nio=true for nio,
# the older property); the baseline and Vert.x take the same property, so that every ratio within
# a configuration compares servers on one transport. "default" (the default) sets nothing. After
# a server starts, the script checks from its file descriptors which transport it really polls
# with (an io_uring instance; else Netty epoll's timerfd; else NIO); a server that does not run on
# the transport asked for (a Beth without that transport) is reported and left out of the
# tables, not measured under the wrong name.
#
# JDKS: each entry is a Java major version, found as the java on the PATH or under
# /usr/lib/jvm/*-<N>-* (JDK 25: /usr/lib/jvm/temurin-25-jdk-amd64), or a JDK's home directory.
# Every (JDK, transport) pair is one configuration; rounds alternate over all of them, and the
# median of the rounds is reported, so that other load on the machine affects all alike. A run
# takes about ROUNDS x configurations x servers x 2 x (WARMUP + DURATION). For the blocking
# servers, each round's line also says what ran their handlers, from the server's thread names:
# virtual threads (Java 21+) or platform threads.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-3s}"
DURATION="${DURATION:-7s}"
IO_THREADS="${IO_THREADS:-1}"
WRK_THREADS="${WRK_THREADS:-1}"
ROUNDS="${ROUNDS:-3}"
PIPELINE="${PIPELINE:-1}" # requests each connection sends before reading answers
PORT="${PORT:-18080}"
SERVERS="${SERVERS:-baseline beth beth-blocking declarative declarative-blocking}"
TRANSPORTS="${TRANSPORTS:-default}"
JDKS="${JDKS:-17}"
PATHS="plaintext json"
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

# The major version of the java at $1.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}'
}

# The java executable of a JDKS entry: a major version or a JDK's home.
java_for() {
  local jdk="$1" candidate
  if [ -x "$jdk/bin/java" ]; then
    echo "$jdk/bin/java"
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_major java)" = "$jdk" ]; then
    command -v java
    return 0
  fi
  for candidate in /usr/lib/jvm/*-"$jdk"-*/bin/java /usr/lib/jvm/*-"$jdk"/bin/java; do
    if [ -x "$candidate" ] && [ "$(java_major "$candidate")" = "$jdk" ]; then
      echo "$candidate"
      return 0
    fi
  done
  echo "no JDK $jdk found (give its home directory in JDKS)" >&2
  return 1
}

declare -A JAVA JAVA_FLAGS
CONFIGS=()
for jdk in $JDKS; do
  java_bin="$(java_for "$jdk")"
  major="$(java_major "$java_bin")"
  JAVA["$jdk"]="$java_bin"
  # 1 GiB: at 512 MiB or less Netty's adaptive allocator runs in its low-memory mode
  JAVA_FLAGS["$jdk"]="-Xms1g -Xmx1g"
  if [ "$major" -ge 22 ]; then # Netty loads its native transports through JNI
    JAVA_FLAGS["$jdk"]+=" --enable-native-access=ALL-UNNAMED"
  fi
  echo "JDK $jdk: $java_bin (Java $major)" >&2
  for transport in $TRANSPORTS; do
    case "$transport" in
      default | io_uring | epoll | nio) ;;
      *) echo "TRANSPORTS: $transport is not one of default io_uring epoll nio" >&2; exit 1 ;;
    esac
    CONFIGS+=("jdk$jdk/$transport")
  done
done
for server in $SERVERS; do
  case "$server" in
    baseline | beth | beth-blocking | declarative | declarative-blocking | vertx) ;;
    *) echo "SERVERS: unknown server $server" >&2; exit 1 ;;
  esac
done

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
  if [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" 2>/dev/null || true # it dies of the TERM signal: 143 is not our status
  fi
}
trap cleanup EXIT

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

# Fails unless PORT is free: another program listening there would be measured in our place.
port_free() {
  for _ in $(seq 1 50); do
    port_open || return 0
    sleep 0.1
  done
  echo "port $PORT is in use by another program: choose another with PORT=" >&2
  return 1
}

# Waits until the server listens on PORT, and checks that it is our server that listens.
wait_for_port() {
  for _ in $(seq 1 100); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
    if port_open; then
      if command -v ss >/dev/null 2>&1 \
        && ! ss -Hltnp "sport = :$PORT" | grep -q "pid=$SERVER_PID,"; then
        echo "port $PORT is not served by the server started (pid $SERVER_PID)" >&2
        return 1
      fi
      return 0
    fi
    sleep 0.1
  done
  echo "server did not start on port $PORT" >&2
  return 1
}

# The transport the server process really polls with, from its file descriptors: an io_uring
# instance; else Netty epoll's timerfd (the JDK's NIO selector has none); else NIO.
server_transport() {
  local fds
  fds="$(ls -l "/proc/$SERVER_PID/fd" 2>/dev/null || true)"
  if grep -q 'anon_inode:\[io_uring\]' <<<"$fds"; then
    echo io_uring
  elif grep -q 'anon_inode:\[timerfd\]' <<<"$fds"; then
    echo epoll
  else
    echo nio
  fi
}

# What ran the handlers of a blocking server, from its threads' names once it has served: virtual
# threads (their carriers are ForkJoinPool-N-worker-M) or a pool of platform threads.
blocking_threads() {
  local names
  names="$(cat /proc/"$SERVER_PID"/task/*/comm 2>/dev/null || true)"
  if grep -q '^ForkJoinPool-[0-9]' <<<"$names"; then
    echo "virtual threads"
  else
    echo "platform threads"
  fi
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

# The main class of a server.
server_command() {
  case "$1" in
    baseline) echo io.beth.benchmarks.http.NettyHelloServer ;;
    beth) echo io.beth.benchmarks.http.BethHelloServer ;;
    beth-blocking) echo io.beth.benchmarks.http.BethHelloServer ;;
    declarative | declarative-blocking) echo io.beth.benchmarks.http.BethDeclarativeHelloServer ;;
    vertx) echo io.beth.benchmarks.http.VertxHelloServer ;;
  esac
}

# The argument of a server after "port ioThreads", if any.
server_mode() {
  case "$1" in
    beth) echo non-blocking ;;
    beth-blocking) echo blocking ;;
  esac
}

# The URL path of a benchmark path on a server: the blocking annotated routes live under /blocking.
url_path() {
  case "$1" in
    declarative-blocking) echo "/blocking/$2" ;;
    *) echo "/$2" ;;
  esac
}

runs=$((ROUNDS * ${#CONFIGS[@]} * $(wc -w <<<"$SERVERS")))
echo "$runs server runs (${#CONFIGS[@]} configurations: ${CONFIGS[*]}), each warming up" \
  "and measuring $(wc -w <<<"$PATHS") paths for $WARMUP + $DURATION" >&2

declare -A RUNS SKIPPED RAN_ON
for round in $(seq 1 "$ROUNDS"); do
  for config in "${CONFIGS[@]}"; do
    jdk="${config%%/*}"
    jdk="${jdk#jdk}"
    transport="${config#*/}"
    props=()
    if [ "$transport" != default ]; then
      props+=("-Dbeth.transport=$transport")
      [ "$transport" = nio ] && props+=("-Dbeth.transport.nio=true")
    fi
    for server in $SERVERS; do
      [ -n "${SKIPPED[$config/$server]:-}" ] && continue
      port_free
      # shellcheck disable=SC2086 # JAVA_FLAGS holds several flags
      "${JAVA[$jdk]}" ${JAVA_FLAGS[$jdk]} ${props[@]+"${props[@]}"} -cp "$JAR" \
        "$(server_command "$server")" "$PORT" "$IO_THREADS" $(server_mode "$server") 2>/dev/null &
      SERVER_PID=$!
      wait_for_port
      ran_on="$(server_transport)"
      RAN_ON["$config/$server"]="$ran_on"
      if [ "$transport" != default ] && [ "$ran_on" != "$transport" ]; then
        echo "note: $server asked for -Dbeth.transport=$transport runs on $ran_on (this build" \
          "does not offer $transport); it is left out of $config" >&2
        SKIPPED["$config/$server"]=1
      else
        for path in $PATHS; do # every path warms up before any is measured
          measure "http://127.0.0.1:$PORT$(url_path "$server" "$path")" "$WARMUP" >/dev/null
        done
        where="$ran_on"
        [[ "$server" == *-blocking ]] && where+=", $(blocking_threads)"
        for path in $PATHS; do
          result="$(measure "http://127.0.0.1:$PORT$(url_path "$server" "$path")" "$DURATION")"
          echo "round $round $config $server ($where) /$path: $result" >&2
          RUNS["$config/$server/$path"]+="$result"$'\n'
        done
      fi
      kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
      SERVER_PID=""
    done
  done
done

# The median of the rounds of one column ($2: 1 throughput, 2 p99, 3 CPU per request).
median() {
  printf "%s" "${RUNS[$1]}" | awk -v c="$2" '{print $c}' | sort -g \
    | awk '{ r[NR] = $0 } END { print r[int((NR + 1) / 2)] }'
}

printf "\n%-16s %-22s %-10s %-10s %14s %10s %14s   (medians of %s rounds)\n" configuration \
  server "runs on" path "requests/s" "p99 ms" "cpu us/req" "$ROUNDS"
declare -A RESULT
for config in "${CONFIGS[@]}"; do
  for server in $SERVERS; do
    for path in $PATHS; do
      key="$config/$server/$path"
      [ -n "${RUNS[$key]:-}" ] || continue
      RESULT["$key"]="$(median "$key" 1) $(median "$key" 2) $(median "$key" 3)"
      read -r rps p99 cpu <<<"${RESULT[$key]}"
      printf "%-16s %-22s %-10s %-10s %14s %10s %14s\n" "$config" "$server" \
        "${RAN_ON[$config/$server]}" "$path" "$rps" "$p99" "$cpu"
    done
  done
done

# One line of ratios of $1 (configuration/server) to $2 on path $3, if both were measured:
# throughput and p99 as first/second; cpu efficiency as second's CPU per request / first's (1.0 =
# as cheap as the second; above 1, cheaper).
ratio() {
  local a="$1" b="$2" path="$3" label="$4"
  [ -n "${RESULT[$a/$path]:-}" ] && [ -n "${RESULT[$b/$path]:-}" ] || return 0
  read -r rps p99 cpu <<<"${RESULT[$a/$path]}"
  read -r brps bp99 bcpu <<<"${RESULT[$b/$path]}"
  awk -v l="$label" -v p="$path" -v a="$rps" -v b="$brps" -v x="$p99" -v y="$bp99" \
    -v c="$cpu" -v d="$bcpu" \
    'BEGIN {printf "%-58s %-10s throughput %.3f   p99 %.3f   cpu efficiency %.3f\n", l, p, a / b, x / y, d / c}'
}

has() { [[ " $SERVERS " == *" $1 "* ]]; }

for config in "${CONFIGS[@]}"; do
  echo
  echo "$config"
  for path in $PATHS; do
    for pair in beth/baseline beth-blocking/baseline declarative/baseline \
      declarative-blocking/baseline declarative/beth vertx/baseline beth/vertx \
      beth-blocking/beth declarative-blocking/declarative; do
      a="${pair%/*}"
      b="${pair#*/}"
      has "$a" && has "$b" || continue
      label="  $a/$b"
      case "$pair" in
        beth-blocking/beth | declarative-blocking/declarative) label+=" (blocking/non-blocking)" ;;
      esac
      ratio "$config/$a" "$config/$b" "$path" "$label"
    done
  done
done

# Each server on every configuration against itself on the first configuration it ran on.
if [ "${#CONFIGS[@]}" -gt 1 ]; then
  echo
  echo "configurations compared, each server against itself"
  for server in $SERVERS; do
    reference=""
    for config in "${CONFIGS[@]}"; do
      [ -n "${RESULT[$config/$server/plaintext]:-}" ] || continue
      if [ -z "$reference" ]; then
        reference="$config"
        continue
      fi
      for path in $PATHS; do
        ratio "$config/$server" "$reference/$server" "$path" "  $server $config vs $reference"
      done
    done
  done
fi
