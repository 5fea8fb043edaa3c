#!/usr/bin/env bash
# A Flink 2.2 standalone session cluster on 127.0.0.1 to try jobs by hand: a JobManager and
# TaskManagers as separate java processes, started from the Flink jars in the local Maven
# repository (no download of a Flink distribution, no Docker). Same cluster as the tests'
# StandaloneFlinkCluster extension (pipeline-testkit).
#
#   scripts/flink-cluster.sh start     # prints the REST address, e.g. 127.0.0.1:8081
#   scripts/flink-cluster.sh status
#   scripts/flink-cluster.sh stop
#
# Settings (environment): FLINK_CLUSTER_DIR (default target/flink-cluster: config, logs, pid
# files), FLINK_REST_PORT (8081), FLINK_TASK_MANAGERS (1), FLINK_SLOTS (4 per TaskManager),
# MVN (mvn), MVN_ARGS (extra Maven arguments, e.g. -o -Dmaven.repo.local=...).
# Needs the project installed once: mvn -B -q install -DskipTests
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${FLINK_CLUSTER_DIR:-$ROOT/target/flink-cluster}
PORT=${FLINK_REST_PORT:-8081}
TASK_MANAGERS=${FLINK_TASK_MANAGERS:-1}
SLOTS=${FLINK_SLOTS:-4}
MVN=${MVN:-mvn}
MVN_ARGS=${MVN_ARGS:-}

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

rest_port() {
  if [ -f "$DIR/conf/config.yaml" ]; then
    sed -n "s/^rest.port: '\{0,1\}\([0-9]*\)'\{0,1\}$/\1/p" "$DIR/conf/config.yaml"
  else
    echo "$PORT"
  fi
}

start() {
  if alive "$DIR/jobmanager.pid"; then
    echo "already running: REST endpoint 127.0.0.1:$(rest_port) (pid files in $DIR); stop it first" >&2
    exit 1
  fi
  mkdir -p "$DIR"
  rm -f "$DIR"/*.pid
  echo "resolving the class path (Flink jars and pipeline-testkit) with Maven..."
  # shellcheck disable=SC2086
  if ! "$MVN" -B -q $MVN_ARGS -f "$ROOT/pom.xml" -pl pipeline-runtime-flink dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$DIR/classpath.txt" >"$DIR/maven.log" 2>&1; then
    cat "$DIR/maven.log" >&2
    echo "could not resolve the class path; install the project first: mvn -B -q install -DskipTests" >&2
    exit 1
  fi
  java -cp "$(cat "$DIR/classpath.txt")" io.solidstream.testkit.flink.FlinkClusterLauncher \
    --dir "$DIR" --rest-port "$PORT" --task-managers "$TASK_MANAGERS" --slots "$SLOTS"
}

stop() {
  local stopped=0
  for pid_file in "$DIR"/taskmanager-*.pid "$DIR"/jobmanager.pid; do
    [ -f "$pid_file" ] || continue
    if alive "$pid_file"; then
      local pid
      pid=$(cat "$pid_file")
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "stopped $(basename "$pid_file" .pid) (pid $pid)"
      stopped=1
    fi
    rm -f "$pid_file"
  done
  [ "$stopped" = 1 ] || echo "no cluster running (no live pid files in $DIR)"
}

status() {
  local any=0
  for pid_file in "$DIR"/jobmanager.pid "$DIR"/taskmanager-*.pid; do
    [ -f "$pid_file" ] || continue
    any=1
    if alive "$pid_file"; then
      echo "$(basename "$pid_file" .pid): running (pid $(cat "$pid_file"))"
    else
      echo "$(basename "$pid_file" .pid): not running (see $DIR/log/$(basename "$pid_file" .pid).log)"
    fi
  done
  if [ "$any" = 0 ]; then
    echo "no cluster started in $DIR"
    exit 1
  fi
  if command -v curl >/dev/null && alive "$DIR/jobmanager.pid"; then
    echo "REST endpoint 127.0.0.1:$(rest_port): $(curl -s --max-time 3 "http://127.0.0.1:$(rest_port)/overview" || echo 'not answering')"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
