#!/usr/bin/env bash
# A Spark standalone cluster on this machine: a master and two workers on 127.0.0.1, from the
# project's own jars (no Spark download), for trying --master and for the integration tests.
# Usage: jobs/cluster.sh start [--port N] [--cores N] [--memory SIZE] | status | stop | --help
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

STATE="${MM_CLUSTER_DIR:-$MM_ROOT/var/cluster}"
case "$STATE" in /*) ;; *) STATE="$PWD/$STATE" ;; esac # the daemons are told it: absolute
WORKERS=2
WAIT_SECONDS="${MM_CLUSTER_WAIT_SECONDS:-120}"

usage() {
  cat <<EOF
Usage: jobs/cluster.sh start [--port N] [--cores N] [--memory SIZE] [--owner PID]
       jobs/cluster.sh status
       jobs/cluster.sh stop

A Spark standalone master and $WORKERS workers on 127.0.0.1, started from the project's own jars
(built on first use). Then run any command against it with --master URL, e.g.
  jobs/match.sh --master "\$(jobs/cluster.sh start)"

  start    starts whatever is not running and prints the master's URL (spark://127.0.0.1:PORT)
           on standard output; safe to repeat: running daemons are kept, a stopped worker is
           started again, pid files of processes that are gone (or are now another program)
           are ignored. The options apply to daemons it starts, not to running ones.
             --port N       the master's port (default 7077, or MM_CLUSTER_PORT); if it is taken,
                            start stops and says so (it never moves to another port)
             --cores N      cores of each worker (default 1)
             --memory SIZE  memory each worker offers its executors (default 2g)
             --owner PID    stop the cluster when process PID ends, however it ends (for tests
                            and scripts that may be killed); the latest start given --owner
                            sets it
  status   prints the URL, then one line per daemon: "master pid N", "worker 1 pid N", ...
           (or "... not running"), and the web UI; exits 0 if all are running, 3 if not.
  stop     stops the daemons by their pids (SIGTERM, then SIGKILL after 15 s) and keeps the logs;
           prints "stopped worker 2 (pid N)", ... for each (nothing if nothing was running).

One cluster.sh at a time works on a state directory; a second waits for the first.

State (pid files, logs, the workers' directories, a SPARK_HOME of links to the project's jars)
lives in $STATE (MM_CLUSTER_DIR overrides it). The web UIs take free ports; status names them.
EOF
}

marker() { echo "-Dmentormatch.cluster=$STATE"; }
pid_file() { echo "$STATE/$1.pid"; }

# Prints the pid of daemon $1 (master, worker-1, ...) if it is running, started by this script
# for this state directory (a pid reused by another process does not count).
live_pid() {
  local file pid
  file="$(pid_file "$1")"
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  has_marker "$pid" || return 1
  echo "$pid"
}

# Whether process $1 was started with this state directory's marker as one of its arguments
# (exactly: the state /tmp/a is not /tmp/ab).
has_marker() {
  if [ -r "/proc/$1/cmdline" ]; then
    tr '\0' '\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$(marker)"
  else
    ps -ww -o args= -p "$1" 2>/dev/null | tr ' ' '\n' | grep -qxF -- "$(marker)"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until daemon $1's log shows $2 (an extended regex); fails if it dies first.
await_log() {
  local name="$1" pattern="$2" pid="$3" waited=0
  while ! grep -Eq "$pattern" "$STATE/$name.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "cluster.sh: the $name stopped while starting; the end of $STATE/$name.log:" >&2
      tail -n 15 "$STATE/$name.log" >&2 || true
      return 1
    fi
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      echo "cluster.sh: the $name did not get ready in $WAIT_SECONDS s; see $STATE/$name.log" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# A SPARK_HOME the workers launch executors from: jars/ links to Spark's own jars (the project's
# runtime classpath without the jars a Spark distribution does not ship, which a job brings with
# --jars, as on a real cluster), conf/ quiets the executors' logs.
prepare_spark_home() {
  local home="$STATE/spark-home"
  rm -rf "$home"
  mkdir -p "$home/jars" "$home/conf"
  local jar
  tr ':' '\n' < "$MM_ROOT/target/classpath.txt" | while read -r jar; do
    [ -n "$jar" ] || continue
    if ! tr ':' '\n' < "$MM_ROOT/target/application-jars.txt" | grep -qxF "$jar"; then
      ln -s "$jar" "$home/jars/$(basename "$jar")"
    fi
  done
  # Executors: warnings only. The daemons' own log says what they start, register and lose.
  log4j_config "$home/conf/log4j2.properties" '%d{HH:mm:ss} %p %c{1}: %m%n' warn
  log4j_config "$STATE/daemon-log4j2.properties" '%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n' info
}

# log4j_config FILE PATTERN LEVEL: a log4j2 configuration writing to standard error, with
# Spark's deploy classes (master, worker, executor runner) at LEVEL and the rest at warn.
log4j_config() {
  cat > "$1" <<EOF
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = $2
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = $3
logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader
logger.nativecode.level = error
EOF
}

# launch NAME CLASS ARGS...: starts a daemon in its own session (so it outlives this script and
# the caller's process group) and records its pid.
launch() {
  local name="$1" class="$2"
  shift 2
  : > "$STATE/$name.log"
  # shellcheck disable=SC2046 # the flags file holds one space-separated list of JVM options
  SPARK_HOME="$STATE/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    JAVA_HOME="$MM_JAVA_HOME" \
    setsid "$MM_JAVA" $(cat "$MM_ROOT/target/jvm.flags") -Xmx512m "$(marker)" \
    -Dspark.port.maxRetries=0 \
    -Dspark.worker.cleanup.enabled=true -Dspark.worker.cleanup.appDataTtl=86400 \
    -Dlog4j2.configurationFile="$STATE/daemon-log4j2.properties" \
    -cp "$STATE/spark-home/jars/*" "$class" "$@" \
    > "$STATE/$name.log" 2>&1 < /dev/null 9>&- &
  echo $! > "$(pid_file "$name")"
}

# Stops the cluster when process $1 ends: a small shell loop in its own session, which becomes
# "cluster.sh stop" (and so stops being the watchdog) when its owner is gone.
watch_owner() {
  local owner="$1"
  stop_one watchdog > /dev/null
  MM_CLUSTER_DIR="$STATE" setsid bash -c \
    'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec "$2" stop' \
    mentor-match-cluster-watchdog "$owner" "$MM_ROOT/jobs/cluster.sh" "$(marker)" \
    >> "$STATE/watchdog.log" 2>&1 < /dev/null 9>&- &
  echo $! > "$(pid_file watchdog)"
}

master_url() { cat "$STATE/master.url" 2>/dev/null; }

cmd_start() {
  local port="${MM_CLUSTER_PORT:-7077}" port_asked="${MM_CLUSTER_PORT:-}" cores=1 memory=2g owner=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) [ $# -ge 2 ] || mm_die "--port needs a number"; port="$2"; port_asked="$2"; shift 2 ;;
      --owner) [ $# -ge 2 ] || mm_die "--owner needs a process id"; owner="$2"; shift 2 ;;
      --cores) [ $# -ge 2 ] || mm_die "--cores needs a number"; cores="$2"; shift 2 ;;
      --memory) [ $# -ge 2 ] || mm_die "--memory needs a size such as 2g"; memory="$2"; shift 2 ;;
      *) mm_die "unknown option '$1' for start; see --help." ;;
    esac
  done
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
    || mm_die "--port '$port' is not a port number (1-65535)."
  [[ "$cores" =~ ^[1-9][0-9]*$ ]] || mm_die "--cores '$cores' is not a whole number of at least 1."
  [[ "$memory" =~ ^[1-9][0-9]*[mMgG]$ ]] || mm_die "--memory '$memory' is not a size such as 2g or 1536m."
  if [ -n "$owner" ]; then
    [[ "$owner" =~ ^[1-9][0-9]*$ ]] && kill -0 "$owner" 2>/dev/null \
      || mm_die "--owner '$owner' is not the id of a running process of this user."
  fi
  mm_find_java
  mm_ensure_built

  local master
  if master="$(live_pid master)"; then
    if [ -n "$port_asked" ] && [ "$(master_url)" != "spark://127.0.0.1:$port" ]; then
      echo "cluster.sh: the cluster already runs at $(master_url); port $port was not used (stop it first to move it)." >&2
    fi
  else
    # No master: workers left from an earlier cluster would register with nobody; start afresh.
    cmd_stop > /dev/null
    if port_in_use "$port"; then
      mm_die "port $port on 127.0.0.1 is taken (another Spark master, or another program); nothing was started. Choose another with --port N (or MM_CLUSTER_PORT)."
    fi
    prepare_spark_home
    rm -rf "$STATE"/work-* "$STATE/master.url" "$STATE/master.webui"
    echo "cluster.sh: starting the master on 127.0.0.1:$port..." >&2
    launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0
    master="$(cat "$(pid_file master)")"
    if ! await_log master "elected leader|New state: ALIVE" "$master"; then
      cmd_stop > /dev/null
      mm_die "the master did not start (above); nothing is left running."
    fi
    echo "spark://127.0.0.1:$port" > "$STATE/master.url"
    grep -Eo "MasterWebUI.*started at http://[^ ]+" "$STATE/master.log" | grep -Eo "http://[^ ]+" \
      | head -1 > "$STATE/master.webui" || true
  fi
  await_log master "elected leader|New state: ALIVE" "$master" || mm_die "the master is not ready; see $STATE/master.log"

  local i pid
  for i in $(seq 1 "$WORKERS"); do
    if pid="$(live_pid "worker-$i")"; then
      continue
    fi
    echo "cluster.sh: starting worker $i ($cores core(s), $memory)..." >&2
    mkdir -p "$STATE/work-$i"
    launch "worker-$i" org.apache.spark.deploy.worker.Worker "$(master_url)" --host 127.0.0.1 \
      --port 0 --webui-port 0 --cores "$cores" --memory "$memory" --work-dir "$STATE/work-$i"
    pid="$(cat "$(pid_file "worker-$i")")"
    if ! await_log "worker-$i" "Successfully registered with master" "$pid"; then
      cmd_stop > /dev/null
      mm_die "worker $i did not start (above); the cluster was stopped."
    fi
  done
  if [ -n "$owner" ]; then
    watch_owner "$owner"
  fi
  master_url
}

cmd_status() {
  local url all=0 pid i
  url="$(master_url || true)"
  if [ -z "$url" ] || ! live_pid master > /dev/null; then
    echo "not running (state in $STATE)"
    all=3
  else
    echo "$url"
  fi
  for name in master $(for i in $(seq 1 "$WORKERS"); do echo "worker-$i"; done); do
    local label="${name/-/ }"
    if pid="$(live_pid "$name")"; then
      echo "$label pid $pid"
    else
      echo "$label not running"
      all=3
    fi
  done
  if [ "$all" -eq 0 ] && [ -s "$STATE/master.webui" ]; then
    echo "web UI $(cat "$STATE/master.webui")"
  fi
  return "$all"
}

# Stops one daemon by pid: SIGTERM (a worker then stops its executors), SIGKILL after 15 s.
stop_one() {
  local name="$1" pid waited=0
  if pid="$(live_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 15 ]; do
      sleep 1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "stopped ${name/-/ } (pid $pid)"
  fi
  rm -f "$(pid_file "$name")"
}

cmd_stop() {
  local i
  stop_one watchdog > /dev/null
  for i in $(seq "$WORKERS" -1 1); do
    stop_one "worker-$i"
  done
  stop_one master
}

# One cluster.sh at a time on a state directory (two starts at once would start two masters). The
# daemons do not inherit the lock (launch closes it for them).
hold_lock() {
  mkdir -p "$STATE"
  exec 9>> "$STATE/cluster.lock"
  flock -w "$WAIT_SECONDS" 9 \
    || mm_die "another cluster.sh has been working on $STATE for $WAIT_SECONDS s; nothing was done."
}

case "${1:-}" in
  start) shift; hold_lock; cmd_start "$@" ;;
  status) shift; [ $# -eq 0 ] || mm_die "status takes no options."; cmd_status ;;
  stop)
    shift
    [ $# -eq 0 ] || mm_die "stop takes no options."
    if [ -d "$STATE" ]; then
      hold_lock
      cmd_stop
    fi
    ;;
  -h | --help | help) usage ;;
  "") usage >&2; exit 2 ;;
  *) mm_die "unknown command '$1': use start, status or stop (see --help)." ;;
esac
