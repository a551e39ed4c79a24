#!/usr/bin/env bash
# Builds the bench module and runs the Kafka benchmark (passthrough vs topology) and the JMH micro-benchmarks.
#
#   bench/run.sh                      # everything, short default settings (~5 min on 2 cores)
#   bench/run.sh --only passthrough   # arguments go to io.newsflow.bench.BenchMain (see --help)
#
# Environment:
#   BENCH_JAVA_OPTS   JVM options of the Kafka benchmark      (default: -Xms2g -Xmx2g)
#   JMH_OPTS          JMH options                              (default: -f 1 -wi 2 -i 3 -w 2s -r 2s)
#   JMH_FILTER        JMH benchmark regexp                     (default: all newsflow benchmarks)
#   SKIP_BUILD=1      do not rebuild;  SKIP_KAFKA=1 / SKIP_JMH=1  skip a part
#   SENTIMENT_DATA    labelled sentiment sets (e.g. ../shared/datasets/sentiment): also run bench/sentiment-eval.sh
#   MVN_OFFLINE=-o    pass -o to Maven when ~/.m2 already holds every artifact
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B ${MVN_OFFLINE:-} -Pbench -pl bench -am package -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "# machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM"}'), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%M:%SZ)"

if [[ "${SKIP_KAFKA:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$CP" io.newsflow.bench.BenchMain "$@"
fi

if [[ "${SKIP_JMH:-0}" != 1 ]]; then
  # shellcheck disable=SC2086
  java -cp "$CP" org.openjdk.jmh.Main ${JMH_OPTS:--f 1 -wi 2 -i 3 -w 2s -r 2s} \
    -jvmArgs "-Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
    "${JMH_FILTER:-io.newsflow.bench.*Benchmark.*}"
fi

if [[ -n "${SENTIMENT_DATA:-}" ]]; then
  bench/sentiment-eval.sh "$SENTIMENT_DATA"
fi
