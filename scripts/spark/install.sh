#!/usr/bin/env bash
# Installs what the local Spark Thrift Server needs (pyspark in a venv, the Delta Lake jars) into
# a cache that later runs reuse. Safe to run again: it only fetches what is missing.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$SCRIPT_DIR/env.sh"

for tool in python3 java mvn curl; do
  command -v "$tool" >/dev/null 2>&1 || spark_fail "'$tool' is required but not on PATH"
done
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "${java_major:-0}" -ge 17 ]] 2>/dev/null || spark_fail "Spark $PYSPARK_VERSION needs Java 17 or newer (found '${java_major:-none}')"

mkdir -p "$SPARK_CACHE_ROOT"

installed_pyspark_version() {
  "$SPARK_VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true
}

if [[ "$(installed_pyspark_version)" != "$PYSPARK_VERSION" ]]; then
  echo "spark: installing pyspark==$PYSPARK_VERSION into $SPARK_VENV (first time: ~450 MB)"
  [[ -x "$SPARK_VENV/bin/python" ]] || python3 -m venv "$SPARK_VENV" || spark_fail "could not create the venv $SPARK_VENV"
  PIP_CACHE_DIR="$SPARK_PIP_CACHE" "$SPARK_VENV/bin/pip" install --quiet "pyspark==$PYSPARK_VERSION" \
    || spark_fail "pip install pyspark==$PYSPARK_VERSION failed"
  [[ "$(installed_pyspark_version)" == "$PYSPARK_VERSION" ]] || spark_fail "pyspark $PYSPARK_VERSION is not importable after install"
fi
SPARK_HOME="$("$SPARK_VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
[[ -x "$SPARK_HOME/bin/spark-submit" ]] || spark_fail "no bin/spark-submit under $SPARK_HOME"

delta_jars_present() {
  local jar
  for jar in "${DELTA_JARS[@]}"; do [[ -s "$jar" ]] || return 1; done
}

if ! delta_jars_present; then
  echo "spark: fetching Delta $DELTA_VERSION jars with Maven into $DELTA_JARS_DIR"
  staging="$(mktemp -d "$SPARK_CACHE_ROOT/jars-staging.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  # pyspark already ships scala-library and antlr4-runtime; a second copy on the classpath only risks conflicts.
  mvn_log="$SPARK_CACHE_ROOT/maven.log"
  if ! mvn -B -Dstyle.color=never -f "$SCRIPT_DIR/delta-pom.xml" -Dmaven.repo.local="$SPARK_M2_REPO" \
    dependency:copy-dependencies -DoutputDirectory="$staging" -DexcludeArtifactIds=scala-library,antlr4-runtime \
    >"$mvn_log" 2>&1; then
    tail -n 30 "$mvn_log" >&2
    spark_fail "Maven could not fetch io.delta:delta-spark_2.13:$DELTA_VERSION (full log: $mvn_log)"
  fi
  rm -rf "$DELTA_JARS_DIR"
  mkdir -p "$(dirname "$DELTA_JARS_DIR")"
  mv "$staging" "$DELTA_JARS_DIR"
  trap - EXIT
  delta_jars_present || spark_fail "Maven finished but $DELTA_JARS_DIR lacks: $(basename -a "${DELTA_JARS[@]}" | tr '\n' ' ')"
fi

echo "spark: ready"
echo "  cache root   $SPARK_CACHE_ROOT"
echo "  SPARK_HOME   $SPARK_HOME (pyspark $PYSPARK_VERSION)"
echo "  delta jars   $DELTA_JARS_DIR ($(cd "$DELTA_JARS_DIR" && ls | tr '\n' ' '))"
echo "  run dir      $SPARK_RUN_DIR"
