#!/usr/bin/env bash
# Stops the Thrift server that start.sh started for a run dir: SIGTERM, wait, then SIGKILL.
# Usage: stop.sh [RUN_DIR]. Does nothing when it is not running.
set -euo pipefail

if [[ $# -gt 0 ]]; then
  SPARK_RUN_DIR="$(cd "$1" 2>/dev/null && pwd)" || { echo "spark: no run dir $1; nothing to stop"; exit 0; }
  export SPARK_RUN_DIR
fi
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$SCRIPT_DIR/env.sh"

term_grace="${SPARK_STOP_TIMEOUT:-30}"

if [[ ! -s "$SPARK_PID_FILE" ]]; then
  echo "spark: no pid file in $SPARK_RUN_DIR; nothing to stop"
  exit 0
fi
pid="$(cat "$SPARK_PID_FILE")"

# A stale pid file may name a pid the system has since given to another process.
if ! kill -0 "$pid" 2>/dev/null || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q HiveThriftServer2; then
  echo "spark: pid $pid is not a running Thrift server; removing the stale pid file"
  rm -f "$SPARK_PID_FILE"
  exit 0
fi

kill -TERM "$pid"
for ((i = 0; i < term_grace * 10; i++)); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "spark: pid $pid ignored SIGTERM for ${term_grace}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
fi
rm -f "$SPARK_PID_FILE"
echo "spark: stopped (pid $pid)"
