# Paths shared by install.sh, start.sh and stop.sh. Sourced, never run.
# Everything downloaded or created lives under one cache root so CI can cache it as a whole.

SPARK_CACHE_ROOT="${RECON_GATE_CACHE:-$HOME/.cache/recon-gate}/spark"
PYSPARK_VERSION="4.0.1"
DELTA_VERSION="4.0.1"

SPARK_VENV="$SPARK_CACHE_ROOT/venv"
SPARK_PIP_CACHE="$SPARK_CACHE_ROOT/pip-cache"
SPARK_M2_REPO="$SPARK_CACHE_ROOT/m2"
DELTA_JARS_DIR="$SPARK_CACHE_ROOT/jars/delta-$DELTA_VERSION"
DELTA_JARS=("$DELTA_JARS_DIR/delta-spark_2.13-$DELTA_VERSION.jar" "$DELTA_JARS_DIR/delta-storage-$DELTA_VERSION.jar")

# The run dir holds the metastore, the warehouse, the log and the pid file of one server.
SPARK_RUN_DIR="${SPARK_RUN_DIR:-$SPARK_CACHE_ROOT/run}"
SPARK_THRIFT_PORT="${SPARK_THRIFT_PORT:-10001}"
SPARK_PID_FILE="$SPARK_RUN_DIR/thrift-server.pid"
SPARK_LOG_FILE="$SPARK_RUN_DIR/thrift-server.log"

spark_fail() {
  echo "spark: $*" >&2
  exit 1
}

# 401 means the HTTP transport is up (it starts last) and rejects the unauthenticated probe.
spark_http_status() {
  curl -s -o /dev/null --max-time 5 -w '%{http_code}' "http://127.0.0.1:$SPARK_THRIFT_PORT/cliservice" 2>/dev/null || true
}
