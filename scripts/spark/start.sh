#!/usr/bin/env bash
# Starts a local Spark Thrift Server (HTTP transport, Delta Lake, ANSI mode, UTC) on a loopback
# port and waits until it answers. Usage: start.sh [RUN_DIR]   (env: SPARK_THRIFT_PORT, default 10001;
# SPARK_START_TIMEOUT seconds, default 120; SPARK_DRIVER_MEMORY, default 3g).
# Running it again while the server is up only reports that it is up.
set -euo pipefail

if [[ $# -gt 0 ]]; then
  mkdir -p "$1"
  SPARK_RUN_DIR="$(cd "$1" && pwd)"
  export SPARK_RUN_DIR
fi
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$SCRIPT_DIR/env.sh"

start_timeout="${SPARK_START_TIMEOUT:-120}"
driver_memory="${SPARK_DRIVER_MEMORY:-3g}"

[[ -x "$SPARK_VENV/bin/python" ]] || spark_fail "no venv at $SPARK_VENV: run scripts/spark/install.sh first"
for jar in "${DELTA_JARS[@]}"; do
  [[ -s "$jar" ]] || spark_fail "missing $jar: run scripts/spark/install.sh first"
done
SPARK_HOME="$("$SPARK_VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')" \
  || spark_fail "pyspark is not importable from $SPARK_VENV: run scripts/spark/install.sh"
export SPARK_HOME

running_pid() {
  [[ -s "$SPARK_PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$SPARK_PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

print_log_tail() {
  if [[ -s "$SPARK_LOG_FILE" ]]; then
    echo "---- last 40 lines of $SPARK_LOG_FILE ----" >&2
    tail -n 40 "$SPARK_LOG_FILE" >&2
    echo "----" >&2
  fi
}

mkdir -p "$SPARK_RUN_DIR"

if pid="$(running_pid)"; then
  echo "spark: already started (pid $pid, run dir $SPARK_RUN_DIR); waiting for port $SPARK_THRIFT_PORT"
else
  status="$(spark_http_status)"
  if [[ "$status" == "401" ]]; then
    echo "spark: a Thrift server already answers on http://127.0.0.1:$SPARK_THRIFT_PORT/cliservice (not started by this run dir); using it"
    exit 0
  elif [[ "$status" != "000" && -n "$status" ]]; then
    spark_fail "port $SPARK_THRIFT_PORT is taken by something that answers HTTP $status; set SPARK_THRIFT_PORT"
  fi

  echo "spark: starting the Thrift server on 127.0.0.1:$SPARK_THRIFT_PORT (run dir $SPARK_RUN_DIR, log $SPARK_LOG_FILE)"
  jars_csv="$(IFS=,; echo "${DELTA_JARS[*]}")"
  # The metastore (derby) and the warehouse land in the run dir; nothing in the working tree.
  (
    cd "$SPARK_RUN_DIR"
    exec nohup "$SPARK_HOME/bin/spark-submit" \
      --class org.apache.spark.sql.hive.thriftserver.HiveThriftServer2 \
      --master 'local[2]' --driver-memory "$driver_memory" \
      --jars "$jars_csv" \
      --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension \
      --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog \
      --conf spark.sql.ansi.enabled=true \
      --conf spark.sql.session.timeZone=UTC \
      --conf spark.sql.shuffle.partitions=4 \
      --conf spark.ui.enabled=false \
      --conf "spark.sql.warehouse.dir=$SPARK_RUN_DIR/warehouse" \
      --conf "spark.driver.extraJavaOptions=-Dderby.system.home=$SPARK_RUN_DIR" \
      --conf "spark.hadoop.javax.jdo.option.ConnectionURL=jdbc:derby:;databaseName=$SPARK_RUN_DIR/metastore_db;create=true" \
      --hiveconf hive.server2.transport.mode=http \
      --hiveconf "hive.server2.thrift.http.port=$SPARK_THRIFT_PORT" \
      --hiveconf hive.server2.thrift.http.path=cliservice \
      --hiveconf hive.server2.thrift.bind.host=127.0.0.1 \
      --hiveconf hive.server2.authentication=NONE \
      --hiveconf hive.server2.enable.doAs=false
  ) </dev/null >"$SPARK_LOG_FILE" 2>&1 &
  # spark-submit execs java, so this is the JVM's pid.
  echo $! >"$SPARK_PID_FILE"
fi

pid="$(cat "$SPARK_PID_FILE")"
deadline=$((SECONDS + start_timeout))
while true; do
  if [[ "$(spark_http_status)" == "401" ]]; then
    echo "spark: Thrift server up (pid $pid) at http://127.0.0.1:$SPARK_THRIFT_PORT/cliservice after ${SECONDS}s"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$SPARK_PID_FILE"
    print_log_tail
    spark_fail "the Thrift server exited before answering on port $SPARK_THRIFT_PORT"
  fi
  if ((SECONDS >= deadline)); then
    print_log_tail
    spark_fail "no answer on port $SPARK_THRIFT_PORT after ${start_timeout}s (pid $pid still running; stop it with scripts/spark/stop.sh)"
  fi
  sleep 1
done
