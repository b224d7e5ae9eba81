#!/usr/bin/env bash
# Shared by jobs/*.sh: find a JDK 17, build the project on first use, launch a command.
set -euo pipefail

MM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MM_JAR="$MM_ROOT/target/mentor-match.jar"

mm_die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# Spark 4.0.1 needs Java 17 exactly (newer JDKs break Hadoop's security code).
mm_find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in /usr/lib/jvm/*17* /usr/lib/jvm/*-17-*; do [ -d "$d" ] && candidates+=("$d"); done
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/java" ] && "$home/bin/java" -version 2>&1 | head -1 | grep -Eq 'version "17[."]'; then
      MM_JAVA_HOME="$home"
      MM_JAVA="$home/bin/java"
      return 0
    fi
  done
  mm_die "needs a Java 17 JDK (Spark 4.0.1 does not run on newer ones). Install openjdk-17-jdk or set JAVA_HOME to a JDK 17."
}

# Builds target/ when it is missing or older than the sources (first use on a fresh clone).
mm_ensure_built() {
  local stale=""
  if [ ! -f "$MM_JAR" ] || [ ! -f "$MM_ROOT/target/classpath.txt" ] || [ ! -f "$MM_ROOT/target/jvm.flags" ]; then
    stale=yes
  elif [ ! -f "$MM_ROOT/target/application-jars.txt" ] \
    || [ -n "$(find "$MM_ROOT/src/main" "$MM_ROOT/pom.xml" -newer "$MM_JAR" -print -quit)" ]; then
    stale=yes
  fi
  if [ -n "$stale" ]; then
    command -v mvn >/dev/null 2>&1 || mm_die "needs Maven (mvn) to build on first use."
    echo "$(basename "$0"): building mentor-match (first use or changed sources; the first build downloads Spark, a few minutes)..." >&2
    (cd "$MM_ROOT" && JAVA_HOME="$MM_JAVA_HOME" mvn -B -q -DskipTests package) >&2 \
      || mm_die "the build failed; run 'mvn -B -DskipTests package' to see why."
  fi
}

# mm_spark_submit CLASS ARGS...: runs CLASS through spark-submit (local[*] unless --master is
# given); --master URL and --conf key=value go to Spark, everything else to the command.
mm_spark_submit() {
  local class="$1"
  shift
  local master="local[*]"
  local spark_args=()
  local app_args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --master) [ $# -ge 2 ] || mm_die "--master needs a URL"; master="$2"; shift 2 ;;
      --master=*) master="${1#--master=}"; shift ;;
      --conf) [ $# -ge 2 ] || mm_die "--conf needs key=value"; spark_args+=(--conf "$2"); shift 2 ;;
      --conf=*) spark_args+=(--conf "${1#--conf=}"); shift ;;
      *) app_args+=("$1"); shift ;;
    esac
  done
  mm_find_java
  mm_ensure_built
  if [[ "$master" != local* ]]; then
    # A cluster's executors have Spark's jars but not ours: ship them with the job.
    spark_args+=(--jars "$(tr ':' ',' < "$MM_ROOT/target/application-jars.txt")")
  fi
  # shellcheck disable=SC2046 # the flags file holds one space-separated list of JVM options
  exec "$MM_JAVA" $(cat "$MM_ROOT/target/jvm.flags") ${JAVA_OPTS:-} \
    -Dmentormatch.root="$MM_ROOT" \
    -Dlog4j2.configurationFile="$MM_ROOT/target/classes/log4j2.properties" \
    -cp "$MM_JAR:$(cat "$MM_ROOT/target/classpath.txt")" \
    org.apache.spark.deploy.SparkSubmit --master "$master" --class "$class" \
    --conf spark.ui.showConsoleProgress=false \
    "${spark_args[@]}" "$MM_JAR" "${app_args[@]}"
}

# mm_java CLASS ARGS...: runs CLASS in a plain JVM (commands that need no Spark, nor its flags).
mm_java() {
  local class="$1"
  shift
  mm_find_java
  mm_ensure_built
  exec "$MM_JAVA" ${JAVA_OPTS:-} \
    -Dmentormatch.root="$MM_ROOT" \
    -Dlog4j2.configurationFile="$MM_ROOT/target/classes/log4j2.properties" \
    -cp "$MM_JAR:$(cat "$MM_ROOT/target/classpath.txt")" "$class" "$@"
}
